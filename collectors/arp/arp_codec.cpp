#include "collectors/arp/arp_codec.hpp"

#include "collectors/packets/ethernet.hpp"

namespace nd {
namespace {

using packets::kArpHardwareEthernet;
using packets::kEtherTypeArp;
using packets::kEtherTypeIpv4;
using packets::kEtherTypeVlan;

std::uint16_t read16(std::span<const std::uint8_t> b, std::size_t at) {
    return static_cast<std::uint16_t>((b[at] << 8U) | b[at + 1]);
}

std::uint32_t read32(std::span<const std::uint8_t> b, std::size_t at) {
    return (std::uint32_t{b[at]} << 24U) | (std::uint32_t{b[at + 1]} << 16U) |
           (std::uint32_t{b[at + 2]} << 8U) | b[at + 3];
}

MacAddress read_mac(std::span<const std::uint8_t> b, std::size_t at) {
    std::array<std::uint8_t, 6> octets{};
    for (std::size_t i = 0; i < octets.size(); ++i) octets[i] = b[at + i];
    return MacAddress(octets);
}

void write16(ArpFrame& f, std::size_t at, std::uint16_t v) {
    f[at] = static_cast<std::uint8_t>(v >> 8U);
    f[at + 1] = static_cast<std::uint8_t>(v);
}

void write32(ArpFrame& f, std::size_t at, std::uint32_t v) {
    for (std::size_t i = 0; i < 4; ++i) f[at + i] = static_cast<std::uint8_t>(v >> (24U - 8U * i));
}

void write_mac(ArpFrame& f, std::size_t at, const MacAddress& mac) {
    for (std::size_t i = 0; i < 6; ++i) f[at + i] = mac.octets()[i];
}

}  // namespace

std::string_view to_string(ArpParseError error) {
    switch (error) {
        case ArpParseError::kNone:
            return "ok";
        case ArpParseError::kTruncated:
            return "truncated";
        case ArpParseError::kNotArp:
            return "not ARP";
        case ArpParseError::kUnsupportedFormat:
            return "not Ethernet/IPv4 ARP";
        case ArpParseError::kBogusSender:
            return "bogus sender MAC";
    }
    return "unknown";
}

ArpFrame build_arp_frame(const ArpPacket& p) {
    ArpFrame f{};
    write_mac(f, 0, p.ethernet_destination);
    write_mac(f, 6, p.ethernet_source);
    write16(f, 12, kEtherTypeArp);
    write16(f, 14, kArpHardwareEthernet);
    write16(f, 16, kEtherTypeIpv4);
    f[18] = 6;
    f[19] = 4;
    write16(f, 20, p.operation);
    write_mac(f, 22, p.sender_mac);
    write32(f, 28, p.sender_ip.value());
    write_mac(f, 32, p.target_mac);
    write32(f, 38, p.target_ip.value());
    return f;  // bytes 42..59 stay zero: padding
}

ArpFrame build_arp_request(const MacAddress& source_mac, Ipv4Address source_ip, Ipv4Address target_ip) {
    ArpPacket p;
    p.ethernet_destination = MacAddress({0xff, 0xff, 0xff, 0xff, 0xff, 0xff});
    p.ethernet_source = source_mac;
    p.operation = static_cast<std::uint16_t>(ArpOperation::kRequest);
    p.sender_mac = source_mac;
    p.sender_ip = source_ip;
    p.target_ip = target_ip;  // target MAC stays zero: unknown, that is the question
    return build_arp_frame(p);
}

std::optional<ArpPacket> parse_arp_frame(std::span<const std::uint8_t> frame, ArpParseError& error) {
    error = ArpParseError::kTruncated;
    if (frame.size() < kEthernetHeaderSize) return std::nullopt;
    ArpPacket p;
    p.ethernet_destination = read_mac(frame, 0);
    p.ethernet_source = read_mac(frame, 6);
    std::size_t at = 12;
    std::uint16_t ether_type = read16(frame, at);
    if (ether_type == kEtherTypeVlan) {
        if (frame.size() < kEthernetHeaderSize + kVlanTagSize) return std::nullopt;
        p.vlan = static_cast<std::uint16_t>(read16(frame, at + 2) & 0x0fffU);
        at += kVlanTagSize;
        ether_type = read16(frame, at);
    }
    at += 2;
    if (ether_type != kEtherTypeArp) {
        error = ArpParseError::kNotArp;
        return std::nullopt;
    }
    if (frame.size() < at + 8) return std::nullopt;
    if (read16(frame, at) != kArpHardwareEthernet || read16(frame, at + 2) != kEtherTypeIpv4 ||
        frame[at + 4] != 6 || frame[at + 5] != 4) {
        error = ArpParseError::kUnsupportedFormat;
        return std::nullopt;
    }
    if (frame.size() < at + kArpIpv4Size) return std::nullopt;
    p.operation = read16(frame, at + 6);
    p.sender_mac = read_mac(frame, at + 8);
    p.sender_ip = Ipv4Address(read32(frame, at + 14));
    p.target_mac = read_mac(frame, at + 18);
    p.target_ip = Ipv4Address(read32(frame, at + 24));
    if (p.sender_mac.is_zero() || p.sender_mac.is_multicast()) {
        error = ArpParseError::kBogusSender;
        return std::nullopt;
    }
    error = ArpParseError::kNone;
    return p;
}

}  // namespace nd
