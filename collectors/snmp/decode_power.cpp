// UPS-MIB (RFC 1628) with APC PowerNet fallbacks, POWER-ETHERNET-MIB, and decode_all.
#include <algorithm>
#include <set>

#include "collectors/snmp/snmp_decode.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;
namespace {

std::string battery_status_name(int s) {
    switch (s) {
        case 1:
            return "unknown";
        case 2:
            return "normal";
        case 3:
            return "low";
        case 4:
            return "depleted";
        default:
            return "";
    }
}

std::string output_source_name(int s) {
    static const char* const kNames[] = {"",       "other",   "none",    "normal",
                                         "bypass", "battery", "booster", "reducer"};
    return s > 0 && s <= 7 ? kNames[s] : "";
}

}  // namespace

UpsFacts decode_ups(const SnmpWalk& walk) {
    static const Oid kIdent = oid("1.3.6.1.2.1.33.1.1");
    static const Oid kBattery = oid("1.3.6.1.2.1.33.1.2");
    static const Oid kOutputSource = oid("1.3.6.1.2.1.33.1.4.1.0");
    static const Oid kOutputLoad = oid("1.3.6.1.2.1.33.1.4.4.1.5");
    static const Oid kAlarms = oid("1.3.6.1.2.1.33.1.6.1.0");
    static const Oid kApcIdent = oid("1.3.6.1.4.1.318.1.1.1.1");
    static const Oid kApcReplaced = oid("1.3.6.1.4.1.318.1.1.1.2.1.3.0");

    UpsFacts u;
    auto ident = [&](std::uint32_t n) { return text(scalar(walk, kIdent.child(n).child(0))); };
    auto battery = [&](std::uint32_t n) { return number(scalar(walk, kBattery.child(n).child(0))); };
    u.manufacturer = ident(1);
    u.model = ident(2);
    u.firmware = ident(3);
    u.agent_version = ident(4);
    u.name = ident(5);
    if (auto s = battery(1)) {
        u.battery_status = static_cast<int>(*s);
        u.battery_status_name = battery_status_name(*u.battery_status);
    }
    u.seconds_on_battery = battery(2);
    u.minutes_remaining = battery(3);
    u.charge_percent = battery(4);
    if (auto v = battery(5)) u.battery_voltage = static_cast<double>(*v) / 10.0;  // 0.1 V units
    u.temperature_c = battery(7);
    if (auto s = number(scalar(walk, kOutputSource))) {
        u.output_source = static_cast<int>(*s);
        u.output_source_name = output_source_name(*u.output_source);
    }
    for (const auto& [index, value] : column(walk, kOutputLoad)) {
        if (auto n = number(value); n && (!u.output_load_percent || *n > *u.output_load_percent))
            u.output_load_percent = n;
    }
    u.alarms_present = number(scalar(walk, kAlarms));
    // APC PowerNet: upsBasicIdentModel .1.1.0, upsAdvIdentFirmwareRevision .2.1.0, upsAdvIdentSerialNumber
    // .2.3.0
    auto apc = [&](std::uint32_t a, std::uint32_t b) {
        return text(scalar(walk, kApcIdent.child(a).child(b).child(0)));
    };
    if (u.model.empty()) u.model = apc(1, 1);
    if (u.firmware.empty()) u.firmware = apc(2, 1);
    u.serial = apc(2, 3);
    if (!u.model.empty() && u.manufacturer.empty() && !apc(1, 1).empty()) u.manufacturer = "APC";
    u.battery_last_replaced = text(scalar(walk, kApcReplaced));
    return u;
}

