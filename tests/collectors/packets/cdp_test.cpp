#include "collectors/packets/cdp.hpp"

#include <gtest/gtest.h>

#include "collectors/packets/ethernet.hpp"
#include "tests/collectors/packets/frame_bytes.hpp"

namespace nd::packets {
namespace {

// Captured from lldpd -ccc configured as a Polycom VVX 411: 802.3 + LLC/SNAP + CDPv2.
constexpr std::string_view kLldpdCdpFrame =
    "01000ccccccc0004f264167f007baaaa0300000c20000214d69400010018506f6c79636f6d5f3634313637663163383833"
    "6500020011000000010101cc0004c6126329000300086574683000040008000000100005002b506f6c79636f6d2056565820"
    "3431312c20554320536f66747761726520362e332e312e383432370006000b56565820343131";

TEST(Cdp, DecodesLldpdCdpv2Frame) {
    const auto frame = test::from_hex(kLldpdCdpFrame);
    const auto eth = decode_ethernet(frame);
    ASSERT_TRUE(eth.ok());
    EXPECT_EQ(eth->ethertype, 0);
    ASSERT_TRUE(eth->snap);
    EXPECT_EQ(eth->snap->oui, kOuiCisco);
    EXPECT_EQ(eth->snap->protocol, kSnapProtocolCdp);
    const auto n = decode_cdp(eth->payload);
    ASSERT_TRUE(n.ok()) << to_string(n.error());
    EXPECT_EQ(n->device_id, "Polycom_64167f1c883e");
    EXPECT_EQ(n->port_id, "eth0");
    EXPECT_EQ(n->platform, "VVX 411");
    EXPECT_EQ(n->software_version, "Polycom VVX 411, UC Software 6.3.1.8427");
    EXPECT_EQ(n->capabilities, kCdpCapHost);
    ASSERT_TRUE(n->address);
    EXPECT_EQ(n->address->to_string(), "198.18.99.41");
    EXPECT_EQ(n->addresses.size(), 1U);
}

TEST(Cdp, DecodesNativeAndVoiceVlanAndSeveralAddresses) {
    const auto pdu = test::from_hex(
        "02b4 0000"
        "0001 0014 53455030303034463236343136374600"                    // device id "SEP0004F264167F" + NUL
        "0002 001a 00000002 0101cc 0004 c6120129 0101cc 0004 c6120229"  // 198.18.1.41, 198.18.2.41
        "0006 0017 436973636f2049502050686f6e652038383435"              // platform
        "0004 0008 00000490"                                            // host + phone + ...
        "000a 0006 0001"                                                // native VLAN 1
        "000e 0007 01 0064");                                           // voice VLAN 100
    const auto n = decode_cdp(pdu);
    ASSERT_TRUE(n.ok()) << to_string(n.error());
    EXPECT_EQ(n->device_id, "SEP0004F264167F");
    EXPECT_EQ(n->platform, "Cisco IP Phone 8845");
    ASSERT_EQ(n->addresses.size(), 2U);
    EXPECT_EQ(n->addresses[1].to_string(), "198.18.2.41");
    EXPECT_EQ(n->native_vlan, 1);
    EXPECT_EQ(n->voice_vlan, 100);
    EXPECT_TRUE(n->capabilities & kCdpCapPhone);
}

TEST(Cdp, RejectsBadLengthsAndMissingDeviceId) {
    EXPECT_EQ(decode_cdp(test::from_hex("02b40000 0001 0002")).error(), DecodeError::bad_length);
    EXPECT_EQ(decode_cdp(test::from_hex("02b40000 0001 00ff 41")).error(), DecodeError::truncated);
    EXPECT_EQ(decode_cdp(test::from_hex("02b40000 0003 0005 31")).error(), DecodeError::missing_field);
    EXPECT_EQ(decode_cdp(test::from_hex("03b40000")).error(), DecodeError::unsupported);
    // An address count far larger than the TLV.
    EXPECT_EQ(decode_cdp(test::from_hex("02b40000 0002 0008 ffffffff")).error(), DecodeError::bad_length);
}

TEST(Cdp, EveryTruncationIsHandled) {
    const auto frame = test::from_hex(kLldpdCdpFrame);
    const auto eth = decode_ethernet(frame);
    ASSERT_TRUE(eth.ok());
    for (std::size_t n = 0; n < eth->payload.size(); ++n) {
        const std::vector<std::uint8_t> cut(eth->payload.begin(),
                                            eth->payload.begin() + static_cast<std::ptrdiff_t>(n));
        (void)decode_cdp(cut);  // must not crash or read out of bounds (ASan build)
    }
    EXPECT_FALSE(decode_cdp(eth->payload.first(10)).ok());
}

}  // namespace
}  // namespace nd::packets
