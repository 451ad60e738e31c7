#include "storage/store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "tests/storage/store_fixture.hpp"

namespace nd {
namespace {

using test::seen;
using test::TempDir;

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string error_of(const std::filesystem::path& p) {
    try {
        Store::open(p);
    } catch (const StoreError& e) {
        return e.what();
    }
    return "no error";
}

TEST(Store, CreatesAndMigratesAnEmptyFile) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    EXPECT_GE(store.schema_version(), 1);
    EXPECT_TRUE(store.devices().empty());
    EXPECT_TRUE(store.scans().empty());
}

TEST(Store, ReopenKeepsDataAndVersion) {
    TempDir dir;
    const auto path = dir.path() / "nd.db";
    int version = 0;
    {
        auto store = Store::open(path);
        version = store.schema_version();
        store.set_meta("site", "Müller GmbH");
        const auto scan = store.begin_scan({"198.18.0.0/24"});
        store.record(seen("arp", scan, "3c:2a:f4:01:02:03", {"198.18.0.20"}, "Brother Industries, LTD."));
        store.finish_scan(scan, 254);
    }
    auto store = Store::open(path);
    EXPECT_EQ(store.schema_version(), version);
    EXPECT_EQ(store.meta("site"), "Müller GmbH");
    EXPECT_EQ(store.meta("nothing"), std::nullopt);
    ASSERT_EQ(store.devices().size(), 1U);
    EXPECT_EQ(store.devices()[0].evidence.oui_registrant, "Brother Industries, LTD.");
    ASSERT_EQ(store.scans().size(), 1U);
    EXPECT_TRUE(store.scans()[0].completed);
    EXPECT_EQ(store.scans()[0].packets_sent, 254);
    EXPECT_EQ(store.scans()[0].targets, std::vector<std::string>{"198.18.0.0/24"});
}

TEST(Store, UsesWalMode) {
    TempDir dir;
    const auto path = dir.path() / "nd.db";
    { auto store = Store::open(path); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST(Store, MergesByMacAcrossAddressChange) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto s1 = store.begin_scan({"198.18.0.0/24"});
    const auto id1 = store.record(seen("arp", s1, "00:1b:a9:aa:bb:cc", {"198.18.0.50"}));
    store.finish_scan(s1, 0);
    const auto s2 = store.begin_scan({"198.18.0.0/24"});
    const auto id2 = store.record(seen("arp", s2, "00:1b:a9:aa:bb:cc", {"198.18.0.51"}));
    const auto summary = store.finish_scan(s2, 0);
    EXPECT_EQ(id1, id2);
    EXPECT_EQ(summary.devices_new, 0);
    EXPECT_EQ(summary.devices_gone, 0);
    const auto devices = store.devices();
    ASSERT_EQ(devices.size(), 1U);
    EXPECT_EQ(devices[0].first_scan, s1);
    EXPECT_EQ(devices[0].last_scan, s2);
    bool changed = false;
    for (const auto& e : store.events(s1)) {
        if (e.kind == "ip-changed") {
            changed = true;
            EXPECT_EQ(e.old_value, "198.18.0.50");
            EXPECT_EQ(e.new_value, "198.18.0.51");
            EXPECT_EQ(e.device_id, id1);
        }
    }
    EXPECT_TRUE(changed);
}

TEST(Store, DeviceWithoutMacIsKeptByAddressAndAdoptedByArpLater) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto scan = store.begin_scan({"198.18.0.0/24", "198.18.1.0/24"});
    const auto routed = store.record(seen("icmp", scan, nullptr, {"198.18.1.10"}));
    const auto again = store.record(seen("icmp", scan, nullptr, {"198.18.1.10"}));
    EXPECT_EQ(routed, again);
    // ICMP saw a local host first; ARP then names its MAC: still one device.
    const auto local = store.record(seen("icmp", scan, nullptr, {"198.18.0.7"}));
    const auto by_arp = store.record(seen("arp", scan, "00:1b:a9:00:00:07", {"198.18.0.7"}));
    EXPECT_EQ(local, by_arp);
    // And a later MAC-less observation of that address finds the MAC device.
    EXPECT_EQ(store.record(seen("icmp", scan, nullptr, {"198.18.0.7"})), by_arp);
    EXPECT_EQ(store.finish_scan(scan, 0).devices_seen, 2);
    const auto d = store.device(routed);
    ASSERT_TRUE(d);
    EXPECT_TRUE(d->macs.empty());
    ASSERT_EQ(d->ips.size(), 1U);
    EXPECT_EQ(d->ips[0].to_string(), "198.18.1.10");
}

TEST(Store, VirtualRouterMacsAreNoDevice) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto scan = store.begin_scan({});
    EXPECT_EQ(store.record(seen("arp", scan, "00:00:5e:00:01:01", {"198.18.0.1"})), 0);
    EXPECT_EQ(store.record(seen("arp", scan, "00:00:0c:07:ac:0a", {"198.18.0.1"})), 0);
    EXPECT_TRUE(store.devices().empty());
}

