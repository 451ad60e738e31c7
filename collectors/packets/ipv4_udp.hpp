#pragma once
// IPv4 + UDP headers, enough to hand mDNS (5353) and DHCP (67/68) payloads to their decoders.
#include <cstdint>

#include "collectors/packets/byte_reader.hpp"
#include "collectors/packets/decode_result.hpp"
#include "model/address.hpp"

namespace nd::packets {

struct UdpDatagram {
    Ipv4Address source;
    Ipv4Address destination;
    std::uint8_t ttl = 0;
    std::uint16_t source_port = 0;
    std::uint16_t destination_port = 0;
    Bytes payload;
};

// `packet` starts at the IPv4 header. Fragments other than a complete first one are unsupported.
DecodeResult<UdpDatagram> decode_ipv4_udp(Bytes packet);

}  // namespace nd::packets
