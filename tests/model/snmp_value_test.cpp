#include "model/snmp_value.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

TEST(Oid, ParsesWithAndWithoutLeadingDot) {
    const auto oid = Oid::parse(".1.3.6.1.2.1.1.1.0");
    ASSERT_TRUE(oid);
    EXPECT_EQ(*oid, oids::kSysDescr);
    EXPECT_EQ(Oid::parse("1.3.6.1.2.1.1.1.0"), oid);
    EXPECT_EQ(oid->to_string(), "1.3.6.1.2.1.1.1.0");
}

TEST(Oid, RejectsNonNumeric) {
    EXPECT_FALSE(Oid::parse(""));
    EXPECT_FALSE(Oid::parse("1..3"));
    EXPECT_FALSE(Oid::parse("1.3."));
    EXPECT_FALSE(Oid::parse("SNMPv2-MIB::sysDescr.0"));
    EXPECT_FALSE(Oid::parse("1.3.99999999999"));
}

TEST(Oid, PrefixAndOrder) {
    const Oid system{{1, 3, 6, 1, 2, 1, 1}};
    EXPECT_TRUE(oids::kSysName.starts_with(system));
    EXPECT_FALSE(system.starts_with(oids::kSysName));
    EXPECT_LT(oids::kSysDescr, oids::kSysObjectId);
    EXPECT_LT(system, oids::kSysDescr);
}

TEST(SnmpValue, TextOfBinaryOctetStringIsHex) {
    SnmpValue mac{SnmpType::kOctetString, std::string("\x00\x1b\x21\x0a", 4), 0};
    EXPECT_EQ(mac.text(), "00:1b:21:0a");
    SnmpValue descr{SnmpType::kOctetString, std::string("HP LaserJet\0", 12), 0};
    EXPECT_EQ(descr.text(), "HP LaserJet");
    SnmpValue ticks{SnmpType::kTimeTicks, "", 12345};
    EXPECT_EQ(ticks.text(), "12345");
}

}  // namespace
}  // namespace nd
