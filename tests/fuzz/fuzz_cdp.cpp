// libFuzzer target: CDP payloads (after LLC/SNAP) and whole 802.3 frames.
#include <cstddef>
#include <cstdint>

#include "collectors/packets/cdp.hpp"
#include "collectors/packets/ethernet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const nd::packets::Bytes bytes{data, size};
    (void)nd::packets::decode_cdp(bytes);
    if (const auto eth = nd::packets::decode_ethernet(bytes); eth.ok())
        (void)nd::packets::decode_cdp(eth->payload);
    return 0;
}
