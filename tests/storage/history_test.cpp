// History and change events: gone after N scans, attribute history, switch ports, supplies, neighbours,
// annotations across rescans, and the upgrade from the first schema.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "storage/attachment.hpp"
#include "storage/change_text.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "tests/storage/store_fixture.hpp"
#include "tests/storage/walk_builder.hpp"

namespace nd {
namespace {

using test::seen;
using test::TempDir;
using test::WalkBuilder;

std::vector<std::string> kinds(const std::vector<ChangeEvent>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.kind);
    return out;
}

Verdict firmware(const std::string& value) {
    Verdict v;
    v.device_class = DeviceClass::kPrinter;
    v.firmware = Finding{value, 0.9, {}};
    return v;
}

TEST(History, GoneAfterTheConfiguredNumberOfScansOnce) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    EXPECT_EQ(store.gone_after_scans(), 3);
    store.set_gone_after_scans(2);
    EXPECT_THROW(store.set_gone_after_scans(0), StoreError);
    std::int64_t b = 0;
    std::vector<ScanSummary> summaries;
    for (int i = 0; i < 5; ++i) {
        const auto s = store.begin_scan({"198.18.1.0/24"});
        store.record(seen("arp", s, "00:1b:a9:00:00:01", {"198.18.1.10"}));
        if (i == 0) b = store.record(seen("arp", s, "00:1b:a9:00:00:02", {"198.18.1.11"}));
        summaries.push_back(store.finish_scan(s, 0));
    }
    EXPECT_EQ(summaries[1].devices_gone, 0);  // missed once
    EXPECT_EQ(summaries[2].devices_gone, 1);  // missed twice: gone
    EXPECT_EQ(summaries[3].devices_gone, 0);  // not again
    EXPECT_EQ(summaries[4].devices_gone, 0);
    const auto events = store.events();
    EXPECT_EQ(std::count_if(events.begin(), events.end(),
                            [&](const ChangeEvent& e) { return e.kind == "gone" && e.device_id == b; }),
              1);
}

TEST(History, ScansThatLookedElsewhereDoNotCountTowardsGone) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    store.set_gone_after_scans(1);
    auto s = store.begin_scan({"198.18.1.0/24"});
    store.record(seen("arp", s, "00:1b:a9:00:00:01", {"198.18.1.10"}));
    store.finish_scan(s, 0);
    s = store.begin_scan({"198.18.2.0/24"});
    EXPECT_EQ(store.finish_scan(s, 0).devices_gone, 0);
    s = store.begin_scan({"198.18.1.0/24"});
    EXPECT_EQ(store.finish_scan(s, 0).devices_gone, 1);
}

TEST(History, FirmwareChangeIsAnEventAndBothValuesStayInHistory) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    const auto id = store.record(seen("arp", s1, "00:1b:a9:0b:a7:52", {"198.18.1.32"}));
    store.set_verdict(id, firmware("1.01"));
    store.finish_scan(s1, 0);
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    store.record(seen("arp", s2, "00:1b:a9:0b:a7:52", {"198.18.1.32"}));
    store.set_verdict(id, firmware("1.02"));
    store.finish_scan(s2, 0);
    EXPECT_EQ(kinds(store.events(s1)), std::vector<std::string>{"firmware-changed"});
    std::vector<std::pair<std::string, std::int64_t>> seen_firmware;
    for (const auto& h : store.history(id)) {
        if (h.attribute == "firmware") seen_firmware.emplace_back(h.value, h.last_scan);
    }
    EXPECT_EQ(seen_firmware, (std::vector<std::pair<std::string, std::int64_t>>{{"1.01", s1}, {"1.02", s2}}));
}

TEST(History, AddressChangeShowsOnlyTheNewAddressAsCurrent) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    const auto id = store.record(seen("arp", s1, "14:cb:19:95:2e:a0", {"198.18.1.31"}));
    store.finish_scan(s1, 0);
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    store.record(seen("arp", s2, "14:cb:19:95:2e:a0", {"198.18.1.35"}));
    store.finish_scan(s2, 0);
    EXPECT_EQ(store.device(id)->ips, std::vector<Ipv4Address>{*Ipv4Address::parse("198.18.1.35")});
    const auto events = store.events(s1);
    ASSERT_EQ(kinds(events), std::vector<std::string>{"ip-changed"});
    EXPECT_EQ(events[0].old_value, "198.18.1.31");
    EXPECT_EQ(events[0].new_value, "198.18.1.35");
}

