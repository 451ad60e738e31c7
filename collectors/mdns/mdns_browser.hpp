#pragma once
// Active DNS-SD browse (RFC 6763): enumerate service types, then their instances, then whatever SRV,
// TXT or A record the answers left out; bounded in time and in questions. Results are grouped per
// responding host: one Observation (source "mdns") per IP with its services and host names.
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "collectors/collector.hpp"
#include "collectors/mdns/datagram_channel.hpp"
#include "collectors/mdns/mdns_query.hpp"
#include "collectors/packets/mdns.hpp"

namespace nd {

struct MdnsBrowseOptions {
    std::chrono::milliseconds timeout{4000};      // the whole browse, all stages
    std::chrono::milliseconds quiet_period{500};  // a stage ends this long after the last answer
    std::chrono::milliseconds resend_after{250};  // each query is sent twice (UDP, no retransmit)
    bool unicast_response = true;                 // QU bit
    std::size_t max_service_types = 64;           // bounds what a hostile responder can make us ask
    // One question per message: answers to our one-shot (legacy unicast) queries are held to 512
    // bytes by responders such as avahi, and a printer's TXT record alone is near that.
    std::size_t max_questions_per_query = 1;
    std::int64_t scan_id = 0;
    RateLimit* rate = nullptr;  // the scan's global packet rate: one token per query sent
};

struct MdnsBrowseResult {
    CollectorStats stats;  // sent queries, received datagrams, malformed, send errors
    std::size_t responders = 0;
    std::size_t services = 0;
};

class MdnsBrowser {
public:
    MdnsBrowser(DatagramChannel& channel, MdnsBrowseOptions options) : channel_(channel), options_(options) {}

    MdnsBrowseResult browse(ObservationSink& sink);

private:
    using Questions = std::vector<MdnsQuestion>;
    void stage(const Questions& questions, DatagramChannel::Clock::time_point end);
    void send(const Questions& questions);
    Questions follow_up_questions();

    DatagramChannel& channel_;
    MdnsBrowseOptions options_;
    std::map<Ipv4Address, packets::DnsRecords> by_responder_;
    std::set<std::string> asked_;  // follow-up questions already sent in this browse
    CollectorStats stats_;
};

}  // namespace nd
