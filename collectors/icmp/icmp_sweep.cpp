#include "collectors/icmp/icmp_sweep.hpp"

#include <unistd.h>

#include <algorithm>
#include <deque>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "collectors/icmp/icmp_codec.hpp"

namespace nd {
namespace {

using Clock = IcmpChannel::Clock;

enum class State { kWaiting, kInFlight, kDone };

struct Target {
    Ipv4Address ip;
    State state = State::kWaiting;
    int attempts = 0;
    int busy = 0;
    bool on_link = false;
    std::size_t unresolved = 0;  // entries of this target in the unresolved window
    Clock::time_point sent_at{};
};

std::uint64_t to_ns(Clock::time_point t) {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count());
}

// One run's state; the sweep object only holds configuration.
class Run {
public:
    Run(IcmpChannel& channel, const IcmpSweepOptions& options, Pacer& bucket, ObservationSink& sink,
        const IcmpSweep::ProgressHandler& progress)
        : channel_(channel), options_(options), bucket_(bucket), sink_(sink), progress_(progress) {}

    IcmpSweepResult run(const std::vector<Ipv4Address>& addresses) {
        const auto start = channel_.now();
        for (const auto ip : addresses) {
            if (!index_.emplace(ip.value(), targets_.size()).second) continue;
            Target t{ip};
            t.on_link = std::any_of(options_.on_link.begin(), options_.on_link.end(),
                                    [&](const auto& net) { return net.contains(ip); });
            targets_.push_back(t);
        }
        for (std::size_t i = 0; i < targets_.size(); ++i) queue_.push_back(i);
        result_.targets = targets_.size();
        while (done_ < targets_.size()) {
            if (cancelled()) {
                result_.cancelled = true;
                break;
            }
            const auto now = channel_.now();
            expire(now);
            send_some(now);
            if (done_ == targets_.size()) break;
            channel_.receive(wake_time(channel_.now()),
                             [this](auto packet, auto when) { on_packet(packet, when); });
        }
        result_.elapsed = channel_.now() - start;
        report();
        return result_;
    }

private:
    bool cancelled() const { return options_.cancel != nullptr && options_.cancel->load(); }

    void finish(Target& t) {
        t.state = State::kDone;
        ++done_;
        if (progress_ && done_ % 256 == 0) report();
    }

    void report() {
        if (progress_) progress_({targets_.size(), done_, result_.answered});
    }

    // Requests older than the reply timeout: retry while attempts remain, else give up on the address.
    void expire(Clock::time_point now) {
        while (!sent_order_.empty()) {
            auto& t = targets_[sent_order_.front()];
            if (t.state != State::kInFlight) {
                sent_order_.pop_front();
                continue;
            }
            if (now < t.sent_at + options_.reply_timeout) break;
            sent_order_.pop_front();
            if (t.attempts <= options_.retries) {
                t.state = State::kWaiting;
                queue_.push_front(static_cast<std::size_t>(&t - targets_.data()));  // retries first
            } else {
                ++result_.stats.timeouts;
                finish(t);
            }
        }
    }

    // Requests to on-link addresses leave the window once the kernel has given up resolving them.
    void prune_unresolved(Clock::time_point now) {
        while (!unresolved_.empty() && unresolved_.front().first + options_.neighbour_hold <= now) {
            auto& t = targets_[unresolved_.front().second];
            if (t.unresolved > 0) {
                --t.unresolved;
                --unresolved_count_;
            }
            unresolved_.pop_front();
        }
    }

    bool unresolved_full() const { return unresolved_count_ >= options_.max_unresolved_in_flight; }

    void send_some(Clock::time_point now) {
        if (now < busy_until_) return;
        prune_unresolved(now);
        while (!queue_.empty() && !cancelled()) {
            const auto i = queue_.front();
            auto& t = targets_[i];
            if (t.on_link && unresolved_full()) return;
            if (!bucket_.try_take(now)) return;
            const auto message = build_icmp_echo_request(
                {options_.identifier, static_cast<std::uint16_t>(i & 0xffffU), to_ns(now)});
            switch (channel_.send(t.ip, message)) {
                case IcmpChannel::SendStatus::kSent:
                    queue_.pop_front();
                    ++result_.stats.sent;
                    ++t.attempts;
                    t.sent_at = now;
                    t.state = State::kInFlight;
                    sent_order_.push_back(i);
                    if (t.on_link) {
                        unresolved_.emplace_back(now, i);
                        ++t.unresolved;
                        ++unresolved_count_;
                    }
                    break;
                case IcmpChannel::SendStatus::kBusy:
                    ++result_.busy;
                    busy_until_ = now + options_.busy_backoff;
                    if (++t.busy > options_.max_busy_retries) {
                        queue_.pop_front();
                        ++result_.stats.send_errors;
                        finish(t);
                    }
                    return;
                case IcmpChannel::SendStatus::kFailed:
                    queue_.pop_front();
                    ++result_.stats.send_errors;
                    finish(t);
                    break;
            }
        }
    }

