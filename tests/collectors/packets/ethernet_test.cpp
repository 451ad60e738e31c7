#include "collectors/packets/ethernet.hpp"

#include <gtest/gtest.h>

#include "collectors/packets/ipv4_udp.hpp"
#include "tests/collectors/packets/frame_bytes.hpp"

namespace nd::packets {
namespace {

TEST(Ethernet, ReadsVlanTagsAndEthertype) {
    const auto frame = test::from_hex("0180c200000e 0004f264167f 8100 a064 88cc 0102");
    const auto eth = decode_ethernet(frame);
    ASSERT_TRUE(eth.ok());
    EXPECT_EQ(eth->destination.to_string(), "01:80:c2:00:00:0e");
    EXPECT_EQ(eth->source.to_string(), "00:04:f2:64:16:7f");
    EXPECT_EQ(eth->vlan_ids, std::vector<std::uint16_t>{100});
    EXPECT_EQ(eth->ethertype, kEtherTypeLldp);
    EXPECT_EQ(eth->payload.size(), 2U);
}

TEST(Ethernet, TrimsPaddingOf8023Frames) {
    const auto frame =
        test::from_hex("01000ccccccc 0004f264167f 0009 aaaa03 00000c 2000 02 0000000000000000");
    const auto eth = decode_ethernet(frame);
    ASSERT_TRUE(eth.ok());
    ASSERT_TRUE(eth->snap);
    EXPECT_EQ(eth->snap->protocol, kSnapProtocolCdp);
    EXPECT_EQ(eth->payload.size(), 1U);
}

TEST(Ethernet, RejectsShortAndInconsistentFrames) {
    EXPECT_EQ(decode_ethernet(test::from_hex("0180c200000e0004f264")).error(), DecodeError::truncated);
    EXPECT_EQ(decode_ethernet(test::from_hex("0180c200000e0004f264167f 05ff")).error(),
              DecodeError::bad_length);
    EXPECT_EQ(decode_ethernet(test::from_hex("0180c200000e0004f264167f 0040 aaaa03")).error(),
              DecodeError::truncated);
    EXPECT_EQ(decode_ethernet(test::from_hex("0180c200000e0004f264167f 8100 0001 8100 0002 8100 0003 0800"))
                  .error(),
              DecodeError::unsupported);
}

TEST(Ipv4Udp, RejectsFragmentsOtherProtocolsAndBadLengths) {
    // 20-byte header, UDP 8 + 1 byte.
    auto good = test::from_hex("4500001d 00000000 4011 0000 c6120101 e00000fb 14e914e9 0009 0000 ff");
    ASSERT_TRUE(decode_ipv4_udp(good).ok());
    auto fragment = good;
    fragment[6] = 0x20;  // MF
    EXPECT_EQ(decode_ipv4_udp(fragment).error(), DecodeError::unsupported);
    auto tcp = good;
    tcp[9] = 6;
    EXPECT_EQ(decode_ipv4_udp(tcp).error(), DecodeError::wrong_protocol);
    auto long_udp = good;
    long_udp[25] = 0x40;
    EXPECT_EQ(decode_ipv4_udp(long_udp).error(), DecodeError::truncated);
    auto short_ihl = good;
    short_ihl[0] = 0x44;
    EXPECT_EQ(decode_ipv4_udp(short_ihl).error(), DecodeError::bad_length);
}

}  // namespace
}  // namespace nd::packets