TEST(Store, RandomisedMacIsTrustedOnlyWithItsAddress) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto scan = store.begin_scan({});
    const auto a = store.record(seen("arp", scan, "da:a1:19:00:00:01", {"198.18.0.60"}));
    EXPECT_EQ(store.record(seen("mdns", scan, "da:a1:19:00:00:01", {"198.18.0.60"})), a);
    // The same random MAC on another address is not enough to call it the same device.
    EXPECT_NE(store.record(seen("arp", scan, "da:a1:19:00:00:01", {"198.18.0.99"})), a);
}

TEST(Store, CountsNewAndGoneAgainstThePreviousCompletedScan) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    store.set_gone_after_scans(1);  // gone at the first missed scan (the default waits for 3)
    const auto s1 = store.begin_scan({"198.18.0.0/24"});
    store.record(std::vector<Observation>{seen("arp", s1, "00:1b:a9:00:00:01", {"198.18.0.1"}),
                                          seen("arp", s1, "00:1b:a9:00:00:02", {"198.18.0.2"}),
                                          seen("arp", s1, "00:1b:a9:00:00:03", {"198.18.0.3"})});
    const auto first = store.finish_scan(s1, 254);
    EXPECT_EQ(first.devices_seen, 3);
    EXPECT_EQ(first.devices_new, 3);
    EXPECT_EQ(first.devices_gone, 0);

    // An aborted scan in between does not count as "previous".
    const auto aborted = store.begin_scan({"198.18.0.0/24"});
    store.record(seen("arp", aborted, "00:1b:a9:00:00:01", {"198.18.0.1"}));

    const auto s2 = store.begin_scan({"198.18.0.0/24"});
    store.record(std::vector<Observation>{seen("arp", s2, "00:1b:a9:00:00:01", {"198.18.0.1"}),
                                          seen("arp", s2, "00:1b:a9:00:00:04", {"198.18.0.4"})});
    const auto second = store.finish_scan(s2, 254);
    EXPECT_EQ(second.devices_seen, 2);
    EXPECT_EQ(second.devices_new, 1);
    EXPECT_EQ(second.devices_gone, 2);
    int gone_events = 0;
    for (const auto& e : store.events(s1)) gone_events += e.kind == "gone" && e.scan_id == s2;
    EXPECT_EQ(gone_events, 2);

    // A scan of another subnet says nothing about devices in this one.
    const auto s3 = store.begin_scan({"198.18.5.0/24"});
    store.record(seen("arp", s3, "00:1b:a9:00:00:05", {"198.18.5.5"}));
    EXPECT_EQ(store.finish_scan(s3, 254).devices_gone, 0);

    const auto scans = store.scans();
    ASSERT_EQ(scans.size(), 4U);
    EXPECT_FALSE(scans[1].completed);
    EXPECT_EQ(scans[2].devices_gone, 2);
}

TEST(Store, SecondIdenticalScanHasNoNewDevicesAndUpdatesLastSeen) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto s1 = store.begin_scan({"198.18.0.0/24"});
    auto o = seen("arp", s1, "00:1b:a9:00:00:01", {"198.18.0.1"});
    o.time -= std::chrono::hours(1);
    const auto id = store.record(o);
    store.finish_scan(s1, 0);
    const auto before = store.device(id)->last_seen;
    const auto s2 = store.begin_scan({"198.18.0.0/24"});
    store.record(seen("arp", s2, "00:1b:a9:00:00:01", {"198.18.0.1"}));
    EXPECT_EQ(store.finish_scan(s2, 0).devices_new, 0);
    const auto after = store.device(id);
    EXPECT_GT(after->last_seen, before);
    EXPECT_EQ(after->first_seen, o.time - o.time.time_since_epoch() % std::chrono::milliseconds(1));
    int events = 0;
    for (const auto& e : store.events(s1)) events += e.kind != "gone";
    EXPECT_EQ(events, 0);
}

