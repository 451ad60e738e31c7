// Retention (storage/retention.hpp): what goes (old raw observations, old per-scan device lists) and
// what never goes (devices, annotations, change events, scan runs, each device's latest sighting),
// and the size of a store after a simulated year of nightly scans of a 50-device site.
#include "storage/retention.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "storage/sqlite.hpp"
#include "storage/store.hpp"
#include "tests/storage/store_fixture.hpp"

namespace nd {
namespace {

using namespace std::chrono_literals;
using test::TempDir;

constexpr auto kDay = std::chrono::hours(24);

std::int64_t count(const std::filesystem::path& path, const std::string& sql) {
    sqlite::Connection db(path, false);
    auto stmt = db.prepare(sql);
    const auto n = stmt.step() ? stmt.column_int(0) : -1;
    stmt.reset();
    return n;
}

// A scan run that started at `when` (the store stamps runs with the real clock; a simulated year
// moves them back in time).
std::int64_t begin_scan_at(Store& store, Clock::time_point when) {
    const auto id = store.begin_scan({"198.18.1.0/24"});
    sqlite::Connection db(store.path(), false);
    db.exec("PRAGMA busy_timeout = 5000");
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
    db.exec("UPDATE scans SET started_ms = " + std::to_string(ms) + " WHERE id = " + std::to_string(id));
    return id;
}

SnmpValue text_value(const std::string& s) { return SnmpValue{SnmpType::kOctetString, s, 0}; }

// One device's findings in one nightly scan, shaped like a small office: every host answers ARP and
// ICMP, a quarter SNMP (system group, ENTITY-MIB identity, interface names), some mDNS and TCP banners.
std::vector<Observation> findings(int device, std::int64_t scan, Clock::time_point when, int night) {
    char mac[32];
    std::snprintf(mac, sizeof mac, "00:1b:a9:00:%02x:%02x", device / 256, device % 256);
    const std::string ip = "198.18.1." + std::to_string(10 + device);
    std::vector<Observation> out;
    auto base = [&](const char* source) {
        Observation o = test::seen(source, scan, mac, {ip.c_str()}, "Brother Industries, LTD.");
        o.time = when;
        return o;
    };
    out.push_back(base("arp"));
    auto icmp = base("icmp");
    icmp.evidence.ttl = device % 3 == 0 ? 255 : 64;
    icmp.evidence.rtt_ms = 0.4 + device * 0.01;
    out.push_back(icmp);
    if (device % 4 == 0) {
        auto snmp = base("snmp");
        auto& walk = snmp.evidence.snmp;
        walk[*Oid::parse("1.3.6.1.2.1.1.1.0")] = text_value(
            "Cisco IOS Software, C3560 Software (C3560-IPSERVICESK9-M), Version 15.0(2)SE11, RELEASE "
            "SOFTWARE "
            "(fc3) Technical Support: http://www.cisco.com/techsupport Copyright (c) 1986-2017 by Cisco "
            "Systems");
        walk[*Oid::parse("1.3.6.1.2.1.1.2.0")] = SnmpValue{SnmpType::kOid, "1.3.6.1.4.1.9.1.563", 0};
        walk[*Oid::parse("1.3.6.1.2.1.1.3.0")] = SnmpValue{SnmpType::kTimeTicks, "", 8640000LL * night};
        walk[*Oid::parse("1.3.6.1.2.1.1.5.0")] =
            text_value("sw-" + std::to_string(device) + ".client.example");
        walk[*Oid::parse("1.3.6.1.2.1.1.6.0")] = text_value("Server room, rack 2");
        for (int i = 1; i <= 30; ++i) {  // ENTITY-MIB descriptions, names, serials; ifDescr
            const auto n = std::to_string(i);
            walk[*Oid::parse("1.3.6.1.2.1.47.1.1.1.1.2." + n)] =
                text_value("GigabitEthernet0/" + n + " port");
            walk[*Oid::parse("1.3.6.1.2.1.2.2.1.2." + n)] = text_value("GigabitEthernet0/" + n);
        }
        walk[*Oid::parse("1.3.6.1.2.1.47.1.1.1.1.11.1")] = text_value("FOC1234X0AB");
        walk[*Oid::parse("1.3.6.1.2.1.47.1.1.1.1.13.1")] = text_value("WS-C3560-48TS-S");
        snmp.evidence.snmp_credential = "site-ro";
        out.push_back(snmp);
    }
    if (device % 10 == 1) {
        auto mdns = base("mdns");
        MdnsService service;
        service.instance = "Office printer " + std::to_string(device) + "._ipp._tcp.local";
        service.type = "_ipp._tcp";
        service.host = "NPI" + std::to_string(device) + ".local";
        service.port = 631;
        service.txt = {{"ty", "HP LaserJet MFP M130nw"}, {"usb_mfg", "HP"}, {"rp", "ipp/print"}};
        mdns.evidence.mdns.push_back(service);
        out.push_back(mdns);
    }
    if (device % 5 == 2) {
        auto tcp = base("tcp");
        tcp.evidence.open_tcp_ports = {22, 80, 443};
        ServiceBanner ssh;
        ssh.port = 22;
        ssh.ssh_banner = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3";
        ServiceBanner http;
        http.port = 80;
        http.http_server = "Apache/2.4.57 (Debian)";
        http.http_title = "Device management";
        tcp.evidence.banners = {ssh, http};
        out.push_back(tcp);
    }
    return out;
}

// One simulated night: a completed scan of `devices` devices at `when`.
void nightly_scan(Store& store, Clock::time_point when, int devices, int night) {
    const auto scan = begin_scan_at(store, when);
    std::vector<Observation> all;
    for (int d = 0; d < devices; ++d) {
        auto f = findings(d, scan, when, night);
        all.insert(all.end(), f.begin(), f.end());
    }
    store.record(all);
    store.finish_scan(scan, 600);
}

TEST(RetentionTest, PrunesOldObservationsButNeverDevicesAnnotationsEventsOrScanRuns) {
    TempDir dir;
    const auto path = dir.path() / "site.db";
    auto store = Store::open(path);
    const auto start = Clock::now() - 60 * kDay + 1h;
    for (int night = 0; night < 60; ++night) nightly_scan(store, start + night * kDay, 5, night);
    // Device 7 was seen only on the first night: its record and its last sighting must survive.
    const auto early = begin_scan_at(store, start + 1h);
    store.record(findings(7, early, start + 1h, 0));
    store.finish_scan(early, 10);
    const auto devices = store.devices();
    ASSERT_EQ(devices.size(), 6u);
    store.annotate(devices.front().id, "location", "Server room");
    const auto events_before = store.events().size();
    const auto device7 = count(path, "SELECT device_id FROM device_macs WHERE mac = '00:1b:a9:00:00:07'");

    RetentionPolicy policy;
    policy.observation_days = 30;
    policy.scan_detail_days = 45;
    policy.keep_scans = 5;
    const auto report = apply_retention(path, policy, Clock::now());

    EXPECT_GT(report.observations_removed, 0);
    EXPECT_GT(report.scan_details_removed, 0);
    EXPECT_EQ(store.devices().size(), 6u) << "devices are never pruned";
    EXPECT_EQ(store.events().size(), events_before) << "the change history is never pruned";
    EXPECT_EQ(store.scans().size(), 61u) << "scan runs stay (one small row each)";
    EXPECT_EQ(store.device(devices.front().id)->annotations.at("location"), "Server room");
    const auto cutoff_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>((Clock::now() - 30 * kDay).time_since_epoch())
            .count();
    EXPECT_EQ(count(path, "SELECT count(*) FROM observations WHERE time_ms < " + std::to_string(cutoff_ms) +
                              " AND scan_id NOT IN (SELECT id FROM scans ORDER BY id DESC LIMIT 5)"),
              0);
    EXPECT_GT(count(path, "SELECT count(*) FROM observations WHERE time_ms >= " + std::to_string(cutoff_ms)),
              0);
    EXPECT_EQ(count(path, "SELECT count(*) FROM scan_devices WHERE device_id = " + std::to_string(device7)),
              1)
        << "each device keeps its latest sighting";
    sqlite::Connection db(path, false);
    auto check = db.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.column_text(0), "ok");
    check.reset();
}

TEST(RetentionTest, TheLastScansKeepTheirObservationsWhateverTheirAge) {
    TempDir dir;
    const auto path = dir.path() / "site.db";
    auto store = Store::open(path);
    const auto start = Clock::now() - 200 * kDay;  // a daemon that was switched off for months
    for (int night = 0; night < 10; ++night) nightly_scan(store, start + night * kDay, 3, night);
    RetentionPolicy policy;
    policy.observation_days = 30;
    policy.scan_detail_days = 30;
    policy.keep_scans = 4;
    apply_retention(path, policy, Clock::now());
    EXPECT_EQ(count(path, "SELECT count(DISTINCT scan_id) FROM observations"), 4);
    EXPECT_EQ(count(path, "SELECT count(DISTINCT scan_id) FROM scan_devices"), 4);
    // The next scan still finds nobody gone: the latest completed scan's device list is intact.
    const auto next = store.begin_scan({"198.18.1.0/24"});
    for (int d = 0; d < 3; ++d) store.record(findings(d, next, Clock::now(), 11));
    EXPECT_EQ(store.finish_scan(next, 10).devices_gone, 0);
}

TEST(RetentionTest, ZeroDaysKeepsEverything) {
    TempDir dir;
    const auto path = dir.path() / "site.db";
    auto store = Store::open(path);
    for (int night = 0; night < 5; ++night)
        nightly_scan(store, Clock::now() - (400 - night) * kDay, 3, night);
    const auto before = count(path, "SELECT count(*) FROM observations");
    RetentionPolicy policy;
    policy.observation_days = 0;
    policy.scan_detail_days = 0;
    policy.keep_scans = 1;
    const auto report = apply_retention(path, policy, Clock::now());
    EXPECT_EQ(report.observations_removed, 0);
    EXPECT_EQ(count(path, "SELECT count(*) FROM observations"), before);
}

TEST(RetentionTest, AMissingStoreIsAnErrorNotANewFile) {
    TempDir dir;
    EXPECT_THROW(apply_retention(dir.path() / "nothing.db", RetentionPolicy{}, Clock::now()), StoreError);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "nothing.db"));
}

