#include "collectors/packets/lldp.hpp"

#include <gtest/gtest.h>

#include "collectors/packets/ethernet.hpp"
#include "tests/collectors/packets/frame_bytes.hpp"

namespace nd::packets {
namespace {

// Captured from lldpd -M 3 configured as a Polycom VVX 411 (lab/lldp/polycom-vvx411.conf).
constexpr std::string_view kPolycomFrame =
    "0180c200000e0004f264167f88cc0207040004f264167f0407030004f264167f060200140a14506f6c79636f6d5f36343136"
    "37663163383833650c27506f6c79636f6d20565658203431312c20554320536f66747761726520362e332e312e383432370e"
    "0400bc0020100c0501c6126329020000000200080465746830fe0900120f030100000000fe0900120f010080000036fe0700"
    "12bb01003f03fe130012bb07362e31382e34342d66632d76373639fe080012bb020100c96e0000";

Bytes lldpdu_of(const std::vector<std::uint8_t>& frame) {
    auto eth = decode_ethernet(frame);
    EXPECT_TRUE(eth.ok());
    EXPECT_EQ(eth->ethertype, kEtherTypeLldp);
    return eth->payload;
}

TEST(Lldp, DecodesLldpdPhoneWithMedPolicy) {
    const auto frame = test::from_hex(kPolycomFrame);
    const auto n = decode_lldp(lldpdu_of(frame));
    ASSERT_TRUE(n.ok()) << to_string(n.error());
    EXPECT_EQ(n->chassis_id, "00:04:f2:64:16:7f");
    EXPECT_EQ(n->port_id, "00:04:f2:64:16:7f");
    EXPECT_EQ(n->port_description, "eth0");
    EXPECT_EQ(n->system_name, "Polycom_64167f1c883e");
    EXPECT_EQ(n->system_description, "Polycom VVX 411, UC Software 6.3.1.8427");
    EXPECT_EQ(n->enabled_capabilities, kLldpCapTelephone);
    EXPECT_TRUE(n->capabilities & kLldpCapTelephone);
    ASSERT_TRUE(n->management_address);
    EXPECT_EQ(n->management_address->to_string(), "198.18.99.41");
    EXPECT_EQ(n->med_device_class, 3);
    EXPECT_EQ(n->med_capabilities, 0x003f);
    EXPECT_EQ(n->med_voice_vlan, 100);
    EXPECT_FALSE(n->med_software_revision.empty());
}

TEST(Lldp, ShutdownLldpduStillNamesTheSender) {
    const auto frame =
        test::from_hex("0180c200000e0004f264167f88cc0207040004f264167f0407030004f264167f060200000000");
    const auto n = decode_lldp(lldpdu_of(frame));
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->chassis_id, "00:04:f2:64:16:7f");
}

TEST(Lldp, DecodesMedInventoryTlvs) {
    // Chassis (local "SEP001"), port (ifname "1"), TTL, then TIA inventory TLVs 5..11.
    const auto pdu = test::from_hex(
        "0207 07534550303031  0402 0531  0602 0078"
        "fe08 0012bb05 312e3041"          // hardware revision "1.0A"
        "fe08 0012bb06 322e302e"          // firmware revision "2.0."
        "fe09 0012bb07 362e332e31"        // software revision "6.3.1"
        "fe0c 0012bb08 3634313637663163"  // serial "64167f1c"
        "fe0c 0012bb09 506f6c79636f6d00"  // manufacturer "Polycom" + NUL
        "fe0c 0012bb0a 5656582034313100"  // model "VVX 411" + NUL
        "fe07 0012bb0b 413132"            // asset "A12"
        "0000");
    const auto n = decode_lldp(pdu);
    ASSERT_TRUE(n.ok()) << to_string(n.error());
    EXPECT_EQ(n->chassis_id, "SEP001");
    EXPECT_EQ(n->port_id, "1");
    EXPECT_EQ(n->med_hardware_revision, "1.0A");
    EXPECT_EQ(n->med_firmware_revision, "2.0.");
    EXPECT_EQ(n->med_software_revision, "6.3.1");
    EXPECT_EQ(n->med_serial, "64167f1c");
    EXPECT_EQ(n->med_manufacturer, "Polycom");
    EXPECT_EQ(n->med_model, "VVX 411");
    EXPECT_EQ(n->med_asset_id, "A12");
}

TEST(Lldp, MissingMandatoryTlvIsAnError) {
    const auto no_ttl = test::from_hex("0207 07534550303031 0402 0531 0000");
    EXPECT_EQ(decode_lldp(no_ttl).error(), DecodeError::missing_field);
    EXPECT_EQ(decode_lldp({}).error(), DecodeError::missing_field);
}

TEST(Lldp, EveryTruncationIsRejectedWithoutReadingPastTheEnd) {
    const auto frame = test::from_hex(kPolycomFrame);
    const auto pdu = lldpdu_of(frame);
    // Cut inside every TLV: the decoder must report an error (or stop cleanly at a TLV boundary).
    for (std::size_t n = 0; n < pdu.size(); ++n) {
        const std::vector<std::uint8_t> cut(pdu.begin(), pdu.begin() + static_cast<std::ptrdiff_t>(n));
        const auto r = decode_lldp(cut);
        if (r.ok()) {
            EXPECT_GE(n, 22U);  // chassis + port + TTL present
        }
    }
}

TEST(Lldp, ControlCharactersAreStrippedFromText) {
    const auto pdu = test::from_hex("0207 07534550303031  0402 0531  0602 0078  0a05 411b5b326a 0000");
    const auto n = decode_lldp(pdu);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->system_name, "A[2j");
}

TEST(Lldp, CaptureFileDecodes) {
    const auto frames = test::capture_frames("lldp-med-cdp.pcap");
    ASSERT_FALSE(frames.empty()) << "tests/captures/lldp-med-cdp.pcap missing";
    int lldp = 0;
    for (const auto& f : frames) {
        auto eth = decode_ethernet(f);
        if (eth.ok() && eth->ethertype == kEtherTypeLldp) lldp += decode_lldp(eth->payload).ok() ? 1 : 0;
    }
    EXPECT_GE(lldp, 1);
}

}  // namespace
}  // namespace nd::packets
