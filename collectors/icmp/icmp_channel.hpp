#pragma once
// The I/O seam of the ICMP sweep: send an ICMP message to an address, receive the IPv4 packets a raw
// ICMP socket sees, tell time. Live: raw_icmp_channel.hpp (Asio raw socket, needs CAP_NET_RAW);
// tests: a fake with a virtual clock that can answer, stay silent or push back with ENOBUFS.
#include <chrono>
#include <cstdint>
#include <functional>
#include <span>

#include "model/address.hpp"

namespace nd {

class IcmpChannel {
public:
    using Clock = std::chrono::steady_clock;
    using PacketHandler =
        std::function<void(std::span<const std::uint8_t> ipv4_packet, Clock::time_point received)>;

    enum class SendStatus {
        kSent,
        kBusy,    // back-pressure (ENOBUFS, EAGAIN): the kernel holds too much; send again later
        kFailed,  // this address can't be sent to (no route, EACCES for broadcast, ...)
    };

    virtual ~IcmpChannel() = default;
    virtual SendStatus send(Ipv4Address to, std::span<const std::uint8_t> icmp_message) = 0;
    // Hands every packet that is ready to `on_packet`; waits for one until `deadline` if none is.
    virtual std::size_t receive(Clock::time_point deadline, const PacketHandler& on_packet) = 0;
    virtual Clock::time_point now() const = 0;
};

}  // namespace nd
