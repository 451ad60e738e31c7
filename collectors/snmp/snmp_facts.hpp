#pragma once
// Typed facts decoded from an SNMP walk, one struct per MIB. The dossier renders these; the
// decoders (snmp_decode.hpp) are pure functions over SnmpWalk. Numbers the agent did not give are
// nullopt, never 0.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/address.hpp"
#include "model/evidence.hpp"

namespace nd {

struct SystemFacts {  // SNMPv2-MIB system group
    std::string description, object_id, name, contact, location;
    std::optional<std::int64_t> uptime_ticks;  // 1/100 s
};

struct InterfaceFacts {  // IF-MIB ifTable + ifXTable
    std::uint32_t index = 0;
    std::string name;         // ifName, else ifDescr
    std::string description;  // ifDescr
    std::string alias;        // ifAlias (what the admin wrote)
    int type = 0;  // IANAifType: 6 ethernetCsmacd, 24 softwareLoopback, 53 propVirtual, 71 ieee80211...
    std::optional<MacAddress> mac;
    std::optional<std::uint64_t> speed_bps;  // ifHighSpeed x 1e6 when given, else ifSpeed
    int admin_status = 0;                    // 1 up, 2 down, 3 testing
    int oper_status = 0;                     // 1 up, 2 down, ... 5 dormant, 7 lowerLayerDown
};

struct IpAddressFacts {  // IP-MIB ipAddrTable
    Ipv4Address address;
    int prefix_length = 32;
    std::uint32_t if_index = 0;
};

struct ArpEntry {  // IP-MIB ipNetToMediaTable / ipNetToPhysicalTable: hosts the router talks to
    Ipv4Address ip;
    MacAddress mac;
    std::uint32_t if_index = 0;
    bool is_static = false;
};

struct EntityFacts {  // ENTITY-MIB entPhysicalTable row
    std::uint32_t index = 0;
    int physical_class = 0;  // 3 chassis, 9 module, 6 powerSupply, 7 fan, 10 port, 11 stack, 5 container
    std::string description, name, model, serial, hardware_revision, firmware_revision, software_revision,
        manufacturer, vendor_type;
    std::uint32_t contained_in = 0;
    std::optional<bool> field_replaceable;
};

struct FdbEntry {  // BRIDGE-MIB dot1dTpFdbTable / Q-BRIDGE-MIB dot1qTpFdbTable
    MacAddress mac;
    std::optional<std::uint32_t> vlan;  // Q-BRIDGE FDB id (the VLAN on nearly every switch)
    std::uint32_t bridge_port = 0;
    std::optional<std::uint32_t> if_index;  // via dot1dBasePortIfIndex
    int status = 0;                         // 3 learned, 4 self, 5 mgmt
};

struct VlanFacts {
    std::uint32_t id = 0;
    std::string name;
};

struct BridgeFacts {
    std::optional<MacAddress> bridge_address;
    std::map<std::uint32_t, std::uint32_t> port_if_index;  // bridge port -> ifIndex
    std::map<std::uint32_t, std::uint32_t> port_pvid;      // bridge port -> untagged VLAN
    std::vector<FdbEntry> fdb;                             // learned entries (self/mgmt dropped)
    std::vector<VlanFacts> vlans;
};

struct SnmpLldpNeighbor {  // LLDP-MIB lldpRemTable, as seen by the walked device
    std::uint32_t local_port = 0;
    std::string local_port_id;  // lldpLocPortId / description: usually the interface name
    LldpNeighbor neighbor;
};

struct SnmpCdpNeighbor {  // CISCO-CDP-MIB cdpCacheTable
    std::uint32_t if_index = 0;
    CdpNeighbor neighbor;
};

struct PrinterSupply {  // Printer-MIB prtMarkerSuppliesTable
    std::uint32_t index = 0;
    std::string description;
    int type = 0;
    std::string type_name;  // "toner", "inkCartridge", "opc", "wasteToner", ...
    std::string colorant;   // "black", "cyan", ... (prtMarkerColorantValue)
    int unit = 0;
    std::optional<std::int64_t> max_capacity;  // nullopt: unknown / unrestricted
    std::optional<std::int64_t> level;         // nullopt: unknown; -3 means "some remaining"
    std::optional<int> percent;                // level / max, when both known
};

struct PrinterTray {  // prtInputTable
    std::uint32_t index = 0;
    std::string name, description, media_name;
    int type = 0;
    std::optional<std::int64_t> max_capacity, current_level;
};

struct PrinterAlert {  // prtAlertTable
    std::uint32_t index = 0;
    int severity = 0;  // 1 other, 3 critical, 4 warning, 5 warningBinaryChangeEvent
    std::string severity_name;
    int group = 0;
    int code = 0;
    std::string description;
};

struct PrinterFacts {                        // Printer-MIB + HOST-RESOURCES printer status
    std::string serial;                      // prtGeneralSerialNumber
    std::optional<std::int64_t> page_count;  // prtMarkerLifeCount of the first marker
    std::vector<PrinterSupply> supplies;
    std::vector<PrinterTray> trays;
    std::vector<PrinterAlert> alerts;
    std::vector<std::string> console_lines;  // what the front panel shows
    std::optional<int> printer_status;       // hrPrinterStatus: 1 other 2 unknown 3 idle 4 printing 5 warmup
    std::optional<int> device_status;        // hrDeviceStatus: 1 unknown 2 running 3 warning 4 testing 5 down
    std::vector<std::string> error_states;   // hrPrinterDetectedErrorState bits: "lowToner", "jammed", ...
    std::string status_text() const;         // "idle", "printing", "warmup", ... or ""
    bool empty() const {
        return supplies.empty() && trays.empty() && !page_count && !printer_status && serial.empty();
    }
};

struct StorageFacts {  // HOST-RESOURCES hrStorageTable
    std::uint32_t index = 0;
    std::string type;  // "ram", "virtualMemory", "fixedDisk", "removableDisk", "networkDisk", "other", ...
    std::string description;
    std::uint64_t size_bytes = 0;
    std::uint64_t used_bytes = 0;
};

struct HrDeviceFacts {  // hrDeviceTable
    std::uint32_t index = 0;
    std::string type;  // "processor", "printer", "network", "diskStorage", ...
    std::string description;
    int status = 0;  // 1 unknown 2 running 3 warning 4 testing 5 down
};

struct HostFacts {                           // HOST-RESOURCES-MIB
    std::optional<std::int64_t> memory_kib;  // hrMemorySize
    int cpu_count = 0;                       // rows of hrProcessorTable
    std::vector<StorageFacts> storage;
    std::vector<HrDeviceFacts> devices;
    std::optional<std::int64_t> users, processes;
    bool empty() const { return !memory_kib && cpu_count == 0 && storage.empty() && devices.empty(); }
};

struct UpsFacts {  // UPS-MIB (RFC 1628), APC PowerNet where the standard MIB is silent
    std::string manufacturer, model, firmware, agent_version, name, serial;
    std::optional<int> battery_status;  // 1 unknown 2 normal 3 low 4 depleted
    std::string battery_status_name;
    std::optional<std::int64_t> seconds_on_battery, minutes_remaining, charge_percent;
    std::optional<double> battery_voltage;      // volts
    std::optional<std::int64_t> temperature_c;  // battery temperature
    std::optional<int> output_source;  // 1 other 2 none 3 normal 4 bypass 5 battery 6 booster 7 reducer
    std::string output_source_name;
    std::optional<std::int64_t> output_load_percent;  // highest line
    std::optional<std::int64_t> alarms_present;
    std::string battery_last_replaced;  // as the agent gives it ("03/14/2022")
    bool empty() const { return model.empty() && manufacturer.empty() && !battery_status && !charge_percent; }
};

struct PoePort {  // POWER-ETHERNET-MIB pethPsePortTable
    std::uint32_t group = 0;
    std::uint32_t port = 0;
    bool admin_enabled = false;
    int detection_status = 0;        // 1 disabled 2 searching 3 deliveringPower 4 fault 5 test 6 otherFault
    std::optional<int> power_class;  // 0..4
    // The interface this PSE port is: Cisco's cpeExtPsePortEntPhyIndex -> entAliasMappingTable
    // ("entity"), else the ifIndex equal to the port number on a single-group PSE ("port-number",
    // how HP, Linksys, Netgear, ... number them). nullopt when neither holds.
    std::optional<std::uint32_t> if_index;
    std::string if_index_source;
    std::optional<std::int64_t> power_mw;  // CISCO-POWER-ETHERNET-EXT-MIB cpeExtPsePortPwrConsumption
    std::string
        powered_device;  // the CDP/LLDP neighbour on that interface: "SEP001122.. (Cisco IP Phone 8845)"
    bool delivering() const { return detection_status == 3 || (power_mw && *power_mw > 0); }
};

struct PoeFacts {
    std::vector<PoePort> ports;
    std::optional<std::int64_t> nominal_power_w, consumption_w;  // first PSE
};

// Every MIB decoded at once, for the dossier and `identify`.
struct SnmpDeviceFacts {
    SystemFacts system;
    std::vector<InterfaceFacts> interfaces;
    std::vector<IpAddressFacts> addresses;
    std::vector<ArpEntry> arp;
    std::vector<EntityFacts> entities;
    BridgeFacts bridge;
    std::vector<SnmpLldpNeighbor> lldp;
    std::vector<SnmpCdpNeighbor> cdp;
    PrinterFacts printer;
    HostFacts host;
    UpsFacts ups;
    PoeFacts poe;
};

}  // namespace nd
