#include "model/address.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

TEST(MacAddress, ParsesCommonSpellings) {
    const auto expected = MacAddress::parse("00:1b:21:0a:bc:de");
    ASSERT_TRUE(expected);
    EXPECT_EQ(MacAddress::parse("00-1B-21-0A-BC-DE"), expected);
    EXPECT_EQ(MacAddress::parse("001b.210a.bcde"), expected);
    EXPECT_EQ(MacAddress::parse("001b210abcde"), expected);
    EXPECT_EQ(MacAddress::parse("0:1b:21:a:bc:de"), expected);
    EXPECT_EQ(expected->to_string(), "00:1b:21:0a:bc:de");
    EXPECT_EQ(expected->oui(), 0x001b21U);
}

TEST(MacAddress, RejectsGarbage) {
    EXPECT_FALSE(MacAddress::parse(""));
    EXPECT_FALSE(MacAddress::parse("00:1b:21:0a:bc"));
    EXPECT_FALSE(MacAddress::parse("00:1b:21:0a:bc:de:ff"));
    EXPECT_FALSE(MacAddress::parse("zz:1b:21:0a:bc:de"));
    EXPECT_FALSE(MacAddress::parse("001:b:21:0a:bc:de"));
}

TEST(MacAddress, FlagsRandomisedAndVirtualRouterMacs) {
    EXPECT_TRUE(MacAddress::parse("da:a1:19:00:00:01")->is_locally_administered());
    EXPECT_FALSE(MacAddress::parse("00:1b:21:0a:bc:de")->is_locally_administered());
    EXPECT_TRUE(MacAddress::parse("00:00:5e:00:01:0a")->is_virtual_router());
    EXPECT_TRUE(MacAddress::parse("00:00:0c:07:ac:01")->is_virtual_router());
    EXPECT_FALSE(MacAddress::parse("00:00:0c:07:ad:01")->is_virtual_router());
}

TEST(Addresses, PrintEveryOctetWidthAndHexDigit) {
    EXPECT_EQ(Ipv4Address(0).to_string(), "0.0.0.0");
    EXPECT_EQ(Ipv4Address(0xffffffffU).to_string(), "255.255.255.255");
    EXPECT_EQ(Ipv4Address(0x0a006405U).to_string(), "10.0.100.5");
    for (std::uint32_t v : {0x01020304U, 0xc6120a63U, 0x7f000001U}) {
        EXPECT_EQ(Ipv4Address::parse(Ipv4Address(v).to_string()), Ipv4Address(v));
    }
    EXPECT_EQ(MacAddress({0x00, 0x0a, 0xf0, 0x9f, 0xff, 0x10}).to_string(), "00:0a:f0:9f:ff:10");
    EXPECT_EQ(MacAddress({0xff, 0xff, 0xff, 0xff, 0xff, 0xff}).to_string(), "ff:ff:ff:ff:ff:ff");
}

TEST(Ipv4Network, ParsesAndIterates) {
    const auto net = Ipv4Network::parse("198.18.1.77/24");
    ASSERT_TRUE(net);
    EXPECT_EQ(net->to_string(), "198.18.1.0/24");
    EXPECT_EQ(net->host_count(), 254U);
    EXPECT_EQ(net->first_host().to_string(), "198.18.1.1");
    EXPECT_EQ(net->last_host().to_string(), "198.18.1.254");
    EXPECT_TRUE(net->contains(*Ipv4Address::parse("198.18.1.200")));
    EXPECT_FALSE(net->contains(*Ipv4Address::parse("198.18.2.1")));
    EXPECT_TRUE(Ipv4Network::parse("198.18.0.0/15")->contains(*net));
    EXPECT_EQ(Ipv4Network::parse("198.18.0.9")->prefix_length(), 32);
}

TEST(Ipv4Network, RejectsGarbage) {
    EXPECT_FALSE(Ipv4Network::parse("198.18.0.0/33"));
    EXPECT_FALSE(Ipv4Network::parse("198.18.0.0/"));
    EXPECT_FALSE(Ipv4Network::parse("198.18.0/24"));
    EXPECT_FALSE(Ipv4Network::parse("198.18.0.256/24"));
    EXPECT_FALSE(Ipv4Network::parse("198.18.0.0/2a"));
}

}  // namespace
}  // namespace nd
