#pragma once
// The identity evidence of one observation, as weighted keys. Strong keys (MACs, serial, SNMP engine
// id, LLDP chassis id) name one device wherever they appear; weak keys (addresses, host names) only
// support a match, because DHCP hands addresses on and names repeat.
#include <string>
#include <vector>

#include "model/evidence.hpp"

namespace nd {

struct IdentityKey {
    std::string kind;   // "mac", "mac-la", "serial", "engine-id", "chassis-id", "ip", "hostname"
    std::string value;  // normalised: lower-case MACs, dotted IPs, lower-case host names
    int weight = 0;     // how much a match on this key alone says (strong keys >= kStrongWeight)
    std::string why;    // where it came from, for the merge log ("ARP", "SNMP IP-MIB", ...)
    bool strong() const;
};

inline constexpr int kStrongWeight = 70;
// A match on weak keys alone needs this much (an address plus a matching name).
inline constexpr int kMatchThreshold = 60;

// Keys in order of strength. MACs of VRRP/HSRP/GLBP virtual routers, multicast and zero MACs are
// dropped; a locally administered (randomised) MAC becomes a weak "mac-la" key bound to its address.
std::vector<IdentityKey> identity_keys(const DeviceEvidence& evidence);

// Host names that say nothing about one device ("localhost", "(none)", bare IPs).
bool generic_hostname(const std::string& name);
std::string normalise_hostname(std::string name);

// Short text for logs: "mac 00:1b:a9:0b:a7:52".
std::string describe(const IdentityKey& key);

}  // namespace nd
