#pragma once
// The stages after the ARP sweep: ICMP for routed targets (and for the on-link hosts ARP found, for
// their TTL), then the slower probes - SNMP, mDNS/DNS-SD, TCP services - only for hosts that answered
// something, unless silent addresses are to be probed too. A passive listener (LLDP, CDP, mDNS, DHCP,
// gratuitous ARP) runs on every scanned interface for the length of the scan.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "agent/scan_plan.hpp"
#include "collectors/collector.hpp"
#include "collectors/snmp/walk_plan.hpp"

namespace nd {

// Several collectors run on threads of their own: one lock in front of the scan's sink.
class LockedSink final : public ObservationSink {
public:
    explicit LockedSink(ObservationSink& inner) : inner_(inner) {}
    void emit(Observation observation) override {
        const std::lock_guard lock(mutex_);
        inner_.emit(std::move(observation));
    }
    // Holds other emitters off while the caller reads the inner sink.
    std::unique_lock<std::mutex> hold() { return std::unique_lock(mutex_); }

private:
    ObservationSink& inner_;
    std::mutex mutex_;
};

// Listens on the scanned interfaces from construction until stop() (or destruction).
class PassiveCapture {
public:
    PassiveCapture(const std::vector<std::string>& interfaces, ObservationSink& sink, std::int64_t scan_id);
    ~PassiveCapture();
    PassiveCapture(const PassiveCapture&) = delete;
    PassiveCapture& operator=(const PassiveCapture&) = delete;

    // Keeps listening until at least `min_seconds` have passed since construction, then stops.
    void stop(double min_seconds = 0);
    std::uint64_t observations() const { return observations_; }
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    std::vector<std::thread> threads_;
    std::atomic<bool> stop_{false};
    std::atomic<std::uint64_t> observations_{0};
    std::vector<std::string> warnings_;
    std::chrono::steady_clock::time_point started_;
};

struct StageReport {
    std::uint64_t icmp_answered = 0;
    std::uint64_t snmp_answered = 0;
    std::uint64_t mdns_responders = 0;
    std::uint64_t tcp_hosts = 0;
    std::uint64_t packets_sent = 0;
    double icmp_seconds = 0;
    std::vector<std::string> warnings;
};

// The scan's shared limits: one packet rate for every collector, one per-host concurrency limit.
struct ScanLimits {
    explicit ScanLimits(const ScanOptions& options)
        : rate(options.rate_pps), per_host(options.max_per_host) {}
    RateLimit rate;
    HostSlots per_host;
};

// Runs ICMP, SNMP, mDNS and TCP probes in that order. `snmp_plan` (optional) gives the SNMP walk's plan when
// that stage starts (default: default_walk_plan()). `answered` holds the addresses that answered ARP,
// `slowest_arp_rtt` their slowest reply (it sets the wait for their echo replies).
// Observations outside the scan's targets, or inside its exclusions, are dropped. Never throws for a
// collector's failure: the stage is skipped with a warning and the scan goes on.
StageReport run_followup_stages(const ScanPlan& plan, const ScanOptions& options, std::int64_t scan_id,
                                const std::vector<Ipv4Address>& answered, ObservationSink& sink,
                                const std::atomic<bool>* cancel, ScanLimits* limits = nullptr,
                                std::chrono::microseconds slowest_arp_rtt = std::chrono::milliseconds(1),
                                std::function<WalkPlan()> snmp_plan = {});

}  // namespace nd
