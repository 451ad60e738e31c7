#include "collectors/snmp/snmp_facts_json.hpp"

#include "collectors/snmp/snmp_decode.hpp"

namespace nd {
namespace {

using nlohmann::json;

// Device strings are arbitrary bytes; JSON needs UTF-8. Replace what isn't.
std::string utf8(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5U) == 6 ? 2 : (c >> 4U) == 14 ? 3 : (c >> 3U) == 30 ? 4 : 0;
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6U) == 2;
        if (ok && (len > 1 || c >= 0x20 || c == '\t')) {
            out.append(s, i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        }
    }
    return out;
}

json str(const std::string& s) { return s.empty() ? json(nullptr) : json(utf8(s)); }
template <typename T>
json opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json entity_json(const EntityFacts& e) {
    return {{"index", e.index},
            {"class", e.physical_class},
            {"description", str(e.description)},
            {"name", str(e.name)},
            {"model", str(e.model)},
            {"serial", str(e.serial)},
            {"hardware_revision", str(e.hardware_revision)},
            {"firmware_revision", str(e.firmware_revision)},
            {"software_revision", str(e.software_revision)},
            {"manufacturer", str(e.manufacturer)}};
}

}  // namespace

json snmp_facts_json(const SnmpDeviceFacts& f) {
    json out = json::object();
    out["system"] = {{"description", str(f.system.description)},
                     {"object_id", str(f.system.object_id)},
                     {"name", str(f.system.name)},
                     {"contact", str(f.system.contact)},
                     {"location", str(f.system.location)},
                     {"uptime_ticks", opt(f.system.uptime_ticks)}};
    if (const EntityFacts* chassis = main_chassis(f.entities)) out["chassis"] = entity_json(*chassis);
    json modules = json::array();
    for (const auto& e : f.entities) {
        if ((e.physical_class == 3 || e.physical_class == 9) && (!e.serial.empty() || !e.model.empty())) {
            modules.push_back(entity_json(e));
        }
    }
    if (!modules.empty()) out["entities"] = modules;
    json ifs = json::array();
    for (const auto& i : f.interfaces) {
        ifs.push_back({{"index", i.index},
                       {"name", str(i.name)},
                       {"alias", str(i.alias)},
                       {"type", i.type},
                       {"mac", i.mac ? json(i.mac->to_string()) : json(nullptr)},
                       {"speed_bps", opt(i.speed_bps)},
                       {"admin_status", i.admin_status},
                       {"oper_status", i.oper_status}});
    }
    if (!ifs.empty()) out["interfaces"] = ifs;
    json addrs = json::array();
    for (const auto& a : f.addresses) {
        addrs.push_back({{"address", a.address.to_string()},
                         {"prefix_length", a.prefix_length},
                         {"if_index", a.if_index}});
    }
    if (!addrs.empty()) out["ip_addresses"] = addrs;
    json arp = json::array();
    for (const auto& a : f.arp) {
        arp.push_back({{"ip", a.ip.to_string()}, {"mac", a.mac.to_string()}, {"if_index", a.if_index}});
    }
    if (!arp.empty()) out["arp"] = arp;
    json fdb = json::array();
    for (const auto& e : f.bridge.fdb) {
        fdb.push_back({{"mac", e.mac.to_string()},
                       {"vlan", opt(e.vlan)},
                       {"bridge_port", e.bridge_port},
                       {"if_index", opt(e.if_index)}});
    }
    if (!fdb.empty()) out["mac_table"] = fdb;
    json vlans = json::array();
    for (const auto& v : f.bridge.vlans) vlans.push_back({{"id", v.id}, {"name", str(v.name)}});
    if (!vlans.empty()) out["vlans"] = vlans;
    json neighbors = json::array();
    for (const auto& n : f.lldp) {
        neighbors.push_back({{"protocol", "lldp"},
                             {"local_port", str(n.local_port_id)},
                             {"chassis_id", str(n.neighbor.chassis_id)},
                             {"port_id", str(n.neighbor.port_id)},
                             {"system_name", str(n.neighbor.system_name)},
                             {"system_description", str(n.neighbor.system_description)},
                             {"management_address", n.neighbor.management_address
                                                        ? json(n.neighbor.management_address->to_string())
                                                        : json(nullptr)}});
    }
    for (const auto& n : f.cdp) {
        neighbors.push_back(
            {{"protocol", "cdp"},
             {"local_if_index", n.if_index},
             {"device_id", str(n.neighbor.device_id)},
             {"port_id", str(n.neighbor.port_id)},
             {"platform", str(n.neighbor.platform)},
             {"address", n.neighbor.address ? json(n.neighbor.address->to_string()) : json(nullptr)}});
    }
    if (!neighbors.empty()) out["neighbors"] = neighbors;
    if (!f.printer.empty()) {
        json supplies = json::array();
        for (const auto& s : f.printer.supplies) {
            supplies.push_back({{"description", str(s.description)},
                                {"type", str(s.type_name)},
                                {"colorant", str(s.colorant)},
                                {"level", opt(s.level)},
                                {"max_capacity", opt(s.max_capacity)},
                                {"percent", opt(s.percent)}});
        }
        json trays = json::array();
        for (const auto& t : f.printer.trays) {
            trays.push_back({{"name", str(t.name.empty() ? t.description : t.name)},
                             {"media", str(t.media_name)},
                             {"level", opt(t.current_level)},
                             {"max_capacity", opt(t.max_capacity)}});
        }
        json alerts = json::array();
        for (const auto& a : f.printer.alerts) {
            alerts.push_back(
                {{"severity", str(a.severity_name)}, {"code", a.code}, {"description", str(a.description)}});
        }
        out["printer"] = {{"serial", str(f.printer.serial)},
                          {"page_count", opt(f.printer.page_count)},
                          {"status", str(f.printer.status_text())},
                          {"errors", f.printer.error_states},
                          {"supplies", supplies},
                          {"trays", trays},
                          {"alerts", alerts}};
    }
    if (!f.host.empty()) {
        json storage = json::array();
        for (const auto& s : f.host.storage) {
            storage.push_back({{"type", s.type},
                               {"description", str(s.description)},
                               {"size_bytes", s.size_bytes},
                               {"used_bytes", s.used_bytes}});
        }
        out["host"] = {
            {"memory_kib", opt(f.host.memory_kib)}, {"cpu_count", f.host.cpu_count}, {"storage", storage}};
    }
    if (!f.ups.empty()) {
        out["ups"] = {{"manufacturer", str(f.ups.manufacturer)},
                      {"model", str(f.ups.model)},
                      {"firmware", str(f.ups.firmware)},
                      {"serial", str(f.ups.serial)},
                      {"battery_status", str(f.ups.battery_status_name)},
                      {"charge_percent", opt(f.ups.charge_percent)},
                      {"minutes_remaining", opt(f.ups.minutes_remaining)},
                      {"output_source", str(f.ups.output_source_name)},
                      {"output_load_percent", opt(f.ups.output_load_percent)},
                      {"battery_last_replaced", str(f.ups.battery_last_replaced)}};
    }
    if (!f.poe.ports.empty()) {
        json ports = json::array();
        for (const auto& p : f.poe.ports) {
            ports.push_back({{"group", p.group},
                             {"port", p.port},
                             {"delivering", p.delivering()},
                             {"power_class", opt(p.power_class)},
                             {"if_index", opt(p.if_index)},
                             {"power_mw", opt(p.power_mw)},
                             {"powered_device", str(p.powered_device)}});
        }
        out["poe"] = {{"ports", ports},
                      {"nominal_power_w", opt(f.poe.nominal_power_w)},
                      {"consumption_w", opt(f.poe.consumption_w)}};
    }
    return out;
}

