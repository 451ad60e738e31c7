#include "collectors/probes/tcp_probe.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <thread>

namespace nd {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

struct VectorSink : ObservationSink {
    void emit(Observation o) override { observations.push_back(std::move(o)); }
    std::vector<Observation> observations;
};

// Loopback services on ephemeral ports, served from a thread: an SSH greeting, an HTTP server that
// answers a GET, a port that accepts and stays silent. Counts concurrent connections.
class LoopbackServices {
public:
    LoopbackServices() {
        for (auto* a : {&ssh_, &http_, &silent_}) {
            a->open(tcp::v4());
            a->set_option(tcp::acceptor::reuse_address(true));
            a->bind({asio::ip::address_v4::loopback(), 0});
            a->listen();
        }
        accept(ssh_, [](std::shared_ptr<tcp::socket> s) {
            asio::write(*s, asio::buffer(std::string{"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"}));
        });
        accept(http_, [](std::shared_ptr<tcp::socket> s) {
            std::array<char, 1024> request{};
            boost::system::error_code ec;
            s->read_some(asio::buffer(request), ec);
            if (std::string_view{request.data()}.rfind("GET / HTTP/1.0\r\n", 0) != 0) return;
            asio::write(*s,
                        asio::buffer(std::string{"HTTP/1.1 200 OK\r\nServer: Apache/2.4.54 (Unix)\r\n"
                                                 "Connection: close\r\n\r\n<html><title>AXIS P1375</title>"}),
                        ec);
        });
        accept(silent_, [this](std::shared_ptr<tcp::socket> s) { held_.push_back(s); });
        thread_ = std::thread([this] { io_.run_for(20s); });
    }
    ~LoopbackServices() {
        io_.stop();
        thread_.join();
    }
    std::uint16_t ssh() const { return ssh_.local_endpoint().port(); }
    std::uint16_t http() const { return http_.local_endpoint().port(); }
    std::uint16_t silent() const { return silent_.local_endpoint().port(); }

private:
    template <class Serve>
    void accept(tcp::acceptor& a, Serve serve) {
        auto socket = std::make_shared<tcp::socket>(io_);
        a.async_accept(*socket, [this, &a, socket, serve](const boost::system::error_code& ec) {
            if (ec) return;
            serve(socket);
            accept(a, serve);
        });
    }
    asio::io_context io_;
    tcp::acceptor ssh_{io_}, http_{io_}, silent_{io_};
    std::vector<std::shared_ptr<tcp::socket>> held_;
    std::thread thread_;
};

std::uint16_t closed_port() {  // bound then released: nothing listens there now
    asio::io_context io;
    tcp::acceptor a{io, {asio::ip::address_v4::loopback(), 0}};
    return a.local_endpoint().port();
}

TEST(TcpProbe, FindsOpenPortsSshBannerAndHttpServerAndTitle) {
    LoopbackServices services;
    TcpProbeOptions options;
    options.ports = {services.ssh(), services.http(), services.silent(), closed_port()};
    options.ssh_ports = {services.ssh()};
    options.http_ports = {services.http()};
    options.greeting_ports = {services.silent()};
    options.read_timeout = 300ms;
    VectorSink sink;
    const auto result = TcpProbe{options}.probe({*Ipv4Address::parse("127.0.0.1")}, sink);
    ASSERT_EQ(sink.observations.size(), 1U);
    const auto& e = sink.observations[0].evidence;
    EXPECT_EQ(sink.observations[0].source, "tcp");
    std::vector<std::uint16_t> open{services.ssh(), services.http(), services.silent()};
    std::sort(open.begin(), open.end());
    EXPECT_EQ(e.open_tcp_ports, open);
    auto banner = [&](std::uint16_t port) {
        const auto it =
            std::find_if(e.banners.begin(), e.banners.end(), [&](const auto& b) { return b.port == port; });
        return it == e.banners.end() ? ServiceBanner{} : *it;
    };
    EXPECT_EQ(banner(services.ssh()).ssh_banner, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
    EXPECT_EQ(banner(services.http()).http_server, "Apache/2.4.54 (Unix)");
    EXPECT_EQ(banner(services.http()).http_title, "AXIS P1375");
    EXPECT_EQ(banner(services.silent()).port, 0);  // silent: open, no banner kept
    EXPECT_EQ(result.stats.sent, 4U);
    EXPECT_EQ(result.stats.received, 3U);
    EXPECT_LT(result.elapsed, 2s);
}

TEST(TcpProbe, HostWithNothingOpenEmitsNothing) {
    TcpProbeOptions options;
    options.ports = {closed_port()};
    VectorSink sink;
    const auto result = TcpProbe{options}.probe({*Ipv4Address::parse("127.0.0.1")}, sink);
    EXPECT_TRUE(sink.observations.empty());
    EXPECT_EQ(result.hosts_with_open_ports, 0U);
}

TEST(TcpProbe, SilentServicesAreBoundedByTheReadTimeout) {
    LoopbackServices services;
    TcpProbeOptions options;
    options.ports = {services.silent()};
    options.greeting_ports = {services.silent()};
    options.read_timeout = 200ms;
    options.per_host = 1;
    VectorSink sink;
    // Ten hosts (all 127.0.0.1: the services listen there only), each one silent connection of 200 ms,
    // one per host, hosts in parallel: about one read timeout in all, not ten.
    const std::vector<Ipv4Address> hosts(10, *Ipv4Address::parse("127.0.0.1"));
    const auto result = TcpProbe{options}.probe(hosts, sink);
    EXPECT_EQ(sink.observations.size(), 10U);
    EXPECT_LT(result.elapsed, 1s);
}

}  // namespace
}  // namespace nd