TEST(Store, EvidenceIsMergedPerSourceAndVerdictStored) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto scan = store.begin_scan({});
    auto arp = seen("arp", scan, "3c:2a:f4:01:02:03", {"198.18.0.20"}, "Brother Industries, LTD.");
    auto snmp = seen("snmp", scan, nullptr, {"198.18.0.20"});
    snmp.evidence.snmp[oids::kSysDescr] = SnmpValue{SnmpType::kOctetString, "Brother NC-8300h", 0};
    auto mdns = seen("mdns", scan, "3c:2a:f4:01:02:03", {"198.18.0.20"});
    mdns.evidence.hostnames = {"BRN3C2AF4010203.local"};
    mdns.evidence.mdns.push_back(MdnsService{"HL._ipp._tcp.local", "_ipp._tcp", "BRN.local", 631, {}});
    auto mdns2 = mdns;
    mdns2.evidence.mdns[0] =
        MdnsService{"HL._pdl-datastream._tcp.local", "_pdl-datastream._tcp", "BRN.local", 9100, {}};
    const auto id = store.record(arp);
    EXPECT_EQ(store.record(snmp), id);
    EXPECT_EQ(store.record(mdns), id);
    EXPECT_EQ(store.record(mdns2), id);
    Verdict v;
    v.device_class = DeviceClass::kPrinter;
    v.class_confidence = 0.95;
    v.vendor = Finding{"Brother", 0.9, {"OUI"}};
    v.firmware = Finding{"1.10", 0.8, {"sysDescr"}};
    store.set_verdict(id, v);
    store.finish_scan(scan, 0);

    const auto d = store.device(id);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->evidence.snmp.at(oids::kSysDescr).bytes, "Brother NC-8300h");
    EXPECT_EQ(d->evidence.mdns.size(), 2U);
    EXPECT_EQ(d->evidence.hostnames, std::vector<std::string>{"BRN3C2AF4010203.local"});
    EXPECT_EQ(d->verdict.device_class, DeviceClass::kPrinter);
    EXPECT_EQ(d->verdict.vendor->value, "Brother");
    EXPECT_EQ(d->verdict.oui_registrant, "Brother Industries, LTD.");

    // A firmware change is an event.
    v.firmware = Finding{"1.12", 0.8, {"sysDescr"}};
    store.set_verdict(id, v);
    const auto events = store.events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().kind, "firmware-changed");
    EXPECT_EQ(events.back().old_value, "1.10");
    EXPECT_EQ(events.back().new_value, "1.12");
}

TEST(Store, VerdictsOfAScanAreWrittenTogetherOrNotAtAll) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    const auto scan = store.begin_scan({"198.18.0.0/24"});
    const auto a = store.record(seen("arp", scan, "00:1b:a9:00:00:01", {"198.18.0.1"}));
    const auto b = store.record(seen("arp", scan, "00:1b:a9:00:00:02", {"198.18.0.2"}));
    Verdict printer;
    printer.device_class = DeviceClass::kPrinter;
    Verdict phone;
    phone.device_class = DeviceClass::kVoipPhone;
    store.set_verdicts({a, b}, {printer, phone});
    EXPECT_EQ(store.device(a)->verdict.device_class, DeviceClass::kPrinter);
    EXPECT_EQ(store.device(b)->verdict.device_class, DeviceClass::kVoipPhone);

    // A device that does not exist fails the whole batch: the first verdict is not half-applied.
    EXPECT_THROW(store.set_verdicts({b, 999999}, {printer, printer}), StoreError);
    EXPECT_EQ(store.device(b)->verdict.device_class, DeviceClass::kVoipPhone);
    EXPECT_THROW(store.set_verdicts({a}, {}), StoreError);
}

TEST(Store, AnnotationsSurviveRescans) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    auto scan = store.begin_scan({});
    const auto id = store.record(seen("arp", scan, "00:1b:a9:00:00:01", {"198.18.0.1"}));
    store.annotate(id, "location", "Room 2.14 | rack A");
    store.finish_scan(scan, 0);
    scan = store.begin_scan({});
    store.record(seen("arp", scan, "00:1b:a9:00:00:01", {"198.18.0.1"}));
    store.finish_scan(scan, 0);
    EXPECT_EQ(store.device(id)->annotations.at("location"), "Room 2.14 | rack A");
    store.annotate(id, "location", "");
    EXPECT_TRUE(store.device(id)->annotations.empty());
}

