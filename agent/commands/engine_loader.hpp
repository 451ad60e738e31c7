#pragma once
// `identify` loads the rules on a thread of its own while it walks the device (the load takes ~40 ms
// from the compiled cache, a small device's walk ~50 ms on loopback). Handed the first device's system
// scalars meanwhile, the thread also classifies them once ahead: the regexes that sysDescr calls for are
// compiled and the rules' memory is warm before the walk ends, so the real classification takes ~1 ms
// after the walk instead of ~5 (measured on loopback, a printer's whole tree).
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fingerprint/engine.hpp"
#include "model/evidence.hpp"

namespace nd {

class BackgroundEngineLoader {
public:
    // Starts loading at once (load_command_engine: the --rules folders or the shipped ones).
    explicit BackgroundEngineLoader(std::vector<std::string> rule_dirs);
    // Never leaves the thread running: a caller that throws still waits for it here.
    ~BackgroundEngineLoader();
    BackgroundEngineLoader(const BackgroundEngineLoader&) = delete;
    BackgroundEngineLoader& operator=(const BackgroundEngineLoader&) = delete;

    // From any thread; only the first call counts. Ignored once get() was called.
    void classify_ahead(const SnmpWalk& system_scalars);
    // Waits for the load (and a classification ahead already under way); rethrows a load error. Once.
    FingerprintEngine get();
    // What the rules read from an SNMP walk (for the walk's plan), as soon as they are loaded; empty when
    // they failed to load (get() reports why). From any thread, any number of times.
    SnmpReads snmp_reads() const { return reads_.get(); }

private:
    FingerprintEngine load_then_warm(const std::vector<std::string>& rule_dirs,
                                     const std::filesystem::path& cache_dir);
    void stop_waiting();

    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<DeviceEvidence> ahead_;
    bool ahead_given_ = false;
    bool caller_waiting_ = false;
    std::promise<SnmpReads> reads_promise_;
    std::shared_future<SnmpReads> reads_ = reads_promise_.get_future().share();
    std::future<FingerprintEngine> loading_;
};

}  // namespace nd
