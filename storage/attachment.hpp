#pragma once
// Which switch port each endpoint plugs into, worked out from the switches' own SNMP answers:
// forwarding tables (BRIDGE-MIB, Q-BRIDGE-MIB, Cisco's per-VLAN instances folded into the walk) and
// LLDP/CDP neighbour tables. Uplinks are not access ports: a port with a switch or router behind it
// (LLDP/CDP capabilities) or with many MACs learned on it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/device_record.hpp"

namespace nd {

// More MACs than this on one port means another switch (or a hub of hosts) behind it.
inline constexpr std::size_t kMaxMacsOnAccessPort = 4;

struct SwitchView {
    std::int64_t device_id = 0;
    std::string name;  // sysName, else management address
    const SnmpWalk* walk = nullptr;
};

struct EndpointView {
    std::int64_t device_id = 0;
    std::vector<MacAddress> macs;
    std::vector<Ipv4Address> ips;
    std::string previous_port;  // "switch port" it was attached to; kept when still as good (no flapping)
};

// Port facts of one switch, decoded from its walk (exposed for tests).
struct SwitchPorts {
    struct Learned {
        std::string port;  // ifName, else ifDescr, else "port N"
        std::uint32_t if_index = 0;
        std::optional<std::uint32_t> vlan;
    };
    std::map<MacAddress, std::vector<Learned>> fdb;
    std::map<std::uint32_t, std::size_t> macs_per_port;  // ifIndex -> distinct MACs
    std::map<std::uint32_t, std::string> uplinks;        // ifIndex -> why
    struct Neighbour {
        std::string port;
        std::uint32_t if_index = 0;
        std::optional<MacAddress> mac;
        std::optional<Ipv4Address> ip;
        std::string source;  // "lldp" or "cdp"
        bool network_device = false;
    };
    std::vector<Neighbour> neighbours;
};
SwitchPorts decode_switch_ports(const SnmpWalk& walk);

// Endpoint device id -> where it plugs in. Endpoints found only behind uplinks get none.
std::map<std::int64_t, SwitchAttachment> attach_endpoints(const std::vector<SwitchView>& switches,
                                                          const std::vector<EndpointView>& endpoints);

}  // namespace nd
