#include "collectors/snmp/walk_cursor.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

Oid O(std::string_view s) { return *Oid::parse(s); }
SnmpValue str(std::string s) { return {SnmpType::kOctetString, std::move(s), 0}; }
SnmpValue num(std::int64_t n) { return {SnmpType::kInteger, "", n}; }

TEST(WalkCursor, StoresSubtreeAndStopsWhenLeavingIt) {
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1.2.1.2.2"), SnmpWalkLimits{});
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.2.2.1.1.1"), num(1), device));
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.2.2.1.1.2"), num(2), device));
    EXPECT_EQ(c.next(), O("1.3.6.1.2.1.2.2.1.1.2"));
    EXPECT_FALSE(c.accept(O("1.3.6.1.2.1.2.3.0"), num(9), device));
    EXPECT_TRUE(c.done());
    EXPECT_EQ(device.walk.size(), 2U);
    EXPECT_TRUE(device.warnings.empty());
}

TEST(WalkCursor, EndOfMibViewFinishesQuietly) {
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1"), SnmpWalkLimits{});
    EXPECT_FALSE(c.accept(O("1.3.6.1.9"), {SnmpType::kEndOfMibView, "", 0}, device));
    EXPECT_TRUE(c.done());
    EXPECT_TRUE(device.walk.empty());
    EXPECT_TRUE(device.warnings.empty());
}

// A device subtree's best-effort read: stops at its cap, even past a full device budget, and fails quietly.
TEST(WalkCursor, CappedReadStopsQuietlyAndFailsQuietly) {
    DeviceWalkState device;
    SnmpWalkLimits limits;
    limits.max_oids_per_device = 2;
    WalkCursor c(O("1.3.6.1.4.1.77777"), limits);
    c.cap_rows(2);
    EXPECT_TRUE(c.capped());
    EXPECT_TRUE(c.accept(O("1.3.6.1.4.1.77777.1.0"), str("a"), device));
    EXPECT_TRUE(c.accept(O("1.3.6.1.4.1.77777.2.0"), str("b"), device));
    EXPECT_FALSE(c.accept(O("1.3.6.1.4.1.77777.3.0"), str("c"), device));  // the cap, not the budget
    EXPECT_TRUE(c.done());
    EXPECT_EQ(device.walk.size(), 2U);
    EXPECT_TRUE(device.warnings.empty());

    WalkCursor timed_out(O("1.3.6.1.4.1.88888"), SnmpWalkLimits{});
    timed_out.cap_rows(16);
    timed_out.abort("no answer", device);
    EXPECT_TRUE(timed_out.done());
    EXPECT_TRUE(device.warnings.empty());
}

TEST(WalkCursor, NonIncreasingOidStopsWithWarning) {
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1.2.1.1"), SnmpWalkLimits{});
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.1.5.0"), str("sw1"), device));
    EXPECT_FALSE(c.accept(O("1.3.6.1.2.1.1.5.0"), str("sw1"), device));  // repeats: a loop
    EXPECT_TRUE(c.done());
    ASSERT_EQ(device.warnings.size(), 1U);
    EXPECT_NE(device.warnings[0].find("non-increasing OID 1.3.6.1.2.1.1.5.0"), std::string::npos);
    EXPECT_EQ(device.walk.size(), 1U);  // partial result kept

    WalkCursor back(O("1.3.6.1.2.1.1"), SnmpWalkLimits{});
    DeviceWalkState d2;
    EXPECT_TRUE(back.accept(O("1.3.6.1.2.1.1.5.0"), str("x"), d2));
    EXPECT_FALSE(back.accept(O("1.3.6.1.2.1.1.1.0"), str("y"), d2));  // goes backwards
    EXPECT_EQ(d2.warnings.size(), 1U);
}

TEST(WalkCursor, TableCapStopsEndlessTable) {
    SnmpWalkLimits limits;
    limits.max_oids_per_table = 3;
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1.2.1.17.4.3"), limits);
    int accepted = 0;
    for (std::uint32_t i = 1; i < 100; ++i) {
        if (!c.accept(O("1.3.6.1.2.1.17.4.3.1.2").child(i), num(i), device)) break;
        ++accepted;
    }
    EXPECT_EQ(accepted, 3);
    EXPECT_EQ(device.walk.size(), 3U);
    ASSERT_EQ(device.warnings.size(), 1U);
    EXPECT_NE(device.warnings[0].find("exceeds 3 OIDs"), std::string::npos);
}

