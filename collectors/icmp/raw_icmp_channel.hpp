#pragma once
// IcmpChannel over a Boost.Asio raw ICMP socket bound to the scanning interface's address. The socket
// only sees echo replies and errors (ICMP_FILTER); replies of other pingers are told apart by the
// echo identifier in the sweep.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/icmp.hpp>
#include <optional>
#include <string>
#include <vector>

#include "collectors/icmp/icmp_channel.hpp"

namespace nd {

class RawIcmpChannel final : public IcmpChannel {
public:
    // Throws std::system_error naming the problem (EPERM without CAP_NET_RAW, unknown address).
    // `interface_name` (optional) pins sends to that device (SO_BINDTODEVICE).
    RawIcmpChannel(boost::asio::io_context& io, std::optional<Ipv4Address> source,
                   const std::string& interface_name = {});

    SendStatus send(Ipv4Address to, std::span<const std::uint8_t> icmp_message) override;
    std::size_t receive(Clock::time_point deadline, const PacketHandler& on_packet) override;
    Clock::time_point now() const override { return Clock::now(); }

private:
    std::size_t drain(const PacketHandler& on_packet);

    boost::asio::ip::icmp::socket socket_;
    std::vector<std::uint8_t> buffer_;
};

}  // namespace nd
