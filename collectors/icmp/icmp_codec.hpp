#pragma once
// ICMP echo (RFC 792) over IPv4: building requests and reading what a raw socket hands back (the IPv4
// header included): echo replies, and the errors (unreachable, time exceeded) that quote our request.
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/address.hpp"

namespace nd {

inline constexpr std::uint8_t kIcmpEchoReply = 0;
inline constexpr std::uint8_t kIcmpDestinationUnreachable = 3;
inline constexpr std::uint8_t kIcmpEchoRequest = 8;
inline constexpr std::uint8_t kIcmpTimeExceeded = 11;

struct IcmpEchoRequest {
    std::uint16_t identifier = 0;
    std::uint16_t sequence = 0;
    std::uint64_t timestamp_ns = 0;  // carried in the payload: the reply tells its own RTT
};

struct IcmpMessage {
    Ipv4Address source;  // who sent this ICMP message (the host, or a router for errors)
    std::uint8_t ttl = 0;
    std::uint8_t type = 0;
    std::uint8_t code = 0;
    // For echo replies: the reply's own id/seq/payload. For errors: those of our quoted request, and
    // `quoted_destination` the address the request was sent to.
    IcmpEchoRequest echo;
    bool has_timestamp = false;
    std::optional<Ipv4Address> quoted_destination;
};

// 8-byte header + 8-byte timestamp + padding to `size` bytes (at least 16); checksum filled in.
std::vector<std::uint8_t> build_icmp_echo_request(const IcmpEchoRequest& request, std::size_t size = 32);

// `packet` starts at the IPv4 header. nullopt for anything that is not an echo reply or an error
// quoting an echo request, or that is truncated or fails its checksum.
std::optional<IcmpMessage> parse_icmp_packet(std::span<const std::uint8_t> packet);

std::uint16_t internet_checksum(std::span<const std::uint8_t> data);

}  // namespace nd