PoeFacts decode_poe(const SnmpWalk& walk) {
    static const Oid kPort = oid("1.3.6.1.2.1.105.1.1.1");
    static const Oid kMain = oid("1.3.6.1.2.1.105.1.3.1.1");
    static const Oid kCiscoPort = oid("1.3.6.1.4.1.9.9.402.1.2.1");    // cpeExtPsePortEntry, same index
    static const Oid kAliasMapping = oid("1.3.6.1.2.1.47.1.3.2.1.2");  // entAliasMappingIdentifier
    static const Oid kIfIndexColumn = oid("1.3.6.1.2.1.2.2.1.1");
    PoeFacts p;
    std::vector<Index> indexes = rows(walk, kPort, {3, 6, 10});
    for (const Index& index : rows(walk, kCiscoPort, {9, 11}))  // Cisco agents without the standard table
        if (std::find(indexes.begin(), indexes.end(), index) == indexes.end()) indexes.push_back(index);
    std::sort(indexes.begin(), indexes.end());
    std::set<std::uint32_t> groups;
    for (const Index& index : indexes)
        if (index.size() == 2) groups.insert(index[0]);
    for (const Index& index : indexes) {
        if (index.size() != 2) continue;  // pethPsePortGroupIndex.pethPsePortIndex
        PoePort port;
        port.group = index[0];
        port.port = index[1];
        port.admin_enabled = number(cell(walk, kPort, 3, index)).value_or(2) == 1;
        port.detection_status = static_cast<int>(number(cell(walk, kPort, 6, index)).value_or(0));
        if (auto c = number(cell(walk, kPort, 10, index)); c && *c >= 1 && *c <= 5) {
            port.power_class = static_cast<int>(*c) - 1;  // class0(1) .. class4(5)
        }
        port.power_mw = number(cell(walk, kCiscoPort, 9, index));
        if (auto entity = number(cell(walk, kCiscoPort, 11, index)); entity && *entity > 0) {
            // entAliasMappingIdentifier.<entPhysicalIndex>.<logical 0> = ifIndex.<n>
            const SnmpValue* alias =
                scalar(walk, kAliasMapping.child(static_cast<std::uint32_t>(*entity)).child(0));
            if (alias != nullptr && alias->type == SnmpType::kOid) {
                if (auto target = Oid::parse(alias->bytes); target &&
                                                            target->size() == kIfIndexColumn.size() + 1 &&
                                                            target->starts_with(kIfIndexColumn)) {
                    port.if_index = target->arcs().back();
                    port.if_index_source = "entity";
                }
            }
        }
        if (!port.if_index && groups.size() == 1 &&
            (scalar(walk, kIfIndexColumn.child(port.port)) != nullptr ||
             !column(walk, kAliasMapping).empty())) {
            // Single PSE numbered like the interfaces: confirmed when the ifIndex exists (or the
            // agent maps entities to interfaces of that number).
            bool known = scalar(walk, kIfIndexColumn.child(port.port)) != nullptr;
            const std::string wanted = kIfIndexColumn.child(port.port).to_string();
            for (const auto& [i, v] : column(walk, kAliasMapping)) {
                if (known) break;
                known = v->type == SnmpType::kOid && v->bytes == wanted;
            }
            if (known) {
                port.if_index = port.port;
                port.if_index_source = "port-number";
            }
        }
        p.ports.push_back(port);
    }
    for (const auto& [index, value] : column(walk, kMain.child(2))) {
        p.nominal_power_w = number(value);
        p.consumption_w = number(cell(walk, kMain, 4, index));
        break;
    }
    return p;
}

SnmpDeviceFacts decode_all(const SnmpWalk& walk) {
    SnmpDeviceFacts f;
    f.system = decode_system(walk);
    f.interfaces = decode_interfaces(walk);
    f.addresses = decode_ip_addresses(walk);
    f.arp = decode_arp_table(walk);
    f.entities = decode_entities(walk);
    f.bridge = decode_bridge(walk);
    f.lldp = decode_lldp(walk);
    f.cdp = decode_cdp(walk);
    f.printer = decode_printer(walk);
    f.host = decode_host_resources(walk);
    f.ups = decode_ups(walk);
    f.poe = decode_poe(walk);
    // Which port powers which phone: the neighbour each powered interface reports.
    for (PoePort& port : f.poe.ports) {
        if (!port.if_index) continue;
        for (const auto& n : f.cdp) {
            if (n.if_index == *port.if_index) {
                port.powered_device = n.neighbor.device_id +
                                      (n.neighbor.platform.empty() ? "" : " (" + n.neighbor.platform + ")");
                break;
            }
        }
        for (const auto& n : f.lldp) {
            if (!port.powered_device.empty()) break;
            if (n.local_port == *port.if_index) {
                const auto& l = n.neighbor;
                port.powered_device = !l.system_name.empty() ? l.system_name : l.chassis_id;
                if (!l.med_model.empty()) port.powered_device += " (" + l.med_model + ")";
            }
        }
    }
    return f;
}

}  // namespace nd
