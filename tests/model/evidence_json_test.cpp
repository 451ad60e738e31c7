#include "model/evidence_json.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

using nlohmann::json;

SnmpValue octets(std::string bytes) { return SnmpValue{SnmpType::kOctetString, std::move(bytes), 0}; }

DeviceEvidence full_evidence() {
    DeviceEvidence e;
    e.mac = MacAddress::parse("3c:2a:f4:01:02:03");
    e.ips = {*Ipv4Address::parse("198.18.0.20"), *Ipv4Address::parse("198.18.1.20")};
    e.oui_registrant = "Brother Industries, LTD.";
    e.ttl = 64;
    e.rtt_ms = 0.25;
    e.hostnames = {"BRN3C2AF4010203.local"};
    e.snmp_credential = "site-default";
    e.snmp[oids::kSysDescr] = octets("Brother NC-8300h, Firmware Ver.1.10");
    e.snmp[oids::kSysObjectId] = SnmpValue{SnmpType::kOid, "1.3.6.1.4.1.2435.2.3.9.1", 0};
    e.snmp[oids::kSysUpTime] = SnmpValue{SnmpType::kTimeTicks, "", 123456};
    e.snmp[*Oid::parse("1.3.6.1.2.1.2.2.1.6.1")] = octets(std::string("\x3c\x2a\xf4\x00\x02\x03", 6));
    e.snmp[*Oid::parse("1.3.6.1.2.1.4.20.1.1.198.18.0.20")] =
        SnmpValue{SnmpType::kIpAddress, "198.18.0.20", 0};
    e.snmp[*Oid::parse("1.3.6.1.2.1.31.1.1.1.6.1")] = SnmpValue{SnmpType::kCounter64, "", 9007199254740993LL};
    e.snmp[*Oid::parse("1.3.6.1.2.1.2.2.1.5.1")] = SnmpValue{SnmpType::kGauge32, "", 1000000000};
    e.snmp[*Oid::parse("1.3.6.1.2.1.2.2.1.3.1")] = SnmpValue{SnmpType::kInteger, "", -6};
    e.snmp[*Oid::parse("1.3.6.1.2.1.1.9.0")] = SnmpValue{SnmpType::kNoSuchObject, "", 0};
    MdnsService ipp{"Brother HL-L2350DW._ipp._tcp.local",
                    "_ipp._tcp",
                    "BRN3C2AF4010203.local",
                    631,
                    {{"ty", "Brother HL-L2350DW series"}, {"rp", "ipp/print"}}};
    e.mdns.push_back(ipp);
    LldpNeighbor lldp;
    lldp.chassis_id = "3c:2a:f4:01:02:03";
    lldp.port_id = "1";
    lldp.capabilities = 0x24;
    lldp.management_address = Ipv4Address::parse("198.18.0.20");
    lldp.med_device_class = 3;
    lldp.med_model = "CP-8845";
    lldp.med_capabilities = 0x33;
    lldp.med_voice_vlan = 20;
    e.lldp.push_back(lldp);
    CdpNeighbor cdp;
    cdp.device_id = "SEP001122334455";
    cdp.platform = "Cisco IP Phone 8845";
    cdp.address = Ipv4Address::parse("198.18.0.30");
    cdp.addresses = {*Ipv4Address::parse("198.18.0.30"), *Ipv4Address::parse("198.18.2.30")};
    cdp.native_vlan = 1;
    cdp.voice_vlan = 20;
    e.cdp.push_back(cdp);
    DhcpFingerprint dhcp;
    dhcp.hostname = "printer";
    dhcp.vendor_class = "Brother";
    dhcp.parameter_request_list = {1, 3, 6, 15, 44};
    dhcp.requested_ip = Ipv4Address::parse("198.18.0.20");
    dhcp.client_id = "01:3c:2a:f4:01:02:03";
    dhcp.message_type = 3;
    e.dhcp = dhcp;
    e.open_tcp_ports = {80, 443, 631, 9100};
    e.banners.push_back(ServiceBanner{80, "", "debut/1.30", "Brother HL-L2350DW", ""});
    return e;
}

