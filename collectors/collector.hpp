#pragma once
// What every collector shares: where its observations go, what it counts, the scan's one packet rate
// limit and per-host concurrency limit, and the start/stop interface the scan stages drive.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/arp/token_bucket.hpp"
#include "model/address.hpp"
#include "model/evidence.hpp"

namespace nd {

class ObservationSink {
public:
    virtual ~ObservationSink() = default;
    virtual void emit(Observation observation) = 0;
};

// Counters every collector keeps; a malformed packet or answer is data, counted, never an incident.
struct CollectorStats {
    std::uint64_t sent = 0;
    std::uint64_t received = 0;
    std::uint64_t malformed = 0;
    std::uint64_t timeouts = 0;
    std::uint64_t send_errors = 0;
};

std::string to_string(const CollectorStats& stats);

// The scan's global packet rate: one token bucket every collector takes from before it sends a packet
// (an ARP request, an echo request, an SNMP request, an mDNS query, a TCP SYN), from any thread. It is a
// hard cap: a collector that finds no token waits.
class RateLimit {
public:
    using Clock = TokenBucket::Clock;
    // `burst_window`: how much sending may bunch up after a late wake-up (10 ms at 2,000 pps = 20 packets).
    explicit RateLimit(double rate_pps,
                       std::chrono::duration<double> burst_window = std::chrono::milliseconds(10),
                       Clock::time_point start = Clock::now());

    bool try_take(Clock::time_point now = Clock::now());
    Clock::time_point next_token(Clock::time_point now = Clock::now());
    // Blocks until a token is taken, or returns false when `cancel` is set meanwhile.
    bool take(const std::atomic<bool>* cancel = nullptr);
    double rate() const { return rate_; }
    std::uint64_t taken() const { return taken_; }

private:
    std::mutex mutex_;
    TokenBucket bucket_;
    double rate_;
    std::atomic<std::uint64_t> taken_{0};
};

// A sweep's pacing: the scan's shared RateLimit when there is one, else a token bucket of its own (unit
// tests drive sweeps on a fake clock without a shared limit).
class Pacer {
public:
    using Clock = TokenBucket::Clock;
    Pacer(RateLimit* shared, double rate_pps, double burst, Clock::time_point start)
        : shared_(shared), own_(rate_pps, burst, start) {}
    bool try_take(Clock::time_point now) {
        return shared_ != nullptr ? shared_->try_take(now) : own_.try_take(now);
    }
    Clock::time_point next_token(Clock::time_point now) {
        return shared_ != nullptr ? shared_->next_token(now) : own_.next_token(now);
    }

private:
    RateLimit* shared_;
    TokenBucket own_;
};

// At most `limit` requests in flight to one host across all collectors; thread-safe.
class HostSlots {
public:
    explicit HostSlots(int limit) : limit_(limit < 1 ? 1 : limit) {}
    bool try_acquire(Ipv4Address host);
    void release(Ipv4Address host);
    int in_flight(Ipv4Address host) const;
    int limit() const { return limit_; }

private:
    int limit_;
    mutable std::mutex mutex_;
    std::map<std::uint32_t, int> busy_;
};

// What a scan hands every collector it starts.
struct CollectorContext {
    ObservationSink* sink = nullptr;
    std::int64_t scan_id = 0;
    RateLimit* rate = nullptr;      // shared by every collector of the scan; null: unpaced (tests)
    HostSlots* per_host = nullptr;  // shared too; null: no per-host limit beyond the collector's own
    std::vector<Ipv4Address> targets;
};

// One discovery collector as the scan stages drive it: start() runs it over the context's targets and
// returns when it is done; stop() (from another thread, or a signal-driven watcher) asks it to finish
// early, keeping what it found. Passive listeners return from start() at once and run until stop().
class Collector {
public:
    virtual ~Collector() = default;
    virtual std::string_view name() const = 0;
    virtual void start(const CollectorContext& context) = 0;
    virtual void stop() { stop_requested_ = true; }
    virtual CollectorStats stats() const { return stats_; }
    // Addresses that answered this collector (the next stage's "hosts that answered something").
    const std::vector<Ipv4Address>& answered() const { return answered_; }

protected:
    std::atomic<bool> stop_requested_{false};
    CollectorStats stats_;
    std::vector<Ipv4Address> answered_;
};

}  // namespace nd
