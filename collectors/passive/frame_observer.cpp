#include "collectors/passive/frame_observer.hpp"

#include "collectors/arp/arp_codec.hpp"
#include "collectors/packets/cdp.hpp"
#include "collectors/packets/dhcp.hpp"
#include "collectors/packets/ethernet.hpp"
#include "collectors/packets/ipv4_udp.hpp"
#include "collectors/packets/lldp.hpp"
#include "collectors/packets/mdns.hpp"

namespace nd {
namespace {

using packets::DecodeError;

constexpr std::uint16_t kMdnsPort = 5353;
constexpr std::uint16_t kDhcpServerPort = 67;
const MacAddress kCdpMulticast{{0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc}};

Observation make(const char* source, const MacAddress& mac, std::chrono::system_clock::time_point when) {
    Observation o;
    o.source = source;
    o.time = when;
    if (!mac.is_multicast() && !mac.is_zero()) o.evidence.mac = mac;
    return o;
}

std::optional<Observation> observe_udp(const packets::EthernetFrame& eth,
                                       std::chrono::system_clock::time_point when, PassiveStats& stats) {
    const auto udp = packets::decode_ipv4_udp(eth.payload);
    if (!udp.ok()) {
        if (udp.error() == DecodeError::wrong_protocol || udp.error() == DecodeError::unsupported) {
            ++stats.ignored;
        } else {
            ++stats.malformed;
        }
        return std::nullopt;
    }
    if (udp->source_port == kMdnsPort && udp->destination_port == kMdnsPort) {
        const auto m = packets::decode_mdns(udp->payload);
        if (!m.ok()) {
            ++stats.malformed;
            return std::nullopt;
        }
        auto services = packets::assemble_services(m->records);
        auto hostnames = packets::hostnames_for(m->records, udp->source);
        if (!m->response || (services.empty() && hostnames.empty())) {
            ++stats.ignored;  // queries and goodbyes for records we don't keep
            return std::nullopt;
        }
        ++stats.mdns;
        auto o = make("mdns", eth.source, when);
        o.evidence.ips = {udp->source};
        o.evidence.mdns = std::move(services);
        o.evidence.hostnames = std::move(hostnames);
        return o;
    }
    if (udp->destination_port == kDhcpServerPort) {
        const auto d = packets::decode_dhcp(udp->payload);
        if (!d.ok()) {
            ++stats.malformed;
            return std::nullopt;
        }
        if (d->op != 1 || !d->client_mac) {
            ++stats.ignored;  // relayed or server traffic: the client is what we fingerprint
            return std::nullopt;
        }
        ++stats.dhcp;
        auto o = make("dhcp", *d->client_mac, when);
        if (d->client_address.value() != 0) o.evidence.ips = {d->client_address};
        if (!d->fingerprint.hostname.empty()) o.evidence.hostnames = {d->fingerprint.hostname};
        o.evidence.dhcp = d->fingerprint;
        return o;
    }
    ++stats.ignored;
    return std::nullopt;
}

}  // namespace

std::string passive_filter() {
    const std::string inner =
        "ether proto 0x88cc or ether dst 01:00:0c:cc:cc:cc or udp port 5353 or udp dst port 67 or "
        "(arp and arp[14:4] = arp[24:4])";
    return "(" + inner + ") or (vlan and (" + inner + "))";
}

std::optional<Observation> observe_frame(packets::Bytes frame, std::chrono::system_clock::time_point when,
                                         PassiveStats& stats) {
    ++stats.frames;
    const auto eth = packets::decode_ethernet(frame);
    if (!eth.ok()) {
        ++stats.malformed;
        return std::nullopt;
    }
    if (eth->ethertype == packets::kEtherTypeLldp) {
        auto n = packets::decode_lldp(eth->payload);
        if (!n.ok()) {
            ++stats.malformed;
            return std::nullopt;
        }
        ++stats.lldp;
        auto o = make("lldp", eth->source, when);
        if (n->management_address) o.evidence.ips = {*n->management_address};
        if (!n->system_name.empty()) o.evidence.hostnames = {n->system_name};
        o.evidence.lldp = {std::move(n).value()};
        return o;
    }
    if (eth->snap && eth->snap->oui == packets::kOuiCisco &&
        eth->snap->protocol == packets::kSnapProtocolCdp && eth->destination == kCdpMulticast) {
        auto n = packets::decode_cdp(eth->payload);
        if (!n.ok()) {
            ++stats.malformed;
            return std::nullopt;
        }
        ++stats.cdp;
        auto o = make("cdp", eth->source, when);
        o.evidence.ips = n->addresses;
        if (!n->device_id.empty()) o.evidence.hostnames = {n->device_id};
        o.evidence.cdp = {std::move(n).value()};
        return o;
    }
    if (eth->ethertype == packets::kEtherTypeArp) {
        ArpParseError error = ArpParseError::kNone;
        const auto arp = parse_arp_frame(frame, error);
        if (!arp) {
            ++stats.malformed;
            return std::nullopt;
        }
        if (arp->sender_ip != arp->target_ip || arp->sender_ip.value() == 0) {
            ++stats.ignored;  // only announcements: ordinary ARP is the sweep's business
            return std::nullopt;
        }
        ++stats.arp;
        auto o = make("arp-passive", arp->sender_mac, when);
        o.evidence.ips = {arp->sender_ip};
        return o;
    }
    if (eth->ethertype == packets::kEtherTypeIpv4) return observe_udp(*eth, when, stats);
    ++stats.ignored;
    return std::nullopt;
}

}  // namespace nd
