#include "storage/attachment.hpp"

#include <algorithm>
#include <set>

#include "storage/snmp_read.hpp"

namespace nd {
namespace {

using snmp_read::column;
using snmp_read::Index;
using snmp_read::number;
using snmp_read::text;

Oid oid(std::string_view dotted) { return *Oid::parse(dotted); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Cisco phones name themselves "SEP" + their MAC in CDP.
std::optional<MacAddress> mac_in_name(const std::string& name) {
    if (name.size() == 15 && (name.starts_with("SEP") || name.starts_with("sep")))
        return MacAddress::parse(name.substr(3));
    return MacAddress::parse(name);
}

}  // namespace

SwitchPorts decode_switch_ports(const SnmpWalk& walk) {
    static const Oid kIfName = oid("1.3.6.1.2.1.31.1.1.1.1");
    static const Oid kIfDescr = oid("1.3.6.1.2.1.2.2.1.2");
    static const Oid kPortIfIndex = oid("1.3.6.1.2.1.17.1.4.1.2");
    static const Oid kTpFdbPort = oid("1.3.6.1.2.1.17.4.3.1.2");
    static const Oid kTpFdbStatus = oid("1.3.6.1.2.1.17.4.3.1.3");
    static const Oid kQFdbPort = oid("1.3.6.1.2.1.17.7.1.2.2.1.2");
    static const Oid kQFdbStatus = oid("1.3.6.1.2.1.17.7.1.2.2.1.3");
    static const Oid kLldpLocPortId = oid("1.0.8802.1.1.2.1.3.7.1.3");
    static const Oid kLldpLocPortDesc = oid("1.0.8802.1.1.2.1.3.7.1.4");
    static const Oid kLldpRemChassisSubtype = oid("1.0.8802.1.1.2.1.4.1.1.4");
    static const Oid kLldpRemChassis = oid("1.0.8802.1.1.2.1.4.1.1.5");
    static const Oid kLldpRemCapEnabled = oid("1.0.8802.1.1.2.1.4.1.1.12");
    static const Oid kCdpAddress = oid("1.3.6.1.4.1.9.9.23.1.2.1.1.4");
    static const Oid kCdpDeviceId = oid("1.3.6.1.4.1.9.9.23.1.2.1.1.6");
    static const Oid kCdpCapabilities = oid("1.3.6.1.4.1.9.9.23.1.2.1.1.9");

    std::map<std::uint32_t, std::string> names;
    for (const auto& [index, v] : column(walk, kIfDescr)) {
        if (index.size() == 1 && !text(v).empty()) names[index[0]] = text(v);
    }
    for (const auto& [index, v] : column(walk, kIfName)) {
        if (index.size() == 1 && !text(v).empty()) names[index[0]] = text(v);
    }
    auto port_name = [&](std::uint32_t if_index) {
        auto it = names.find(if_index);
        return it != names.end() ? it->second : "port " + std::to_string(if_index);
    };
    auto port_map = [&](const SnmpWalk& w) {
        std::map<std::uint32_t, std::uint32_t> out;
        for (const auto& [index, v] : column(w, kPortIfIndex)) {
            if (index.size() == 1 && number(v) && *number(v) > 0)
                out[index[0]] = static_cast<std::uint32_t>(*number(v));
        }
        return out;
    };

    SwitchPorts out;
    std::map<std::uint32_t, std::set<MacAddress>> per_port;
    auto learn = [&](const std::map<std::uint32_t, std::uint32_t>& if_of_port, const MacAddress& m,
                     std::int64_t bridge_port, std::optional<std::uint32_t> vlan,
                     std::optional<std::int64_t> status) {
        // 2 invalid, 4 self, 5 mgmt: not a host behind the port.
        if (status && (*status == 2 || *status == 4 || *status == 5)) return;
        if (bridge_port <= 0 || m.is_multicast() || m.is_zero()) return;
        auto it = if_of_port.find(static_cast<std::uint32_t>(bridge_port));
        const std::uint32_t if_index =
            it != if_of_port.end() ? it->second : static_cast<std::uint32_t>(bridge_port);
        auto& entries = out.fdb[m];
        for (const auto& e : entries) {
            if (e.if_index == if_index && e.vlan == vlan) return;
        }
        entries.push_back({port_name(if_index), if_index, vlan});
        per_port[if_index].insert(m);
    };
    // BRIDGE-MIB rows of one walk (the device's own, or one VLAN context of a Cisco switch).
    auto learn_bridge = [&](const SnmpWalk& w, std::optional<std::uint32_t> vlan) {
        const auto ports = port_map(w);
        const auto tp_status = column(w, kTpFdbStatus);
        for (const auto& [index, v] : column(w, kTpFdbPort)) {
            auto m = snmp_read::mac_from_index(index, 0);
            if (!m || index.size() != 6 || !number(v)) continue;
            auto st = tp_status.find(index);
            learn(ports, *m, *number(v), vlan, st == tp_status.end() ? std::nullopt : number(st->second));
        }
    };
    const auto main_ports = port_map(walk);
    const auto q_status = column(walk, kQFdbStatus);
    for (const auto& [index, v] : column(walk, kQFdbPort)) {
        auto m = snmp_read::mac_from_index(index, 1);
        if (!m || index.size() != 7 || !number(v)) continue;
        auto st = q_status.find(index);
        learn(main_ports, *m, *number(v), index[0], st == q_status.end() ? std::nullopt : number(st->second));
    }
    learn_bridge(walk, std::nullopt);
    // Cisco per-VLAN contexts (community@VLAN), kept by the SNMP collector under kVlanContextRoot.
    for (const auto& [vlan, context] : vlan_context_walks(walk)) learn_bridge(context, vlan);
    for (const auto& [if_index, macs] : per_port) {
        out.macs_per_port[if_index] = macs.size();
        if (macs.size() > kMaxMacsOnAccessPort)
            out.uplinks[if_index] = std::to_string(macs.size()) + " MACs learned";
    }

    // LLDP local port number -> ifIndex: by the port's name, else the number itself.
    std::map<std::string, std::uint32_t> by_name;
    for (const auto& [if_index, name] : names) by_name[lower(name)] = if_index;
    auto lldp_if = [&](std::uint32_t local_port) {
        for (const Oid* col : {&kLldpLocPortId, &kLldpLocPortDesc}) {
            auto* v = snmp_read::scalar(walk, col->child(local_port));
            auto it = by_name.find(lower(text(v)));
            if (it != by_name.end()) return it->second;
        }
        return local_port;
    };
    const auto caps = column(walk, kLldpRemCapEnabled);
    const auto subtypes = column(walk, kLldpRemChassisSubtype);
    for (const auto& [index, chassis] : column(walk, kLldpRemChassis)) {
        if (index.size() != 3) continue;
        SwitchPorts::Neighbour n;
        n.if_index = lldp_if(index[1]);
        n.port = port_name(n.if_index);
        n.source = "lldp";
        auto st = subtypes.find(index);
        if (st == subtypes.end() || number(st->second) == 4) n.mac = snmp_read::mac(chassis);
        auto c = caps.find(index);
        const std::string bits = c == caps.end() || c->second == nullptr ? std::string() : c->second->bytes;
        const unsigned first = bits.empty() ? 0U : static_cast<unsigned char>(bits[0]);
        // BITS: other(0x80) repeater(0x40) bridge(0x20) wlanAP(0x10) router(0x08) telephone(0x04)
        n.network_device = (first & 0x28U) != 0 && (first & 0x04U) == 0;
        if (n.network_device) out.uplinks[n.if_index] = "LLDP neighbour is a bridge or router";
        out.neighbours.push_back(n);
    }
    const auto cdp_caps = column(walk, kCdpCapabilities);
    const auto cdp_addresses = column(walk, kCdpAddress);
    for (const auto& [index, id] : column(walk, kCdpDeviceId)) {
        if (index.size() != 2) continue;
        SwitchPorts::Neighbour n;
        n.if_index = index[0];
        n.port = port_name(n.if_index);
        n.source = "cdp";
        n.mac = mac_in_name(text(id));
        auto a = cdp_addresses.find(index);
        if (a != cdp_addresses.end() && a->second->bytes.size() == 4) {
            const auto& b = a->second->bytes;
            n.ip = Ipv4Address((static_cast<std::uint32_t>(static_cast<unsigned char>(b[0])) << 24U) |
                               (static_cast<std::uint32_t>(static_cast<unsigned char>(b[1])) << 16U) |
                               (static_cast<std::uint32_t>(static_cast<unsigned char>(b[2])) << 8U) |
                               static_cast<unsigned char>(b[3]));
        }
        std::uint32_t mask = 0;
        auto c = cdp_caps.find(index);
        if (c != cdp_caps.end()) {
            for (unsigned char ch : c->second->bytes) mask = (mask << 8U) | ch;
        }
        // 0x01 router 0x02 transparent bridge 0x04 source-route bridge 0x08 switch 0x80 phone
        n.network_device = (mask & 0x0fU) != 0 && (mask & 0x80U) == 0;
        if (n.network_device) out.uplinks[n.if_index] = "CDP neighbour is a switch or router";
        out.neighbours.push_back(n);
    }
    return out;
}

std::map<std::int64_t, SwitchAttachment> attach_endpoints(const std::vector<SwitchView>& switches,
                                                          const std::vector<EndpointView>& endpoints) {
    std::vector<std::pair<const SwitchView*, SwitchPorts>> decoded;
    for (const auto& s : switches) {
        if (s.walk != nullptr) decoded.emplace_back(&s, decode_switch_ports(*s.walk));
    }
    std::map<std::int64_t, SwitchAttachment> out;
    for (const auto& e : endpoints) {
        std::optional<SwitchAttachment> best;
        std::size_t best_macs = SIZE_MAX;
        for (const auto& [sw, ports] : decoded) {
            if (sw->device_id == e.device_id) continue;
            // A neighbour that announced itself on the port says it most directly.
            for (const auto& n : ports.neighbours) {
                const bool mine =
                    (n.mac && std::find(e.macs.begin(), e.macs.end(), *n.mac) != e.macs.end()) ||
                    (n.ip && std::find(e.ips.begin(), e.ips.end(), *n.ip) != e.ips.end());
                if (mine) {
                    best = SwitchAttachment{sw->device_id, sw->name, n.port, std::nullopt, n.source};
                    best_macs = 0;
                }
            }
            for (const auto& m : e.macs) {
                auto it = ports.fdb.find(m);
                if (it == ports.fdb.end()) continue;
                for (const auto& learned : it->second) {
                    if (ports.uplinks.contains(learned.if_index)) continue;
                    const std::size_t macs = ports.macs_per_port.at(learned.if_index);
                    const bool previous =
                        !e.previous_port.empty() && e.previous_port == sw->name + " " + learned.port;
                    if (macs < best_macs ||
                        (macs == best_macs && previous && best && best->source == "fdb")) {
                        best = SwitchAttachment{sw->device_id, sw->name, learned.port, learned.vlan, "fdb"};
                        best_macs = macs;
                    } else if (best && best->source != "fdb" && !best->vlan &&
                               best->switch_device_id == sw->device_id && best->port == learned.port) {
                        best->vlan = learned.vlan;
                    }
                }
            }
        }
        if (best) out[e.device_id] = *best;
    }
    return out;
}

}  // namespace nd
