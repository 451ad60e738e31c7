#pragma once
// The I/O seam of UDP collectors (mDNS browse): send a datagram, receive datagrams until a deadline,
// tell time. The live implementation is an Asio UDP socket (udp_channel.hpp); tests use a fake with a
// virtual clock and scripted responders.
#include <chrono>
#include <cstdint>
#include <functional>
#include <span>

#include "model/address.hpp"

namespace nd {

class DatagramChannel {
public:
    using Clock = std::chrono::steady_clock;
    using Handler =
        std::function<void(std::span<const std::uint8_t> payload, Ipv4Address from, std::uint16_t from_port)>;

    virtual ~DatagramChannel() = default;
    // False when the datagram could not be sent (counted as a send error, never fatal).
    virtual bool send(std::span<const std::uint8_t> payload, Ipv4Address to, std::uint16_t port) = 0;
    // Hands every datagram that is ready to `on_datagram`; waits for one until `deadline` if none is.
    virtual std::size_t receive(Clock::time_point deadline, const Handler& on_datagram) = 0;
    virtual Clock::time_point now() const = 0;
};

}  // namespace nd
