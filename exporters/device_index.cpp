#include "exporters/device_index.hpp"

#include <cctype>

#include "exporters/device_view.hpp"

namespace nd {

std::string DeviceIndex::name_key(std::string_view name) {
    const auto dot = name.find('.');
    // A dotted quad is an address, not a host with a domain.
    if (dot != std::string_view::npos && !Ipv4Address::parse(name)) name = name.substr(0, dot);
    std::string out(name);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

DeviceIndex::DeviceIndex(const std::vector<DeviceRecord>& devices) {
    ids_.reserve(devices.size());
    ips_.reserve(devices.size());
    macs_.reserve(devices.size());
    for (const auto& d : devices) {
        ids_.emplace(d.id, &d);
        for (const auto& ip : d.ips) ips_.emplace(ip.value(), &d);
        for (const auto& mac : d.macs) macs_.emplace(mac.to_string(), &d);
        auto add_name = [&](std::string_view name) {
            if (!name.empty()) names_.emplace(name_key(name), &d);
        };
        if (auto it = d.annotations.find("name"); it != d.annotations.end()) add_name(it->second);
        if (auto host = device_hostname(d)) add_name(*host);
        for (const auto& name : d.evidence.hostnames) add_name(name);
    }
}

const DeviceRecord* DeviceIndex::by_id(std::int64_t id) const {
    auto it = ids_.find(id);
    return it == ids_.end() ? nullptr : it->second;
}

const DeviceRecord* DeviceIndex::by_ip(const Ipv4Address& ip) const {
    auto it = ips_.find(ip.value());
    return it == ips_.end() ? nullptr : it->second;
}

const DeviceRecord* DeviceIndex::by_mac(const MacAddress& mac) const {
    auto it = macs_.find(mac.to_string());
    return it == macs_.end() ? nullptr : it->second;
}

const DeviceRecord* DeviceIndex::by_name(std::string_view name) const {
    if (name.empty()) return nullptr;
    auto it = names_.find(name_key(name));
    return it == names_.end() ? nullptr : it->second;
}

const DeviceRecord* DeviceIndex::by_any(std::string_view text) const {
    if (auto mac = MacAddress::parse(text)) {
        if (const auto* d = by_mac(*mac)) return d;
    }
    if (auto ip = Ipv4Address::parse(text)) return by_ip(*ip);
    return by_name(text);
}

}  // namespace nd
