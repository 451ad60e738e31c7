#include "agent/commands/engine_loader.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <utility>

#include "agent/commands/rule_loading.hpp"

namespace nd {

BackgroundEngineLoader::BackgroundEngineLoader(std::vector<std::string> rule_dirs) {
    // The cache folder comes from the environment: read here, before the walk sets net-snmp's variables.
    loading_ = std::async(std::launch::async, [this, dirs = std::move(rule_dirs),
                                               cache = FingerprintEngine::default_cache_dir()] {
        return load_then_warm(dirs, cache);
    });
}

BackgroundEngineLoader::~BackgroundEngineLoader() {
    stop_waiting();
    if (loading_.valid()) loading_.wait();
}

void BackgroundEngineLoader::classify_ahead(const SnmpWalk& system_scalars) {
    {
        std::lock_guard lock(mutex_);
        if (ahead_given_ || caller_waiting_) return;
        ahead_given_ = true;
        ahead_.emplace();
        ahead_->snmp = system_scalars;
    }
    changed_.notify_all();
}

FingerprintEngine BackgroundEngineLoader::get() {
    stop_waiting();
    return loading_.get();
}

void BackgroundEngineLoader::stop_waiting() {
    {
        std::lock_guard lock(mutex_);
        caller_waiting_ = true;
    }
    changed_.notify_all();
}

FingerprintEngine BackgroundEngineLoader::load_then_warm(const std::vector<std::string>& rule_dirs,
                                                         const std::filesystem::path& cache_dir) {
    const auto started = std::chrono::steady_clock::now();
    const auto ms = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                     started)
            .count();
    };
    std::optional<FingerprintEngine> loaded;
    try {
        loaded.emplace(load_command_engine(rule_dirs, cache_dir));
    } catch (...) {
        reads_promise_.set_value({});  // the walk goes on with the standard MIBs; get() rethrows
        throw;
    }
    FingerprintEngine engine = std::move(*loaded);
    reads_promise_.set_value(engine.snmp_reads());  // before waiting below: the walk's plan needs them first
    spdlog::debug("{} fingerprint rules loaded in {} ms{}", engine.rule_count(), ms(),
                  engine.rules_from_cache() ? " (compiled cache)" : "");
    std::optional<DeviceEvidence> ahead;
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return ahead_.has_value() || caller_waiting_; });
        if (!caller_waiting_) ahead = std::move(ahead_);  // the caller waiting: it classifies itself
    }
    if (ahead) {
        try {
            (void)engine.classify(*ahead);  // for its side effects: compiled regexes, warm rules
            spdlog::debug("classified the first device's system scalars ahead, {} ms after the load began",
                          ms());
        } catch (const std::exception& e) {  // only a head start: the real classification decides
            spdlog::debug("classifying ahead failed: {}", e.what());
        }
    }
    return engine;
}

}  // namespace nd
