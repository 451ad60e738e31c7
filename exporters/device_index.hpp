#pragma once
// Lookups over the dossier's devices by id, address, MAC and name, built once per export so that
// change sentences and the topology stay linear in the number of devices.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/device_record.hpp"

namespace nd {

class DeviceIndex {
public:
    explicit DeviceIndex(const std::vector<DeviceRecord>& devices);

    const DeviceRecord* by_id(std::int64_t id) const;
    const DeviceRecord* by_ip(const Ipv4Address& ip) const;
    const DeviceRecord* by_mac(const MacAddress& mac) const;
    // A hostname, sysName or annotated name, compared case-insensitively and without a domain part.
    const DeviceRecord* by_name(std::string_view name) const;
    // "aa:bb:cc:dd:ee:ff" / "aabb.ccdd.eeff" / a dotted address / a name, whichever matches first.
    const DeviceRecord* by_any(std::string_view text) const;

    // Lower-cased name without the domain part ("Core-SW1.example.com" -> "core-sw1").
    static std::string name_key(std::string_view name);

private:
    std::unordered_map<std::int64_t, const DeviceRecord*> ids_;
    std::unordered_map<std::uint32_t, const DeviceRecord*> ips_;
    std::unordered_map<std::string, const DeviceRecord*> macs_;
    std::unordered_map<std::string, const DeviceRecord*> names_;
};

}  // namespace nd