TEST(History, AnAddressTheScanDidNotLookAtIsNotRemoved) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto s1 = store.begin_scan({"198.18.1.0/24", "198.18.2.0/24"});
    store.record(seen("snmp", s1, "70:c9:c6:cb:4e:20", {"198.18.1.1", "198.18.2.1"}));
    store.finish_scan(s1, 0);
    // A scan without the routed subnet (no ICMP stage) sees the router on its LAN leg only.
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    store.record(seen("arp", s2, "70:c9:c6:cb:4e:20", {"198.18.1.1"}));
    store.finish_scan(s2, 0);
    EXPECT_EQ(kinds(store.events(s1)), std::vector<std::string>{});
    // The same miss in a scan that did look there is a removal.
    const auto s3 = store.begin_scan({"198.18.1.0/24", "198.18.2.0/24"});
    store.record(seen("snmp", s3, "70:c9:c6:cb:4e:20", {"198.18.1.1", "198.18.2.1"}));
    store.finish_scan(s3, 0);
    const auto s4 = store.begin_scan({"198.18.1.0/24", "198.18.2.0/24"});
    store.record(seen("arp", s4, "70:c9:c6:cb:4e:20", {"198.18.1.1"}));
    store.finish_scan(s4, 0);
    EXPECT_EQ(kinds(store.events(s3)), std::vector<std::string>{"ip-removed"});
}

WalkBuilder access_switch() {
    WalkBuilder w;
    w.sys_name("sw-core").interface(1, "198.18.1.2", "00:0d:65:5a:0c:41");
    for (std::uint32_t p = 1; p <= 8; ++p)
        w.bridge_port(p, 10000 + p).if_name(10000 + p, "Fa0/" + std::to_string(p));
    w.bridge_port(9, 10101).if_name(10101, "Gi0/1");
    // Gi0/1 is the uplink: an LLDP bridge neighbour and many MACs behind it.
    w.lldp_neighbour(10101, 1, "00:0d:65:00:99:01", "sw-floor2", 0x20);
    for (int i = 0; i < 6; ++i) w.fdb("00:50:56:00:00:0" + std::to_string(i), 9);
    return w;
}

TEST(Attachment, AccessPortFromTheForwardingTableNotTheUplink) {
    auto w = access_switch();
    w.fdb("00:1b:a9:0b:a7:52", 5).qfdb(10, "14:cb:19:95:2e:a0", 6);
    w.fdb("00:50:56:00:00:99", 9);  // a host behind the uplink
    const SwitchView sw{1, "sw-core", &w.walk()};
    const auto out = attach_endpoints({sw}, {{2, {*MacAddress::parse("00:1b:a9:0b:a7:52")}, {}, {}},
                                             {3, {*MacAddress::parse("14:cb:19:95:2e:a0")}, {}, {}},
                                             {4, {*MacAddress::parse("00:50:56:00:00:99")}, {}, {}}});
    ASSERT_TRUE(out.contains(2));
    EXPECT_EQ(out.at(2).port, "Fa0/5");
    EXPECT_EQ(out.at(2).switch_name, "sw-core");
    EXPECT_EQ(out.at(2).source, "fdb");
    ASSERT_TRUE(out.contains(3));
    EXPECT_EQ(out.at(3).port, "Fa0/6");
    EXPECT_EQ(out.at(3).vlan, 10U);
    EXPECT_FALSE(out.contains(4));  // only seen behind the uplink
    const auto ports = decode_switch_ports(w.walk());
    EXPECT_TRUE(ports.uplinks.contains(10101));
}

TEST(Attachment, ADeviceOnTwoEqualPortsKeepsThePortItHad) {
    auto w = access_switch();
    w.fdb("d4:be:d9:61:0a:33", 3).fdb("10:c5:95:2b:7e:90", 4);  // one device (merged), two access ports
    const SwitchView sw{1, "sw-core", &w.walk()};
    const std::vector<MacAddress> macs{*MacAddress::parse("d4:be:d9:61:0a:33"),
                                       *MacAddress::parse("10:c5:95:2b:7e:90")};
    for (const char* previous : {"sw-core Fa0/3", "sw-core Fa0/4"}) {
        const auto out = attach_endpoints({sw}, {{9, macs, {}, previous}});
        ASSERT_TRUE(out.contains(9));
        EXPECT_EQ("sw-core " + out.at(9).port, previous);  // no port move reported for a merge
    }
}

