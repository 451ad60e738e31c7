#pragma once
// Cisco Discovery Protocol (versions 1 and 2) decoder: what Cisco switches and IP phones announce.
#include "collectors/packets/byte_reader.hpp"
#include "collectors/packets/decode_result.hpp"
#include "model/evidence.hpp"

namespace nd::packets {

// `cdp` is the payload after the LLC/SNAP header (OUI 00:00:0c, protocol 0x2000).
// The Device ID TLV is mandatory.
DecodeResult<CdpNeighbor> decode_cdp(Bytes cdp);

// CDP capability bits, for readers of CdpNeighbor::capabilities.
inline constexpr std::uint32_t kCdpCapRouter = 0x01;
inline constexpr std::uint32_t kCdpCapSwitch = 0x08;
inline constexpr std::uint32_t kCdpCapHost = 0x10;
inline constexpr std::uint32_t kCdpCapPhone = 0x80;

}  // namespace nd::packets
