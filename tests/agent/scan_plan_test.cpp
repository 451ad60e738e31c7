#include "agent/scan_plan.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

Ipv4Network net(std::string_view t) { return *Ipv4Network::parse(t); }

LocalInterface iface(std::string name, std::string_view address, int prefix, bool up = true) {
    LocalInterface i;
    i.name = std::move(name);
    i.up = up;
    i.mac = MacAddress({0x02, 0, 0, 0, 0, static_cast<std::uint8_t>(i.name.size())});
    const auto a = *Ipv4Address::parse(address);
    i.addresses.push_back({a, Ipv4Network(a, prefix)});
    return i;
}

LocalInterface loopback() {
    LocalInterface lo;
    lo.name = "lo";
    lo.up = true;
    lo.loopback = true;
    lo.addresses.push_back({*Ipv4Address::parse("127.0.0.1"), net("127.0.0.0/8")});
    return lo;
}

const std::vector<LocalInterface> kHost = {loopback(), iface("eth0", "198.18.1.2", 24),
                                           iface("eth1", "198.19.64.1", 16),
                                           iface("eth2", "198.18.200.1", 24, false)};

std::string plan_error(const ScanOptions& o, ScanPlanError::Kind* kind = nullptr) {
    try {
        plan_scan(o, kHost);
    } catch (const ScanPlanError& e) {
        if (kind != nullptr) *kind = e.kind();
        return e.what();
    }
    return "";
}

TEST(ScanPlan, DefaultTargetsAreTheUpEthernetSubnets) {
    const auto plan = plan_scan(ScanOptions{}, kHost);
    ASSERT_EQ(plan.arp.size(), 2U);
    EXPECT_EQ(plan.arp[0].endpoint.interface, "eth0");
    EXPECT_EQ(plan.arp[0].endpoint.ip.to_string(), "198.18.1.2");
    EXPECT_EQ(plan.arp[0].targets, std::vector<Ipv4Network>{net("198.18.1.0/24")});
    EXPECT_EQ(plan.arp[1].endpoint.interface, "eth1");
    EXPECT_EQ(plan.target_list, (std::vector<std::string>{"198.18.1.0/24", "198.19.0.0/16"}));
    EXPECT_EQ(plan.address_count, 253U + 65533U);
}

TEST(ScanPlan, SubnetsLargerThanTheLimitNeedForce) {
    ScanOptions o;
    o.max_prefix = 20;
    EXPECT_EQ(
        plan_error(o),
        "eth1's subnet 198.19.0.0/16 is larger than a /20 (65536 addresses); narrow it or pass --force");
    o.force = true;
    EXPECT_EQ(plan_scan(o, kHost).arp.size(), 2U);
}

TEST(ScanPlan, ExplicitTargetsGoToTheInterfaceThatReachesThem) {
    ScanOptions o;
    o.targets = {net("198.18.1.128/25")};
    o.exclude = {net("198.18.1.200/29")};
    const auto plan = plan_scan(o, kHost);
    ASSERT_EQ(plan.arp.size(), 1U);
    EXPECT_EQ(plan.arp[0].endpoint.interface, "eth0");
    EXPECT_EQ(plan.address_count, 126U - 8U);
    EXPECT_TRUE(plan.warnings.empty());
}

TEST(ScanPlan, TooLargeTargetsAreRefused) {
    ScanOptions o;
    o.targets = {net("10.0.0.0/8")};
    ScanPlanError::Kind kind{};
    EXPECT_EQ(plan_error(o, &kind),
              "10.0.0.0/8 is larger than a /16 (16777216 addresses); narrow it or pass --force");
    EXPECT_EQ(kind, ScanPlanError::Kind::kTarget);
}

TEST(ScanPlan, OffLinkTargetsAreSetAsideAndAloneAreAnError) {
    ScanOptions o;
    o.targets = {net("198.18.1.0/24"), net("192.0.2.0/24")};
    const auto plan = plan_scan(o, kHost);
    EXPECT_EQ(plan.off_link, std::vector<Ipv4Network>{net("192.0.2.0/24")});
    ASSERT_EQ(plan.warnings.size(), 1U);
    EXPECT_NE(plan.warnings[0].find("not on a local subnet"), std::string::npos);

    o.targets = {net("192.0.2.0/24")};
    EXPECT_EQ(plan_error(o), "nothing to sweep: 192.0.2.0/24 is not on a subnet of any up interface");
}

TEST(ScanPlan, RoutedTargetsCountAsLookedAtOnlyWithTheIcmpStage) {
    ScanOptions o;
    o.targets = {net("198.18.1.0/24"), net("192.0.2.0/24")};
    const auto plan = plan_scan(o, kHost);
    FollowupStages stages;
    EXPECT_EQ(swept_targets(plan, stages), (std::vector<std::string>{"198.18.1.0/24", "192.0.2.0/24"}));
    stages.icmp = false;
    EXPECT_EQ(swept_targets(plan, stages), (std::vector<std::string>{"198.18.1.0/24"}));
}

TEST(ScanPlan, ALargerTargetIsSweptOnlyWhereItIsOnLink) {
    ScanOptions o;
    o.targets = {net("198.19.0.0/22")};
    o.max_prefix = 16;
    const auto plan = plan_scan(o, kHost);
    // 198.19.0.0/22 lies inside eth1's /16: swept whole from eth1.
    ASSERT_EQ(plan.arp.size(), 1U);
    EXPECT_EQ(plan.arp[0].endpoint.interface, "eth1");

    o.targets = {net("198.18.1.0/23")};
    o.interface = "eth0";
    const auto narrowed = plan_scan(o, kHost);
    ASSERT_EQ(narrowed.arp.size(), 1U);
    EXPECT_EQ(narrowed.arp[0].targets, std::vector<Ipv4Network>{net("198.18.1.0/24")});
    ASSERT_EQ(narrowed.warnings.size(), 1U);
    EXPECT_NE(narrowed.warnings[0].find("only its on-link part 198.18.1.0/24"), std::string::npos);
}

TEST(ScanPlan, InterfaceProblemsAreNamed) {
    ScanOptions o;
    ScanPlanError::Kind kind{};
    o.interface = "eth7";
    EXPECT_EQ(plan_error(o, &kind), "unknown interface eth7");
    EXPECT_EQ(kind, ScanPlanError::Kind::kInterface);
    o.interface = "eth2";
    EXPECT_EQ(plan_error(o), "interface eth2 is down");
    o.interface = "lo";
    EXPECT_EQ(plan_error(o), "interface lo is not Ethernet");
    o.interface = "eth0";
    o.targets = {net("198.19.64.0/24")};
    EXPECT_EQ(plan_error(o), "nothing to sweep: 198.19.64.0/24 is not on a subnet of eth0");
}

TEST(ScanPlan, NoUsableInterfaceIsAnError) {
    EXPECT_THROW(plan_scan(ScanOptions{}, {loopback()}), ScanPlanError);
}

}  // namespace
}  // namespace nd
