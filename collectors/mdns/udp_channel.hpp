#pragma once
// DatagramChannel over a Boost.Asio UDP socket bound to one interface address (ephemeral port), with
// multicast sent out of that interface at TTL 255 (RFC 6762 11). Replies to our one-shot queries come
// back by unicast to this socket, so a local avahi-daemon owning port 5353 is no obstacle.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <vector>

#include "collectors/mdns/datagram_channel.hpp"

namespace nd {

class UdpChannel final : public DatagramChannel {
public:
    // Throws std::system_error naming the address when the socket cannot be bound.
    UdpChannel(boost::asio::io_context& io, Ipv4Address interface_address);

    bool send(std::span<const std::uint8_t> payload, Ipv4Address to, std::uint16_t port) override;
    std::size_t receive(Clock::time_point deadline, const Handler& on_datagram) override;
    Clock::time_point now() const override { return Clock::now(); }

private:
    std::size_t drain(const Handler& on_datagram);

    boost::asio::ip::udp::socket socket_;
    std::vector<std::uint8_t> buffer_;
};

}  // namespace nd
