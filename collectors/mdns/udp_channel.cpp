#include "collectors/mdns/udp_channel.hpp"

#include <netinet/in.h>
#include <poll.h>

#include <boost/asio/ip/multicast.hpp>
#include <system_error>

namespace nd {
namespace {

constexpr std::size_t kMaxDatagram = 9000;  // mDNS allows jumbo-sized messages on a LAN
constexpr int kMulticastTtl = 255;
constexpr std::uint16_t kMdnsPort = 5353;
const Ipv4Address kMdnsGroup{0xe00000fbU};

boost::asio::ip::address_v4 to_asio(Ipv4Address a) { return boost::asio::ip::address_v4{a.value()}; }

}  // namespace

UdpChannel::UdpChannel(boost::asio::io_context& io, Ipv4Address interface_address, Mode mode)
    : socket_(io), mode_(mode), buffer_(kMaxDatagram) {
    boost::system::error_code ec;
    socket_.open(boost::asio::ip::udp::v4(), ec);
    if (mode == Mode::kOneShot) {
        if (!ec) socket_.bind({to_asio(interface_address), 0}, ec);
    } else {
        if (!ec) socket_.set_option(boost::asio::socket_base::reuse_address(true), ec);
        // Only the groups joined here, on this interface: not mDNS from the host's other links.
        const int off = 0;
        if (!ec &&
            ::setsockopt(socket_.native_handle(), IPPROTO_IP, IP_MULTICAST_ALL, &off, sizeof off) != 0) {
            ec.assign(errno, boost::system::generic_category());
        }
        if (!ec) socket_.bind({boost::asio::ip::address_v4::any(), kMdnsPort}, ec);
        if (!ec) {
            socket_.set_option(
                boost::asio::ip::multicast::join_group(to_asio(kMdnsGroup), to_asio(interface_address)), ec);
        }
    }
    if (!ec)
        socket_.set_option(boost::asio::ip::multicast::outbound_interface(to_asio(interface_address)), ec);
    if (!ec) socket_.set_option(boost::asio::ip::multicast::hops(kMulticastTtl), ec);
    if (!ec) socket_.set_option(boost::asio::ip::multicast::enable_loopback(false), ec);
    if (!ec) socket_.non_blocking(true, ec);
    if (ec) {
        throw std::system_error(ec.value(), std::generic_category(),
                                "mDNS socket on " + interface_address.to_string());
    }
}

bool UdpChannel::send(std::span<const std::uint8_t> payload, Ipv4Address to, std::uint16_t port) {
    boost::system::error_code ec;
    socket_.send_to(boost::asio::buffer(payload.data(), payload.size()), {to_asio(to), port}, 0, ec);
    return !ec;
}

std::size_t UdpChannel::drain(const Handler& on_datagram) {
    std::size_t count = 0;
    for (;;) {
        boost::asio::ip::udp::endpoint from;
        boost::system::error_code ec;
        const auto n = socket_.receive_from(boost::asio::buffer(buffer_), from, 0, ec);
        if (ec) break;  // would_block, or an ICMP error queued on the socket: nothing to hand over
        if (!from.address().is_v4()) continue;
        on_datagram({buffer_.data(), n}, Ipv4Address{from.address().to_v4().to_uint()}, from.port());
        ++count;
    }
    return count;
}

std::size_t UdpChannel::receive(Clock::time_point deadline, const Handler& on_datagram) {
    if (const auto n = drain(on_datagram); n > 0) return n;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (wait.count() <= 0) return 0;
    pollfd p{socket_.native_handle(), POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) return 0;
    return drain(on_datagram);
}

}  // namespace nd
