// libFuzzer target: an Ethernet frame through the LLDP decoder (framing + TLVs + LLDP-MED).
#include <cstddef>
#include <cstdint>

#include "collectors/packets/ethernet.hpp"
#include "collectors/packets/lldp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const nd::packets::Bytes bytes{data, size};
    (void)nd::packets::decode_lldp(bytes);
    if (const auto eth = nd::packets::decode_ethernet(bytes); eth.ok())
        (void)nd::packets::decode_lldp(eth->payload);
    return 0;
}
