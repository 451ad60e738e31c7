// BRIDGE-MIB and Q-BRIDGE-MIB: forwarding database (MAC -> port -> ifIndex, per VLAN) and VLANs.
#include <set>

#include "collectors/snmp/snmp_decode.hpp"
#include "collectors/snmp/vlan_context.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;

BridgeFacts decode_bridge(const SnmpWalk& walk) {
    static const Oid kBridgeAddress = oid("1.3.6.1.2.1.17.1.1.0");
    static const Oid kPortIfIndex = oid("1.3.6.1.2.1.17.1.4.1.2");
    static const Oid kTpFdb = oid("1.3.6.1.2.1.17.4.3.1");
    static const Oid kQFdb = oid("1.3.6.1.2.1.17.7.1.2.2.1");
    static const Oid kVlanStaticName = oid("1.3.6.1.2.1.17.7.1.4.3.1.1");
    static const Oid kPvid = oid("1.3.6.1.2.1.17.7.1.4.5.1.1");
    static const Oid kVtpVlanName = oid("1.3.6.1.4.1.9.9.46.1.3.1.1.4");

    BridgeFacts b;
    b.bridge_address = mac(scalar(walk, kBridgeAddress));
    for (const auto& [index, value] : column(walk, kPortIfIndex)) {
        if (index.size() == 1 && number(value))
            b.port_if_index[index[0]] = static_cast<std::uint32_t>(*number(value));
    }
    for (const auto& [index, value] : column(walk, kPvid)) {
        if (index.size() == 1 && number(value))
            b.port_pvid[index[0]] = static_cast<std::uint32_t>(*number(value));
    }
    auto if_index_of = [&](std::uint32_t port) -> std::optional<std::uint32_t> {
        auto it = b.port_if_index.find(port);
        if (it == b.port_if_index.end()) return std::nullopt;
        return it->second;
    };
    // dot1qTpFdbStatus / dot1dTpFdbStatus: 1 other 2 invalid 3 learned 4 self 5 mgmt. Keep what
    // endpoints are behind (learned, and other/unknown which some agents report).
    auto keep = [](std::int64_t status) { return status != 2 && status != 4 && status != 5; };
    std::set<std::pair<std::uint32_t, MacAddress>> seen;  // (vlan or 0, mac)
    // Q-BRIDGE first: it carries the VLAN. Index: fdbId.m1..m6
    for (const auto& [index, value] : column(walk, kQFdb.child(2))) {
        auto m = mac_from_index(index, 1);
        auto port = number(value);
        if (!m || index.size() != 7 || !port || *port <= 0) continue;
        const std::int64_t status = number(cell(walk, kQFdb, 3, index)).value_or(3);
        if (!keep(status)) continue;
        if (!seen.insert({index[0], *m}).second) continue;
        const auto p = static_cast<std::uint32_t>(*port);
        b.fdb.push_back({*m, index[0], p, if_index_of(p), static_cast<int>(status)});
    }
    // Plain BRIDGE-MIB (Cisco: VLAN 1's instance, the other VLANs' instances were walked per
    // context). Index: m1..m6
    std::set<MacAddress> in_q;
    for (const auto& e : b.fdb) in_q.insert(e.mac);
    const std::map<std::uint32_t, SnmpWalk> per_vlan = vlan_walks(walk);
    auto add_plain = [&](const SnmpWalk& w, std::optional<std::uint32_t> vlan,
                         const std::map<std::uint32_t, std::uint32_t>& ports) {
        for (const auto& [index, value] : column(w, kTpFdb.child(2))) {
            auto m = mac_from_index(index, 0);
            auto port = number(value);
            if (!m || index.size() != 6 || !port || *port <= 0 || in_q.contains(*m)) continue;
            const std::int64_t status = number(cell(w, kTpFdb, 3, index)).value_or(3);
            if (!keep(status)) continue;
            if (!seen.insert({vlan.value_or(0), *m}).second) continue;
            const auto p = static_cast<std::uint32_t>(*port);
            std::optional<std::uint32_t> if_index;
            if (auto it = ports.find(p); it != ports.end()) if_index = it->second;
            if (!if_index) if_index = if_index_of(p);
            b.fdb.push_back({*m, vlan, p, if_index, static_cast<int>(status)});
        }
    };
    add_plain(walk, per_vlan.empty() ? std::nullopt : std::optional<std::uint32_t>(1), b.port_if_index);
    for (const auto& [vlan, w] : per_vlan) {
        // Each VLAN instance numbers its own bridge ports: map them with its own dot1dBasePortIfIndex.
        std::map<std::uint32_t, std::uint32_t> ports;
        for (const auto& [index, value] : column(w, kPortIfIndex)) {
            if (index.size() == 1 && number(value))
                ports[index[0]] = static_cast<std::uint32_t>(*number(value));
        }
        add_plain(w, vlan, ports);
    }
    std::set<std::uint32_t> vlan_ids;
    for (const auto& [index, value] : column(walk, kVlanStaticName)) {
        if (index.size() == 1 && vlan_ids.insert(index[0]).second) b.vlans.push_back({index[0], text(value)});
    }
    for (const auto& [index, value] : column(walk, kVtpVlanName)) {  // index: managementDomain.vlan
        if (index.size() == 2 && vlan_ids.insert(index[1]).second) b.vlans.push_back({index[1], text(value)});
    }
    return b;
}

}  // namespace nd
