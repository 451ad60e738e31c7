// libFuzzer target: what a raw ICMP socket hands the sweep (IPv4 + echo reply or quoted error).
#include <cstddef>
#include <cstdint>

#include "collectors/icmp/icmp_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)nd::parse_icmp_packet({data, size});
    return 0;
}
