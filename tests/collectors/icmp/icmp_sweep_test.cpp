#include "collectors/icmp/icmp_sweep.hpp"

#include <gtest/gtest.h>

#include "collectors/icmp/icmp_codec.hpp"
#include "tests/collectors/icmp/fake_icmp_channel.hpp"

namespace nd {
namespace {

using namespace std::chrono_literals;

struct VectorSink : ObservationSink {
    void emit(Observation o) override { observations.push_back(std::move(o)); }
    std::vector<Observation> observations;
};

Ipv4Address ip(const char* text) { return *Ipv4Address::parse(text); }

std::vector<Ipv4Address> subnet(const char* cidr) {
    return icmp_sweep_addresses({*Ipv4Network::parse(cidr)}, {});
}

TEST(IcmpSweep, FindsLiveHostsWithTtlAndRtt) {
    test::FakeIcmpChannel channel;
    channel.alive[ip("198.18.2.10")] = {128, 4ms};
    channel.alive[ip("198.18.2.20")] = {63, 1ms};
    VectorSink sink;
    IcmpSweepOptions options;
    options.identifier = 0x4e44;
    const auto result = IcmpSweep{channel, options}.run(subnet("198.18.2.0/24"), sink);
    EXPECT_EQ(result.targets, 254U);
    EXPECT_EQ(result.answered, 2U);
    EXPECT_EQ(result.stats.timeouts, 252U);
    EXPECT_EQ(result.stats.sent, 2U + 252U * 2U);  // dead addresses get one retry
    ASSERT_EQ(sink.observations.size(), 2U);
    for (const auto& o : sink.observations) {
        EXPECT_EQ(o.source, "icmp");
        ASSERT_EQ(o.evidence.ips.size(), 1U);
        const auto& host = channel.alive.at(o.evidence.ips[0]);
        EXPECT_EQ(o.evidence.ttl, host.ttl);
        ASSERT_TRUE(o.evidence.rtt_ms);
        const double expected_ms = std::chrono::duration<double, std::milli>(host.delay).count();
        EXPECT_NEAR(*o.evidence.rtt_ms, expected_ms, 0.5);
    }
    // 508 requests at 2,000/s plus one reply timeout per pass, with a little slack.
    EXPECT_LE(result.elapsed, 0.26s + 2 * 1s + 0.1s);
}

TEST(IcmpSweep, EnobufsIsBackPressureNotHostDown) {
    test::FakeIcmpChannel channel;
    channel.enobufs_above = 100;  // the kernel refuses sends past 100 held packets
    const auto targets = icmp_sweep_addresses({*Ipv4Network::parse("198.18.16.0/22")}, {});
    for (std::size_t i = 0; i < targets.size(); i += 7) channel.alive[targets[i]] = {};
    VectorSink sink;
    IcmpSweepOptions options;
    options.on_link = {*Ipv4Network::parse("198.18.16.0/22")};
    options.max_unresolved_in_flight = 1000;  // larger than the kernel allows: back-pressure takes over
    options.max_busy_retries = 100000;
    options.retries = 0;
    const auto result = IcmpSweep{channel, options}.run(targets, sink);
    EXPECT_GT(channel.busy_returned, 0U);
    EXPECT_EQ(result.answered, channel.alive.size());  // every live host found despite ENOBUFS
    EXPECT_EQ(result.stats.send_errors, 0U);
}

TEST(IcmpSweep, CapsUnresolvedOnLinkRequestsOverTheKernelHoldTime) {
    test::FakeIcmpChannel channel;  // holds each unanswered request 3 s, like the kernel's ARP
    VectorSink sink;
    IcmpSweepOptions options;
    options.on_link = {*Ipv4Network::parse("198.18.2.0/24")};
    options.max_unresolved_in_flight = 64;
    options.retries = 0;
    const auto result = IcmpSweep{channel, options}.run(subnet("198.18.2.0/24"), sink);
    EXPECT_EQ(result.stats.timeouts, 254U);
    EXPECT_EQ(channel.busy_returned, 0U);
    EXPECT_LE(channel.max_held, 64U);
}

TEST(IcmpSweep, RoutedTargetsAreOnlyPacedByTheRate) {
    test::FakeIcmpChannel channel;
    channel.kernel_hold = std::chrono::milliseconds{0};  // routed: the router's MAC is known
    VectorSink sink;
    IcmpSweepOptions options;
    options.on_link = {*Ipv4Network::parse("198.18.1.0/24")};
    options.retries = 0;
    const auto targets = subnet("198.18.16.0/20");  // 4,094 dead addresses behind the router
    const auto result = IcmpSweep{channel, options}.run(targets, sink);
    // Ideal: addresses / rate + one reply timeout = 2.05 s + 1 s; within 20 %.
    EXPECT_LE(result.elapsed.count(), (4094.0 / 2000.0 + 1.0) * 1.2);
}

TEST(IcmpSweep, RouterUnreachableEndsTheAddressWithoutRetries) {
    test::FakeIcmpChannel channel;
    channel.unreachable.insert(ip("198.18.2.5"));
    VectorSink sink;
    const auto result = IcmpSweep{channel, {}}.run({ip("198.18.2.5"), ip("198.18.2.6")}, sink);
    EXPECT_EQ(result.unreachable, 1U);
    EXPECT_EQ(channel.requests[ip("198.18.2.5")], 1);
    EXPECT_EQ(channel.requests[ip("198.18.2.6")], 2);
    EXPECT_TRUE(sink.observations.empty());
}

TEST(IcmpSweep, IgnoresOtherPingersAndCountsGarbage) {
    test::FakeIcmpChannel channel;
    channel.alive[ip("198.18.2.7")] = {};
    auto foreign = build_icmp_echo_request({0x1111, 0, 0});
    foreign[0] = kIcmpEchoReply;
    channel.inject(
        test::FakeIcmpChannel::ipv4(ip("198.18.2.9"), 64, test::FakeIcmpChannel::with_checksum(foreign)));
    channel.inject({0x45, 0x00});
    VectorSink sink;
    IcmpSweepOptions options;
    options.identifier = 0x2222;
    const auto result = IcmpSweep{channel, options}.run({ip("198.18.2.7")}, sink);
    EXPECT_EQ(result.answered, 1U);
    EXPECT_EQ(result.foreign, 1U);
    EXPECT_EQ(result.stats.malformed, 1U);
}

TEST(IcmpSweep, HonoursTheRate) {
    test::FakeIcmpChannel channel;
    const auto targets = subnet("198.18.0.0/22");  // 1,022 addresses
    for (const auto& t : targets) channel.alive[t] = {};
    VectorSink sink;
    IcmpSweepOptions options;
    options.rate_pps = 500;
    const auto result = IcmpSweep{channel, options}.run(targets, sink);
    EXPECT_EQ(result.answered, targets.size());
    EXPECT_GE(result.elapsed, 1.9s);  // 1,022 / 500 = 2.04 s, minus the initial burst
    EXPECT_LE(result.elapsed, 2.04s * 1.2);
}

TEST(IcmpSweepAddresses, ExcludesAndRefusesHugeRanges) {
    const auto a =
        icmp_sweep_addresses({*Ipv4Network::parse("198.18.2.0/29"), *Ipv4Network::parse("198.18.2.4/30")},
                             {*Ipv4Network::parse("198.18.2.2/32")});
    EXPECT_EQ(a.size(), 5U);  // .1 .3 .4 .5 .6; .4/30 adds nothing new
    EXPECT_THROW(icmp_sweep_addresses({*Ipv4Network::parse("10.0.0.0/8")}, {}), std::invalid_argument);
}

TEST(IcmpCodec, RequestChecksumVerifiesAndErrorsQuoteTheRequest) {
    const auto request = build_icmp_echo_request({0xabcd, 7, 42});
    EXPECT_EQ(internet_checksum(request), 0);
    auto reply = request;
    reply[0] = kIcmpEchoReply;
    const auto parsed = parse_icmp_packet(
        test::FakeIcmpChannel::ipv4(ip("198.18.2.1"), 255, test::FakeIcmpChannel::with_checksum(reply)));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->echo.identifier, 0xabcd);
    EXPECT_EQ(parsed->echo.sequence, 7);
    EXPECT_EQ(parsed->echo.timestamp_ns, 42U);
    EXPECT_EQ(parsed->ttl, 255);
    // Corrupt checksum, truncation and an echo request (not a reply) are all rejected.
    auto bad = test::FakeIcmpChannel::ipv4(ip("198.18.2.1"), 255, reply);
    EXPECT_FALSE(parse_icmp_packet(bad));
    const auto good =
        test::FakeIcmpChannel::ipv4(ip("198.18.2.1"), 255, test::FakeIcmpChannel::with_checksum(reply));
    for (std::size_t n = 0; n < good.size(); ++n) {
        EXPECT_FALSE(parse_icmp_packet(std::span(good).first(n))) << n;
    }
    EXPECT_FALSE(parse_icmp_packet(test::FakeIcmpChannel::ipv4(ip("198.18.2.1"), 64, request)));
}

}  // namespace
}  // namespace nd
