#include "collectors/mdns/mdns_browser.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include "collectors/mdns/mdns_query.hpp"

namespace nd {
namespace {

constexpr std::uint16_t kMdnsPort = 5353;
const Ipv4Address kMdnsGroup{0xe00000fbU};  // 224.0.0.251
constexpr std::size_t kMaxResponders = 4096;
constexpr int kFollowUpRounds = 2;
constexpr std::size_t kMaxRecordsPerResponder = 2048;

}  // namespace

void MdnsBrowser::send(const Questions& questions) {
    for (std::size_t i = 0; i < questions.size(); i += options_.max_questions_per_query) {
        const auto last = std::min(questions.size(), i + options_.max_questions_per_query);
        const Questions batch(questions.begin() + static_cast<std::ptrdiff_t>(i),
                              questions.begin() + static_cast<std::ptrdiff_t>(last));
        const auto wire = build_mdns_query(batch, options_.unicast_response);
        if (wire.empty()) {
            ++stats_.send_errors;
            continue;
        }
        if (options_.rate != nullptr) options_.rate->take();
        if (channel_.send(wire, kMdnsGroup, kMdnsPort)) {
            ++stats_.sent;
        } else {
            ++stats_.send_errors;
        }
    }
}

// Sends `questions` (twice) and collects answers until `end`, or until the link has been quiet.
void MdnsBrowser::stage(const Questions& questions, DatagramChannel::Clock::time_point end) {
    send(questions);
    const auto sent_at = channel_.now();
    auto last_activity = sent_at;
    bool resent = false;
    const auto on_datagram = [&](std::span<const std::uint8_t> payload, Ipv4Address from, std::uint16_t) {
        ++stats_.received;
        last_activity = channel_.now();
        const auto message = packets::decode_mdns(payload);
        if (!message.ok()) {
            ++stats_.malformed;
            spdlog::debug("collector.mdns: malformed answer from {}: {}", from.to_string(),
                          packets::to_string(message.error()));
            return;
        }
        if (!message->response) return;
        // Bounded memory whatever the link sends: records per responder and responders per browse.
        if (by_responder_.size() >= kMaxResponders && by_responder_.count(from) == 0) return;
        auto& records = by_responder_[from];
        if (records.ptr.size() + records.srv.size() + records.txt.size() + records.a.size() <
            kMaxRecordsPerResponder) {
            records.append(message->records);
        }
    };
    for (;;) {
        const auto now = channel_.now();
        if (!resent && now >= sent_at + options_.resend_after) {
            send(questions);
            resent = true;
            last_activity = std::max(last_activity, now);
        }
        if (now >= end || (resent && now >= last_activity + options_.quiet_period)) break;
        auto until = std::min(end, last_activity + options_.quiet_period);
        if (!resent) until = std::min(until, sent_at + options_.resend_after);
        channel_.receive(until, on_datagram);
    }
}

MdnsBrowser::Questions MdnsBrowser::follow_up_questions() {
    Questions out;
    auto ask = [&](MdnsQuestion q) {
        std::string key = std::to_string(q.type);
        for (const auto& l : q.labels) key += "/" + packets::ascii_lower(l);
        if (asked_.insert(key).second) out.push_back(std::move(q));  // never the same question twice
    };
    for (const auto& [ip, records] : by_responder_) {
        for (const auto& service : packets::assemble_services(records)) {
            if (service.host.empty()) ask(instance_question(service.instance, service.type, kDnsTypeSrv));
            if (service.txt.empty()) ask(instance_question(service.instance, service.type, kDnsTypeTxt));
            if (!service.host.empty() && std::none_of(records.a.begin(), records.a.end(), [&](const auto& a) {
                    return packets::ascii_lower(a.owner) == packets::ascii_lower(service.host);
                })) {
                ask({split_labels(service.host), kDnsTypeA});
            }
        }
    }
    return out;
}

MdnsBrowseResult MdnsBrowser::browse(ObservationSink& sink) {
    const auto start = channel_.now();
    const auto end = start + options_.timeout;
    by_responder_.clear();
    asked_.clear();
    stats_ = {};

    stage({{split_labels(packets::kServiceEnumeration), kDnsTypePtr}},
          std::min(end, start + options_.timeout / 3));

    std::set<std::string> types;
    for (const auto& [ip, records] : by_responder_) {
        for (const auto& t : packets::service_types(records)) {
            if (types.size() < options_.max_service_types) types.insert(packets::ascii_lower(t));
        }
    }
    Questions browse_types;
    for (const auto& t : types) browse_types.push_back({split_labels(t), kDnsTypePtr});
    if (!browse_types.empty() && channel_.now() < end) {
        stage(browse_types, std::min(end, channel_.now() + options_.timeout / 3));
    }
    // SRV answers name hosts whose A record may need one more round: at most kFollowUpRounds.
    for (int round = 0; round < kFollowUpRounds && channel_.now() < end; ++round) {
        const auto follow_up = follow_up_questions();
        if (follow_up.empty()) break;
        stage(follow_up, end);
    }

    MdnsBrowseResult result;
    for (const auto& [ip, records] : by_responder_) {
        Observation o;
        o.source = "mdns";
        o.time = std::chrono::system_clock::now();
        o.scan_id = options_.scan_id;
        o.evidence.ips = {ip};
        o.evidence.mdns = packets::assemble_services(records);
        o.evidence.hostnames = packets::hostnames_for(records, ip);
        if (o.evidence.mdns.empty() && o.evidence.hostnames.empty()) continue;
        ++result.responders;
        result.services += o.evidence.mdns.size();
        sink.emit(std::move(o));
    }
    result.stats = stats_;
    return result;
}

}  // namespace nd
