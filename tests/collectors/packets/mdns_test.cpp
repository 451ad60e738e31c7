#include "collectors/packets/mdns.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "collectors/packets/ethernet.hpp"
#include "collectors/packets/ipv4_udp.hpp"
#include "tests/collectors/packets/frame_bytes.hpp"

namespace nd::packets {
namespace {

// Response built by hand with name compression: PTR _ipp._tcp.local -> Lab._ipp._tcp.local;
// additional SRV (NPI.local:631), TXT (ty, USB_MDL, Color, duplicate ty), A NPI.local 198.18.1.31.
constexpr std::string_view kResponse =
    "000084000000000100000003045f697070045f746370056c6f63616c00000c0001000011940006034c6162c00cc027002180"
    "0100000078000c000000000277034e5049c016c027001080010000119400290e74793d4850204c617365724a65740c555342"
    "5f4d444c3d4d31333005436f6c6f720674793d647570c03f00018001000000780004c612011f";

TEST(Mdns, DecodesCompressedResponseIntoAService) {
    const auto bytes = test::from_hex(kResponse);
    const auto m = decode_mdns(bytes);
    ASSERT_TRUE(m.ok()) << to_string(m.error());
    EXPECT_TRUE(m->response);
    ASSERT_EQ(m->records.ptr.size(), 1U);
    EXPECT_EQ(m->records.ptr[0].owner, "_ipp._tcp.local");
    const auto services = assemble_services(m->records);
    ASSERT_EQ(services.size(), 1U);
    const auto& s = services[0];
    EXPECT_EQ(s.instance, "Lab._ipp._tcp.local");
    EXPECT_EQ(s.type, "_ipp._tcp");
    EXPECT_EQ(s.host, "NPI.local");
    EXPECT_EQ(s.port, 631);
    EXPECT_EQ(s.txt.at("ty"), "HP LaserJet");  // first occurrence wins
    EXPECT_EQ(s.txt.at("usb_mdl"), "M130");    // key lower-cased, value kept
    EXPECT_EQ(s.txt.at("color"), "");          // boolean attribute
    EXPECT_EQ(hostnames_for(m->records, *Ipv4Address::parse("198.18.1.31")),
              std::vector<std::string>{"NPI.local"});
}

TEST(Mdns, RejectsGarbageAndTruncation) {
    EXPECT_EQ(decode_mdns(test::from_hex("0000")).error(), DecodeError::truncated);
    const auto bytes = test::from_hex(kResponse);
    for (std::size_t n = 12; n < bytes.size(); ++n) {
        const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_FALSE(decode_mdns(cut).ok()) << n;
    }
    // A compression pointer to itself.
    EXPECT_FALSE(decode_mdns(test::from_hex("000084000000000100000000c00c000c000100001194000100")).ok());
}

// Two TSIG records in the additional section: ldns_wire2pkt leaks all but the last (NLnetLabs/ldns#317,
// found by fuzz_mdns). The decoder must read such a message without leaking (the ASan build checks) and
// still keep the answer. TSIG rdata: root algorithm name, time, fudge, empty MAC, id, error, no other data.
TEST(Mdns, SeveralTsigRecordsAreSkippedWithoutLeaking) {
    const std::string tsig = "0000fa00ff0000000000110000000000000000000000000000000000";
    const std::string ptr = "045f697070045f746370056c6f63616c00000c00010000119400040150c00c";
    const auto bytes = test::from_hex("000084000000000100000002" + ptr + tsig + tsig);
    const auto m = decode_mdns(bytes);
    ASSERT_TRUE(m.ok()) << to_string(m.error());
    ASSERT_EQ(m->records.ptr.size(), 1U);
    EXPECT_EQ(m->records.ptr[0].target, "P._ipp._tcp.local");
}

TEST(Mdns, ParseTxtLowerCasesKeysAndSkipsEmptyKeys) {
    const auto txt = parse_txt({"TxtVers=1", "=novalue", "adminurl=http://NPI.local./#a=b", "Duplex=F"});
    EXPECT_EQ(txt.size(), 3U);
    EXPECT_EQ(txt.at("txtvers"), "1");
    EXPECT_EQ(txt.at("adminurl"), "http://NPI.local./#a=b");
    EXPECT_EQ(txt.at("duplex"), "F");
}

// Real avahi-daemon announcements of the lab's HP printer (lab/avahi/hp-m130nw.service).
TEST(Mdns, AvahiPrinterAnnouncementsListEveryServiceWithTxt) {
    const auto frames = test::capture_frames("mdns-printer.pcap");
    ASSERT_FALSE(frames.empty()) << "tests/captures/mdns-printer.pcap missing";
    DnsRecords all;
    for (const auto& f : frames) {
        const auto eth = decode_ethernet(f);
        if (!eth.ok() || eth->ethertype != kEtherTypeIpv4) continue;
        const auto udp = decode_ipv4_udp(eth->payload);
        if (!udp.ok() || udp->destination_port != 5353) continue;
        const auto m = decode_mdns(udp->payload);
        ASSERT_TRUE(m.ok()) << to_string(m.error());
        all.append(m->records);
    }
    const auto services = assemble_services(all);
    auto find = [&](std::string_view type) {
        return std::find_if(services.begin(), services.end(), [&](const auto& s) { return s.type == type; });
    };
    for (const auto* type : {"_ipp._tcp", "_printer._tcp", "_pdl-datastream._tcp"}) {
        const auto it = find(type);
        ASSERT_NE(it, services.end()) << type;
        EXPECT_EQ(it->instance, std::string{"HP LaserJet MFP M130nw (952EA0)."} + type + ".local");
        EXPECT_EQ(it->host, "NPI952EA0.local");
        EXPECT_EQ(it->txt.at("ty"), "HP LaserJet MFP M129-M134");
        EXPECT_EQ(it->txt.at("usb_mdl"), "LaserJet MFP M129-M134");
        EXPECT_EQ(it->txt.at("note"), "Reception");
    }
    EXPECT_EQ(find("_ipp._tcp")->port, 631);
    EXPECT_EQ(find("_pdl-datastream._tcp")->port, 9100);
    EXPECT_EQ(find("_ipp._tcp")->txt.at("adminurl"), "http://NPI952EA0.local./#hId-pgAirPrint");
    const auto types = service_types(all);
    EXPECT_NE(std::find(types.begin(), types.end(), "_ipp._tcp.local"), types.end());
    EXPECT_EQ(hostnames_for(all, *Ipv4Address::parse("198.18.99.41")),
              std::vector<std::string>{"NPI952EA0.local"});
}

}  // namespace
}  // namespace nd::packets
