#include "collectors/arp/arp_sweep.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "tests/collectors/arp/fake_frame_channel.hpp"

namespace nd {
namespace {

using std::chrono::milliseconds;
using testing::FakeFrameChannel;
using testing::FakeHost;

Ipv4Address ip(std::string_view text) { return *Ipv4Address::parse(text); }
Ipv4Network net(std::string_view text) { return *Ipv4Network::parse(text); }
MacAddress mac(std::string_view text) { return *MacAddress::parse(text); }

struct CollectingSink : ObservationSink {
    std::vector<Observation> observations;
    void emit(Observation o) override { observations.push_back(std::move(o)); }
    std::set<std::string> ips() const {
        std::set<std::string> out;
        for (const auto& o : observations) out.insert(o.evidence.ips.at(0).to_string());
        return out;
    }
};

class ArpSweepTest : public ::testing::Test {
protected:
    ArpSweepTest() : channel_(kScannerMac, ip("198.18.1.2")) {
        registry_.add_csv("MA-L,3C2AF4,\"Brother Industries, LTD.\",x\nMA-L,001B78,Hewlett Packard,x\n");
        endpoint_.interface = "eth0";
        endpoint_.mac = kScannerMac;
        endpoint_.ip = ip("198.18.1.2");
        endpoint_.subnets = {net("198.18.0.0/16")};
    }

    ArpSweepResult sweep(const std::vector<Ipv4Network>& targets, ArpSweepOptions options = {},
                         const std::vector<Ipv4Network>& exclude = {}) {
        const auto addresses = arp_sweep_addresses(targets, exclude, endpoint_);
        ArpSweep sweep(channel_, endpoint_, std::move(options), registry_);
        return sweep.run(addresses, sink_);
    }

    double seconds(const ArpSweepResult& r) const { return r.elapsed.count(); }

