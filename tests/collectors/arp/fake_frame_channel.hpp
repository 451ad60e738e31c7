#pragma once
// A FrameChannel with a virtual clock and simulated hosts: sends nothing, answers ARP requests the way
// the configured hosts would (delay, lost requests, silence), so sweep logic is tested without root.
#include <map>
#include <optional>
#include <vector>

#include "collectors/arp/arp_codec.hpp"
#include "collectors/arp/frame_channel.hpp"

namespace nd::testing {

struct FakeHost {
    MacAddress mac;
    std::chrono::microseconds delay{200};
    int ignore_first = 0;  // requests lost before this host hears one
    int answers_per_request = 1;
};

class FakeFrameChannel : public FrameChannel {
public:
    explicit FakeFrameChannel(MacAddress scanner_mac, Ipv4Address scanner_ip)
        : scanner_mac_(scanner_mac), scanner_ip_(scanner_ip) {}

    void add_host(Ipv4Address ip, FakeHost host) { hosts_.emplace(ip.value(), std::vector<FakeHost>{host}); }
    void add_conflicting_host(Ipv4Address ip, FakeHost host) { hosts_[ip.value()].push_back(host); }
    // A raw frame delivered at `at` from the start, whatever was sent.
    void inject(std::vector<std::uint8_t> frame, std::chrono::microseconds at) {
        pending_.emplace(start_ + at, std::move(frame));
    }

    int busy_sends = 0;    // the next N sends report back-pressure
    int failed_sends = 0;  // the next N sends fail
    std::uint64_t drops = 0;

    std::vector<Clock::time_point> send_times;
    std::map<std::uint32_t, int> requests_to;  // target IP -> requests seen
    std::size_t busy_seen = 0;

    SendStatus send(std::span<const std::uint8_t> frame) override {
        if (busy_sends > 0) {
            --busy_sends;
            ++busy_seen;
            return SendStatus::kBusy;
        }
        if (failed_sends > 0) {
            --failed_sends;
            return SendStatus::kFailed;
        }
        send_times.push_back(now_);
        ArpParseError error;
        const auto request = parse_arp_frame(frame, error);
        if (!request || !request->is_request()) return SendStatus::kSent;
        const int seen = ++requests_to[request->target_ip.value()];
        const auto it = hosts_.find(request->target_ip.value());
        if (it == hosts_.end()) return SendStatus::kSent;
        for (const auto& host : it->second) {
            if (seen <= host.ignore_first) continue;
            ArpPacket reply;
            reply.ethernet_destination = scanner_mac_;
            reply.ethernet_source = host.mac;
            reply.operation = static_cast<std::uint16_t>(ArpOperation::kReply);
            reply.sender_mac = host.mac;
            reply.sender_ip = request->target_ip;
            reply.target_mac = scanner_mac_;
            reply.target_ip = scanner_ip_;
            const auto bytes = build_arp_frame(reply);
            for (int n = 0; n < host.answers_per_request; ++n) {
                pending_.emplace(now_ + host.delay, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
            }
        }
        return SendStatus::kSent;
    }

    std::size_t receive(Clock::time_point deadline, const FrameHandler& on_frame) override {
        ++receive_calls;
        std::size_t delivered = deliver_due(on_frame);
        if (delivered > 0 || deadline <= now_) return delivered;
        auto next = deadline;
        if (!pending_.empty()) next = std::min(next, pending_.begin()->first);
        now_ = next;
        return deliver_due(on_frame);
    }

    std::uint64_t dropped() override { return drops; }
    Clock::time_point now() const override { return now_; }
    Clock::time_point start() const { return start_; }
    std::size_t receive_calls = 0;

private:
    std::size_t deliver_due(const FrameHandler& on_frame) {
        std::size_t n = 0;
        while (!pending_.empty() && pending_.begin()->first <= now_) {
            auto node = pending_.extract(pending_.begin());
            on_frame(node.mapped(), node.key());
            ++n;
        }
        return n;
    }

    MacAddress scanner_mac_;
    Ipv4Address scanner_ip_;
    Clock::time_point start_ = Clock::time_point{} + std::chrono::hours(1);
    Clock::time_point now_ = start_;
    std::map<std::uint32_t, std::vector<FakeHost>> hosts_;
    std::multimap<Clock::time_point, std::vector<std::uint8_t>> pending_;
};

}  // namespace nd::testing
