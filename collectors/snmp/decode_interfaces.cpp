// IF-MIB interfaces and IP-MIB addresses and neighbour (ARP) tables.
#include <bit>
#include <set>

#include "collectors/snmp/snmp_decode.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;

std::vector<InterfaceFacts> decode_interfaces(const SnmpWalk& walk) {
    static const Oid kIfEntry = oid("1.3.6.1.2.1.2.2.1");
    static const Oid kIfXEntry = oid("1.3.6.1.2.1.31.1.1.1");
    std::set<Index> indexes;
    for (const Index& i : rows(walk, kIfEntry, {1, 2, 3, 6})) indexes.insert(i);
    for (const Index& i : rows(walk, kIfXEntry, {1, 18})) indexes.insert(i);
    std::vector<InterfaceFacts> out;
    for (const Index& index : indexes) {
        if (index.size() != 1) continue;
        InterfaceFacts f;
        f.index = index[0];
        f.description = text(cell(walk, kIfEntry, 2, index));
        f.name = text(cell(walk, kIfXEntry, 1, index));
        if (f.name.empty()) f.name = f.description;
        f.alias = text(cell(walk, kIfXEntry, 18, index));
        f.type = static_cast<int>(number(cell(walk, kIfEntry, 3, index)).value_or(0));
        f.mac = mac(cell(walk, kIfEntry, 6, index));
        if (f.mac && f.mac->is_zero()) f.mac.reset();
        const auto high = number(cell(walk, kIfXEntry, 15, index));
        const auto speed = number(cell(walk, kIfEntry, 5, index));
        // ifSpeed saturates at 4,294,967,295 for >= 4 Gbit/s; ifHighSpeed (Mbit/s) is then the truth.
        if (high && *high > 0) {
            f.speed_bps = static_cast<std::uint64_t>(*high) * 1000000ULL;
        } else if (speed && *speed > 0) {
            f.speed_bps = static_cast<std::uint64_t>(*speed);
        }
        f.admin_status = static_cast<int>(number(cell(walk, kIfEntry, 7, index)).value_or(0));
        f.oper_status = static_cast<int>(number(cell(walk, kIfEntry, 8, index)).value_or(0));
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<IpAddressFacts> decode_ip_addresses(const SnmpWalk& walk) {
    static const Oid kEntry = oid("1.3.6.1.2.1.4.20.1");
    std::vector<IpAddressFacts> out;
    for (const auto& [index, if_index] : column(walk, kEntry.child(2))) {
        auto address = ipv4_from_index(index, 0);
        if (!address || index.size() != 4) continue;
        IpAddressFacts f;
        f.address = *address;
        f.if_index = static_cast<std::uint32_t>(number(if_index).value_or(0));
        if (auto mask = ipv4(cell(walk, kEntry, 3, index))) {
            f.prefix_length = std::popcount(mask->value());
        }
        out.push_back(f);
    }
    return out;
}

std::vector<ArpEntry> decode_arp_table(const SnmpWalk& walk) {
    static const Oid kMedia = oid("1.3.6.1.2.1.4.22.1");
    static const Oid kPhysical = oid("1.3.6.1.2.1.4.35.1");
    std::vector<ArpEntry> out;
    std::set<std::pair<Ipv4Address, MacAddress>> seen;
    auto add = [&](Ipv4Address ip, MacAddress m, std::uint32_t if_index, std::int64_t type) {
        if (type == 2 || m.is_zero() || m.is_multicast()) return;  // invalid / incomplete entries
        if (!seen.insert({ip, m}).second) return;
        out.push_back({ip, m, if_index, type == 4});
    };
    // ipNetToMediaTable: index ifIndex.a.b.c.d
    for (const auto& [index, value] : column(walk, kMedia.child(2))) {
        auto ip = ipv4_from_index(index, 1);
        auto m = mac(value);
        if (!ip || !m || index.size() != 5) continue;
        add(*ip, *m, index[0], number(cell(walk, kMedia, 4, index)).value_or(3));
    }
    // ipNetToPhysicalTable: index ifIndex.addrType(1 = ipv4).length(4).a.b.c.d
    for (const auto& [index, value] : column(walk, kPhysical.child(4))) {
        if (index.size() != 7 || index[1] != 1 || index[2] != 4) continue;
        auto ip = ipv4_from_index(index, 3);
        auto m = mac(value);
        if (!ip || !m) continue;
        // ipNetToPhysicalType: 2 invalid, 3 dynamic, 4 static, 5 local
        add(*ip, *m, index[0], number(cell(walk, kPhysical, 6, index)).value_or(3));
    }
    return out;
}

std::optional<MacAddress> mac_for_address(const SnmpWalk& walk, Ipv4Address address) {
    for (const auto& a : decode_ip_addresses(walk)) {
        if (a.address != address) continue;
        for (const auto& i : decode_interfaces(walk)) {
            if (i.index == a.if_index && i.mac) return i.mac;
        }
    }
    return std::nullopt;
}

}  // namespace nd