    static inline const MacAddress kScannerMac = MacAddress({0x02, 0, 0x5e, 0x10, 0, 1});
    FakeFrameChannel channel_;
    OuiRegistry registry_{"/nonexistent"};
    ArpEndpoint endpoint_;
    CollectingSink sink_;
};

TEST_F(ArpSweepTest, FindsEveryLiveHostWithVendorAndRtt) {
    channel_.add_host(ip("198.18.1.10"), {mac("3c:2a:f4:00:00:10")});
    channel_.add_host(ip("198.18.1.11"), {mac("00:1b:78:00:00:11"), std::chrono::microseconds(1500)});
    channel_.add_host(ip("198.18.1.254"), {mac("02:aa:bb:cc:dd:ee")});
    const auto r = sweep({net("198.18.1.0/24")});
    EXPECT_EQ(r.targets, 253U);  // .1-.254 without the scanner's own .2
    EXPECT_EQ(r.answered, 3U);
    EXPECT_EQ(sink_.ips(), (std::set<std::string>{"198.18.1.10", "198.18.1.11", "198.18.1.254"}));
    for (const auto& o : sink_.observations) {
        EXPECT_EQ(o.source, "arp");
        ASSERT_TRUE(o.evidence.mac);
        ASSERT_TRUE(o.evidence.rtt_ms);
        if (o.evidence.ips[0] == ip("198.18.1.10")) {
            EXPECT_EQ(o.evidence.oui_registrant, "Brother Industries, LTD.");
        }
        if (o.evidence.ips[0] == ip("198.18.1.11")) {
            EXPECT_EQ(o.evidence.oui_registrant, "Hewlett Packard");
            EXPECT_NEAR(*o.evidence.rtt_ms, 1.5, 0.01);
        }
        if (o.evidence.ips[0] == ip("198.18.1.254")) {
            EXPECT_EQ(o.evidence.oui_registrant, "");
        }
    }
    EXPECT_EQ(r.stats.received, 3U);
    EXPECT_EQ(r.stats.timeouts, 250U);
    EXPECT_EQ(r.stats.malformed, 0U);
    // Each silent address was asked at least twice (a /24 fits the retry budget; the last second
    // retries would outlast the tail), each live one once.
    EXPECT_GE(r.stats.sent, 3U + 250U * 2U);
    EXPECT_LE(r.stats.sent, 3U + 250U * 3U);
    EXPECT_EQ(channel_.requests_to[ip("198.18.1.10").value()], 1);
    EXPECT_EQ(channel_.requests_to[ip("198.18.1.99").value()], 3);
}

TEST_F(ArpSweepTest, SweepsASlash24InUnderASecondAtTheDefaultRate) {
    channel_.add_host(ip("198.18.1.10"), {mac("3c:2a:f4:00:00:10")});
    const auto r = sweep({net("198.18.1.0/24")});
    EXPECT_LT(seconds(r), 1.0);
    EXPECT_GT(seconds(r), 0.25);  // the last reply timeout is always waited for
}

TEST_F(ArpSweepTest, NeverExceedsTheRateBeyondOneBurst) {
    ArpSweepOptions options;
    options.rate_pps = 1000;
    options.retries = 0;
    const auto r = sweep({net("198.18.1.0/24")}, options);
    ASSERT_EQ(channel_.send_times.size(), 253U);
    // Over any window, at most rate x window + burst (10 ms worth, so 10) frames left.
    const auto& t = channel_.send_times;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto window_end = t[i] + milliseconds(50);
        const auto in_window =
            std::upper_bound(t.begin(), t.end(), window_end) - (t.begin() + static_cast<std::ptrdiff_t>(i));
        EXPECT_LE(in_window, 50 + 10 + 1) << "at frame " << i;
    }
    EXPECT_GE(seconds(r), 0.252);
    EXPECT_NEAR(r.packets_per_second(), 253 / seconds(r), 1e-6);
}

TEST_F(ArpSweepTest, RetriesFindAHostWhoseFirstRequestsWereLost) {
    channel_.add_host(ip("198.18.1.50"), {mac("3c:2a:f4:00:00:50"), std::chrono::microseconds(200), 2});
    auto r = sweep({net("198.18.1.0/24")});
    EXPECT_EQ(r.answered, 1U);
    EXPECT_EQ(channel_.requests_to[ip("198.18.1.50").value()], 3);
}

TEST_F(ArpSweepTest, RetriesFollowFastRepliesQuicklyAndTheTailWaitsTheFullTimeout) {
    channel_.add_host(ip("198.18.1.10"), {mac("3c:2a:f4:00:00:10")});
    channel_.add_host(ip("198.18.1.50"), {mac("3c:2a:f4:00:00:50"), std::chrono::microseconds(200), 2});
    const auto r = sweep({net("198.18.1.0/24")});
    EXPECT_EQ(r.answered, 2U);
    // Pass 0.13 s, two retry rounds paced by the 50 ms minimum wait, then the 250 ms tail.
    EXPECT_LT(seconds(r), 0.127 + 2 * 0.127 + 0.25 + 0.05);
    EXPECT_GE(seconds(r), 0.126 + 0.25);  // 252 tokens after the first: 0.126 s
}

TEST_F(ArpSweepTest, ASweepEndsWithoutTheTailWhenEveryAddressHasAnswered) {
    for (const char* a : {"198.18.1.1", "198.18.1.3", "198.18.1.4", "198.18.1.5", "198.18.1.6"})
        channel_.add_host(ip(a), {mac("3c:2a:f4:00:00:10")});
    const auto r = sweep({net("198.18.1.0/29")});  // .1-.6 without our own .2
    EXPECT_EQ(r.answered, 5U);
    EXPECT_EQ(sink_.observations.size(), 5U);
    EXPECT_LT(seconds(r), 0.03);  // the 20 ms minimum wait for a conflicting answer, not 250 ms
}

TEST_F(ArpSweepTest, ObservationsCarryTheRegistrantLookedUpAfterTheSweep) {
    channel_.add_host(ip("198.18.1.10"), {mac("3c:2a:f4:00:00:10")});
    sweep({net("198.18.1.8/29")});
    ASSERT_EQ(sink_.observations.size(), 1U);
    EXPECT_EQ(sink_.observations[0].evidence.oui_registrant, "Brother Industries, LTD.");
}

TEST_F(ArpSweepTest, RetriesOfASlash24GoOutWhileTheFirstPassIsAwaited) {
    // Ideal: 253 addresses / 2,000 pps + 250 ms = 0.377 s. Both retry rounds (up to 2 x 251 frames) fit
    // in the wait for the first pass's replies; the sweep must stay within 20% of the ideal.
    channel_.add_host(ip("198.18.1.10"), {mac("3c:2a:f4:00:00:10")});
    channel_.add_host(ip("198.18.1.50"), {mac("3c:2a:f4:00:00:50"), std::chrono::microseconds(200), 2});
    const auto r = sweep({net("198.18.1.0/24")});
    EXPECT_EQ(r.answered, 2U);
    EXPECT_EQ(channel_.requests_to[ip("198.18.1.50").value()], 3);
    const double ideal = 253 / 2000.0 + 0.25;
    EXPECT_LE(seconds(r), ideal * 1.2);
    EXPECT_GE(seconds(r), ideal);
}

// A /20 with 250 hosts answering after `delay`, swept at `rate`: every host found, within 20% of the
// ideal (4,093 addresses / rate + the 250 ms reply timeout).
ArpSweepResult sweep_slash20_within_ideal(double rate, std::chrono::microseconds delay,
                                          const OuiRegistry& registry) {
    FakeFrameChannel channel(mac("e4:54:e8:2f:9a:11"), ip("198.18.16.1"));
    for (std::uint32_t i = 0; i < 250; ++i)
        channel.add_host(Ipv4Address(ip("198.18.16.10").value() + i * 13), {mac("3c:2a:f4:00:00:10"), delay});
    ArpEndpoint endpoint{"eth0", mac("e4:54:e8:2f:9a:11"), ip("198.18.16.1"), {net("198.18.16.0/20")}};
    ArpSweepOptions options;
    options.rate_pps = rate;
    CollectingSink sink;
    const auto r = ArpSweep(channel, endpoint, options, registry)
                       .run(arp_sweep_addresses({net("198.18.16.0/20")}, {}, endpoint), sink);
    const double ideal = 4093 / rate + 0.25;
    EXPECT_EQ(r.answered, 250U) << rate;
    EXPECT_LE(r.elapsed.count(), ideal * 1.2) << rate;
    return r;
}

TEST_F(ArpSweepTest, ALargeRangeStaysWithinTwentyPercentOfTheIdealAtAnyRate) {
    for (double rate : {500.0, 2000.0, 20000.0})
        sweep_slash20_within_ideal(rate, std::chrono::microseconds(200), registry_);
}

TEST_F(ArpSweepTest, SlowRepliesDoNotStretchALargeSweepBeyondItsIdeal) {
    // 60 ms round trips make the adaptive retry wait 240 ms: retry rounds past the tail would double a
    // fast sweep. Only the guaranteed part of the budget may outlast the tail.
    for (double rate : {5000.0, 20000.0}) {
        const auto r = sweep_slash20_within_ideal(rate, milliseconds(60), registry_);
        EXPECT_GE(r.retries_sent, ArpSweepOptions{}.retry_budget_min) << rate;  // the guaranteed part
    }
}

TEST(ArpRetryFitsTail, ARetryFitsWhenItsWaitEndsByTheTailEnd) {
    const FrameChannel::Clock::time_point t0{};
    EXPECT_TRUE(retry_fits_tail(t0, milliseconds(20), t0 + milliseconds(20)));
    EXPECT_FALSE(retry_fits_tail(t0 + milliseconds(1), milliseconds(20), t0 + milliseconds(20)));
}

TEST_F(ArpSweepTest, WithoutAnyReplyRetriesWaitTheFullReplyTimeout) {
    ArpSweepOptions options;
    options.retries = 1;
    const auto r = sweep({net("198.18.1.20/32")}, options);
    EXPECT_EQ(r.stats.sent, 2U);
    ASSERT_EQ(channel_.send_times.size(), 2U);
    EXPECT_EQ(channel_.send_times[1] - channel_.send_times[0], milliseconds(250));
}

TEST_F(ArpSweepTest, NoRetriesMeansOneRequestPerAddress) {
    channel_.add_host(ip("198.18.1.50"), {mac("3c:2a:f4:00:00:50"), std::chrono::microseconds(200), 1});
    ArpSweepOptions options;
    options.retries = 0;
    const auto r = sweep({net("198.18.1.0/24")}, options);
    EXPECT_EQ(r.answered, 0U);
    EXPECT_EQ(r.stats.sent, 253U);
}

TEST_F(ArpSweepTest, AReplyAfterTheTimeoutStillCountsAndStopsRetries) {
    channel_.add_host(ip("198.18.1.60"), {mac("3c:2a:f4:00:00:60"), std::chrono::milliseconds(400)});
    ArpSweepOptions options;
    options.reply_timeout = milliseconds(250);
    const auto r = sweep({net("198.18.1.60/32")}, options);
    EXPECT_EQ(r.answered, 1U);
    // Asked twice (the first reply came after the timeout), the reply to the first ended the sweep.
    EXPECT_EQ(channel_.requests_to[ip("198.18.1.60").value()], 2);
    EXPECT_EQ(sink_.observations.size(), 1U);
}

TEST_F(ArpSweepTest, LargeRangesSpendABoundedRetryBudgetOnLikelyHostsFirst) {
    // A /20 with 100 live hosts; one known host lost its first request; budget capped at 200 packets.
    for (std::uint32_t i = 0; i < 100; ++i) {
        const Ipv4Address a(ip("198.18.16.10").value() + i * 37);
        channel_.add_host(a, {MacAddress({0x3c, 0x2a, 0xf4, 0, static_cast<std::uint8_t>(i >> 8U),
                                          static_cast<std::uint8_t>(i)})});
    }
    const auto lost = ip("198.18.31.200");
    channel_.add_host(lost, {mac("00:1b:78:00:31:c8"), std::chrono::microseconds(200), 1});
    ArpSweepOptions options;
    options.retry_budget_min = 200;
    options.retry_budget_fraction = 0.0;
    options.retry_budget_fills_tail = false;
    options.likely_alive = {lost};
    const auto r = sweep({net("198.18.16.0/20")}, options);
    EXPECT_EQ(r.answered, 101U);
    EXPECT_LE(r.retries_sent, 200U);
    EXPECT_EQ(r.stats.sent, 4094U + r.retries_sent);
    EXPECT_FALSE(r.retry_budget_lifted);
    // Time: one pass plus the budget, far from the two full passes of a retry-everything sweep.
    EXPECT_LT(seconds(r), (4094.0 + 200.0) / 2000.0 + 0.6);
}

TEST_F(ArpSweepTest, NeighboursOfAnsweringHostsAreRetriedBeforeTheRestOfTheRange) {
    channel_.add_host(ip("198.18.20.10"), {mac("3c:2a:f4:00:00:0a")});
    channel_.add_host(ip("198.18.20.11"), {mac("3c:2a:f4:00:00:0b"), std::chrono::microseconds(200), 1});
    ArpSweepOptions options;
    options.retry_budget_min = 10;
    options.retry_budget_fraction = 0.0;
    options.retry_budget_fills_tail = false;
    const auto r = sweep({net("198.18.16.0/20")}, options);
    EXPECT_EQ(r.answered, 2U);
    EXPECT_LE(r.retries_sent, 10U);
}

TEST_F(ArpSweepTest, CaptureDropsLiftTheRetryBudget) {
    channel_.drops = 5;
    ArpSweepOptions options;
    options.retry_budget_min = 10;
    options.retry_budget_fraction = 0.0;
    options.retry_budget_fills_tail = false;
    options.retries = 1;
    const auto r = sweep({net("198.18.16.0/22")}, options);
    EXPECT_TRUE(r.retry_budget_lifted);
    EXPECT_EQ(r.retries_sent, 1022U);
    EXPECT_EQ(r.capture_dropped, 5U);
}

TEST_F(ArpSweepTest, DuplicateRepliesGiveOneObservationConflictsGiveTwo) {
    channel_.add_host(ip("198.18.1.30"), {mac("3c:2a:f4:00:00:30"), std::chrono::microseconds(200), 0, 3});
    channel_.add_host(ip("198.18.1.31"), {mac("3c:2a:f4:00:00:31")});
    channel_.add_conflicting_host(ip("198.18.1.31"),
                                  {mac("00:1b:78:00:00:31"), std::chrono::microseconds(900)});
    const auto r = sweep({net("198.18.1.30/31")});
    EXPECT_EQ(r.answered, 2U);
    EXPECT_EQ(r.duplicates, 2U);
    EXPECT_EQ(r.conflicts, 1U);
    EXPECT_EQ(sink_.observations.size(), 3U);
}

TEST_F(ArpSweepTest, MalformedAndUnsolicitedFramesAreCountedNotFatal) {
    channel_.add_host(ip("198.18.1.40"), {mac("3c:2a:f4:00:00:40")});
    channel_.inject({0x01, 0x02, 0x03}, std::chrono::microseconds(100));
    channel_.inject(std::vector<std::uint8_t>(60, 0xff), std::chrono::microseconds(200));
    ArpPacket stranger;
    stranger.operation = 2;
    stranger.sender_mac = mac("00:1b:78:99:99:99");
    stranger.sender_ip = ip("198.18.9.9");  // not a target
    const auto bytes = build_arp_frame(stranger);
    channel_.inject({bytes.begin(), bytes.end()}, std::chrono::microseconds(300));
    const auto r = sweep({net("198.18.1.0/24")});
    EXPECT_EQ(r.answered, 1U);
    EXPECT_EQ(r.stats.malformed, 2U);
    EXPECT_EQ(r.unsolicited, 1U);
    EXPECT_EQ(sink_.ips(), (std::set<std::string>{"198.18.1.40"}));
}

TEST_F(ArpSweepTest, BackPressureDelaysFramesWithoutLosingThem) {
    channel_.add_host(ip("198.18.1.1"), {mac("3c:2a:f4:00:00:01")});
    channel_.busy_sends = 20;
    ArpSweepOptions options;
    options.retries = 0;
    const auto r = sweep({net("198.18.1.0/24")}, options);
    EXPECT_EQ(channel_.busy_seen, 20U);
    EXPECT_EQ(r.stats.sent, 253U);
    EXPECT_EQ(r.stats.send_errors, 0U);
    EXPECT_EQ(r.answered, 1U);
}

TEST_F(ArpSweepTest, FailedSendsAreCountedRetriedAndLiftTheBudget) {
    channel_.add_host(ip("198.18.1.1"), {mac("3c:2a:f4:00:00:01")});
    channel_.failed_sends = 1;  // the request to .1 is the one that fails
    const auto r = sweep({net("198.18.1.0/24")});
    EXPECT_EQ(r.stats.send_errors, 1U);
    EXPECT_TRUE(r.retry_budget_lifted);
    EXPECT_EQ(r.answered, 1U);
}

TEST_F(ArpSweepTest, CancellationStopsSendingAndKeepsWhatWasFound) {
    std::atomic<bool> cancel{false};
    channel_.add_host(ip("198.18.1.1"), {mac("3c:2a:f4:00:00:01")});
    ArpSweepOptions options;
    options.cancel = &cancel;
    const auto addresses = arp_sweep_addresses({net("198.18.0.0/16")}, {}, endpoint_);
    ArpSweep sweep(channel_, endpoint_, options, registry_);
    const auto r = sweep.run(addresses, sink_, [&](const ArpSweepProgress& p) {
        if (p.first_pass_sent > 500) cancel = true;
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_LT(r.stats.sent, 1000U);
    EXPECT_EQ(r.answered, 1U);
}

TEST_F(ArpSweepTest, ProgressIsReportedAtTheConfiguredInterval) {
    std::vector<ArpSweepProgress> reports;
    const auto addresses = arp_sweep_addresses({net("198.18.1.0/24")}, {}, endpoint_);
    ArpSweep sweep(channel_, endpoint_, {}, registry_);
    sweep.run(addresses, sink_, [&](const ArpSweepProgress& p) { reports.push_back(p); });
    ASSERT_GE(reports.size(), 3U);
    EXPECT_LE(reports.size(), 10U);
    EXPECT_EQ(reports.back().first_pass_sent, 253U);
    EXPECT_EQ(reports.back().targets, 253U);
}

TEST(ArpSweepAddresses, SkipsOwnAddressExclusionsNetworkAndBroadcast) {
    ArpEndpoint endpoint{"eth0", mac("02:00:00:00:00:01"), ip("198.18.1.2"), {net("198.18.1.0/24")}};
    const auto all =
        arp_sweep_addresses({net("198.18.1.0/24")}, {net("198.18.1.128/25"), net("198.18.1.5/32")}, endpoint);
    EXPECT_EQ(all.size(), 127U - 1U - 1U);  // .1-.127 without .2 (us) and .5 (excluded)
    EXPECT_EQ(all.front(), ip("198.18.1.1"));
    EXPECT_EQ(all.back(), ip("198.18.1.127"));
    EXPECT_EQ(std::count(all.begin(), all.end(), ip("198.18.1.5")), 0);

    // Single addresses and overlapping targets: the subnet's broadcast is never a target, duplicates vanish.
    const auto some = arp_sweep_addresses(
        {net("198.18.1.255/32"), net("198.18.1.9/32"), net("198.18.1.8/30")}, {}, endpoint);
    EXPECT_EQ(some, (std::vector<Ipv4Address>{ip("198.18.1.9"), ip("198.18.1.10")}));
}

TEST(ArpSweepAddresses, RefusesTargetsOffTheLocalLink) {
    ArpEndpoint endpoint{"eth0", mac("02:00:00:00:00:01"), ip("198.18.1.2"), {net("198.18.1.0/24")}};
    try {
        arp_sweep_addresses({net("198.18.2.0/24")}, {}, endpoint);
        FAIL() << "expected a refusal";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(
            e.what(),
            "198.18.2.0/24 is not on a subnet of eth0 (198.18.1.0/24): ARP only reaches the local link");
    }
    EXPECT_THROW(arp_sweep_addresses({net("198.18.0.0/16")}, {}, endpoint), std::invalid_argument);
}

}  // namespace
}  // namespace nd
