#pragma once
// An IcmpChannel with a virtual clock: live hosts answer after a delay with a given TTL, a router
// answers "host unreachable" for some addresses, and the kernel's ENOBUFS is simulated by refusing
// sends while too many requests to unanswering addresses are outstanding.
#include <map>
#include <set>
#include <vector>

#include "collectors/icmp/icmp_channel.hpp"
#include "collectors/icmp/icmp_codec.hpp"

namespace nd::test {

class FakeIcmpChannel final : public IcmpChannel {
public:
    struct Host {
        std::uint8_t ttl = 64;
        std::chrono::milliseconds delay{2};
    };
    std::map<Ipv4Address, Host> alive;
    std::set<Ipv4Address> unreachable;  // the router answers type 3 code 1 for these
    Ipv4Address router{0xc6120101U};
    std::size_t enobufs_above = 0;                // 0: never push back
    std::chrono::milliseconds kernel_hold{3000};  // how long the kernel holds a packet for an unresolved host

    std::size_t sends = 0;
    std::size_t busy_returned = 0;
    std::map<Ipv4Address, int> requests;  // per address
    std::size_t max_held = 0;

    SendStatus send(Ipv4Address to, std::span<const std::uint8_t> icmp) override {
        prune();
        if (enobufs_above != 0 && held_.size() >= enobufs_above) {
            ++busy_returned;
            return SendStatus::kBusy;
        }
        ++sends;
        ++requests[to];
        std::vector<std::uint8_t> message(icmp.begin(), icmp.end());
        if (const auto it = alive.find(to); it != alive.end()) {
            message[0] = kIcmpEchoReply;
            pending_.insert({now_ + it->second.delay, ipv4(to, it->second.ttl, with_checksum(message))});
        } else {
            held_.insert(now_ + kernel_hold);
            max_held = std::max(max_held, held_.size());
            if (unreachable.count(to) != 0) {
                std::vector<std::uint8_t> error{kIcmpDestinationUnreachable, 1, 0, 0, 0, 0, 0, 0};
                const auto quoted = ipv4(to, 63, message, Ipv4Address{0xc6120102U}, to);
                error.insert(error.end(), quoted.begin(), quoted.begin() + 28);
                pending_.insert(
                    {now_ + std::chrono::milliseconds{3}, ipv4(router, 64, with_checksum(error))});
            }
        }
        return SendStatus::kSent;
    }

    std::size_t receive(Clock::time_point deadline, const PacketHandler& on_packet) override {
        if (pending_.empty() || pending_.begin()->first > deadline) {
            now_ = std::max(now_, deadline);
            return 0;
        }
        const auto [when, packet] = *pending_.begin();
        pending_.erase(pending_.begin());
        now_ = std::max(now_, when);
        on_packet(packet, now_);
        return 1;
    }
    Clock::time_point now() const override { return now_; }

    void inject(std::vector<std::uint8_t> packet) { pending_.insert({now_, std::move(packet)}); }

    static std::vector<std::uint8_t> with_checksum(std::vector<std::uint8_t> icmp) {
        icmp[2] = icmp[3] = 0;
        const auto sum = internet_checksum(icmp);
        icmp[2] = static_cast<std::uint8_t>(sum >> 8);
        icmp[3] = static_cast<std::uint8_t>(sum);
        return icmp;
    }
    static std::vector<std::uint8_t> ipv4(Ipv4Address source, std::uint8_t ttl,
                                          const std::vector<std::uint8_t>& icmp,
                                          Ipv4Address src_override = {}, Ipv4Address destination = {}) {
        const Ipv4Address src = src_override.value() != 0 ? src_override : source;
        const std::size_t total = 20 + icmp.size();
        std::vector<std::uint8_t> p{0x45,
                                    0,
                                    static_cast<std::uint8_t>(total >> 8),
                                    static_cast<std::uint8_t>(total),
                                    0,
                                    0,
                                    0,
                                    0,
                                    ttl,
                                    1,
                                    0,
                                    0};
        for (const auto a : {src, destination}) {
            for (int s = 24; s >= 0; s -= 8) p.push_back(static_cast<std::uint8_t>(a.value() >> s));
        }
        p.insert(p.end(), icmp.begin(), icmp.end());
        return p;
    }

private:
    void prune() {
        while (!held_.empty() && *held_.begin() <= now_) held_.erase(held_.begin());
    }
    Clock::time_point now_{std::chrono::seconds{1000}};
    std::multimap<Clock::time_point, std::vector<std::uint8_t>> pending_;
    std::multiset<Clock::time_point> held_;
};

}  // namespace nd::test