void expect_same(const DeviceEvidence& a, const DeviceEvidence& b) {
    EXPECT_EQ(a.mac, b.mac);
    EXPECT_EQ(a.ips, b.ips);
    EXPECT_EQ(a.oui_registrant, b.oui_registrant);
    EXPECT_EQ(a.ttl, b.ttl);
    EXPECT_EQ(a.rtt_ms, b.rtt_ms);
    EXPECT_EQ(a.hostnames, b.hostnames);
    ASSERT_EQ(a.snmp.size(), b.snmp.size());
    for (const auto& [oid, value] : a.snmp) {
        auto it = b.snmp.find(oid);
        ASSERT_NE(it, b.snmp.end()) << oid.to_string();
        EXPECT_EQ(value.type, it->second.type) << oid.to_string();
        EXPECT_EQ(value.bytes, it->second.bytes) << oid.to_string();
        EXPECT_EQ(value.number, it->second.number) << oid.to_string();
    }
    EXPECT_EQ(a.mdns, b.mdns);
    EXPECT_EQ(a.lldp, b.lldp);
    EXPECT_EQ(a.cdp, b.cdp);
    EXPECT_EQ(a.dhcp, b.dhcp);
    EXPECT_EQ(a.open_tcp_ports, b.open_tcp_ports);
    EXPECT_EQ(a.banners, b.banners);
}

TEST(EvidenceJson, FullEvidenceRoundTripsThroughText) {
    const auto original = full_evidence();
    const std::string text = json(original).dump();
    const auto back = json::parse(text).get<DeviceEvidence>();
    expect_same(original, back);
}

TEST(EvidenceJson, EmptyEvidenceIsAnEmptyObject) {
    EXPECT_EQ(json(DeviceEvidence{}).dump(), "{}");
    expect_same(DeviceEvidence{}, json::object().get<DeviceEvidence>());
}

TEST(EvidenceJson, SnmpTypesAreKeptAndNamed) {
    const json j = json(full_evidence())["snmp"];
    EXPECT_EQ(j["1.3.6.1.2.1.1.2.0"]["type"], "oid");
    EXPECT_EQ(j["1.3.6.1.2.1.1.3.0"]["type"], "timeticks");
    EXPECT_EQ(j["1.3.6.1.2.1.1.3.0"]["value"], 123456);
    EXPECT_EQ(j["1.3.6.1.2.1.2.2.1.3.1"]["value"], -6);
    EXPECT_EQ(j["1.3.6.1.2.1.1.1.0"]["value"], "Brother NC-8300h, Firmware Ver.1.10");
    EXPECT_EQ(j["1.3.6.1.2.1.1.9.0"], json({{"type", "no-such-object"}}));
}

TEST(EvidenceJson, BinaryOctetStringsTravelAsHex) {
    const json j = json(full_evidence())["snmp"]["1.3.6.1.2.1.2.2.1.6.1"];
    EXPECT_EQ(j["hex"], "3c2af4000203");
    EXPECT_FALSE(j.contains("value"));
    // Invalid UTF-8 and embedded NULs must survive exactly.
    SnmpValue raw = octets(std::string("\xff\xfe\x00\x41\xc3", 5));
    auto back = json::parse(json(raw).dump()).get<SnmpValue>();
    EXPECT_EQ(back.bytes, raw.bytes);
}

