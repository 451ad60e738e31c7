#pragma once
// IEEE 802.1AB LLDPDU decoder with the ANSI/TIA-1057 LLDP-MED extensions phones and switches send.
#include "collectors/packets/byte_reader.hpp"
#include "collectors/packets/decode_result.hpp"
#include "model/evidence.hpp"

namespace nd::packets {

// `lldpdu` is the frame payload after ethertype 0x88cc. Chassis ID, Port ID and TTL are mandatory.
DecodeResult<LldpNeighbor> decode_lldp(Bytes lldpdu);

// IEEE 802.1AB system capability bits, for readers of LldpNeighbor::capabilities.
inline constexpr std::uint16_t kLldpCapBridge = 1U << 2U;
inline constexpr std::uint16_t kLldpCapWlanAp = 1U << 3U;
inline constexpr std::uint16_t kLldpCapRouter = 1U << 4U;
inline constexpr std::uint16_t kLldpCapTelephone = 1U << 5U;
inline constexpr std::uint16_t kLldpCapStation = 1U << 7U;

}  // namespace nd::packets
