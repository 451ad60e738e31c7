#pragma once
// A DatagramChannel with a virtual clock and scripted responders: each sent query is handed to a
// responder function that returns answers (delay, source, payload) to deliver later.
#include <ldns/ldns.h>

#include <cstdlib>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "collectors/mdns/datagram_channel.hpp"

namespace nd::test {

struct ScriptedAnswer {
    std::chrono::milliseconds delay{30};
    Ipv4Address from;
    std::vector<std::uint8_t> payload;
};

class FakeDatagramChannel final : public DatagramChannel {
public:
    using Responder = std::function<std::vector<ScriptedAnswer>(const std::vector<std::uint8_t>& query)>;
    explicit FakeDatagramChannel(Responder responder) : responder_(std::move(responder)) {}

    bool send(std::span<const std::uint8_t> payload, Ipv4Address to, std::uint16_t port) override {
        sent.emplace_back(payload.begin(), payload.end());
        destinations.emplace_back(to, port);
        for (auto& a : responder_(sent.back())) pending_.push_back({now_ + a.delay, std::move(a)});
        return true;
    }
    std::size_t receive(Clock::time_point deadline, const Handler& on_datagram) override {
        std::size_t n = 0;
        for (;;) {
            auto it = std::min_element(pending_.begin(), pending_.end(),
                                       [](const auto& a, const auto& b) { return a.first < b.first; });
            if (it == pending_.end() || it->first > deadline) break;
            now_ = std::max(now_, it->first);
            const auto answer = std::move(it->second);
            pending_.erase(it);
            on_datagram(answer.payload, answer.from, 5353);
            ++n;
            if (n > 0) return n;  // like a socket: return what is ready, let the caller re-check time
        }
        now_ = std::max(now_, deadline);
        return n;
    }
    Clock::time_point now() const override { return now_; }

    std::vector<std::vector<std::uint8_t>> sent;
    std::vector<std::pair<Ipv4Address, std::uint16_t>> destinations;

private:
    Responder responder_;
    Clock::time_point now_{};
    std::deque<std::pair<Clock::time_point, ScriptedAnswer>> pending_;
};

// A DNS response holding `rrs` in the answer section, built with ldns from zone-file text.
inline std::vector<std::uint8_t> dns_response(const std::vector<std::string>& rrs) {
    ldns_pkt* pkt = ldns_pkt_new();
    ldns_pkt_set_qr(pkt, true);
    ldns_pkt_set_aa(pkt, true);
    for (const auto& text : rrs) {
        ldns_rr* rr = nullptr;
        if (ldns_rr_new_frm_str(&rr, text.c_str(), 120, nullptr, nullptr) == LDNS_STATUS_OK) {
            ldns_pkt_push_rr(pkt, LDNS_SECTION_ANSWER, rr);
        }
    }
    std::uint8_t* wire = nullptr;
    std::size_t size = 0;
    std::vector<std::uint8_t> out;
    if (ldns_pkt2wire(&wire, pkt, &size) == LDNS_STATUS_OK) out.assign(wire, wire + size);
    std::free(wire);
    ldns_pkt_free(pkt);
    return out;
}

}  // namespace nd::test