TEST(Attachment, LldpPhoneNeighbourNamesItsPort) {
    auto w = access_switch();
    w.lldp_neighbour(10003, 1, "80:5e:c0:4a:21:7b", "SIP-T46S", 0x24);  // bridge + telephone: an endpoint
    const SwitchView sw{1, "sw-core", &w.walk()};
    const auto out = attach_endpoints({sw}, {{7, {*MacAddress::parse("80:5e:c0:4a:21:7b")}, {}, {}}});
    ASSERT_TRUE(out.contains(7));
    EXPECT_EQ(out.at(7).port, "Fa0/3");
    EXPECT_EQ(out.at(7).source, "lldp");
}

Observation switch_walk(std::int64_t scan, const SnmpWalk& walk) {
    auto o = seen("snmp", scan, "00:0d:65:5a:0c:41", {"198.18.1.2"});
    o.evidence.snmp = walk;
    return o;
}

TEST(History, SwitchPortIsStoredAndAMoveIsAnEvent) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    auto w = access_switch();
    w.fdb("00:1b:a9:0b:a7:52", 5);
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    const auto sw = store.record(switch_walk(s1, w.walk()));
    const auto printer = store.record(seen("arp", s1, "00:1b:a9:0b:a7:52", {"198.18.1.32"}));
    store.finish_scan(s1, 0);
    auto d = store.device(printer);
    ASSERT_TRUE(d->attachment.has_value());
    EXPECT_EQ(d->attachment->switch_device_id, sw);
    EXPECT_EQ(d->attachment->port, "Fa0/5");
    EXPECT_FALSE(store.device(sw)->attachment.has_value());

    auto moved = access_switch();
    moved.fdb("00:1b:a9:0b:a7:52", 7);
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    store.record(switch_walk(s2, moved.walk()));
    store.record(seen("arp", s2, "00:1b:a9:0b:a7:52", {"198.18.1.32"}));
    store.finish_scan(s2, 0);
    const auto events = store.events(s1);
    ASSERT_EQ(kinds(events), std::vector<std::string>{"port-changed"});
    EXPECT_EQ(events[0].old_value, "sw-core Fa0/5");
    EXPECT_EQ(events[0].new_value, "sw-core Fa0/7");
    EXPECT_EQ(store.device(printer)->attachment->port, "Fa0/7");
}

TEST(History, SupplyLowOnceWhenItFallsUnderTheThreshold) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    std::int64_t printer = 0;
    std::vector<std::vector<std::string>> per_scan;
    for (int level : {50, 8, 6, 80}) {
        const auto s = store.begin_scan({"198.18.1.0/24"});
        WalkBuilder w;
        w.supply(1, "Black Toner", 100, level).supply(2, "Drum", -2, -3);
        auto o = seen("snmp", s, "00:1b:a9:0b:a7:52", {"198.18.1.32"});
        o.evidence.snmp = w.walk();
        printer = store.record(o);
        store.finish_scan(s, 0);
        std::vector<std::string> texts;
        for (const auto& e : store.events(s - 1)) {
            if (e.kind == "supply-low") texts.push_back(e.new_value);
        }
        per_scan.push_back(texts);
    }
    EXPECT_TRUE(per_scan[0].empty());
    EXPECT_EQ(per_scan[1], std::vector<std::string>{"Black Toner: 8%"});
    EXPECT_TRUE(per_scan[2].empty());
    EXPECT_TRUE(per_scan[3].empty());
    (void)printer;
}

TEST(History, NewNeighbourOnAKnownDevice) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    auto w = access_switch();
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    store.record(switch_walk(s1, w.walk()));
    store.finish_scan(s1, 0);
    EXPECT_EQ(kinds(store.events(s1)), std::vector<std::string>{});
    w.lldp_neighbour(10004, 2, "00:0d:65:00:99:02", "sw-floor3", 0x20);
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    store.record(switch_walk(s2, w.walk()));
    store.finish_scan(s2, 0);
    const auto events = store.events(s1);
    ASSERT_EQ(kinds(events), std::vector<std::string>{"new-neighbour"});
    EXPECT_EQ(events[0].new_value, "sw-floor3");
}

