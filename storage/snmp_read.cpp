#include "storage/snmp_read.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace nd::snmp_read {
namespace {

using snmp_decode::oid;

bool meaningful_serial(const std::string& s) {
    if (s.size() < 4 || s.size() > 64) return false;
    std::string lower;
    for (unsigned char c : s) lower.push_back(static_cast<char>(std::tolower(c)));
    static const std::set<std::string> kJunk = {"n/a",  "none",     "unknown", "not available", "default",
                                                "0000", "00000000", "serial",  "123456789",     "xxxxxxxx"};
    if (kJunk.contains(lower)) return false;
    return !std::all_of(s.begin(), s.end(), [&](char c) { return c == s.front(); });
}

}  // namespace

std::string engine_id(const SnmpWalk& walk) {
    static const Oid kEngineId = oid("1.3.6.1.6.3.10.2.1.1.0");
    const SnmpValue* v = scalar(walk, kEngineId);
    // RFC 3411: 5..32 octets. Shorter or all-zero ids are placeholders, not identities.
    if (v == nullptr || v->bytes.size() < 5 || v->bytes.size() > 32) return {};
    if (std::all_of(v->bytes.begin(), v->bytes.end(), [](char c) { return c == 0; })) return {};
    return hex(v);
}

std::string chassis_serial(const SnmpWalk& walk) {
    static const Oid kClass = oid("1.3.6.1.2.1.47.1.1.1.1.5");
    static const Oid kSerial = oid("1.3.6.1.2.1.47.1.1.1.1.11");
    static const Oid kPrinterSerial = oid("1.3.6.1.2.1.43.5.1.1.17");
    const auto serials = column(walk, kSerial);
    for (const auto& [index, cls] : column(walk, kClass)) {
        if (number(cls) != 3) continue;  // chassis
        auto it = serials.find(index);
        if (it != serials.end() && meaningful_serial(text(it->second))) return text(it->second);
    }
    for (const auto& [index, value] : column(walk, kPrinterSerial)) {
        if (meaningful_serial(text(value))) return text(value);
    }
    return {};
}

std::string lldp_chassis_id(const SnmpWalk& walk) {
    static const Oid kSubtype = oid("1.0.8802.1.1.2.1.3.1.0");
    static const Oid kId = oid("1.0.8802.1.1.2.1.3.2.0");
    const SnmpValue* id = scalar(walk, kId);
    if (id == nullptr || id->bytes.empty()) return {};
    if (number(scalar(walk, kSubtype)) == 4) {  // macAddress
        auto m = mac(id);
        return m && !m->is_zero() ? m->to_string() : std::string();
    }
    return text(id);
}

std::string sys_name(const SnmpWalk& walk) { return text(scalar(walk, oids::kSysName)); }

std::vector<InterfaceAddress> interface_addresses(const SnmpWalk& walk) {
    static const Oid kAddrIfIndex = oid("1.3.6.1.2.1.4.20.1.2");
    static const Oid kPhysAddress = oid("1.3.6.1.2.1.2.2.1.6");
    const auto phys = column(walk, kPhysAddress);
    std::vector<InterfaceAddress> out;
    for (const auto& [index, if_index] : column(walk, kAddrIfIndex)) {
        auto ip = ipv4_from_index(index, 0);
        if (!ip || index.size() != 4 || ip->is_loopback() || ip->value() == 0) continue;
        InterfaceAddress a{*ip, std::nullopt};
        if (auto n = number(if_index)) {
            auto it = phys.find(Index{static_cast<std::uint32_t>(*n)});
            if (it != phys.end()) a.mac = mac(it->second);
        }
        out.push_back(a);
    }
    return out;
}

std::vector<SupplyLevel> supply_levels(const SnmpWalk& walk) {
    static const Oid kDescription = oid("1.3.6.1.2.1.43.11.1.1.6");
    static const Oid kMax = oid("1.3.6.1.2.1.43.11.1.1.8");
    static const Oid kLevel = oid("1.3.6.1.2.1.43.11.1.1.9");
    const auto descriptions = column(walk, kDescription);
    const auto maxima = column(walk, kMax);
    std::vector<SupplyLevel> out;
    for (const auto& [index, level] : column(walk, kLevel)) {
        auto it = maxima.find(index);
        const std::int64_t max = it == maxima.end() ? 0 : number(it->second).value_or(0);
        const auto now = number(level);
        // Negative levels (-2 unknown, -3 "some remaining") and unknown capacities give no percentage.
        if (max <= 0 || !now || *now < 0 || *now > max) continue;
        auto d = descriptions.find(index);
        std::string name = d == descriptions.end() ? std::string() : text(d->second);
        if (name.empty()) name = "supply " + std::to_string(index.back());
        out.push_back({name, static_cast<int>(*now * 100 / max)});
    }
    return out;
}

std::vector<std::string> neighbour_names(const SnmpWalk& walk) {
    static const Oid kLldpSysName = oid("1.0.8802.1.1.2.1.4.1.1.9");
    static const Oid kLldpChassis = oid("1.0.8802.1.1.2.1.4.1.1.5");
    static const Oid kCdpDeviceId = oid("1.3.6.1.4.1.9.9.23.1.2.1.1.6");
    std::set<std::string> names;
    const auto sys_names = column(walk, kLldpSysName);
    for (const auto& [index, chassis] : column(walk, kLldpChassis)) {
        auto it = sys_names.find(index);
        std::string name = it == sys_names.end() ? std::string() : text(it->second);
        if (name.empty()) name = mac(chassis) ? mac(chassis)->to_string() : text(chassis);
        if (!name.empty()) names.insert(name);
    }
    for (const auto& [index, id] : column(walk, kCdpDeviceId)) {
        if (auto name = text(id); !name.empty()) names.insert(name);
    }
    return {names.begin(), names.end()};
}

}  // namespace nd::snmp_read
