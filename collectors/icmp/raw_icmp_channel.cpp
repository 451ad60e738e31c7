#include "collectors/icmp/raw_icmp_channel.hpp"

#include <linux/icmp.h>
#include <poll.h>
#include <sys/socket.h>

#include <system_error>

#include "collectors/icmp/icmp_codec.hpp"

namespace nd {
namespace {

constexpr std::size_t kMaxPacket = 65536;

[[noreturn]] void fail(int error, const std::string& what) {
    throw std::system_error(error, std::generic_category(), what);
}

}  // namespace

RawIcmpChannel::RawIcmpChannel(boost::asio::io_context& io, std::optional<Ipv4Address> source,
                               const std::string& interface_name)
    : socket_(io), buffer_(kMaxPacket) {
    boost::system::error_code ec;
    socket_.open(boost::asio::ip::icmp::v4(), ec);
    if (ec) fail(ec.value(), "raw ICMP socket (needs root or CAP_NET_RAW)");
    const int fd = socket_.native_handle();
    // Let only echo replies and the errors that quote a request reach us.
    icmp_filter filter{
        ~((1U << kIcmpEchoReply) | (1U << kIcmpDestinationUnreachable) | (1U << kIcmpTimeExceeded))};
    if (::setsockopt(fd, SOL_RAW, ICMP_FILTER, &filter, sizeof filter) != 0) fail(errno, "ICMP_FILTER");
    if (!interface_name.empty() && ::setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, interface_name.c_str(),
                                                static_cast<socklen_t>(interface_name.size())) != 0) {
        fail(errno, "binding the ICMP socket to " + interface_name);
    }
    if (source) {
        socket_.bind({boost::asio::ip::address_v4{source->value()}, 0}, ec);
        if (ec) fail(ec.value(), "binding the ICMP socket to " + source->to_string());
    }
    socket_.non_blocking(true, ec);
    if (ec) fail(ec.value(), "non-blocking ICMP socket");
}

IcmpChannel::SendStatus RawIcmpChannel::send(Ipv4Address to, std::span<const std::uint8_t> icmp_message) {
    boost::system::error_code ec;
    socket_.send_to(boost::asio::buffer(icmp_message.data(), icmp_message.size()),
                    {boost::asio::ip::address_v4{to.value()}, 0}, 0, ec);
    if (!ec) return SendStatus::kSent;
    // ENOBUFS: the kernel still holds our earlier packets (unresolved neighbours); not "host down".
    if (ec == boost::asio::error::no_buffer_space || ec == boost::asio::error::would_block ||
        ec == boost::asio::error::try_again) {
        return SendStatus::kBusy;
    }
    return SendStatus::kFailed;
}

std::size_t RawIcmpChannel::drain(const PacketHandler& on_packet) {
    std::size_t count = 0;
    for (;;) {
        boost::asio::ip::icmp::endpoint from;
        boost::system::error_code ec;
        const auto n = socket_.receive_from(boost::asio::buffer(buffer_), from, 0, ec);
        if (ec) break;
        on_packet({buffer_.data(), n}, Clock::now());
        ++count;
    }
    return count;
}

std::size_t RawIcmpChannel::receive(Clock::time_point deadline, const PacketHandler& on_packet) {
    if (const auto n = drain(on_packet); n > 0) return n;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (wait.count() <= 0) return 0;
    pollfd p{socket_.native_handle(), POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) return 0;
    return drain(on_packet);
}

}  // namespace nd