TEST(WalkCursor, DeviceBudgetSharedAcrossSubtrees) {
    SnmpWalkLimits limits;
    limits.max_oids_per_device = 2;
    DeviceWalkState device;
    WalkCursor a(O("1.3.6.1.2.1.1"), limits);
    WalkCursor b(O("1.3.6.1.2.1.2"), limits);
    EXPECT_TRUE(a.accept(O("1.3.6.1.2.1.1.1.0"), str("d"), device));
    EXPECT_TRUE(a.accept(O("1.3.6.1.2.1.1.2.0"), str("o"), device));
    EXPECT_FALSE(b.accept(O("1.3.6.1.2.1.2.1.0"), num(4), device));
    EXPECT_TRUE(device.budget_exhausted);
    EXPECT_EQ(device.walk.size(), 2U);
}

TEST(WalkCursor, OversizedValueIsCutWithWarning) {
    SnmpWalkLimits limits;
    limits.max_value_size = 16;
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1.2.1.1"), limits);
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.1.1.0"), str(std::string(1000, 'x')), device));
    EXPECT_EQ(device.walk.at(O("1.3.6.1.2.1.1.1.0")).bytes.size(), 16U);
    ASSERT_EQ(device.warnings.size(), 1U);
    EXPECT_NE(device.warnings[0].find("1000 bytes; cut to 16"), std::string::npos);
}

TEST(WalkCursor, AbortKeepsPartialResultsAndWarnsOnce) {
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1.2.1.2.2"), SnmpWalkLimits{});
    c.accept(O("1.3.6.1.2.1.2.2.1.2.1"), str("eth0"), device);
    c.abort("agent stopped answering", device);
    c.abort("agent stopped answering", device);
    EXPECT_TRUE(c.done());
    ASSERT_EQ(device.warnings.size(), 1U);
    EXPECT_EQ(device.warnings[0],
              "agent stopped answering while walking 1.3.6.1.2.1.2.2 (after 1 OIDs); partial results kept");
    EXPECT_EQ(device.walk.size(), 1U);
}

TEST(WalkCursor, NoSuchInstanceAdvancesWithoutStoring) {
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1.2.1.1"), SnmpWalkLimits{});
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.1.3.0"), {SnmpType::kNoSuchInstance, "", 0}, device));
    EXPECT_TRUE(device.walk.empty());
    EXPECT_EQ(c.next(), O("1.3.6.1.2.1.1.3.0"));
}

TEST(WalkCursor, RangeStartsAfterItsFirstNodeAndStopsAtTheNextRange) {
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1"), SnmpWalkLimits{}, O("1.3.6.1.2.1.2"), O("1.3.6.1.2.1.4"));
    EXPECT_EQ(c.next(), O("1.3.6.1.2.1.2"));  // the first GETBULK asks from the range's start
    EXPECT_EQ(c.label(), "1.3.6.1 from 1.3.6.1.2.1.2");
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.2.1.0"), num(2), device));
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.3.1.1.1"), num(3), device));
    EXPECT_FALSE(c.accept(O("1.3.6.1.2.1.4.1.0"), num(4), device));  // the next range's first OID
    EXPECT_TRUE(c.done());
    EXPECT_EQ(device.walk.size(), 2U);
    EXPECT_TRUE(device.warnings.empty());
}

TEST(WalkCursor, RangeExtendedOverTheNextOneKeepsGoing) {
    DeviceWalkState device;
    WalkCursor c(O("1.3.6.1"), SnmpWalkLimits{}, O("1.3.6.1"), O("1.3.6.1.2.1.2"));
    EXPECT_EQ(c.label(), "1.3.6.1");  // a subtree's first range is named like the subtree
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.1.5.0"), str("sw1"), device));
    c.extend_until(std::nullopt);  // took over the last range: up to the subtree's end
    EXPECT_TRUE(c.accept(O("1.3.6.1.2.1.2.1.0"), num(2), device));
    EXPECT_FALSE(c.accept(O("1.3.6.2.1"), num(9), device));
    EXPECT_EQ(device.walk.size(), 2U);
}

}  // namespace
}  // namespace nd