TEST(History, AnnotationsSurviveTenRescansWithChangingEvidence) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto s0 = store.begin_scan({"198.18.1.0/24"});
    const auto id = store.record(seen("arp", s0, "14:cb:19:95:2e:a0", {"198.18.1.31"}));
    store.finish_scan(s0, 0);
    store.annotate(id, "location", "2nd floor, copy room");
    store.annotate(id, "owner", "Accounting");
    store.annotate(id, "notes", "Müller: toner in cabinet B");
    for (int i = 0; i < 10; ++i) {
        const auto s = store.begin_scan({"198.18.1.0/24"});
        const std::string ip = "198.18.1." + std::to_string(31 + i % 3);  // DHCP moves it around
        auto o = seen("snmp", s, "14:cb:19:95:2e:a0", {ip.c_str()});
        WalkBuilder w;
        w.sys_name("NPI952EA0").str("1.3.6.1.2.1.1.6.0", "discovered location " + std::to_string(i));
        o.evidence.snmp = w.walk();
        EXPECT_EQ(store.record(o), id);
        store.set_verdict(id, firmware("2020" + std::to_string(i)));
        store.finish_scan(s, 0);
    }
    const auto d = store.device(id);
    EXPECT_EQ(d->annotations, (std::map<std::string, std::string>{{"location", "2nd floor, copy room"},
                                                                  {"notes", "Müller: toner in cabinet B"},
                                                                  {"owner", "Accounting"}}));
    store.annotate(id, "owner", "");
    EXPECT_FALSE(store.device(id)->annotations.contains("owner"));
}

TEST(ChangeText, PlaceholderSysNamesAreNotNames) {
    DeviceRecord d;
    d.id = 5;
    d.evidence.hostnames = {"<private>", "prn-2og"};
    d.ips = {*Ipv4Address::parse("198.18.1.32")};
    EXPECT_EQ(change_subject(d), "prn-2og (198.18.1.32)");
    d.evidence.hostnames = {"<private>"};
    EXPECT_EQ(change_subject(d), "device 5 (198.18.1.32)");
}

TEST(Migration, UpgradeFromTheFirstSchemaKeepsEverything) {
    TempDir dir;
    const auto path = dir.path() / "v1.db";
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const std::string sql = std::string(migration_sql(1)) + R"sql(
INSERT INTO scans(id, started_ms, finished_ms, targets, completed) VALUES (1, 1000, 2000, '["198.18.1.0/24"]', 1);
INSERT INTO devices(id, first_seen_ms, last_seen_ms, first_scan, last_scan, class, firmware, model)
  VALUES (1, 1000, 1500, 1, 1, 'printer', '1.01', 'HL-5370DW');
INSERT INTO device_keys VALUES ('mac', '00:1b:a9:0b:a7:52', 1, 'arp', 1000, 1500);
INSERT INTO device_macs VALUES (1, '00:1b:a9:0b:a7:52', 1000, 1500, 1, 1);
INSERT INTO device_ips VALUES (1, 3323068704, 1000, 1500, 1, 1);
INSERT INTO scan_devices VALUES (1, 1);
INSERT INTO annotations VALUES (1, 'location', 'Reception', 1200);
INSERT INTO events(scan_id, device_id, time_ms, kind) VALUES (1, 1, 1000, 'new-device');
PRAGMA user_version = 1;
)sql";
        char* error = nullptr;
        ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
        sqlite3_close(db);
    }
    auto store = Store::open(path);
    EXPECT_EQ(store.schema_version(), current_schema_version());
    ASSERT_EQ(store.devices().size(), 1U);
    const auto d = store.devices().front();
    EXPECT_EQ(d.annotations.at("location"), "Reception");
    EXPECT_EQ(d.macs.front().to_string(), "00:1b:a9:0b:a7:52");
    EXPECT_EQ(store.events().size(), 1U);
    bool firmware_history = false;
    for (const auto& h : store.history(1))
        firmware_history =
            firmware_history || (h.attribute == "firmware" && h.value == "1.01" && h.last_scan == 1);
    EXPECT_TRUE(firmware_history);
    // And the upgraded store keeps working: the same MAC is the same device.
    const auto s = store.begin_scan({"198.18.1.0/24"});
    EXPECT_EQ(store.record(seen("arp", s, "00:1b:a9:0b:a7:52", {"198.18.1.32"})), 1);
}

}  // namespace
}  // namespace nd
