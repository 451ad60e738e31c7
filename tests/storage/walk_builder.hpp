#pragma once
// Builds SNMP walks for store tests: the objects the store reads (interfaces, FDB, LLDP, supplies).
#include <string>

#include "model/address.hpp"
#include "model/snmp_value.hpp"

namespace nd::test {

class WalkBuilder {
public:
    WalkBuilder& str(const std::string& oid, const std::string& bytes) {
        walk_[*Oid::parse(oid)] = SnmpValue{SnmpType::kOctetString, bytes, 0};
        return *this;
    }
    WalkBuilder& num(const std::string& oid, std::int64_t n) {
        walk_[*Oid::parse(oid)] = SnmpValue{SnmpType::kInteger, "", n};
        return *this;
    }
    static std::string raw_mac(const std::string& text) {
        const auto m = *MacAddress::parse(text);
        return std::string(m.octets().begin(), m.octets().end());
    }
    static std::string mac_index(const std::string& text) {
        std::string out;
        const auto m = *MacAddress::parse(text);
        for (auto o : m.octets()) out += "." + std::to_string(o);
        return out;
    }
    WalkBuilder& sys_name(const std::string& name) { return str("1.3.6.1.2.1.1.5.0", name); }
    // An interface with an address (ipAddrTable + ifPhysAddress).
    WalkBuilder& interface(std::uint32_t if_index, const std::string& ip, const std::string& mac) {
        num("1.3.6.1.2.1.4.20.1.2." + ip, if_index);
        return str("1.3.6.1.2.1.2.2.1.6." + std::to_string(if_index), raw_mac(mac));
    }
    WalkBuilder& if_name(std::uint32_t if_index, const std::string& name) {
        return str("1.3.6.1.2.1.31.1.1.1.1." + std::to_string(if_index), name);
    }
    WalkBuilder& bridge_port(std::uint32_t port, std::uint32_t if_index) {
        return num("1.3.6.1.2.1.17.1.4.1.2." + std::to_string(port), if_index);
    }
    // BRIDGE-MIB dot1dTpFdbTable row (learned).
    WalkBuilder& fdb(const std::string& mac, std::uint32_t port) {
        str("1.3.6.1.2.1.17.4.3.1.1" + mac_index(mac), raw_mac(mac));
        num("1.3.6.1.2.1.17.4.3.1.2" + mac_index(mac), port);
        return num("1.3.6.1.2.1.17.4.3.1.3" + mac_index(mac), 3);
    }
    // Q-BRIDGE-MIB dot1qTpFdbTable row.
    WalkBuilder& qfdb(std::uint32_t vlan, const std::string& mac, std::uint32_t port) {
        num("1.3.6.1.2.1.17.7.1.2.2.1.2." + std::to_string(vlan) + mac_index(mac), port);
        return num("1.3.6.1.2.1.17.7.1.2.2.1.3." + std::to_string(vlan) + mac_index(mac), 3);
    }
    // LLDP remote system on a local port (capabilities: 0x20 bridge, 0x08 router, 0x04 telephone).
    WalkBuilder& lldp_neighbour(std::uint32_t local_port, std::uint32_t idx, const std::string& chassis_mac,
                                const std::string& name, unsigned caps) {
        const std::string i = ".0." + std::to_string(local_port) + "." + std::to_string(idx);
        num("1.0.8802.1.1.2.1.4.1.1.4" + i, 4);
        str("1.0.8802.1.1.2.1.4.1.1.5" + i, raw_mac(chassis_mac));
        str("1.0.8802.1.1.2.1.4.1.1.9" + i, name);
        return str("1.0.8802.1.1.2.1.4.1.1.12" + i,
                   std::string(1, static_cast<char>(caps)) + std::string(1, '\0'));
    }
    WalkBuilder& supply(std::uint32_t idx, const std::string& name, std::int64_t max, std::int64_t level) {
        const std::string i = ".1." + std::to_string(idx);
        str("1.3.6.1.2.1.43.11.1.1.6" + i, name);
        num("1.3.6.1.2.1.43.11.1.1.8" + i, max);
        return num("1.3.6.1.2.1.43.11.1.1.9" + i, level);
    }
    WalkBuilder& chassis_serial(const std::string& serial) {
        num("1.3.6.1.2.1.47.1.1.1.1.5.1", 3);
        return str("1.3.6.1.2.1.47.1.1.1.1.11.1", serial);
    }
    const SnmpWalk& walk() const { return walk_; }

private:
    SnmpWalk walk_;
};

}  // namespace nd::test
