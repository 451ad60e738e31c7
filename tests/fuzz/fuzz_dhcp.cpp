// libFuzzer target: DHCP payloads, and IPv4/UDP packets carrying them.
#include <cstddef>
#include <cstdint>

#include "collectors/packets/dhcp.hpp"
#include "collectors/packets/ipv4_udp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const nd::packets::Bytes bytes{data, size};
    (void)nd::packets::decode_dhcp(bytes);
    if (const auto udp = nd::packets::decode_ipv4_udp(bytes); udp.ok())
        (void)nd::packets::decode_dhcp(udp->payload);
    return 0;
}
