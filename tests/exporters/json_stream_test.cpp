// The streamed JSON dossier against the DOM it replaced (tests/exporters/json_reference.hpp): byte for
// byte on a varied store (non-ASCII, control characters, broken UTF-8, every evidence part), and the
// writer's escaping against nlohmann's for every byte value.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "exporters/json_device.hpp"
#include "exporters/json_writer.hpp"
#include "tests/exporters/dossier_fixture.hpp"
#include "tests/exporters/json_reference.hpp"

namespace nd {
namespace {

using nlohmann::json;

// The sample site made awkward: text from devices with every kind of character the store can hold.
DossierInput varied_site() {
    DossierInput in = test::sample_site();
    in.site = std::string("Zürich \"HQ\"\t\\ 東京 \x01\x1f\x7f end");
    in.scans.front().targets.push_back("198.18.1.0/24");
    ScanRun running;  // an unfinished later scan: "finished" is null
    running.id = 3;
    running.started = *parse_iso8601("2026-11-22T10:00:00Z");
    running.targets = {"198.18.0.0/24"};
    in.scans.push_back(running);

    DeviceRecord& sw = in.devices[0];
    sw.verdict.model =
        Finding{"WS-C2960X \xff\xfe broken \xc3", 0.75, {"sysDescr \"quoted\"", "line\nbreak"}};
    sw.verdict.os = Finding{"IOS \u00e9t\u00e9 \U0001F600", 0.5, {}};
    sw.verdict.class_reasons = {"sysObjectID", "\b\f\r control"};
    sw.annotations = {{"owner", "Jürgen \"the admin\""},
                      {"notes",
                       "a\x02"
                       "b"},
                      {"bad\xff key", "v"}};
    sw.evidence.ttl = 255;
    sw.evidence.rtt_ms = 0.1 + 0.2;  // not a short decimal
    sw.evidence.snmp_credential = "office-ro";
    test::put(sw.evidence.snmp, "1.3.6.1.2.1.1.1.0", "Cisco IOS \x00 nul");
    test::put(sw.evidence.snmp, "1.3.6.1.2.1.1.3.0", 12345);
    LldpNeighbor lldp;
    lldp.chassis_id = "00:1b:a9:00:00:09";
    lldp.port_id = "Gi0/1";
    lldp.system_name = "core \u00fc";
    lldp.capabilities = 4;
    lldp.management_address = Ipv4Address::parse("198.18.0.9");
    sw.evidence.lldp.push_back(lldp);
    CdpNeighbor cdp;
    cdp.device_id = "sw2";
    cdp.platform = "cisco WS-C3560";
    cdp.addresses = {*Ipv4Address::parse("198.18.0.8")};
    cdp.native_vlan = 10;
    sw.evidence.cdp.push_back(cdp);

    DeviceRecord& printer = in.devices[1];
    printer.evidence.hostnames = {"BRN3C2AF4010203.local", "dr\u00fccker\x03"};
    printer.evidence.banners.push_back(ServiceBanner{80, "", "Debut/1.30", "Brother \u00c4 <b>", ""});
    DhcpFingerprint dhcp;
    dhcp.hostname = "BRN3C2AF4010203";
    dhcp.vendor_class = "Brother\xe2\x82";  // truncated UTF-8
    dhcp.parameter_request_list = {1, 3, 6, 15};
    dhcp.message_type = 3;
    printer.evidence.dhcp = dhcp;
    printer.annotations["location"] = "Étage 2\r\n\"Küche\"";

    in.devices[2].verdict.class_confidence = 1.0;
    in.devices[2].verdict.hostname = Finding{"phone-\u00f1", 1e-7, {"mDNS"}};
    in.devices[4].first_seen = {};  // never seen: nulls
    in.devices[4].first_scan = 0;

    in.changes.push_back(ChangeEvent{3, 2, 1, in.generated, "firmware-changed", "firmware", "15.2 \x7f old",
                                     "15.2(7)E4 \u00df\x1b"});
    in.changes.push_back(ChangeEvent{4, 2, 99, in.generated, "gone", "", "", ""});  // unknown device
    return in;
}

std::string streamed_device(const DeviceRecord& d) {
    std::string out;
    JsonWriter w(out);
    write_device_json(w, d);
    return out;
}

TEST(JsonStream, DeviceObjectIsByteIdenticalToTheDom) {
    for (const auto& d : varied_site().devices) {
        const json dom = test::json_reference::dom_device_json(d);
        const std::string text = streamed_device(d);
        EXPECT_EQ(text, dom.dump()) << "device " << d.id;
        EXPECT_EQ(json::parse(text), dom) << "device " << d.id;
        EXPECT_EQ(device_json(d), dom) << "device " << d.id;
    }
}

TEST(JsonStream, WholeDossierIsByteIdenticalToTheDomForEverySection) {
    const DossierInput in = varied_site();
    const auto exporter = make_exporter(DossierFormat::kJson);
    for (auto section : {DossierSection::kAll, DossierSection::kNetwork, DossierSection::kPrinting,
                         DossierSection::kUserEquipment, DossierSection::kChanges}) {
        const json dom = test::json_reference::dom_document(in, section);
        const auto docs = exporter->render(in, section);
        ASSERT_EQ(docs.size(), 1U);
        EXPECT_EQ(docs[0].content, test::json_reference::dump_lines(dom)) << to_string(section);
        EXPECT_EQ(json::parse(docs[0].content), dom) << to_string(section);
    }
}

TEST(JsonStream, EmptyDossierIsByteIdenticalToTheDom) {
    DossierInput in;
    in.generated = *parse_iso8601("2026-11-22T09:00:00Z");
    const auto docs = make_exporter(DossierFormat::kJson)->render(in, DossierSection::kAll);
    EXPECT_EQ(docs.at(0).content,
              test::json_reference::dump_lines(test::json_reference::dom_document(in, DossierSection::kAll)));
}

TEST(JsonWriter, EscapesEveryByteAsNlohmannDoes) {
    for (int c = 0; c < 0x80; ++c) {
        const std::string text = std::string("a") + static_cast<char>(c) + "z";
        std::string out;
        append_json_string(out, text);
        EXPECT_EQ(out, json(text).dump()) << "byte " << c;
    }
    std::string out;
    append_json_string(out, "\xc3\xa9 \xe6\x9d\xb1 \xf0\x9f\x98\x80");
    EXPECT_EQ(out, json("\xc3\xa9 \xe6\x9d\xb1 \xf0\x9f\x98\x80").dump());
}

TEST(JsonWriter, RepairsBrokenUtf8InsteadOfFailing) {
    std::string out;
    append_json_string(out, "ok \xff \xc3");
    EXPECT_EQ(out, "\"ok \xef\xbf\xbd \xef\xbf\xbd\"");
    EXPECT_TRUE(json::accept(out));
}

TEST(JsonWriter, NumbersAndNestingMatchDump) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("a").begin_array();
    for (double x : {0.0, 1.0, -2.5, 0.1 + 0.2, 1e-7, 1e21, 123456789.125}) w.number(x);
    w.number(std::numeric_limits<double>::quiet_NaN());
    w.number(std::int64_t{-9007199254740993});
    w.boolean(true).boolean(false).null();
    w.begin_object().end_object();
    w.begin_array().end_array();
    w.end_array();
    w.key("b").string_or_null("");
    w.end_object();
    const json expected = {
        {"a",
         {0.0, 1.0, -2.5, 0.1 + 0.2, 1e-7, 1e21, 123456789.125, nullptr, std::int64_t{-9007199254740993},
          true, false, nullptr, json::object(), json::array()}},
        {"b", nullptr}};
    EXPECT_EQ(out, expected.dump());
}

}  // namespace
}  // namespace nd
