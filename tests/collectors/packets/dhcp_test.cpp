#include "collectors/packets/dhcp.hpp"

#include <gtest/gtest.h>

#include "collectors/packets/ethernet.hpp"
#include "collectors/packets/ipv4_udp.hpp"
#include "tests/collectors/packets/frame_bytes.hpp"

namespace nd::packets {
namespace {

// A Windows 10 DHCPREQUEST as seen on the wire (addresses moved into the lab range).
std::vector<std::uint8_t> windows_request() {
    std::vector<std::uint8_t> p(236, 0);
    p[0] = 1;  // BOOTREQUEST
    p[1] = 1;  // Ethernet
    p[2] = 6;
    p[4] = 0x3d;
    p[5] = 0x1e;
    p[6] = 0x27;
    p[7] = 0x11;
    const std::uint8_t mac[] = {0x3c, 0x52, 0x82, 0x11, 0x22, 0x33};
    std::copy(std::begin(mac), std::end(mac), p.begin() + 28);
    const auto options = test::from_hex(
        "63825363"
        "350103"                            // DHCPREQUEST
        "3d07013c5282112233"                // client id: type 1 + MAC
        "3204c6120165"                      // requested 198.18.1.101
        "0c0b4445534b544f502d313233"        // "DESKTOP-123"
        "3c084d53465420352e30"              // "MSFT 5.0"
        "370e0103060f1f212b2c2e2f7779f9fc"  // parameter request list
        "00"                                // pad
        "ff");
    p.insert(p.end(), options.begin(), options.end());
    return p;
}

TEST(Dhcp, DecodesWindowsRequestFingerprint) {
    const auto r = decode_dhcp(windows_request());
    ASSERT_TRUE(r.ok()) << to_string(r.error());
    EXPECT_EQ(r->op, 1);
    EXPECT_EQ(r->transaction_id, 0x3d1e2711U);
    ASSERT_TRUE(r->client_mac);
    EXPECT_EQ(r->client_mac->to_string(), "3c:52:82:11:22:33");
    const auto& fp = r->fingerprint;
    EXPECT_EQ(fp.hostname, "DESKTOP-123");
    EXPECT_EQ(fp.vendor_class, "MSFT 5.0");
    EXPECT_EQ(fp.parameter_request_list,
              (std::vector<std::uint8_t>{1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252}));
    ASSERT_TRUE(fp.requested_ip);
    EXPECT_EQ(fp.requested_ip->to_string(), "198.18.1.101");
    EXPECT_EQ(fp.client_id, "01:3c:52:82:11:22:33");
    EXPECT_EQ(fp.message_type, 3);
}

TEST(Dhcp, RejectsMissingCookieAndBrokenOptions) {
    auto p = windows_request();
    p[236] = 0;
    EXPECT_EQ(decode_dhcp(p).error(), DecodeError::missing_field);
    EXPECT_EQ(decode_dhcp(std::vector<std::uint8_t>(100, 1)).error(), DecodeError::truncated);
    auto q = windows_request();
    q.resize(q.size() - 8);  // cuts the parameter request list, no end option
    EXPECT_EQ(decode_dhcp(q).error(), DecodeError::truncated);
    auto bad_op = windows_request();
    bad_op[0] = 7;
    EXPECT_EQ(decode_dhcp(bad_op).error(), DecodeError::wrong_protocol);
}

TEST(Dhcp, EveryTruncationIsHandled) {
    const auto p = windows_request();
    for (std::size_t n = 0; n < p.size(); ++n) {
        const std::vector<std::uint8_t> cut(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(n));
        const auto r = decode_dhcp(cut);
        if (r.ok()) {
            EXPECT_GE(n, 240U);
        }
    }
}

// A request whose options overflow into `file` (offset 108) and `sname` (offset 44): option 52 = 3.
// Client (options field), then file, then sname are read in that order (RFC 3396).
std::vector<std::uint8_t> overloaded_request(std::uint8_t overload) {
    std::vector<std::uint8_t> p(236, 0);
    p[0] = 1;
    p[1] = 1;
    p[2] = 6;
    p[7] = 0x52;
    const auto file_options = test::from_hex(
        "0c0a7072696e7465722d3031"  // hostname "printer-01"
        "370401030f06"              // parameter request list 1 3 15 6
        "ff");
    std::copy(file_options.begin(), file_options.end(), p.begin() + 108);
    const auto sname_options = test::from_hex(
        "3c0b48502d4a65744469726563"  // vendor class "HP-JetDirec"
        "ff");
    std::copy(sname_options.begin(), sname_options.end(), p.begin() + 44);
    const auto options = test::from_hex(
        "63825363"
        "350101"  // DHCPDISCOVER
        "3401");
    p.insert(p.end(), options.begin(), options.end());
    p.push_back(overload);
    p.push_back(0xff);
    return p;
}

TEST(Dhcp, OptionOverloadReadsFileAndSnameFields) {
    const auto both = decode_dhcp(overloaded_request(3));
    ASSERT_TRUE(both.ok()) << to_string(both.error());
    EXPECT_EQ(both->fingerprint.message_type, 1);
    EXPECT_EQ(both->fingerprint.hostname, "printer-01");
    EXPECT_EQ(both->fingerprint.parameter_request_list, (std::vector<std::uint8_t>{1, 3, 15, 6}));
    EXPECT_EQ(both->fingerprint.vendor_class, "HP-JetDirec");

    const auto file_only = decode_dhcp(overloaded_request(1));
    ASSERT_TRUE(file_only.ok());
    EXPECT_EQ(file_only->fingerprint.hostname, "printer-01");
    EXPECT_EQ(file_only->fingerprint.vendor_class, "");  // sname stays a server name

    const auto sname_only = decode_dhcp(overloaded_request(2));
    ASSERT_TRUE(sname_only.ok());
    EXPECT_EQ(sname_only->fingerprint.hostname, "");
    EXPECT_EQ(sname_only->fingerprint.vendor_class, "HP-JetDirec");
}

TEST(Dhcp, WithoutOverloadFileAndSnameAreNotOptions) {
    auto p = overloaded_request(3);
    p[p.size() - 3] = 0;  // option 52 becomes pad, pad, pad
    p[p.size() - 2] = 0;
    p[p.size() - 4] = 0;
    const auto r = decode_dhcp(p);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->fingerprint.hostname, "");
    EXPECT_EQ(r->fingerprint.vendor_class, "");
}

TEST(Dhcp, MalformedOverloadIsDropped) {
    EXPECT_EQ(decode_dhcp(overloaded_request(7)).error(), DecodeError::bad_length);
    auto p = overloaded_request(1);
    p[108 + 1] = 200;  // hostname length runs past the end of the file field
    EXPECT_EQ(decode_dhcp(p).error(), DecodeError::truncated);
    // Option 52 inside an overloaded field is ignored, not followed again.
    auto q = overloaded_request(1);
    const auto nested = test::from_hex("3401030c0178ff");
    std::fill(q.begin() + 108, q.begin() + 236, 0);
    std::copy(nested.begin(), nested.end(), q.begin() + 108);
    const auto r = decode_dhcp(q);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->fingerprint.hostname, "x");
    EXPECT_EQ(r->fingerprint.vendor_class, "");
}