TEST(Store, CorruptFileGivesStoreErrorAndStaysUntouched) {
    TempDir dir;
    const auto path = dir.path() / "notes.db";
    {
        std::ofstream out(path, std::ios::binary);
        out << "this is not a database, it is someone's notes\n";
        for (int i = 0; i < 200; ++i) out << "line " << i << " of important text\n";
    }
    const std::string before = slurp(path);
    const std::string message = error_of(path);
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find("not a netdossier store"), std::string::npos) << message;
    EXPECT_EQ(slurp(path), before);
}

TEST(Store, DamagedStoreGivesStoreError) {
    TempDir dir;
    const auto path = dir.path() / "nd.db";
    {
        auto store = Store::open(path);
        const auto scan = store.begin_scan({});
        for (int i = 0; i < 300; ++i) {
            char mac[18];
            std::snprintf(mac, sizeof mac, "00:1b:a9:00:%02x:%02x", i / 256, i % 256);
            store.record(seen("arp", scan, mac, {"198.18.0.1"}));
        }
    }
    {
        // Wreck the header and the first pages.
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        const std::string junk(8192, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    const std::string before = slurp(path);
    EXPECT_NE(error_of(path).find(path.string()), std::string::npos);
    EXPECT_EQ(slurp(path), before);
}

TEST(Store, ForeignSqliteDatabaseIsRefused) {
    TempDir dir;
    const auto path = dir.path() / "other.db";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE customers(name TEXT); INSERT INTO customers VALUES ('x')", nullptr,
                 nullptr, nullptr);
    sqlite3_close(db);
    EXPECT_NE(error_of(path).find("not a netdossier store"), std::string::npos);
}

TEST(Store, NewerSchemaIsRefused) {
    TempDir dir;
    const auto path = dir.path() / "nd.db";
    { auto store = Store::open(path); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    const std::string message = error_of(path);
    EXPECT_NE(message.find("newer"), std::string::npos) << message;
    EXPECT_NE(message.find("999"), std::string::npos) << message;
}

TEST(Store, UnwritablePathsGiveClearErrors) {
    TempDir dir;
    EXPECT_NE(error_of(dir.path() / "missing" / "nd.db").find("does not exist"), std::string::npos);
    EXPECT_NE(error_of(dir.path()).find("is a directory"), std::string::npos);
    try {
        Store::open_existing(dir.path() / "nope.db");
        FAIL() << "opened a missing store";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos);
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "nope.db"));
    // Not even root can create files in /proc.
    const std::string proc = error_of("/proc/nd-store-test.db");
    EXPECT_NE(proc.find("/proc/nd-store-test.db"), std::string::npos) << proc;
    EXPECT_NE(proc.find("cannot open"), std::string::npos) << proc;
    if (geteuid() == 0) GTEST_SKIP() << "root writes anywhere; permission checks need a normal user";
    const auto locked = dir.path() / "locked";
    std::filesystem::create_directories(locked);
    std::filesystem::permissions(locked,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    EXPECT_NE(error_of(locked / "nd.db").find(locked.string()), std::string::npos);
}

TEST(Store, ReaderSeesCommittedDataWhileWriterIsOpen) {
    TempDir dir;
    const auto path = dir.path() / "nd.db";
    auto writer = Store::open(path);
    const auto scan = writer.begin_scan({});
    writer.record(seen("arp", scan, "00:1b:a9:00:00:01", {"198.18.0.1"}));
    auto reader = Store::open_existing(path);
    EXPECT_EQ(reader.devices().size(), 1U);
    writer.record(seen("arp", scan, "00:1b:a9:00:00:02", {"198.18.0.2"}));
    EXPECT_EQ(reader.devices().size(), 2U);
}

TEST(Store, PrunesOldObservationsButKeepsDevices) {
    TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    auto o = seen("arp", 0, "00:1b:a9:00:00:01", {"198.18.0.1"});
    o.time -= std::chrono::hours(24 * 100);
    store.record(o);
    store.record(seen("arp", 0, "00:1b:a9:00:00:01", {"198.18.0.1"}));
    EXPECT_EQ(store.prune_observations(Clock::now() - std::chrono::hours(24 * 30)), 1);
    EXPECT_EQ(store.devices().size(), 1U);
}

}  // namespace
}  // namespace nd
