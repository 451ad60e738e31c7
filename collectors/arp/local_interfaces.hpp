#pragma once
// The host's network interfaces as the sweeps need them: name, MAC, state, IPv4 addresses and subnets.
#include <optional>
#include <string>
#include <vector>

#include "model/address.hpp"

namespace nd {

struct InterfaceAddress {
    Ipv4Address address;
    Ipv4Network subnet;  // address & netmask
};

struct LocalInterface {
    std::string name;
    std::optional<MacAddress> mac;  // none for tunnels and loopback
    bool up = false;
    bool loopback = false;
    std::vector<InterfaceAddress> addresses;
};

// Every interface of the current network namespace (getifaddrs), in kernel order.
std::vector<LocalInterface> list_local_interfaces();

// The up, non-loopback interface with a MAC whose subnet contains `target`; nullopt if none.
std::optional<LocalInterface> interface_for(const std::vector<LocalInterface>& interfaces,
                                            const Ipv4Network& target);

// True when this process may open raw packet sockets (CAP_NET_RAW in its effective set).
bool has_cap_net_raw();

}  // namespace nd