// The figure the issue asks for: a year of nightly scans of a 50-device site with the default policy,
// retention after each night as the daemon does it. Prints the size; bounded to a few seconds.
TEST(RetentionTest, AYearOfNightlyScansOfFiftyDevicesStaysSmall) {
    TempDir dir;
    const auto path = dir.path() / "site.db";
    auto store = Store::open(path);
    const RetentionPolicy policy;  // the defaults the package ships
    const auto start = Clock::now() - 365 * kDay;
    const auto began = std::chrono::steady_clock::now();
    std::uintmax_t peak = 0;
    for (int night = 0; night < 365; ++night) {
        const auto when = start + night * kDay;
        nightly_scan(store, when, 50, night);
        const auto report = apply_retention(path, policy, when + 1h);
        peak = std::max(peak, report.bytes_after);
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    const auto size = std::filesystem::file_size(path);
    const auto observations = count(path, "SELECT count(*) FROM observations");
    const auto bytes_per_scan =
        count(path, "SELECT sum(length(evidence)) FROM observations") /
        std::max<std::int64_t>(1, count(path, "SELECT count(DISTINCT scan_id) FROM observations"));
    std::printf(
        "year of nightly scans (365 x 50 devices, default retention): store %.2f MiB (peak %.2f MiB), "
        "%lld observations kept, ~%lld KiB raw evidence per scan, %.1f s\n",
        static_cast<double>(size) / (1 << 20), static_cast<double>(peak) / (1 << 20),
        static_cast<long long>(observations), static_cast<long long>(bytes_per_scan / 1024), seconds);
    EXPECT_EQ(store.scans().size(), 365u);
    EXPECT_EQ(store.devices().size(), 50u);
    EXPECT_LT(size, 8u << 20) << "a year must stay in single-digit MiB";
    EXPECT_LE(observations, static_cast<std::int64_t>(50 * 3 * (policy.observation_days + 2)));
}

}  // namespace
}  // namespace nd
