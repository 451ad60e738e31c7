#include "collectors/arp/arp_sweep.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "collectors/arp/arp_codec.hpp"
#include "collectors/arp/token_bucket.hpp"

// Design note: retries.
// ARP loss on a switched LAN is rare (well under 1%), while most of a large range is empty: a /16 with
// 4,000 hosts leaves 61,500 addresses unanswered after the first pass. A full retry pass (what arp-scan
// does) re-sends to all of them and doubles the sweep time to recover a handful of lost frames. So:
//   * every target gets one request in the first pass;
//   * the sweep must wait reply_timeout after its first pass anyway (a slow device may answer late);
//     retries go out during that wait and only need their own, adaptive wait (below) afterwards;
//   * retries are paid from a budget shared by all retry passes: max(retry_budget_min, 5% of the
//     targets, rate x reply_timeout). The last term is what fits in the wait: 500 packets at 2,000 pps,
//     so a /24 (at most 253 unanswered addresses x 2 retries) is retried in full at no cost in
//     time; a /16 spends 3,277 packets = 1.6 s. A sweep stays within 20% of addresses / rate + one
//     reply timeout at any rate (measured: bench/discovery_bench.sh);
//   * when the budget can't cover every unanswered address, it goes first to addresses known to be
//     alive (previous scans, neighbour cache), then to neighbours of answering hosts (allocations
//     cluster), then evenly over the rest of the range;
//   * beyond max(retry_budget_min, 5%), a retry goes out only if its adaptive wait ends within that
//     tail: slow replies (a loaded host, 60 ms round trips) stretch the wait to 240 ms, and a second
//     retry round at 20,000 pps would then double the sweep (+115% measured before this rule);
//   * evidence of loss on our side (capture drops, failed sends) lifts the budget: then every
//     unanswered address is retried, correctness before speed.
// A retry waits, since the previous request to its address, for an adaptive time like TCP's RTO:
// four times the slowest reply seen so far, at least 20 ms, at most reply_timeout (the full timeout
// while nothing has answered). LAN replies take well under a millisecond, so retries come quickly;
// a slow device that answers after its retry was sent is still counted (any reply counts), and the
// sweep ends only after a full reply_timeout since the last request. A /24 takes about 0.42 s.

namespace nd {

bool retry_fits_tail(FrameChannel::Clock::time_point send_at, FrameChannel::Clock::duration wait,
                     FrameChannel::Clock::time_point tail_end) {
    return send_at + wait <= tail_end;
}

namespace {

using Clock = FrameChannel::Clock;
constexpr int kMaxBusyRetries = 200;  // consecutive ENOBUFS before a frame counts as failed
constexpr std::chrono::microseconds kBusyBackoff{500};
// The bucket holds 10 ms worth of frames: enough to keep the average rate when the scheduler wakes us
// late on a busy host, small enough to stay polite (20 frames at the default rate).
constexpr std::chrono::duration<double> kBurstWindow{0.010};
constexpr std::chrono::milliseconds kMinRetryWait{20};

struct Target {
    Ipv4Address ip;
    Clock::time_point last_sent{};
    std::uint16_t attempts = 0;
    bool answered = false;
    MacAddress first_mac;
};

class SweepRun {
public:
    SweepRun(FrameChannel& channel, const ArpEndpoint& endpoint, const ArpSweepOptions& options,
             const OuiRegistry& registry, ObservationSink& sink, const ArpSweep::ProgressHandler& progress)
        : channel_(channel),
          endpoint_(endpoint),
          options_(options),
          registry_(registry),
          sink_(sink),
          progress_(progress),
          start_(channel.now()),
          bucket_(options.shared_rate, options.rate_pps, options.rate_pps * kBurstWindow.count(), start_),
          last_progress_(start_) {}