TEST(Dhcp, DecodesInsideAnEthernetUdpFrame) {
    const auto body = windows_request();
    auto frame = test::from_hex(
        "ffffffffffff 3c5282112233 0800"
        "4500 0000 0000 0000 4011 0000 00000000 ffffffff"  // total length patched below
        "0044 0043 0000 0000");                            // UDP length patched below
    frame.insert(frame.end(), body.begin(), body.end());
    const std::size_t ip_length = 20 + 8 + body.size();
    frame[16] = static_cast<std::uint8_t>(ip_length >> 8);
    frame[17] = static_cast<std::uint8_t>(ip_length);
    frame[38] = static_cast<std::uint8_t>((ip_length - 20) >> 8);
    frame[39] = static_cast<std::uint8_t>(ip_length - 20);
    const auto eth = decode_ethernet(frame);
    ASSERT_TRUE(eth.ok());
    ASSERT_EQ(eth->ethertype, kEtherTypeIpv4);
    const auto udp = decode_ipv4_udp(eth->payload);
    ASSERT_TRUE(udp.ok()) << to_string(udp.error());
    EXPECT_EQ(udp->source_port, 68);
    EXPECT_EQ(udp->destination_port, 67);
    EXPECT_EQ(udp->ttl, 64);
    EXPECT_EQ(decode_dhcp(udp->payload)->fingerprint.hostname, "DESKTOP-123");
}

}  // namespace
}  // namespace nd::packets
