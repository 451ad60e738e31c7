#include "collectors/icmp/icmp_codec.hpp"

#include <algorithm>

#include "collectors/packets/ethernet.hpp"

namespace nd {
namespace {

constexpr std::size_t kIcmpHeader = 8;
constexpr std::size_t kTimestampSize = 8;
using packets::kIpProtocolIcmp;

struct IpHeader {
    Ipv4Address source;
    Ipv4Address destination;
    std::uint8_t ttl = 0;
    std::span<const std::uint8_t> payload;
};

// Quoted headers inside ICMP errors may be cut short, so `require_full` is off for them.
std::optional<IpHeader> read_ipv4(std::span<const std::uint8_t> packet, bool require_full) {
    if (packet.size() < 20 || (packet[0] >> 4U) != 4) return std::nullopt;
    const std::size_t ihl = std::size_t{packet[0] & 0x0fU} * 4;
    const std::size_t total = (std::size_t{packet[2]} << 8U) | packet[3];
    if (ihl < 20 || packet.size() < ihl || packet[9] != kIpProtocolIcmp) return std::nullopt;
    if (total < ihl || (require_full && total > packet.size())) return std::nullopt;
    const std::size_t end = std::min(total, packet.size());
    auto addr = [&](std::size_t at) {
        return Ipv4Address{(std::uint32_t{packet[at]} << 24U) | (std::uint32_t{packet[at + 1]} << 16U) |
                           (std::uint32_t{packet[at + 2]} << 8U) | packet[at + 3]};
    };
    return IpHeader{addr(12), addr(16), packet[8], packet.subspan(ihl, end - ihl)};
}

std::uint16_t u16(std::span<const std::uint8_t> d, std::size_t at) {
    return static_cast<std::uint16_t>((d[at] << 8U) | d[at + 1]);
}

}  // namespace

std::uint16_t internet_checksum(std::span<const std::uint8_t> data) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < data.size(); i += 2) sum += u16(data, i);
    if (data.size() % 2 != 0) sum += std::uint32_t{data.back()} << 8U;
    while ((sum >> 16U) != 0) sum = (sum & 0xffffU) + (sum >> 16U);
    return static_cast<std::uint16_t>(~sum);
}

std::vector<std::uint8_t> build_icmp_echo_request(const IcmpEchoRequest& request, std::size_t size) {
    std::vector<std::uint8_t> out(std::max(size, kIcmpHeader + kTimestampSize), 0);
    out[0] = kIcmpEchoRequest;
    out[4] = static_cast<std::uint8_t>(request.identifier >> 8U);
    out[5] = static_cast<std::uint8_t>(request.identifier);
    out[6] = static_cast<std::uint8_t>(request.sequence >> 8U);
    out[7] = static_cast<std::uint8_t>(request.sequence);
    for (std::size_t i = 0; i < kTimestampSize; ++i) {
        out[kIcmpHeader + i] = static_cast<std::uint8_t>(request.timestamp_ns >> (56U - 8U * i));
    }
    const auto sum = internet_checksum(out);
    out[2] = static_cast<std::uint8_t>(sum >> 8U);
    out[3] = static_cast<std::uint8_t>(sum);
    return out;
}

std::optional<IcmpMessage> parse_icmp_packet(std::span<const std::uint8_t> packet) {
    const auto ip = read_ipv4(packet, true);
    if (!ip || ip->payload.size() < kIcmpHeader) return std::nullopt;
    const auto icmp = ip->payload;
    if (internet_checksum(icmp) != 0) return std::nullopt;
    IcmpMessage out;
    out.source = ip->source;
    out.ttl = ip->ttl;
    out.type = icmp[0];
    out.code = icmp[1];
    if (out.type == kIcmpEchoReply) {
        out.echo.identifier = u16(icmp, 4);
        out.echo.sequence = u16(icmp, 6);
        if (icmp.size() >= kIcmpHeader + kTimestampSize) {
            out.has_timestamp = true;
            for (std::size_t i = 0; i < kTimestampSize; ++i) {
                out.echo.timestamp_ns = (out.echo.timestamp_ns << 8U) | icmp[kIcmpHeader + i];
            }
        }
        return out;
    }
    if (out.type != kIcmpDestinationUnreachable && out.type != kIcmpTimeExceeded) return std::nullopt;
    // Errors quote the offending IPv4 header and at least 8 bytes of it: our echo request's header.
    const auto quoted = read_ipv4(icmp.subspan(kIcmpHeader), false);
    if (!quoted || quoted->payload.size() < kIcmpHeader || quoted->payload[0] != kIcmpEchoRequest) {
        return std::nullopt;
    }
    out.echo.identifier = u16(quoted->payload, 4);
    out.echo.sequence = u16(quoted->payload, 6);
    out.quoted_destination = quoted->destination;
    return out;
}

}  // namespace nd