    ArpSweepResult run(const std::vector<Ipv4Address>& addresses) {
        targets_.reserve(addresses.size());
        for (auto ip : addresses) {
            if (index_.emplace(ip.value(), targets_.size()).second) {
                Target target;
                target.ip = ip;
                targets_.push_back(target);
            }
        }
        result_.targets = targets_.size();
        for (std::size_t i = 0; i < targets_.size() && !cancelled(); ++i) send_paced(i);

        const auto first_pass_end = channel_.now();
        const double tail_packets =
            options_.retry_budget_fills_tail
                ? options_.rate_pps * std::chrono::duration<double>(options_.reply_timeout).count()
                : 0.0;
        const auto budget_packets =
            std::max({static_cast<double>(options_.retry_budget_min),
                      options_.retry_budget_fraction * static_cast<double>(targets_.size()), tail_packets});
        std::uint64_t budget = static_cast<std::uint64_t>(budget_packets);
        const auto guaranteed = static_cast<std::uint64_t>(
            std::max(static_cast<double>(options_.retry_budget_min),
                     options_.retry_budget_fraction * static_cast<double>(targets_.size())));
        for (int pass = 1; pass <= options_.retries && !cancelled(); ++pass) {
            if (loss_seen()) result_.retry_budget_lifted = true;
            const auto cap = result_.retry_budget_lifted ? std::numeric_limits<std::uint64_t>::max() : budget;
            const auto chosen = choose_retries(cap);
            if (chosen.empty()) break;
            const auto tail_end = first_pass_end + options_.reply_timeout;
            for (auto i : chosen) {
                if (cancelled()) break;
                const auto due = targets_[i].last_sent + retry_wait();
                // A retry whose own wait would outlast the first pass's tail costs time; without
                // evidence of loss it is not worth it (slow replies widen the wait, see retry_wait()).
                if (!retry_allowed(std::max(due, channel_.now()), tail_end, guaranteed)) break;
                while (!targets_[i].answered && !cancelled() && channel_.now() < due) receive_until(due);
                if (targets_[i].answered) continue;
                send_paced(i);
                ++result_.retries_sent;
                if (budget > 0) --budget;
            }
        }
        // The tail: a full reply_timeout after the first pass (slow devices, late second answers of IP
        // conflicts), and the adaptive retry wait after the last retry (it goes to an address that
        // stayed silent while others answered within their round trip).
        Clock::time_point last_sent = start_;
        for (const auto& t : targets_) last_sent = std::max(last_sent, t.last_sent);
        wait_until(std::max(first_pass_end + options_.reply_timeout,
                            result_.retries_sent > 0 ? last_sent + retry_wait()
                                                     : last_sent + options_.reply_timeout),
                   last_sent);

        for (const auto& t : targets_) {
            if (!t.answered) ++result_.stats.timeouts;
        }
        result_.capture_dropped = channel_.dropped();
        result_.cancelled = cancelled();
        result_.elapsed = channel_.now() - start_;
        report_progress(true);
        emit_found();
        return result_;
    }

private:
    Clock::duration retry_wait() const {
        if (result_.answered == 0) return options_.reply_timeout;
        return std::clamp<Clock::duration>(4 * max_rtt_, kMinRetryWait, options_.reply_timeout);
    }

    // Retries beyond the guaranteed part of the budget go out only while they settle within the
    // first pass's tail. While nothing has answered there is no round trip to go by: then every retry
    // waits the full timeout (a wrong link or a lossy one), correctness before speed.
    bool retry_allowed(Clock::time_point send_at, Clock::time_point tail_end,
                       std::uint64_t guaranteed) const {
        if (result_.retry_budget_lifted || result_.answered == 0) return true;
        return result_.retries_sent < guaranteed || retry_fits_tail(send_at, retry_wait(), tail_end);
    }

    bool cancelled() const { return options_.cancel != nullptr && options_.cancel->load(); }
    bool loss_seen() { return result_.stats.send_errors > 0 || channel_.dropped() > 0; }

