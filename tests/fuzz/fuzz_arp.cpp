// libFuzzer target: the ARP codec of collectors/arp (sweep replies and passive gratuitous ARP).
#include <cstddef>
#include <cstdint>

#include "collectors/arp/arp_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nd::ArpParseError error = nd::ArpParseError::kNone;
    const auto packet = nd::parse_arp_frame({data, size}, error);
    if (packet) (void)nd::build_arp_frame(*packet);  // a parsed packet must re-encode
    return 0;
}
