#pragma once
// DHCP (BOOTP + options) decoder: a client's request names it (option 12), its OS/stack (60) and
// the parameter request list (55) that fingerprints the DHCP client.
#include <optional>

#include "collectors/packets/byte_reader.hpp"
#include "collectors/packets/decode_result.hpp"
#include "model/evidence.hpp"

namespace nd::packets {

struct DhcpPacket {
    std::uint8_t op = 0;  // 1 request (client), 2 reply (server)
    std::uint32_t transaction_id = 0;
    std::optional<MacAddress> client_mac;  // chaddr when htype is Ethernet
    Ipv4Address client_address;            // ciaddr
    Ipv4Address your_address;              // yiaddr
    DhcpFingerprint fingerprint;
};

// `payload` is the UDP payload (port 67/68). Needs the magic cookie; options must be well formed.
DecodeResult<DhcpPacket> decode_dhcp(Bytes payload);

}  // namespace nd::packets