TEST(EvidenceJson, InvalidUtf8InFreeTextIsReplacedSoDumpNeverThrows) {
    DeviceEvidence e;
    e.banners.push_back(ServiceBanner{23, "", "", "", std::string("login\xff\xfe: ")});
    e.hostnames = {std::string("caf\xc3\xa9-pc"), std::string("bad\xc3")};
    std::string text;
    ASSERT_NO_THROW(text = json(e).dump());
    auto back = json::parse(text).get<DeviceEvidence>();
    EXPECT_EQ(back.banners[0].raw, "login\xef\xbf\xbd\xef\xbf\xbd: ");
    EXPECT_EQ(back.hostnames[0], "caf\xc3\xa9-pc");
    EXPECT_EQ(back.hostnames[1], "bad\xef\xbf\xbd");
}

TEST(EvidenceJson, Utf8Validation) {
    EXPECT_TRUE(is_valid_utf8("plain"));
    EXPECT_TRUE(is_valid_utf8("Gr\xc3\xbc\xc3\x9f"));
    EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong
    EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

TEST(EvidenceJson, VerdictRoundTripsWithNullsForUnknowns) {
    Verdict v;
    v.device_class = DeviceClass::kAccessPoint;
    v.class_confidence = 0.9;
    v.class_reasons = {"sysObjectID under Ubiquiti"};
    v.alternatives = {ClassAlternative{DeviceClass::kRouter, 0.2, {"forwards IP"}}};
    v.vendor = Finding{"Ubiquiti", 0.95, {"OUI"}};
    v.firmware = Finding{"6.5.28", 0.8, {}};
    const json j = v;
    EXPECT_EQ(j["class"], "access-point");
    EXPECT_TRUE(j["model"].is_null());
    EXPECT_TRUE(j["oui_registrant"].is_null());
    EXPECT_EQ(json::parse(j.dump()).get<Verdict>(), v);
}

TEST(EvidenceJson, ObservationRoundTripsWithIsoTime) {
    Observation o;
    o.source = "snmp";
    o.time = *parse_iso8601("2026-11-22T21:05:46.123Z");
    o.scan_id = 7;
    o.evidence = full_evidence();
    const json j = o;
    EXPECT_EQ(j["time"], "2026-11-22T21:05:46.123Z");
    auto back = json::parse(j.dump()).get<Observation>();
    EXPECT_EQ(back.time, o.time);
    EXPECT_EQ(back.scan_id, 7);
    expect_same(back.evidence, o.evidence);
}

TEST(EvidenceJson, Iso8601ParsesVariantsAndRejectsGarbage) {
    auto t = parse_iso8601("2026-01-02T03:04:05Z");
    ASSERT_TRUE(t);
    EXPECT_EQ(to_iso8601(*t), "2026-01-02T03:04:05.000Z");
    EXPECT_TRUE(parse_iso8601("2026-01-02T03:04:05.5+00:00"));
    EXPECT_FALSE(parse_iso8601("2026-01-02 03:04:05"));
    EXPECT_FALSE(parse_iso8601("2026-13-02T03:04:05Z"));
    EXPECT_FALSE(parse_iso8601(""));
}

TEST(EvidenceJson, WrongShapesGiveEvidenceJsonErrorNamingTheField) {
    EXPECT_THROW(json({{"mac", "not-a-mac"}}).get<DeviceEvidence>(), EvidenceJsonError);
    EXPECT_THROW(json({{"ips", {"198.18.0.300"}}}).get<DeviceEvidence>(), EvidenceJsonError);
    EXPECT_THROW(json({{"snmp", {{"1.3.x", {{"type", "integer"}}}}}}).get<DeviceEvidence>(),
                 EvidenceJsonError);
    EXPECT_THROW(json({{"type", "bogus"}}).get<SnmpValue>(), EvidenceJsonError);
    EXPECT_THROW(json({{"type", "octet-string"}, {"hex", "zz"}}).get<SnmpValue>(), EvidenceJsonError);
    try {
        (void)json({{"hostnames", "x"}}).get<DeviceEvidence>();
        FAIL();
    } catch (const EvidenceJsonError& e) {
        EXPECT_NE(std::string(e.what()).find("hostnames"), std::string::npos);
    }
}

}  // namespace
}  // namespace nd
