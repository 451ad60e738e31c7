#include "collectors/arp/arp_codec.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace nd {
namespace {

const MacAddress kScanner({0x02, 0x00, 0x5e, 0x10, 0x00, 0x01});

// who-has 198.18.1.20 tell 198.18.1.2, from 02:00:5e:10:00:01, padded to 60 bytes.
const std::uint8_t kExpectedRequest[60] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01, 0x08, 0x06,  // Ethernet
    0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,                                      // ARP header
    0x02, 0x00, 0x5e, 0x10, 0x00, 0x01, 0xc6, 0x12, 0x01, 0x02,                          // sender
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc6, 0x12, 0x01, 0x14,                          // target
};

// 198.18.1.20 is-at 3c:2a:f4:01:02:03 (a Brother printer), to the scanner, with 18 bytes of padding.
const std::vector<std::uint8_t> kReply = {
    0x02, 0x00, 0x5e, 0x10, 0x00, 0x01, 0x3c, 0x2a, 0xf4, 0x01, 0x02, 0x03, 0x08, 0x06, 0x00,
    0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x02, 0x3c, 0x2a, 0xf4, 0x01, 0x02, 0x03, 0xc6, 0x12,
    0x01, 0x14, 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01, 0xc6, 0x12, 0x01, 0x02, 0,    0,    0,
    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
};

TEST(ArpCodec, BuildsAPaddedBroadcastRequest) {
    const auto frame =
        build_arp_request(kScanner, *Ipv4Address::parse("198.18.1.2"), *Ipv4Address::parse("198.18.1.20"));
    EXPECT_EQ(std::vector<std::uint8_t>(frame.begin(), frame.end()),
              std::vector<std::uint8_t>(std::begin(kExpectedRequest), std::end(kExpectedRequest)));
}

TEST(ArpCodec, ParsesAReply) {
    ArpParseError error = ArpParseError::kTruncated;
    const auto packet = parse_arp_frame(kReply, error);
    ASSERT_TRUE(packet) << to_string(error);
    EXPECT_EQ(error, ArpParseError::kNone);
    EXPECT_TRUE(packet->is_reply());
    EXPECT_EQ(packet->sender_mac.to_string(), "3c:2a:f4:01:02:03");
    EXPECT_EQ(packet->sender_ip.to_string(), "198.18.1.20");
    EXPECT_EQ(packet->target_mac, kScanner);
    EXPECT_EQ(packet->target_ip.to_string(), "198.18.1.2");
    EXPECT_EQ(packet->ethernet_destination, kScanner);
    EXPECT_FALSE(packet->vlan);
}

TEST(ArpCodec, ParsesAnUnpadded42ByteReply) {
    ArpParseError error;
    EXPECT_TRUE(parse_arp_frame(std::span(kReply).first(42), error));
}

TEST(ArpCodec, ParsesAVlanTaggedReply) {
    std::vector<std::uint8_t> tagged(kReply.begin(), kReply.begin() + 12);
    for (std::uint8_t b : {0x81, 0x00, 0x20, 0x0a}) tagged.push_back(b);  // priority 1, VLAN 10
    tagged.insert(tagged.end(), kReply.begin() + 12, kReply.begin() + 42);
    ArpParseError error;
    const auto packet = parse_arp_frame(tagged, error);
    ASSERT_TRUE(packet) << to_string(error);
    EXPECT_EQ(packet->vlan, 10);
    EXPECT_EQ(packet->sender_ip.to_string(), "198.18.1.20");
}

TEST(ArpCodec, RoundTripsThroughBuildAndParse) {
    ArpPacket p;
    p.ethernet_destination = kScanner;
    p.ethernet_source = *MacAddress::parse("00:1b:78:aa:bb:cc");
    p.operation = 2;
    p.sender_mac = p.ethernet_source;
    p.sender_ip = *Ipv4Address::parse("198.18.1.7");
    p.target_mac = kScanner;
    p.target_ip = *Ipv4Address::parse("198.18.1.2");
    ArpParseError error;
    const auto frame = build_arp_frame(p);
    const auto parsed = parse_arp_frame(frame, error);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->sender_mac, p.sender_mac);
    EXPECT_EQ(parsed->sender_ip, p.sender_ip);
    EXPECT_EQ(parsed->operation, 2);
}

TEST(ArpCodec, ReportsWhyAFrameIsMalformed) {
    ArpParseError error;
    EXPECT_FALSE(parse_arp_frame(std::span<const std::uint8_t>{}, error));
    EXPECT_EQ(error, ArpParseError::kTruncated);
    EXPECT_FALSE(parse_arp_frame(std::span(kReply).first(13), error));
    EXPECT_EQ(error, ArpParseError::kTruncated);
    EXPECT_FALSE(parse_arp_frame(std::span(kReply).first(41), error));
    EXPECT_EQ(error, ArpParseError::kTruncated);

    auto ipv4 = kReply;
    ipv4[12] = 0x08;
    ipv4[13] = 0x00;
    EXPECT_FALSE(parse_arp_frame(ipv4, error));
    EXPECT_EQ(error, ArpParseError::kNotArp);

    auto token_ring = kReply;
    token_ring[15] = 6;
    EXPECT_FALSE(parse_arp_frame(token_ring, error));
    EXPECT_EQ(error, ArpParseError::kUnsupportedFormat);

    auto long_addresses = kReply;
    long_addresses[18] = 8;
    EXPECT_FALSE(parse_arp_frame(long_addresses, error));
    EXPECT_EQ(error, ArpParseError::kUnsupportedFormat);

    auto zero_sender = kReply;
    std::fill(zero_sender.begin() + 22, zero_sender.begin() + 28, 0);
    EXPECT_FALSE(parse_arp_frame(zero_sender, error));
    EXPECT_EQ(error, ArpParseError::kBogusSender);

    auto broadcast_sender = kReply;
    std::fill(broadcast_sender.begin() + 22, broadcast_sender.begin() + 28, 0xff);
    EXPECT_FALSE(parse_arp_frame(broadcast_sender, error));
    EXPECT_EQ(error, ArpParseError::kBogusSender);

    const std::vector<std::uint8_t> truncated_vlan = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x81, 0x00, 0x00};
    EXPECT_FALSE(parse_arp_frame(truncated_vlan, error));
    EXPECT_EQ(error, ArpParseError::kTruncated);
}

TEST(ArpCodec, NeverReadsPastTheSpanForAnyLength) {
    // Every prefix of a valid reply, and of a tagged one, is rejected or parsed without overrun (ASan
    // checks).
    for (std::size_t n = 0; n <= kReply.size(); ++n) {
        std::vector<std::uint8_t> copy(kReply.begin(), kReply.begin() + static_cast<std::ptrdiff_t>(n));
        ArpParseError error;
        const auto packet = parse_arp_frame(copy, error);
        EXPECT_EQ(packet.has_value(), n >= 42) << n;
    }
}

}  // namespace
}  // namespace nd