    // Unanswered addresses to retry, at most `cap`, in the order their reply timeouts expire.
    std::vector<std::size_t> choose_retries(std::uint64_t cap) {
        std::vector<std::size_t> unanswered;
        for (std::size_t i = 0; i < targets_.size(); ++i) {
            if (!targets_[i].answered &&
                targets_[i].attempts <= static_cast<std::uint16_t>(options_.retries)) {
                unanswered.push_back(i);
            }
        }
        std::vector<std::size_t> chosen;
        if (unanswered.size() <= cap) {
            chosen = std::move(unanswered);
        } else {
            std::set<std::size_t> picked;
            auto take = [&](std::size_t i) {
                if (picked.size() < cap && !targets_[i].answered) picked.insert(i);
            };
            for (auto ip : options_.likely_alive) {
                if (auto it = index_.find(ip.value()); it != index_.end()) take(it->second);
            }
            for (std::size_t i = 0; i < targets_.size() && picked.size() < cap; ++i) {
                if (!targets_[i].answered) continue;
                for (std::uint32_t d = 1; d <= 2; ++d) {
                    for (auto ip : {targets_[i].ip.value() - d, targets_[i].ip.value() + d}) {
                        if (auto it = index_.find(ip); it != index_.end()) take(it->second);
                    }
                }
            }
            const auto left = cap - picked.size();
            if (left > 0) {
                const double stride = static_cast<double>(unanswered.size()) / static_cast<double>(left);
                for (double at = 0; at < static_cast<double>(unanswered.size()) && picked.size() < cap;
                     at += stride) {
                    take(unanswered[static_cast<std::size_t>(at)]);
                }
            }
            chosen.assign(picked.begin(), picked.end());
        }
        std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
            return targets_[a].last_sent < targets_[b].last_sent;
        });
        return chosen;
    }

    void send_paced(std::size_t i) {
        int busy = 0;
        while (!cancelled()) {
            const auto now = channel_.now();
            const auto token_at = bucket_.next_token(now);
            if (token_at > now) {
                receive_until(token_at);
                continue;
            }
            bucket_.try_take(now);
            auto& target = targets_[i];
            const auto frame = build_arp_request(endpoint_.mac, endpoint_.ip, target.ip);
            const auto status = channel_.send(frame);
            if (status == FrameChannel::SendStatus::kBusy && ++busy < kMaxBusyRetries) {
                receive_until(channel_.now() + kBusyBackoff);
                continue;
            }
            target.last_sent = channel_.now();
            ++target.attempts;
            if (status == FrameChannel::SendStatus::kSent) {
                ++result_.stats.sent;
                if (target.attempts == 1) ++first_pass_sent_;
            } else {
                ++result_.stats.send_errors;
            }
            if ((result_.stats.sent & 63U) == 0) receive_until(Clock::time_point{});  // drain, don't wait
            report_progress(false);
            return;
        }
    }

    // Waits for late replies until `deadline`. Once every address has answered, only a second answer
    // (an IP conflict) can still come, and it comes within a round trip: then the adaptive wait after
    // the last request is enough.
    void wait_until(Clock::time_point deadline, Clock::time_point last_sent) {
        while (!cancelled()) {
            const auto end =
                result_.answered < targets_.size() ? deadline : std::min(deadline, last_sent + retry_wait());
            if (channel_.now() >= end) return;
            receive_until(end);
        }
    }

    void receive_until(Clock::time_point deadline) {
        channel_.receive(deadline, [this](std::span<const std::uint8_t> frame, Clock::time_point at) {
            on_frame(frame, at);
        });
    }

    void on_frame(std::span<const std::uint8_t> frame, Clock::time_point at) {
        ArpParseError error = ArpParseError::kNone;
        const auto packet = parse_arp_frame(frame, error);
        if (!packet) {
            ++result_.stats.malformed;
            return;
        }
        if (!packet->is_reply()) return;
        const auto it = index_.find(packet->sender_ip.value());
        if (it == index_.end()) {
            ++result_.unsolicited;
            return;
        }
        auto& target = targets_[it->second];
        if (!seen_.emplace(packet->sender_ip.value(), mac_key(packet->sender_mac)).second) {
            ++result_.duplicates;
            return;
        }
        ++result_.stats.received;
        if (target.answered) {
            ++result_.conflicts;  // a second MAC for this address: IP conflict or proxy ARP, both worth
                                  // recording
        } else {
            target.answered = true;
            target.first_mac = packet->sender_mac;
            ++result_.answered;
        }
        Observation observation;
        observation.source = "arp";
        observation.time = std::chrono::system_clock::now();
        observation.scan_id = options_.scan_id;
        observation.evidence.mac = packet->sender_mac;
        observation.evidence.ips.push_back(packet->sender_ip);
        if (target.attempts > 0 && at >= target.last_sent) {
            max_rtt_ = std::max(max_rtt_, at - target.last_sent);
            observation.evidence.rtt_ms =
                std::chrono::duration<double, std::milli>(at - target.last_sent).count();
        }
        found_.push_back(std::move(observation));
    }

