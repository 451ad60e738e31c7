// LLDP-MIB remote systems and CISCO-CDP-MIB cache: the walked device's neighbours.
#include "collectors/snmp/snmp_decode.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;
namespace {

std::uint16_t bits_to_mask(const SnmpValue* v) {
    std::uint16_t mask = 0;
    for (int bit : bits(v)) {
        if (bit < 16) mask = static_cast<std::uint16_t>(mask | (1U << static_cast<unsigned>(bit)));
    }
    return mask;
}

// LLDP ids: MAC subtypes as MAC text, network addresses as dotted text, the rest as printable text.
std::string lldp_id(const SnmpValue* value, std::int64_t subtype, bool chassis) {
    const int mac_subtype = chassis ? 4 : 3;
    const int address_subtype = chassis ? 5 : 4;
    if (subtype == mac_subtype) {
        if (auto m = mac(value)) return m->to_string();
    }
    if (subtype == address_subtype && value != nullptr && value->bytes.size() == 5 && value->bytes[0] == 1) {
        SnmpValue v4{SnmpType::kOctetString, value->bytes.substr(1), 0};
        if (auto ip = ipv4(&v4)) return ip->to_string();
    }
    return text(value);
}

}  // namespace

std::vector<SnmpLldpNeighbor> decode_lldp(const SnmpWalk& walk) {
    static const Oid kRem = oid("1.0.8802.1.1.2.1.4.1.1");
    static const Oid kManAddr = oid("1.0.8802.1.1.2.1.4.2.1");
    static const Oid kLocPort = oid("1.0.8802.1.1.2.1.3.7.1");
    std::vector<SnmpLldpNeighbor> out;
    for (const Index& index : rows(walk, kRem, {5, 7, 9})) {
        if (index.size() != 3) continue;  // timeMark.localPortNum.index
        SnmpLldpNeighbor n;
        n.local_port = index[1];
        const Index port_index{index[1]};
        n.local_port_id = text(cell(walk, kLocPort, 4, port_index));  // lldpLocPortDesc
        if (n.local_port_id.empty()) n.local_port_id = text(cell(walk, kLocPort, 3, port_index));
        LldpNeighbor& l = n.neighbor;
        l.chassis_id =
            lldp_id(cell(walk, kRem, 5, index), number(cell(walk, kRem, 4, index)).value_or(0), true);
        l.port_id =
            lldp_id(cell(walk, kRem, 7, index), number(cell(walk, kRem, 6, index)).value_or(0), false);
        l.port_description = text(cell(walk, kRem, 8, index));
        l.system_name = text(cell(walk, kRem, 9, index));
        l.system_description = text(cell(walk, kRem, 10, index));
        l.capabilities = bits_to_mask(cell(walk, kRem, 11, index));
        l.enabled_capabilities = bits_to_mask(cell(walk, kRem, 12, index));
        // lldpRemManAddrTable: index timeMark.port.index.addrSubtype(1 = ipv4).len(4).a.b.c.d
        for (const auto& [mindex, value] : column(walk, kManAddr.child(3))) {
            (void)value;
            if (mindex.size() == 9 && mindex[0] == index[0] && mindex[1] == index[1] &&
                mindex[2] == index[2] && mindex[3] == 1 && mindex[4] == 4) {
                l.management_address = ipv4_from_index(mindex, 5);
                break;
            }
        }
        out.push_back(std::move(n));
    }
    return out;
}

std::vector<SnmpCdpNeighbor> decode_cdp(const SnmpWalk& walk) {
    static const Oid kCache = oid("1.3.6.1.4.1.9.9.23.1.2.1.1");
    std::vector<SnmpCdpNeighbor> out;
    for (const Index& index : rows(walk, kCache, {6, 8})) {
        if (index.size() != 2) continue;  // ifIndex.deviceIndex
        SnmpCdpNeighbor n;
        n.if_index = index[0];
        CdpNeighbor& c = n.neighbor;
        c.device_id = text(cell(walk, kCache, 6, index));
        c.port_id = text(cell(walk, kCache, 7, index));
        c.platform = text(cell(walk, kCache, 8, index));
        c.software_version = text(cell(walk, kCache, 5, index));
        // cdpCacheAddressType 1 = ip: the address is 4 raw bytes.
        if (number(cell(walk, kCache, 3, index)).value_or(1) == 1) {
            c.address = ipv4(cell(walk, kCache, 4, index));
            if (c.address) c.addresses.push_back(*c.address);
        }
        if (const SnmpValue* caps = cell(walk, kCache, 9, index);
            caps != nullptr && caps->bytes.size() == 4) {
            for (unsigned char b : caps->bytes) c.capabilities = (c.capabilities << 8U) | b;
        }
        if (auto vlan = number(cell(walk, kCache, 11, index)); vlan && *vlan > 0 && *vlan < 4096) {
            c.native_vlan = static_cast<std::uint16_t>(*vlan);
        }
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace nd
