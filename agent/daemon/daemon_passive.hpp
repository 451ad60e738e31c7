#pragma once
// The daemon's always-on passive listening: LLDP, CDP, mDNS, DHCP and gratuitous ARP heard between
// scans go into the store (scan id NULL), so a phone that boots at noon or a laptop that only visits
// by day is on record before the next nightly sweep. During a scan the scan's own listener
// (agent/scan_stages.hpp) takes over, so what it hears counts as seen by that scan.
//
// Observations are buffered by the capture threads and written by the daemon's loop (flush()), one
// transaction per flush; devices they touch get a fresh verdict.
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "agent/scan_plan.hpp"
#include "collectors/collector.hpp"

namespace nd {

class FingerprintEngine;

// A running listener; destroying it stops it (bounded: the capture threads poll every 100 ms).
class PassiveHandle {
public:
    virtual ~PassiveHandle() = default;
    virtual std::vector<std::string> interfaces() const = 0;
};

// Starts listening on the interfaces a scan with `options` would sweep from. Throws std::exception
// naming the problem (no interface for the targets yet, capture refused).
using PassiveFactory = std::function<std::unique_ptr<PassiveHandle>(const ScanOptions&, ObservationSink&)>;
std::unique_ptr<PassiveHandle> open_live_passive(const ScanOptions& options, ObservationSink& sink);

struct PassiveFlush {
    std::size_t observations = 0;
    std::size_t devices = 0;
};

// Thread-safe buffer between the capture threads and the store.
class PassiveRecorder final : public ObservationSink {
public:
    PassiveRecorder();
    ~PassiveRecorder() override;
    PassiveRecorder(const PassiveRecorder&) = delete;
    PassiveRecorder& operator=(const PassiveRecorder&) = delete;

    void emit(Observation observation) override;
    std::size_t pending() const;
    // Writes what is buffered into the store at `store` (one transaction) and classifies the devices
    // it touched. Throws StoreError; the buffer is kept for the next attempt then (bounded).
    PassiveFlush flush(const std::filesystem::path& store);

private:
    mutable std::mutex mutex_;
    std::vector<Observation> buffer_;
    std::unique_ptr<FingerprintEngine> engine_;  // loaded at the first flush that needs it
    bool engine_failed_ = false;
};

}  // namespace nd