    // The registry is read on its first lookup (tens of milliseconds): doing that at the first reply
    // would stall the pacing mid-sweep, so registrants are looked up once the sweep is over.
    void emit_found() {
        for (auto& observation : found_) {
            if (auto name = registry_.lookup(*observation.evidence.mac))
                observation.evidence.oui_registrant = std::string(*name);
            sink_.emit(std::move(observation));
        }
        found_.clear();
    }

    static std::uint64_t mac_key(const MacAddress& mac) {
        std::uint64_t v = 0;
        for (auto o : mac.octets()) v = (v << 8U) | o;
        return v;
    }

    void report_progress(bool force) {
        if (!progress_) return;
        const auto now = channel_.now();
        if (!force && now - last_progress_ < options_.progress_interval) return;
        last_progress_ = now;
        progress_(
            ArpSweepProgress{targets_.size(), first_pass_sent_, result_.answered, result_.retries_sent});
    }

    FrameChannel& channel_;
    const ArpEndpoint& endpoint_;
    const ArpSweepOptions& options_;
    const OuiRegistry& registry_;
    ObservationSink& sink_;
    const ArpSweep::ProgressHandler& progress_;
    Clock::time_point start_;
    Pacer bucket_;
    Clock::time_point last_progress_;
    std::vector<Target> targets_;
    std::unordered_map<std::uint32_t, std::size_t> index_;
    std::set<std::pair<std::uint32_t, std::uint64_t>> seen_;  // (IP, MAC) pairs already reported
    std::vector<Observation> found_;                          // emitted when the sweep ends
    std::uint64_t first_pass_sent_ = 0;
    Clock::duration max_rtt_{};
    ArpSweepResult result_;
};

}  // namespace

double ArpSweepResult::packets_per_second() const {
    return elapsed.count() > 0 ? static_cast<double>(stats.sent) / elapsed.count() : 0.0;
}

std::vector<Ipv4Address> arp_sweep_addresses(const std::vector<Ipv4Network>& targets,
                                             const std::vector<Ipv4Network>& exclude,
                                             const ArpEndpoint& endpoint) {
    std::vector<Ipv4Address> out;
    std::unordered_set<std::uint32_t> seen;
    for (const auto& target : targets) {
        const auto subnet = std::find_if(endpoint.subnets.begin(), endpoint.subnets.end(),
                                         [&](const Ipv4Network& s) { return s.contains(target); });
        if (subnet == endpoint.subnets.end()) {
            std::string local;
            for (const auto& s : endpoint.subnets) local += (local.empty() ? "" : ", ") + s.to_string();
            throw std::invalid_argument(target.to_string() + " is not on a subnet of " + endpoint.interface +
                                        " (" + (local.empty() ? "none" : local) +
                                        "): ARP only reaches the local link");
        }
        const bool small = target.prefix_length() >= 31;
        const std::uint64_t first = small ? target.network().value() : target.first_host().value();
        const std::uint64_t last =
            small ? target.network().value() + target.size() - 1 : target.last_host().value();
        const std::uint32_t subnet_broadcast = subnet->network().value() | ~subnet->netmask();
        for (std::uint64_t v = first; v <= last; ++v) {
            const Ipv4Address ip(static_cast<std::uint32_t>(v));
            if (ip == endpoint.ip) continue;
            if (subnet->prefix_length() <= 30 && (ip == subnet->network() || ip.value() == subnet_broadcast))
                continue;
            if (std::any_of(exclude.begin(), exclude.end(),
                            [&](const Ipv4Network& e) { return e.contains(ip); })) {
                continue;
            }
            if (seen.insert(ip.value()).second) out.push_back(ip);
        }
    }
    return out;
}

ArpSweep::ArpSweep(FrameChannel& channel, ArpEndpoint endpoint, ArpSweepOptions options,
                   const OuiRegistry& registry)
    : channel_(channel), endpoint_(std::move(endpoint)), options_(std::move(options)), registry_(registry) {}

ArpSweepResult ArpSweep::run(const std::vector<Ipv4Address>& addresses, ObservationSink& sink,
                             const ProgressHandler& progress) {
    SweepRun run(channel_, endpoint_, options_, registry_, sink, progress);
    return run.run(addresses);
}

}  // namespace nd
