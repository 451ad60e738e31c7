#include "collectors/snmp/walk_plan.hpp"

#include <string_view>

namespace nd {
namespace {

std::vector<Oid> parse_all(std::initializer_list<std::string_view> texts) {
    std::vector<Oid> out;
    for (auto t : texts) out.push_back(*Oid::parse(t));
    return out;
}

}  // namespace

WalkPlan default_walk_plan() {
    WalkPlan plan;
    plan.get = {oids::kSysDescr, oids::kSysObjectId, oids::kSysUpTime, oids::kSysName};
    plan.subtrees = parse_all({
        "1.3.6.1.2.1.1",  // SNMPv2-MIB system
        // What decides a Cisco switch's VLAN contexts (vlan_list_subtrees()) comes early: their
        // walks then run alongside the rest of the switch's walk instead of after it.
        "1.3.6.1.2.1.17.7.1.2.2",          // Q-BRIDGE-MIB dot1qTpFdbTable
        "1.3.6.1.2.1.17.7.1.4.3",          // Q-BRIDGE-MIB dot1qVlanStaticTable (names)
        "1.3.6.1.4.1.9.9.46.1.3.1.1",      // CISCO-VTP-MIB vtpVlanTable (names on Cisco)
        "1.3.6.1.2.1.17.7.1.4.2.1.6",      // Q-BRIDGE-MIB dot1qVlanStatus (the VLAN list)
        "1.3.6.1.2.1.4.20",                // IP-MIB ipAddrTable
        "1.3.6.1.2.1.4.22",                // IP-MIB ipNetToMediaTable (ARP cache)
        "1.3.6.1.2.1.4.35",                // IP-MIB ipNetToPhysicalTable
        "1.3.6.1.2.1.17.1",                // BRIDGE-MIB dot1dBase (port -> ifIndex)
        "1.3.6.1.2.1.17.4.3",              // BRIDGE-MIB dot1dTpFdbTable
        "1.3.6.1.2.1.17.7.1.4.5",          // Q-BRIDGE-MIB dot1qPortVlanTable (PVID)
        "1.0.8802.1.1.2.1.3",              // LLDP-MIB local system
        "1.0.8802.1.1.2.1.4",              // LLDP-MIB remote systems
        "1.3.6.1.4.1.9.9.23.1.2.1",        // CISCO-CDP-MIB cdpCacheTable
        "1.3.6.1.2.1.43.5",                // Printer-MIB prtGeneral
        "1.3.6.1.2.1.43.8.2",              // Printer-MIB prtInputTable (trays)
        "1.3.6.1.2.1.43.10.2",             // Printer-MIB prtMarkerTable (page counters)
        "1.3.6.1.2.1.43.11.1",             // Printer-MIB prtMarkerSuppliesTable
        "1.3.6.1.2.1.43.12.1",             // Printer-MIB prtMarkerColorantTable
        "1.3.6.1.2.1.43.16.5",             // Printer-MIB prtConsoleDisplayBufferTable
        "1.3.6.1.2.1.43.18.1",             // Printer-MIB prtAlertTable
        "1.3.6.1.2.1.25.1",                // HOST-RESOURCES hrSystem
        "1.3.6.1.2.1.25.2.2",              // hrMemorySize
        "1.3.6.1.2.1.25.2.3",              // hrStorageTable
        "1.3.6.1.2.1.25.3.2",              // hrDeviceTable
        "1.3.6.1.2.1.25.3.3",              // hrProcessorTable
        "1.3.6.1.2.1.25.3.5",              // hrPrinterTable
        "1.3.6.1.2.1.33.1.1",              // UPS-MIB upsIdent
        "1.3.6.1.2.1.33.1.2",              // UPS-MIB upsBattery
        "1.3.6.1.2.1.33.1.4",              // UPS-MIB upsOutput
        "1.3.6.1.2.1.33.1.6",              // UPS-MIB upsAlarm
        "1.3.6.1.2.1.105.1",               // POWER-ETHERNET-MIB
        "1.3.6.1.4.1.9.9.402.1.2.1.9",     // CISCO-POWER-ETHERNET-EXT-MIB port consumption (mW)
        "1.3.6.1.4.1.9.9.402.1.2.1.11",    // ... and the port's entPhysicalIndex
        "1.3.6.1.2.1.47.1.3.2",            // ENTITY-MIB entAliasMappingTable (entity -> ifIndex)
        "1.3.6.1.4.1.11.2.3.9.4.2.1.1.3",  // HP printer: model, serial
        "1.3.6.1.4.1.318.1.1.1.1",         // APC PowerNet upsIdent (model, serial, firmware)
        "1.3.6.1.4.1.318.1.1.1.2.1.3",     // APC battery last replacement date
        "1.3.6.1.4.1.9.3.6.3",             // OLD-CISCO-CHASSIS chassisId (serial)
    });
    // Wide tables: only the columns the decoders and fingerprints read, not the counters
    // (a 48-port switch's ifTable + ifXTable is ~4,000 OIDs whole, ~1,000 this way).
    std::vector<Oid> columns;
    const Oid if_entry = *Oid::parse("1.3.6.1.2.1.2.2.1");           // index descr type speed mac admin oper
    const Oid ifx_entry = *Oid::parse("1.3.6.1.2.1.31.1.1.1");       // name highSpeed alias
    const Oid entity_entry = *Oid::parse("1.3.6.1.2.1.47.1.1.1.1");  // entPhysicalEntry
    for (std::uint32_t c : {1, 2, 3, 5, 6, 7, 8}) columns.push_back(if_entry.child(c));
    for (std::uint32_t c : {1, 15, 18}) columns.push_back(ifx_entry.child(c));
    for (std::uint32_t c : {2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 16})
        columns.push_back(entity_entry.child(c));
    plan.subtrees.insert(plan.subtrees.begin() + 5, columns.begin(), columns.end());
    return plan;
}

WalkPlan full_walk_plan() {
    WalkPlan plan;
    plan.get = {oids::kSysDescr, oids::kSysObjectId, oids::kSysUpTime, oids::kSysName};
    plan.subtrees = parse_all({"1.0.8802", "1.3.6.1"});
    // Group and column nodes (never instances) ahead of the tables that are big on switches and
    // servers, so a few ranges in flight share the work: IF-MIB ifTable (the counters), IP-MIB,
    // BRIDGE-MIB, HOST-RESOURCES (running and installed software), IF-MIB ifXTable, ENTITY-MIB,
    // enterprises (Cisco's 9 is large on its own).
    plan.splits = parse_all({
        "1.3.6.1.2.1.2",    "1.3.6.1.2.1.2.2.1.10",     "1.3.6.1.2.1.3",           "1.3.6.1.2.1.4.21",
        "1.3.6.1.2.1.5",    "1.3.6.1.2.1.10",           "1.3.6.1.2.1.17",          "1.3.6.1.2.1.17.4",
        "1.3.6.1.2.1.17.7", "1.3.6.1.2.1.18",           "1.3.6.1.2.1.25",          "1.3.6.1.2.1.25.4",
        "1.3.6.1.2.1.25.5", "1.3.6.1.2.1.31",           "1.3.6.1.2.1.31.1.1.1.10", "1.3.6.1.2.1.32",
        "1.3.6.1.2.1.47",   "1.3.6.1.2.1.47.1.1.1.1.8", "1.3.6.1.2.1.48",          "1.3.6.1.4",
        "1.3.6.1.4.1.9.9",  "1.3.6.1.4.1.9.9.100",      "1.3.6.1.4.1.10",
    });
    return plan;
}

}  // namespace nd
