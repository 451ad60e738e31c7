#pragma once
// ICMP echo sweep for routed subnets ARP cannot reach: paced by a token bucket (shareable with the
// other sweeps for one global rate), a cap on unanswered requests to on-link addresses (the kernel
// holds them while it ARPs and answers ENOBUFS past ~2 x SO_SNDBUF, see LAB-NOTES), ENOBUFS treated
// as back-pressure and retried, never as "host down". One Observation (source "icmp") per answering
// address, with TTL and RTT.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "collectors/collector.hpp"
#include "collectors/icmp/icmp_channel.hpp"
#include "model/address.hpp"

namespace nd {

struct IcmpSweepOptions {
    double rate_pps = 2000.0;  // used when no shared bucket is given
    int retries = 1;           // extra requests to an address that did not answer
    std::chrono::milliseconds reply_timeout{1000};
    // Targets on a directly connected subnet make the kernel resolve them first and hold the request
    // meanwhile (3 ARP tries, 1 s apart), charged to our socket: cap those unanswered requests over
    // that hold time. Routed targets go to the router's MAC and are only paced by the rate.
    std::vector<Ipv4Network> on_link;
    std::size_t max_unresolved_in_flight = 256;
    std::chrono::milliseconds neighbour_hold{3000};
    std::chrono::milliseconds busy_backoff{10};  // pause after ENOBUFS/EAGAIN before sending again
    int max_busy_retries = 50;                   // per address; then it counts as a send error
    std::uint16_t identifier = 0;                // echo identifier; 0 picks one from the pid
    std::int64_t scan_id = 0;
    const std::atomic<bool>* cancel = nullptr;  // stop sending, keep results
};

struct IcmpSweepProgress {
    std::uint64_t targets = 0;
    std::uint64_t done = 0;  // answered, unreachable, failed or out of retries
    std::uint64_t answered = 0;
};

struct IcmpSweepResult {
    CollectorStats stats;  // sent, received (replies from targets), malformed, timeouts, send_errors
    std::uint64_t targets = 0;
    std::uint64_t answered = 0;
    std::uint64_t unreachable = 0;  // a router said "host unreachable" (a real no, unlike ENOBUFS)
    std::uint64_t busy = 0;         // sends refused with back-pressure and retried
    std::uint64_t foreign = 0;      // ICMP for other pingers or addresses we did not ask
    bool cancelled = false;
    std::chrono::duration<double> elapsed{};
};

// Host addresses of `targets` in order, without `exclude` and duplicates; throws std::invalid_argument
// when they add up to more than `limit` addresses.
std::vector<Ipv4Address> icmp_sweep_addresses(const std::vector<Ipv4Network>& targets,
                                              const std::vector<Ipv4Network>& exclude,
                                              std::uint64_t limit = 1U << 16U);

class IcmpSweep {
public:
    using ProgressHandler = std::function<void(const IcmpSweepProgress&)>;

    // `shared_rate` (optional): the scan's global rate limit; else a bucket of its own at options.rate_pps.
    IcmpSweep(IcmpChannel& channel, IcmpSweepOptions options, RateLimit* shared_rate = nullptr);

    IcmpSweepResult run(const std::vector<Ipv4Address>& targets, ObservationSink& sink,
                        const ProgressHandler& progress = {});

private:
    IcmpChannel& channel_;
    IcmpSweepOptions options_;
    RateLimit* shared_rate_;
};

}  // namespace nd
