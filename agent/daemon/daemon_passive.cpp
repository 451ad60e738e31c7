#include "agent/daemon/daemon_passive.hpp"

#include <set>
#include <stdexcept>

#include "agent/logging.hpp"
#include "agent/scan_stages.hpp"
#include "collectors/arp/local_interfaces.hpp"
#include "fingerprint/engine.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

// A store that can't be written for a long time must not make the daemon grow without bound.
constexpr std::size_t kMaxBuffered = 100000;

class LivePassive final : public PassiveHandle {
public:
    LivePassive(std::vector<std::string> interfaces, ObservationSink& sink)
        : interfaces_(std::move(interfaces)), capture_(interfaces_, sink, /*scan_id=*/0) {}
    std::vector<std::string> interfaces() const override { return interfaces_; }

private:
    std::vector<std::string> interfaces_;
    PassiveCapture capture_;
};

}  // namespace

std::unique_ptr<PassiveHandle> open_live_passive(const ScanOptions& options, ObservationSink& sink) {
    const auto plan = plan_scan(options, list_local_interfaces());
    std::vector<std::string> names;
    for (const auto& arp : plan.arp) names.push_back(arp.endpoint.interface);
    if (names.empty()) throw std::runtime_error("no local interface on the scan's targets to listen on");
    return std::make_unique<LivePassive>(std::move(names), sink);
}

PassiveRecorder::PassiveRecorder() = default;
PassiveRecorder::~PassiveRecorder() = default;

void PassiveRecorder::emit(Observation observation) {
    const std::lock_guard lock(mutex_);
    if (buffer_.size() >= kMaxBuffered) return;  // the listener's repeat suppression keeps this rare
    observation.scan_id = 0;                     // heard between scans
    buffer_.push_back(std::move(observation));
}

std::size_t PassiveRecorder::pending() const {
    const std::lock_guard lock(mutex_);
    return buffer_.size();
}

PassiveFlush PassiveRecorder::flush(const std::filesystem::path& store_path) {
    std::vector<Observation> batch;
    {
        const std::lock_guard lock(mutex_);
        batch.swap(buffer_);
    }
    PassiveFlush out;
    if (batch.empty()) return out;
    std::vector<std::int64_t> ids;
    std::optional<Store> store;
    try {
        store.emplace(Store::open_existing(store_path));
        ids = store->record(batch);
    } catch (...) {
        const std::lock_guard lock(mutex_);  // keep them for the next flush, oldest first
        batch.insert(batch.end(), std::make_move_iterator(buffer_.begin()),
                     std::make_move_iterator(buffer_.end()));
        if (batch.size() > kMaxBuffered) batch.resize(kMaxBuffered);
        buffer_.swap(batch);
        throw;
    }
    std::set<std::int64_t> devices(ids.begin(), ids.end());
    devices.erase(0);
    out.observations = batch.size();
    out.devices = devices.size();
    if (!engine_ && !engine_failed_) {
        try {
            engine_ = std::make_unique<FingerprintEngine>(
                FingerprintEngine::load_default(FingerprintEngine::default_cache_dir()));
        } catch (const std::exception& e) {
            engine_failed_ = true;
            module_logger("daemon")->warn("passive findings are stored without a verdict: {}", e.what());
        }
    }
    if (engine_) {
        for (const auto id : devices) {
            if (const auto device = store->device(id))
                store->set_verdict(id, engine_->classify(device->evidence));
        }
    }
    return out;
}

}  // namespace nd
