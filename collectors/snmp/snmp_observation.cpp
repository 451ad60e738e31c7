// A walked host as an Observation: the raw walk plus the identity facts storage merges on.
#include "collectors/snmp/snmp_collector.hpp"
#include "collectors/snmp/snmp_decode.hpp"

namespace nd {

Observation to_observation(const SnmpHostResult& result, std::int64_t scan_id) {
    Observation o;
    o.source = "snmp";
    o.time = std::chrono::system_clock::now();
    o.scan_id = scan_id;
    DeviceEvidence& e = o.evidence;
    e.snmp = result.walk;
    e.snmp_credential = result.credential;
    if (auto ip = Ipv4Address::parse(result.target.host)) {
        e.ips.push_back(*ip);
        // The MAC of the interface that carries the address we asked: what ARP sees for this host.
        if (auto mac = mac_for_address(result.walk, *ip)) e.mac = *mac;
    }
    add_sysname_hostname(e);
    return o;
}

}  // namespace nd
