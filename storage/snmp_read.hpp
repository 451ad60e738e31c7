#pragma once
// The few SNMP objects the store itself reads from stored walks: identity (engine id, serial, LLDP
// chassis, interface addresses), switch forwarding tables and neighbours (switch ports), printer
// supplies (change events). Storage sits below collectors, so it reads raw OIDs here rather than
// the collectors' decoders.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/address.hpp"
#include "model/snmp_value.hpp"

namespace nd::snmp_read {

using Index = std::vector<std::uint32_t>;

// index -> value for every instance of one table column ("1.3.6.1.2.1.2.2.1.6").
std::map<Index, const SnmpValue*> column(const SnmpWalk& walk, const Oid& column_oid);
const SnmpValue* scalar(const SnmpWalk& walk, const Oid& o);
std::optional<std::int64_t> number(const SnmpValue* v);
std::string text(const SnmpValue* v);  // printable text of strings, "" otherwise
std::optional<MacAddress> mac(const SnmpValue* v);
std::optional<MacAddress> mac_from_index(const Index& index, std::size_t offset);
std::optional<Ipv4Address> ipv4_from_index(const Index& index, std::size_t offset);
std::string hex(const SnmpValue* v);  // raw bytes as lower-case hex without separators

// Identity facts.
std::string engine_id(const SnmpWalk& walk);        // snmpEngineID as hex; "" when absent or trivial
std::string chassis_serial(const SnmpWalk& walk);   // ENTITY-MIB chassis serial, else Printer-MIB serial
std::string lldp_chassis_id(const SnmpWalk& walk);  // lldpLocChassisId: MAC text when a MAC
std::string sys_name(const SnmpWalk& walk);
// Addresses the agent holds (ipAddrTable) with the MAC of the interface that carries each.
struct InterfaceAddress {
    Ipv4Address ip;
    std::optional<MacAddress> mac;
};
std::vector<InterfaceAddress> interface_addresses(const SnmpWalk& walk);

// Printer-MIB supplies with a known percentage.
struct SupplyLevel {
    std::string name;  // prtMarkerSuppliesDescription, else "supply N"
    int percent = 0;
};
std::vector<SupplyLevel> supply_levels(const SnmpWalk& walk);

// LLDP remote systems and CDP cache entries the device reports (neighbour names, for change events).
std::vector<std::string> neighbour_names(const SnmpWalk& walk);

}  // namespace nd::snmp_read
