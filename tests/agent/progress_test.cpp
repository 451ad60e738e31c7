#include "agent/progress.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace nd {
namespace {

ProgressSnapshot arp(std::uint64_t done, std::uint64_t total, double elapsed) {
    ProgressSnapshot s;
    s.phase = "ARP eth0";
    s.done = done;
    s.total = total;
    s.found = done / 16;
    s.packets = done;
    s.elapsed_seconds = elapsed;
    s.tail_seconds = 0.25;
    return s;
}

TEST(Progress, FormatsDurationsForPeople) {
    EXPECT_EQ(format_duration(0.0), "0 ms");
    EXPECT_EQ(format_duration(0.25), "250 ms");
    EXPECT_EQ(format_duration(12.34), "12.3 s");
    EXPECT_EQ(format_duration(245), "4 min 05 s");
    EXPECT_EQ(format_duration(3720), "1 h 02 min");
    EXPECT_EQ(format_duration(-3), "0 ms");
}

TEST(Progress, GroupsThousands) {
    EXPECT_EQ(format_count(0), "0");
    EXPECT_EQ(format_count(999), "999");
    EXPECT_EQ(format_count(1000), "1,000");
    EXPECT_EQ(format_count(65534), "65,534");
    EXPECT_EQ(format_count(1234567), "1,234,567");
}

TEST(Progress, EtaFollowsThePaceAndAddsTheReplyTimeout) {
    // 1,000 of 4,000 in 0.5 s: 3,000 more at the same pace is 1.5 s, plus the 0.25 s wait for replies.
    const auto eta = estimate_eta(arp(1000, 4000, 0.5));
    ASSERT_TRUE(eta);
    EXPECT_NEAR(*eta, 1.75, 1e-9);
    EXPECT_FALSE(estimate_eta(arp(0, 4000, 0.5)));  // no pace yet
    EXPECT_FALSE(estimate_eta(arp(10, 0, 0.5)));    // nothing to do
    EXPECT_EQ(*estimate_eta(arp(4000, 4000, 2.0)), 0.0);
}

TEST(Progress, OneLineWithDoneTotalRateAndEta) {
    EXPECT_EQ(format_progress(arp(32768, 65534, 16.384)),
              "ARP eth0  32,768/65,534 hosts (50%), 2,048 found, 2,000 pkt/s, ETA 16.6 s");
    EXPECT_EQ(format_progress(arp(0, 254, 0)), "ARP eth0  0/254 hosts (0%), 0 found, ETA --");
    auto evil = arp(1, 2, 1);
    evil.phase = "ARP e\033[2Jth0\n";
    EXPECT_EQ(format_progress(evil).find('\033'), std::string::npos);
    EXPECT_EQ(format_progress(evil).find('\n'), std::string::npos);
}

TEST(Progress, OnlyOnAnInteractiveTerminal) {
    EXPECT_TRUE(progress_wanted(true, false, nullptr, nullptr));
    EXPECT_TRUE(progress_wanted(true, false, "", ""));
    EXPECT_FALSE(progress_wanted(false, false, nullptr, nullptr));    // piped or redirected
    EXPECT_FALSE(progress_wanted(true, true, nullptr, nullptr));      // --quiet
    EXPECT_FALSE(progress_wanted(true, false, "6b1c0d2e", nullptr));  // systemd unit
    EXPECT_FALSE(progress_wanted(true, false, nullptr, "8:12345"));   // stderr to the journal
}

TEST(Progress, MeterThrottlesRedrawsButShowsPhaseChangesAndCompletion) {
    std::vector<std::string> lines;
    ProgressMeter meter([&](const std::string& l) { lines.push_back(l); }, std::chrono::milliseconds(200));
    const auto t0 = ProgressMeter::Clock::time_point{} + std::chrono::hours(1);
    meter.update(arp(10, 100, 0.01), t0);                                    // first: drawn
    meter.update(arp(20, 100, 0.02), t0 + std::chrono::milliseconds(100));   // too soon
    meter.update(arp(30, 100, 0.03), t0 + std::chrono::milliseconds(250));   // drawn
    meter.update(arp(100, 100, 0.05), t0 + std::chrono::milliseconds(260));  // complete: drawn
    auto icmp = arp(1, 10, 0.01);
    icmp.phase = "ICMP";
    meter.update(icmp, t0 + std::chrono::milliseconds(270));  // new phase: drawn
    ASSERT_EQ(lines.size(), 4U);
    EXPECT_NE(lines[0].find("10/100"), std::string::npos);
    EXPECT_NE(lines[1].find("30/100"), std::string::npos);
    EXPECT_NE(lines[2].find("100/100 hosts (100%)"), std::string::npos);
    EXPECT_EQ(lines[3].rfind("ICMP", 0), 0U);
    meter.clear();
    EXPECT_EQ(lines.back(), "");
    EXPECT_EQ(meter.draws(), 4U);
}

TEST(Progress, ClearDrawsNothingWhenNothingWasShown) {
    int calls = 0;
    ProgressMeter meter([&](const std::string&) { ++calls; });
    meter.clear();
    EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace nd
