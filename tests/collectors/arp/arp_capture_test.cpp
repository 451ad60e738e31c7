// The ARP decoder over a capture file: what a sweep's capture sees, replies and malformed frames alike.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "collectors/arp/arp_codec.hpp"
#include "collectors/passive/pcap_file_channel.hpp"

namespace nd {
namespace {

TEST(ArpCapture, DecodesRepliesAndCountsEveryMalformedFrame) {
    // Written by tests/captures/make_sweep_captures.py.
    PcapFileChannel channel{std::string{NETDOSSIER_SOURCE_DIR} + "/tests/captures/arp-replies.pcap", ""};
    std::vector<ArpPacket> replies;
    std::map<ArpParseError, int> errors;
    channel.receive(channel.now(), [&](std::span<const std::uint8_t> frame, FrameChannel::Clock::time_point) {
        ArpParseError error = ArpParseError::kNone;
        if (const auto p = parse_arp_frame(frame, error)) {
            replies.push_back(*p);
        } else {
            ++errors[error];
        }
    });
    ASSERT_EQ(replies.size(), 4U);
    EXPECT_EQ(replies[0].sender_ip.to_string(), "198.18.1.21");
    EXPECT_EQ(replies[0].sender_mac.to_string(), "00:1b:a9:00:00:21");
    EXPECT_TRUE(replies[0].is_reply());
    EXPECT_FALSE(replies[0].vlan);
    EXPECT_EQ(replies[1].sender_mac.to_string(), "00:04:f2:64:16:7f");
    ASSERT_TRUE(replies[2].vlan);
    EXPECT_EQ(*replies[2].vlan, 10);
    EXPECT_EQ(replies[2].sender_ip.to_string(), "198.18.1.22");
    EXPECT_EQ(replies[3].sender_ip.to_string(), "198.18.1.30");  // trailer after the padding ignored
    for (const auto& r : replies) EXPECT_EQ(r.target_ip.to_string(), "198.18.1.10");

    EXPECT_EQ(errors[ArpParseError::kTruncated], 1);          // the cut frame
    EXPECT_EQ(errors[ArpParseError::kUnsupportedFormat], 2);  // hardware type 6; a zeroed 10-byte body
    EXPECT_EQ(errors[ArpParseError::kBogusSender], 1);
    EXPECT_EQ(errors[ArpParseError::kNotArp], 1);
}

}  // namespace
}  // namespace nd
