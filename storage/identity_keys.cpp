#include "storage/identity_keys.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "storage/snmp_read.hpp"

namespace nd {
namespace {

bool usable_mac(const MacAddress& m) { return !m.is_zero() && !m.is_multicast() && !m.is_virtual_router(); }

void add(std::vector<IdentityKey>& keys, IdentityKey key) {
    if (key.value.empty()) return;
    for (const auto& k : keys) {
        if (k.kind == key.kind && k.value == key.value) return;
    }
    keys.push_back(std::move(key));
}

void add_mac(std::vector<IdentityKey>& keys, const MacAddress& m, const std::vector<Ipv4Address>& ips,
             const std::string& why) {
    if (!usable_mac(m)) return;
    if (!m.is_locally_administered()) {
        add(keys, {"mac", m.to_string(), 100, why});
        return;
    }
    // A randomised MAC is only trusted together with the address it used.
    for (const auto& ip : ips) add(keys, {"mac-la", m.to_string() + "@" + ip.to_string(), 50, why});
}

}  // namespace

bool IdentityKey::strong() const { return weight >= kStrongWeight; }

std::string normalise_hostname(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    while (!name.empty() && (name.back() == '.' || std::isspace(static_cast<unsigned char>(name.back()))))
        name.pop_back();
    if (name.ends_with(".local")) name.resize(name.size() - 6);
    return name;
}

bool generic_hostname(const std::string& name) {
    static const std::set<std::string> kGeneric = {"",        "localhost", "localhost.localdomain",
                                                   "(none)",  "none",      "unknown",
                                                   "default", "router",    "switch",
                                                   "printer", "android",   "iphone",
                                                   "ipad",    "espressif", "raspberrypi",
                                                   "ubuntu",  "debian",    "openwrt",
                                                   "dd-wrt"};
    if (kGeneric.contains(name)) return true;
    // Placeholders agents answer instead of a name ("<private>", "<unknown>"), and noise.
    if (name.front() == '<' ||
        std::none_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c); }))
        return true;
    return Ipv4Address::parse(name).has_value();
}

std::vector<IdentityKey> identity_keys(const DeviceEvidence& e) {
    std::vector<IdentityKey> keys;
    if (e.mac) add_mac(keys, *e.mac, e.ips, "link-layer address");
    if (!e.snmp.empty()) {
        add(keys, {"engine-id", snmp_read::engine_id(e.snmp), 90, "SNMP engine id"});
        add(keys, {"serial", snmp_read::chassis_serial(e.snmp), 80, "serial number read by SNMP"});
        if (auto chassis = snmp_read::lldp_chassis_id(e.snmp); !chassis.empty()) {
            add(keys, {"chassis-id", chassis, 80, "LLDP chassis id read by SNMP"});
            if (auto m = MacAddress::parse(chassis)) add_mac(keys, *m, {}, "LLDP chassis id read by SNMP");
        }
        // Every interface that carries an address: a router answering on 198.18.1.1 and 198.18.2.1
        // lists both, with both MACs.
        for (const auto& a : snmp_read::interface_addresses(e.snmp)) {
            if (a.mac)
                add_mac(keys, *a.mac, {a.ip}, "interface " + a.ip.to_string() + " in the agent's IP-MIB");
            add(keys, {"ip", a.ip.to_string(), 40, "address listed in the agent's IP-MIB"});
        }
    }
    for (const auto& n : e.lldp) {
        auto m = MacAddress::parse(n.chassis_id);
        if (m && usable_mac(*m) && !m->is_locally_administered()) {
            // A MAC chassis id is one of the device's own MACs (the base MAC of a switch, a phone's MAC).
            add(keys, {"chassis-id", m->to_string(), 80, "LLDP chassis id"});
            add(keys, {"mac", m->to_string(), 100, "LLDP chassis id"});
        } else if (!m && !n.chassis_id.empty()) {
            add(keys, {"chassis-id", n.chassis_id, 80, "LLDP chassis id"});
        }
    }
    for (const auto& ip : e.ips) add(keys, {"ip", ip.to_string(), 30, "address it answered on"});
    std::vector<std::string> names = e.hostnames;
    for (const auto& s : e.mdns) names.push_back(s.host);
    if (e.dhcp) names.push_back(e.dhcp->hostname);
    for (auto& n : names) {
        n = normalise_hostname(n);
        if (!generic_hostname(n)) add(keys, {"hostname", n, 35, "host name"});
    }
    std::stable_sort(keys.begin(), keys.end(),
                     [](const IdentityKey& a, const IdentityKey& b) { return a.weight > b.weight; });
    return keys;
}

std::string describe(const IdentityKey& key) { return key.kind + " " + key.value; }

}  // namespace nd