std::vector<std::string> snmp_facts_summary(const SnmpDeviceFacts& f) {
    std::vector<std::string> lines;
    if (const EntityFacts* c = main_chassis(f.entities);
        c != nullptr && (!c->model.empty() || !c->serial.empty())) {
        lines.push_back("chassis: " + utf8(c->model.empty() ? c->description : c->model) + ", serial " +
                        (c->serial.empty() ? "?" : utf8(c->serial)) +
                        (c->software_revision.empty() ? "" : ", software " + utf8(c->software_revision)));
    }
    if (!f.interfaces.empty()) {
        int up = 0;
        for (const auto& i : f.interfaces) up += i.oper_status == 1 ? 1 : 0;
        lines.push_back("interfaces: " + std::to_string(f.interfaces.size()) + " (" + std::to_string(up) +
                        " up)");
    }
    if (!f.bridge.fdb.empty() || !f.bridge.vlans.empty()) {
        lines.push_back("MAC table: " + std::to_string(f.bridge.fdb.size()) + " entries, " +
                        std::to_string(f.bridge.vlans.size()) + " VLANs");
    }
    if (!f.arp.empty()) lines.push_back("ARP/neighbour table: " + std::to_string(f.arp.size()) + " hosts");
    if (!f.lldp.empty() || !f.cdp.empty()) {
        lines.push_back("neighbours: " + std::to_string(f.lldp.size()) + " LLDP, " +
                        std::to_string(f.cdp.size()) + " CDP");
    }
    for (const auto& s : f.printer.supplies) {
        lines.push_back("supply: " + utf8(s.description) +
                        (s.percent ? " " + std::to_string(*s.percent) + "%"
                                   : (s.level && *s.level == -3 ? " (some remaining)" : " (level unknown)")));
    }
    if (f.printer.page_count) lines.push_back("page count: " + std::to_string(*f.printer.page_count));
    if (!f.ups.empty()) {
        lines.push_back(
            "UPS: battery " + (f.ups.battery_status_name.empty() ? "?" : f.ups.battery_status_name) +
            (f.ups.charge_percent ? ", " + std::to_string(*f.ups.charge_percent) + "% charged" : "") +
            (f.ups.minutes_remaining ? ", " + std::to_string(*f.ups.minutes_remaining) + " min runtime"
                                     : "") +
            (f.ups.output_source_name.empty() ? "" : ", output " + f.ups.output_source_name));
    }
    if (!f.host.empty()) {
        lines.push_back(
            "host: " + std::to_string(f.host.cpu_count) + " CPUs" +
            (f.host.memory_kib ? ", " + std::to_string(*f.host.memory_kib / 1024) + " MiB memory" : "") +
            ", " + std::to_string(f.host.storage.size()) + " storage areas");
    }
    return lines;
}

}  // namespace nd
