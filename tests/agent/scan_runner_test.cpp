#include "agent/scan_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/collectors/arp/fake_frame_channel.hpp"

namespace nd {
namespace {

using testing::FakeFrameChannel;

Ipv4Address ip(std::string_view t) { return *Ipv4Address::parse(t); }
MacAddress mac(std::string_view t) { return *MacAddress::parse(t); }

const MacAddress kScannerMac = MacAddress({0x02, 0, 0x5e, 0x10, 0, 2});

std::vector<LocalInterface> lab_interfaces() {
    LocalInterface eth;
    eth.name = "eth0";
    eth.up = true;
    eth.mac = kScannerMac;
    eth.addresses.push_back({ip("198.18.1.2"), *Ipv4Network::parse("198.18.1.0/24")});
    return {eth};
}

class ScanRunnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::path(::testing::TempDir()) /
               ("netdossier-runner-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        options_.targets = {*Ipv4Network::parse("198.18.1.0/24")};
        options_.store_path = dir_ / "site.db";
        options_.site_name = "Lab";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // Each scan gets a fresh fake network holding `hosts`.
    ScanReport scan(const std::vector<std::pair<std::string, std::string>>& hosts) {
        ScanRunner runner(
            options_,
            [&](const ArpEndpoint& endpoint) {
                auto channel = std::make_unique<FakeFrameChannel>(endpoint.mac, endpoint.ip);
                for (const auto& [address, hw] : hosts) channel->add_host(ip(address), {mac(hw)});
                return channel;
            },
            lab_interfaces, false);
        return runner.run();
    }

    std::filesystem::path dir_;
    ScanOptions options_;
};

TEST_F(ScanRunnerTest, ByDefaultADeviceIsGoneOnlyAfterThreeScansMissedIt) {
    const std::pair<std::string, std::string> stays{"198.18.1.10", "3c:2a:f4:00:00:10"};
    const std::pair<std::string, std::string> leaves{"198.18.1.11", "00:1b:78:00:00:11"};
    EXPECT_EQ(scan({stays, leaves}).summary.devices_new, 2);
    EXPECT_EQ(scan({stays}).summary.devices_gone, 0);  // one miss: a laptop that was switched off
    EXPECT_EQ(scan({stays}).summary.devices_gone, 0);
    EXPECT_EQ(scan({stays}).summary.devices_gone, 1);  // the third completed scan without it
    EXPECT_EQ(scan({stays}).summary.devices_gone, 0);  // said once, not every night
}

TEST_F(ScanRunnerTest, RecordsEveryAnsweringHostAndCountsNewAndGone) {
    options_.gone_after_scans = 1;  // gone as soon as one completed scan misses it
    const auto first = scan({{"198.18.1.10", "3c:2a:f4:00:00:10"}, {"198.18.1.11", "00:1b:78:00:00:11"}});
    EXPECT_EQ(first.summary.devices_seen, 2);
    EXPECT_EQ(first.summary.devices_new, 2);
    EXPECT_EQ(first.summary.devices_gone, 0);
    EXPECT_EQ(first.addresses, 253U);
    EXPECT_GE(first.packets_sent, 253U);
    EXPECT_EQ(first.interfaces, std::vector<std::string>{"eth0"});

    const auto second = scan({{"198.18.1.10", "3c:2a:f4:00:00:10"}});
    EXPECT_EQ(second.summary.devices_seen, 1);
    EXPECT_EQ(second.summary.devices_new, 0);
    EXPECT_EQ(second.summary.devices_gone, 1);

    auto store = Store::open(options_.store_path);
    const auto devices = store.devices();
    ASSERT_EQ(devices.size(), 2U);
    for (const auto& d : devices) {
        ASSERT_EQ(d.macs.size(), 1U);
        if (d.macs[0] == mac("3c:2a:f4:00:00:10")) {
            EXPECT_EQ(d.ips, std::vector<Ipv4Address>{ip("198.18.1.10")});
            EXPECT_EQ(d.evidence.oui_registrant, "Brother Industries, LTD.");
            EXPECT_EQ(d.last_scan, second.summary.scan_id);
        } else {
            EXPECT_EQ(d.last_scan, first.summary.scan_id);
        }
    }
    EXPECT_EQ(store.meta("site"), "Lab");
}

TEST_F(ScanRunnerTest, AnUnwritableStoreIsRefusedBeforeAnythingIsSent) {
    options_.store_path = "/nonexistent-dir/site.db";
    bool opened = false;
    ScanRunner runner(
        options_,
        [&](const ArpEndpoint& e) {
            opened = true;
            return std::make_unique<FakeFrameChannel>(e.mac, e.ip);
        },
        lab_interfaces, false);
    try {
        runner.run();
        FAIL() << "expected a store error";
    } catch (const ScanError& e) {
        EXPECT_EQ(e.kind(), ScanError::Kind::kStore);
        EXPECT_NE(std::string(e.what()).find("/nonexistent-dir"), std::string::npos);
    }
    EXPECT_FALSE(opened);
}

TEST_F(ScanRunnerTest, ACaptureThatCannotOpenIsAScanErrorAndDeclaresNothingGone) {
    scan({{"198.18.1.10", "3c:2a:f4:00:00:10"}});
    ScanRunner runner(
        options_,
        [](const ArpEndpoint&) -> std::unique_ptr<FrameChannel> { throw std::runtime_error("eth0: boom"); },
        lab_interfaces, false);
    try {
        runner.run();
        FAIL();
    } catch (const ScanError& e) {
        EXPECT_EQ(e.kind(), ScanError::Kind::kCapture);
    }
    const auto again = scan({{"198.18.1.10", "3c:2a:f4:00:00:10"}});
    EXPECT_EQ(again.summary.devices_gone, 0);
    EXPECT_EQ(again.summary.devices_new, 0);
}

TEST_F(ScanRunnerTest, TargetErrorsComeBeforeTheStoreIsTouched) {
    options_.targets = {*Ipv4Network::parse("10.0.0.0/8")};
    EXPECT_THROW(scan({}), ScanError);
    EXPECT_FALSE(std::filesystem::exists(options_.store_path));
}

}  // namespace
}  // namespace nd
