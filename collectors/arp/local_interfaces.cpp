#include "collectors/arp/local_interfaces.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <linux/capability.h>
#include <net/if.h>
#include <netpacket/packet.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <memory>

namespace nd {

std::vector<LocalInterface> list_local_interfaces() {
    ifaddrs* raw = nullptr;
    if (getifaddrs(&raw) != 0) return {};
    std::unique_ptr<ifaddrs, decltype(&freeifaddrs)> list(raw, freeifaddrs);
    std::vector<LocalInterface> out;
    auto entry = [&](const char* name) -> LocalInterface& {
        auto it =
            std::find_if(out.begin(), out.end(), [&](const LocalInterface& i) { return i.name == name; });
        if (it != out.end()) return *it;
        LocalInterface fresh;
        fresh.name = name;
        out.push_back(std::move(fresh));
        return out.back();
    };
    for (auto* ifa = raw; ifa != nullptr; ifa = ifa->ifa_next) {
        if (ifa->ifa_name == nullptr) continue;
        auto& iface = entry(ifa->ifa_name);
        iface.up = (ifa->ifa_flags & IFF_UP) != 0U;
        iface.loopback = (ifa->ifa_flags & IFF_LOOPBACK) != 0U;
        if (ifa->ifa_addr == nullptr) continue;
        if (ifa->ifa_addr->sa_family == AF_PACKET) {
            const auto* ll = reinterpret_cast<const sockaddr_ll*>(ifa->ifa_addr);
            if (ll->sll_halen == 6) {
                std::array<std::uint8_t, 6> octets{};
                std::copy(ll->sll_addr, ll->sll_addr + 6, octets.begin());
                const MacAddress mac(octets);
                if (!mac.is_zero()) iface.mac = mac;
            }
        } else if (ifa->ifa_addr->sa_family == AF_INET && ifa->ifa_netmask != nullptr) {
            const auto* a = reinterpret_cast<const sockaddr_in*>(ifa->ifa_addr);
            const auto* m = reinterpret_cast<const sockaddr_in*>(ifa->ifa_netmask);
            const Ipv4Address address(ntohl(a->sin_addr.s_addr));
            const int prefix = std::popcount(ntohl(m->sin_addr.s_addr));
            iface.addresses.push_back(InterfaceAddress{address, Ipv4Network(address, prefix)});
        }
    }
    return out;
}

std::optional<LocalInterface> interface_for(const std::vector<LocalInterface>& interfaces,
                                            const Ipv4Network& target) {
    for (const auto& iface : interfaces) {
        if (!iface.up || iface.loopback || !iface.mac) continue;
        for (const auto& a : iface.addresses) {
            if (a.subnet.contains(target)) return iface;
        }
    }
    return std::nullopt;
}

bool has_cap_net_raw() {
    __user_cap_header_struct header{};
    header.version = _LINUX_CAPABILITY_VERSION_3;
    header.pid = 0;
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (syscall(SYS_capget, &header, data) != 0) return geteuid() == 0;
    return (data[CAP_NET_RAW / 32].effective & (1U << (CAP_NET_RAW % 32))) != 0U;
}

}  // namespace nd
