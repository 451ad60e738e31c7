#pragma once
// Ethernet II / IEEE 802.3 framing with 802.1Q/802.1ad tags and LLC/SNAP, so the passive listener
// can tell LLDP (ethertype 0x88cc), CDP (SNAP 00:00:0c/0x2000), ARP and IPv4 apart.
#include <cstdint>
#include <optional>
#include <vector>

#include "collectors/packets/byte_reader.hpp"
#include "collectors/packets/decode_result.hpp"
#include "model/address.hpp"

namespace nd::packets {

inline constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
inline constexpr std::uint16_t kEtherTypeArp = 0x0806;
inline constexpr std::uint16_t kEtherTypeVlan = 0x8100;
inline constexpr std::uint16_t kEtherTypeQinQ = 0x88a8;
inline constexpr std::uint16_t kEtherTypeLldp = 0x88cc;
inline constexpr std::uint16_t kArpHardwareEthernet = 1;  // ARP htype
inline constexpr std::uint8_t kIpProtocolIcmp = 1;
inline constexpr std::uint8_t kIpProtocolUdp = 17;
inline constexpr std::uint32_t kOuiCisco = 0x00000c;
inline constexpr std::uint16_t kSnapProtocolCdp = 0x2000;

struct SnapHeader {
    std::uint32_t oui = 0;
    std::uint16_t protocol = 0;
};

struct EthernetFrame {
    MacAddress destination;
    MacAddress source;
    std::vector<std::uint16_t> vlan_ids;  // outermost first
    std::uint16_t ethertype = 0;          // 0 for an 802.3 frame (length field)
    std::optional<SnapHeader> snap;       // 802.3 frames with LLC AA-AA-03
    Bytes payload;                        // after the headers; 802.3 payloads trimmed to their length
};

DecodeResult<EthernetFrame> decode_ethernet(Bytes frame);

}  // namespace nd::packets
