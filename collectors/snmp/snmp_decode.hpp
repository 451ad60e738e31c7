#pragma once
// Pure decoders: SnmpWalk in, typed facts out. Missing tables give empty results; malformed
// values (wrong type, wrong length) are skipped, never fatal.
#include <optional>

#include "collectors/snmp/snmp_facts.hpp"
#include "model/evidence.hpp"
#include "model/snmp_value.hpp"

namespace nd {

SystemFacts decode_system(const SnmpWalk& walk);
// The agent's sysName is the device's hostname (a Cisco phone's SEP<MAC>): added to the evidence.
void add_sysname_hostname(DeviceEvidence& evidence);
std::vector<InterfaceFacts> decode_interfaces(const SnmpWalk& walk);
std::vector<IpAddressFacts> decode_ip_addresses(const SnmpWalk& walk);
std::vector<ArpEntry> decode_arp_table(
    const SnmpWalk& walk);  // ipNetToMedia + ipNetToPhysical, de-duplicated
std::vector<EntityFacts> decode_entities(const SnmpWalk& walk);
// The chassis (class 3) rows, or else the top-level entity; nullptr when the table is empty.
const EntityFacts* main_chassis(const std::vector<EntityFacts>& entities);
BridgeFacts decode_bridge(const SnmpWalk& walk);
std::vector<SnmpLldpNeighbor> decode_lldp(const SnmpWalk& walk);
std::vector<SnmpCdpNeighbor> decode_cdp(const SnmpWalk& walk);
PrinterFacts decode_printer(const SnmpWalk& walk);
HostFacts decode_host_resources(const SnmpWalk& walk);
UpsFacts decode_ups(const SnmpWalk& walk);
PoeFacts decode_poe(const SnmpWalk& walk);
SnmpDeviceFacts decode_all(const SnmpWalk& walk);

// The MAC of the interface that holds `address` (ipAddrTable -> ifPhysAddress).
std::optional<MacAddress> mac_for_address(const SnmpWalk& walk, Ipv4Address address);

}  // namespace nd
