#include "collectors/packets/ipv4_udp.hpp"

#include "collectors/packets/ethernet.hpp"

namespace nd::packets {

DecodeResult<UdpDatagram> decode_ipv4_udp(Bytes packet) {
    ByteReader ip{packet};
    const auto version_ihl = ip.u8();
    if (!version_ihl) return DecodeError::truncated;
    if ((*version_ihl >> 4U) != 4) return DecodeError::wrong_protocol;
    const std::size_t header_length = std::size_t{*version_ihl & 0x0fU} * 4;
    if (header_length < 20) return DecodeError::bad_length;
    ip.u8();  // DSCP/ECN
    const auto total_length = ip.u16();
    ip.u16();  // identification
    const auto fragment = ip.u16();
    const auto ttl = ip.u8();
    const auto protocol = ip.u8();
    ip.u16();  // checksum
    const auto source = ip.u32();
    const auto destination = ip.u32();
    if (!source || !destination || !fragment || !ttl || !protocol || !total_length)
        return DecodeError::truncated;
    if (*total_length < header_length) return DecodeError::bad_length;
    if (packet.size() < *total_length) return DecodeError::truncated;
    if (*protocol != kIpProtocolUdp) return DecodeError::wrong_protocol;
    if ((*fragment & 0x3fffU) != 0) return DecodeError::unsupported;  // MF set or offset != 0

    ByteReader udp{packet.subspan(header_length, *total_length - header_length)};
    UdpDatagram out;
    out.source = Ipv4Address{*source};
    out.destination = Ipv4Address{*destination};
    out.ttl = *ttl;
    const auto sport = udp.u16();
    const auto dport = udp.u16();
    const auto length = udp.u16();
    udp.u16();  // checksum
    if (!sport || !dport || !length) return DecodeError::truncated;
    if (*length < 8) return DecodeError::bad_length;
    const std::size_t body = *length - 8U;
    if (udp.remaining() < body) return DecodeError::truncated;
    out.source_port = *sport;
    out.destination_port = *dport;
    out.payload = udp.rest().first(body);
    return out;
}

}  // namespace nd::packets
