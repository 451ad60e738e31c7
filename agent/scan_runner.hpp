#pragma once
// Runs a scan end to end: plan, ARP sweep per interface, observations into the store, a verdict per
// device, the scan run closed with its counts. The network and the interface list are seams, so the
// whole pipeline runs in tests with a fake channel and a temporary store.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "agent/scan_plan.hpp"
#include "agent/scan_stages.hpp"
#include "collectors/arp/frame_channel.hpp"
#include "storage/store.hpp"

namespace nd {

struct ScanReport {
    ScanSummary summary;
    std::vector<std::string> targets;
    std::vector<std::string> interfaces;
    std::vector<std::string> warnings;
    std::uint64_t addresses = 0;  // swept by ARP
    std::uint64_t packets_sent = 0;
    std::uint64_t replies = 0;
    std::uint64_t malformed = 0;
    std::uint64_t retries = 0;
    std::uint64_t observations = 0;
    double elapsed_seconds = 0;  // the whole scan
    double sweep_seconds = 0;    // the ARP sweeps alone
    bool fingerprinted = false;  // verdicts were set (the fingerprint engine loaded)
    bool cancelled = false;
    StageReport stages;                  // ICMP, SNMP, mDNS, TCP after the ARP sweep
    std::uint64_t passive_observations = 0;
    double packets_per_second() const {
        return sweep_seconds > 0 ? static_cast<double>(packets_sent) / sweep_seconds : 0;
    }
};

// A failure before or during the scan that the user must fix; `kind` picks the exit code.
class ScanError : public std::runtime_error {
public:
    enum class Kind { kTarget, kInterface, kCapability, kStore, kCapture };
    ScanError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class ScanRunner {
public:
    using ChannelFactory = std::function<std::unique_ptr<FrameChannel>(const ArpEndpoint&)>;
    using InterfaceLister = std::function<std::vector<LocalInterface>()>;
    using ProgressLine = std::function<void(const std::string& line)>;  // "" clears the line

    // Defaults: libpcap on the real interfaces, the capability check on.
    explicit ScanRunner(ScanOptions options);
    ScanRunner(ScanOptions options, ChannelFactory channels, InterfaceLister interfaces,
               bool check_capability);

    void set_progress(ProgressLine progress) { progress_ = std::move(progress); }
    void set_cancel_flag(const std::atomic<bool>* cancel) { cancel_ = cancel; }

    // Throws ScanError for anything the user must fix; nothing is sent before the plan, the
    // capability and the store have been checked.
    ScanReport run();

private:
    ScanOptions options_;
    ChannelFactory channels_;
    InterfaceLister interfaces_;
    bool check_capability_ = true;
    bool live_network_ = false;  // the follow-up stages and the passive listener use real sockets
    ProgressLine progress_;
    const std::atomic<bool>* cancel_ = nullptr;
};

}  // namespace nd
