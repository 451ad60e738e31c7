#pragma once
// The few SNMP objects the store itself reads from stored walks: identity (engine id, serial, LLDP
// chassis, interface addresses), switch forwarding tables and neighbours (switch ports), printer
// supplies (change events). Storage sits below collectors, so it reads raw OIDs here rather than
// through the collectors' decoders.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/address.hpp"
#include "model/snmp_value.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd::snmp_read {

// The generic walk readers live in model/snmp_walk_read.hpp, shared with the collectors' decoders.
using snmp_decode::column;
using snmp_decode::hex;
using snmp_decode::Index;
using snmp_decode::ipv4_from_index;
using snmp_decode::mac;
using snmp_decode::mac_from_index;
using snmp_decode::number;
using snmp_decode::scalar;
using snmp_decode::text;

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
