#include "storage/evidence_merge.hpp"

#include <algorithm>

namespace nd {
namespace {

template <typename T>
void add_unique(std::vector<T>& into, const std::vector<T>& from) {
    for (const auto& item : from) {
        if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
    }
}

template <typename T, typename Same>
void upsert(std::vector<T>& into, const std::vector<T>& from, Same same) {
    for (const auto& item : from) {
        auto it =
            std::find_if(into.begin(), into.end(), [&](const T& existing) { return same(existing, item); });
        if (it == into.end()) {
            into.push_back(item);
        } else {
            *it = item;
        }
    }
}

}  // namespace

void merge_evidence(DeviceEvidence& into, const DeviceEvidence& from) {
    if (from.mac) into.mac = from.mac;
    add_unique(into.ips, from.ips);
    if (!from.oui_registrant.empty()) into.oui_registrant = from.oui_registrant;
    if (from.ttl) into.ttl = from.ttl;
    if (from.rtt_ms) into.rtt_ms = from.rtt_ms;
    add_unique(into.hostnames, from.hostnames);
    // The SNMP credential that answered last, by name (never the secret).
    if (!from.snmp_credential.empty()) into.snmp_credential = from.snmp_credential;
    for (const auto& [oid, value] : from.snmp) into.snmp[oid] = value;
    // Services, neighbours and banners: a newer record with the same identity replaces the older one.
    upsert(into.mdns, from.mdns, [](const MdnsService& a, const MdnsService& b) {
        return a.instance == b.instance && a.type == b.type;
    });
    upsert(into.lldp, from.lldp, [](const LldpNeighbor& a, const LldpNeighbor& b) {
        return a.chassis_id == b.chassis_id && a.port_id == b.port_id;
    });
    upsert(into.cdp, from.cdp, [](const CdpNeighbor& a, const CdpNeighbor& b) {
        return a.device_id == b.device_id && a.port_id == b.port_id;
    });
    if (from.dhcp) into.dhcp = from.dhcp;
    add_unique(into.open_tcp_ports, from.open_tcp_ports);
    std::sort(into.open_tcp_ports.begin(), into.open_tcp_ports.end());
    upsert(into.banners, from.banners,
           [](const ServiceBanner& a, const ServiceBanner& b) { return a.port == b.port; });
}

}  // namespace nd