    Clock::time_point wake_time(Clock::time_point now) {
        auto wake = now + options_.reply_timeout;
        for (const auto i : sent_order_) {  // the oldest request still in flight
            if (targets_[i].state == State::kInFlight) {
                wake = std::min(wake, targets_[i].sent_at + options_.reply_timeout);
                break;
            }
        }
        if (!queue_.empty()) {
            const bool blocked = targets_[queue_.front()].on_link && unresolved_full();
            if (blocked && !unresolved_.empty()) {
                wake = std::min(wake, unresolved_.front().first + options_.neighbour_hold);
            } else if (!blocked) {
                wake = std::min(wake, std::max(busy_until_, bucket_.next_token(now)));
            }
        }
        return std::max(wake, now);
    }

    void on_packet(std::span<const std::uint8_t> packet, Clock::time_point when) {
        const auto message = parse_icmp_packet(packet);
        if (!message) {
            ++result_.stats.malformed;
            return;
        }
        if (message->echo.identifier != options_.identifier) {
            ++result_.foreign;
            return;
        }
        const auto asked = message->type == kIcmpEchoReply ? message->source : *message->quoted_destination;
        const auto it = index_.find(asked.value());
        if (it == index_.end() || (it->second & 0xffffU) != message->echo.sequence) {
            ++result_.foreign;
            return;
        }
        auto& t = targets_[it->second];
        if (t.state == State::kDone) return;  // a late duplicate
        if (message->type != kIcmpEchoReply) {
            if (message->type == kIcmpDestinationUnreachable) {
                ++result_.unreachable;
                finish(t);
            }
            return;  // time exceeded: a routing loop; let the timeout decide
        }
        ++result_.stats.received;
        ++result_.answered;
        unresolved_count_ -= t.unresolved;  // it answered, so it was resolved: the kernel holds nothing
        t.unresolved = 0;
        Observation o;
        o.source = "icmp";
        o.time = std::chrono::system_clock::now();
        o.scan_id = options_.scan_id;
        o.evidence.ips = {t.ip};
        o.evidence.ttl = message->ttl;
        const auto sent_ns = message->has_timestamp ? message->echo.timestamp_ns : to_ns(t.sent_at);
        const auto rtt_ns = static_cast<double>(to_ns(when) - std::min(sent_ns, to_ns(when)));
        o.evidence.rtt_ms = rtt_ns / 1e6;
        finish(t);
        sink_.emit(std::move(o));
    }

    IcmpChannel& channel_;
    const IcmpSweepOptions& options_;
    Pacer& bucket_;
    ObservationSink& sink_;
    const IcmpSweep::ProgressHandler& progress_;
    std::vector<Target> targets_;
    std::unordered_map<std::uint32_t, std::size_t> index_;
    std::deque<std::size_t> queue_;       // waiting to be sent (retries at the front)
    std::deque<std::size_t> sent_order_;  // in send order, for timeouts
    std::deque<std::pair<Clock::time_point, std::size_t>> unresolved_;  // on-link sends, oldest first
    std::size_t unresolved_count_ = 0;
    std::size_t done_ = 0;
    Clock::time_point busy_until_{};
    IcmpSweepResult result_;
};

}  // namespace

std::vector<Ipv4Address> icmp_sweep_addresses(const std::vector<Ipv4Network>& targets,
                                              const std::vector<Ipv4Network>& exclude, std::uint64_t limit) {
    std::uint64_t total = 0;
    for (const auto& net : targets) total += net.host_count();
    if (total > limit) {
        throw std::invalid_argument("ICMP targets add up to " + std::to_string(total) +
                                    " addresses, more than " + std::to_string(limit));
    }
    std::vector<Ipv4Address> out;
    std::unordered_set<std::uint32_t> seen;
    for (const auto& net : targets) {
        if (net.host_count() == 0) continue;
        for (std::uint32_t v = net.first_host().value(); v <= net.last_host().value(); ++v) {
            const Ipv4Address ip{v};
            const bool excluded =
                std::any_of(exclude.begin(), exclude.end(), [&](const auto& e) { return e.contains(ip); });
            if (!excluded && seen.insert(v).second) out.push_back(ip);
            if (v == 0xffffffffU) break;
        }
    }
    return out;
}

IcmpSweep::IcmpSweep(IcmpChannel& channel, IcmpSweepOptions options, RateLimit* shared_rate)
    : channel_(channel), options_(options), shared_rate_(shared_rate) {
    if (options_.identifier == 0) options_.identifier = static_cast<std::uint16_t>((::getpid() & 0xffff) | 1);
    if (options_.max_unresolved_in_flight == 0) options_.max_unresolved_in_flight = 1;
}

IcmpSweepResult IcmpSweep::run(const std::vector<Ipv4Address>& targets, ObservationSink& sink,
                               const ProgressHandler& progress) {
    Pacer bucket(shared_rate_, options_.rate_pps, options_.rate_pps / 200.0, channel_.now());
    return Run{channel_, options_, bucket, sink, progress}.run(targets);
}

}  // namespace nd
