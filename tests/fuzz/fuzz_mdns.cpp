// libFuzzer target: mDNS/DNS messages through ldns and the DNS-SD service assembly.
#include <cstddef>
#include <cstdint>

#include "collectors/packets/mdns.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto m = nd::packets::decode_mdns({data, size});
    if (!m.ok()) return 0;
    (void)nd::packets::assemble_services(m->records);
    (void)nd::packets::service_types(m->records);
    for (const auto& a : m->records.a) (void)nd::packets::hostnames_for(m->records, a.address);
    return 0;
}
