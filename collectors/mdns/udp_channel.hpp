#pragma once
// DatagramChannel over a Boost.Asio UDP socket, multicast sent out of one interface at TTL 255
// (RFC 6762 11). Two modes:
//  - kOneShot: bound to the interface address, ephemeral port. Replies come back by unicast, so a local
//    avahi-daemon owning port 5353 is no obstacle, but responders hold them to 512 bytes (legacy
//    unicast): a printer's large TXT record may be left out.
//  - kMdnsPort: bound to port 5353 (shared, SO_REUSEADDR) and a member of 224.0.0.251 on that interface
//    only; queries without the QU bit get full-size multicast answers. Preferred; needs the port.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <vector>

#include "collectors/mdns/datagram_channel.hpp"

namespace nd {

class UdpChannel final : public DatagramChannel {
public:
    enum class Mode { kOneShot, kMdnsPort };
    // Throws std::system_error naming the address when the socket cannot be bound.
    UdpChannel(boost::asio::io_context& io, Ipv4Address interface_address, Mode mode = Mode::kOneShot);
    Mode mode() const { return mode_; }

    bool send(std::span<const std::uint8_t> payload, Ipv4Address to, std::uint16_t port) override;
    std::size_t receive(Clock::time_point deadline, const Handler& on_datagram) override;
    Clock::time_point now() const override { return Clock::now(); }

private:
    std::size_t drain(const Handler& on_datagram);

    boost::asio::ip::udp::socket socket_;
    Mode mode_;
    std::vector<std::uint8_t> buffer_;
};

}  // namespace nd
