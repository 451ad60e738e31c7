#pragma once
// ARP for IPv4 over Ethernet (RFC 826): building requests, parsing any ARP frame. Pure functions over
// byte spans; a malformed frame is a reason code, never an exception.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "model/address.hpp"

namespace nd {

inline constexpr std::size_t kEthernetHeaderSize = 14;
inline constexpr std::size_t kVlanTagSize = 4;
inline constexpr std::size_t kArpIpv4Size = 28;
// Frames shorter than 60 bytes (without FCS) are runts: senders pad, so requests are built padded.
inline constexpr std::size_t kMinEthernetFrameSize = 60;

enum class ArpOperation : std::uint16_t { kRequest = 1, kReply = 2 };

struct ArpPacket {
    MacAddress ethernet_destination;
    MacAddress ethernet_source;
    std::optional<std::uint16_t> vlan;  // 802.1Q VLAN id when the frame was tagged
    std::uint16_t operation = 0;        // 1 request, 2 reply (others are parsed, callers decide)
    MacAddress sender_mac;
    Ipv4Address sender_ip;
    MacAddress target_mac;
    Ipv4Address target_ip;

    bool is_reply() const { return operation == static_cast<std::uint16_t>(ArpOperation::kReply); }
    bool is_request() const { return operation == static_cast<std::uint16_t>(ArpOperation::kRequest); }
};

enum class ArpParseError {
    kNone,
    kTruncated,          // shorter than the headers it announces
    kNotArp,             // EtherType is not ARP (after an optional 802.1Q tag)
    kUnsupportedFormat,  // hardware not Ethernet, protocol not IPv4, or address lengths not 6/4
    kBogusSender,        // sender MAC is zero, multicast or broadcast: no device answers like that
};

std::string_view to_string(ArpParseError error);

using ArpFrame = std::array<std::uint8_t, kMinEthernetFrameSize>;

// A broadcast "who-has target_ip tell source_ip" request, zero-padded to the Ethernet minimum.
ArpFrame build_arp_request(const MacAddress& source_mac, Ipv4Address source_ip, Ipv4Address target_ip);
// Any ARP frame (tests, fakes and probes use it to build replies); untagged.
ArpFrame build_arp_frame(const ArpPacket& packet);

// Parses an Ethernet II frame carrying ARP, optionally 802.1Q tagged; trailing padding is ignored.
std::optional<ArpPacket> parse_arp_frame(std::span<const std::uint8_t> frame, ArpParseError& error);

}  // namespace nd
