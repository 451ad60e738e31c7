#pragma once
// The ARP sweep: one broadcast request per target address, paced by a token bucket, replies matched
// to targets, a bounded number of retries, one Observation per (IP, MAC) pair that answered.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "collectors/arp/frame_channel.hpp"
#include "collectors/collector.hpp"
#include "collectors/oui/oui_registry.hpp"
#include "model/address.hpp"

namespace nd {

struct ArpSweepOptions {
    double rate_pps = 2000.0;  // polite default: a /24 in ~0.13 s, a /16 in ~33 s per pass
    int retries = 2;           // extra requests to an address that did not answer
    std::chrono::milliseconds reply_timeout{250};
    // Retries beyond the first pass are paid from a budget of max(retry_budget_min, fraction x targets,
    // rate x reply_timeout when retry_budget_fills_tail) packets in all: the last term is what can be
    // sent while the first pass's last replies are awaited anyway (see the design note in
    // arp_sweep.cpp). Loss seen on our side lifts the cap. With these defaults every sweep stays within
    // 20% of addresses / rate + reply_timeout (bench/discovery_bench.sh).
    std::uint64_t retry_budget_min = 64;
    double retry_budget_fraction = 0.05;
    bool retry_budget_fills_tail = true;
    // Addresses likely to be alive (known devices, the neighbour cache): retried first.
    std::vector<Ipv4Address> likely_alive;
    std::int64_t scan_id = 0;
    std::chrono::milliseconds progress_interval{100};
    const std::atomic<bool>* cancel = nullptr;  // set by a signal handler: stop sending, keep results
    RateLimit* shared_rate = nullptr;           // the scan's global rate limit; null: a bucket at rate_pps
};

// Who we are on the link: the request's sender addresses and the subnets ARP may reach.
struct ArpEndpoint {
    std::string interface;
    MacAddress mac;
    Ipv4Address ip;
    std::vector<Ipv4Network> subnets;
};

struct ArpSweepProgress {
    std::uint64_t targets = 0;
    std::uint64_t first_pass_sent = 0;
    std::uint64_t answered = 0;
    std::uint64_t retries_sent = 0;
};

struct ArpSweepResult {
    CollectorStats stats;  // sent, received (valid replies from targets), malformed, timeouts, send_errors
    std::uint64_t targets = 0;   // addresses swept
    std::uint64_t answered = 0;  // addresses that answered
    std::uint64_t retries_sent = 0;
    std::uint64_t unsolicited = 0;  // replies from addresses we did not ask (kernel's own traffic, ...)
    std::uint64_t duplicates = 0;   // repeated replies of an (IP, MAC) pair already seen
    std::uint64_t conflicts = 0;    // addresses answered by more than one MAC
    std::uint64_t capture_dropped = 0;
    bool retry_budget_lifted = false;
    bool cancelled = false;
    std::chrono::duration<double> elapsed{};
    double packets_per_second() const;
};

// Whether a retry sent at `send_at` is settled (answered or given up after `wait`) by `tail_end`, the
// end of the reply wait after the first pass. Without evidence of loss, retries are sent only then: the
// sweep stays within addresses / rate + one reply timeout at any rate, also when slow replies stretch
// the adaptive retry wait.
bool retry_fits_tail(FrameChannel::Clock::time_point send_at, FrameChannel::Clock::duration wait,
                     FrameChannel::Clock::time_point tail_end);

// Expands target networks into host addresses in order, without exclusions, our own address and
// duplicates. Throws std::invalid_argument naming a target that is not on one of the endpoint's subnets.
std::vector<Ipv4Address> arp_sweep_addresses(const std::vector<Ipv4Network>& targets,
                                             const std::vector<Ipv4Network>& exclude,
                                             const ArpEndpoint& endpoint);

class ArpSweep {
public:
    using ProgressHandler = std::function<void(const ArpSweepProgress&)>;

    ArpSweep(FrameChannel& channel, ArpEndpoint endpoint, ArpSweepOptions options,
             const OuiRegistry& registry);

    // Sweeps `addresses` (see arp_sweep_addresses) and emits an Observation per answering (IP, MAC),
    // all when the sweep ends (the OUI lookup stays out of the paced loop).
    ArpSweepResult run(const std::vector<Ipv4Address>& addresses, ObservationSink& sink,
                       const ProgressHandler& progress = {});

private:
    FrameChannel& channel_;
    ArpEndpoint endpoint_;
    ArpSweepOptions options_;
    const OuiRegistry& registry_;
};

}  // namespace nd
