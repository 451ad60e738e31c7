// The dossier's memory on the small site: an audit, then the lab changes (a workstation unplugged, a
// printer readdressed, the UPS's firmware string changed in its served recording) and the rescan reports
// exactly those changes and no others; an engineer's merge and annotations survive the rescans; the
// endpoints get the switch port the lab switch's per-VLAN forwarding tables name.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "storage/store.hpp"
#include "tests/integration/lab_fixture.hpp"

namespace nd::lab {
namespace {

const std::string kRunRoot = [] {
    const char* env = std::getenv("NETDOSSIER_LAB_RUN");
    return std::string(env != nullptr ? env : "/run/netdossier-lab");
}();

class DossierLab : public ::testing::Test {
protected:
    // Always a private lab: this test changes it.
    static void SetUpTestSuite() {
        if (auto reason = LabSite::unavailable_reason(LabSize::Small)) {
            skip_ = *reason;
            return;
        }
        try {
            // NETDOSSIER_LAB_PRIVATE_PREFIX names the private lab (an engineer's own prefix), else a unique
            // one.
            const char* prefix = std::getenv("NETDOSSIER_LAB_PRIVATE_PREFIX");
            lab_ = prefix != nullptr && *prefix != '\0' ? std::make_unique<LabSite>(LabSize::Small, prefix)
                                                        : std::make_unique<LabSite>(LabSize::Small);
        } catch (const std::exception& e) {
            error_ = e.what();
            return;
        }
        dir_ = std::filesystem::temp_directory_path() / (lab_->prefix() + "-dossier");
        std::filesystem::create_directories(dir_);
        // The audit's config, and the same with short SNMP timeouts for the repeated unchanged rescans
        // (the switch's one unreadable VLAN context otherwise waits out the default timeout each time).
        for (const auto& [file, snmp_timing] :
             {std::pair<std::string, std::string>{"netdossier.toml", ""},
              std::pair<std::string, std::string>{"rescan.toml", "timeout_ms = 400\nretries = 1\n"}}) {
            std::ofstream(dir_ / file)
                << "[scan]\ntargets = [\"198.18.1.0/24\", \"198.18.2.0/24\"]\n"
                << "[store]\npath = \"" << (dir_ / "nd.db").string() << "\"\n"
                << "[snmp]\n"
                << snmp_timing << "[[snmp.credentials]]\nname = \"a\"\nversion = \"v2c\"\n"
                << "community = \"public\"\n[[snmp.credentials]]\nname = \"b\"\n"
                << "version = \"v2c\"\ncommunity = \"s3cret-ro\"\n";
            std::filesystem::permissions(
                dir_ / file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        }
        // Report a device gone after one missed scan, so one rescan shows it.
        Store::open(dir_ / "nd.db").set_gone_after_scans(1);
    }
    static void TearDownTestSuite() {
        if (lab_) lab_->down();
        lab_.reset();
        std::error_code ec;
        if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
    }
    void SetUp() override {
        if (!skip_.empty()) GTEST_SKIP() << skip_;
        ASSERT_TRUE(error_.empty()) << error_;
    }

    static CommandResult nd(const std::string& args, std::chrono::milliseconds timeout = 30s) {
        return run_command({"/bin/sh", "-c", std::string(NETDOSSIER_BINARY) + " " + args}, timeout);
    }
    // A full scan with the audit's config, or (`quick`) a rescan with the stages the corrections and
    // change events depend on (ARP, ICMP, SNMP: addresses, MACs, serials, interfaces, firmware) and
    // short SNMP timeouts: about 5 s instead of 10 s on the small site.
    static std::int64_t scan(bool quick = false) {
        const auto started = std::chrono::steady_clock::now();
        const auto r =
            lab_->run_in_scanner(std::string(NETDOSSIER_BINARY) + " -q scan --config " +
                                     (dir_ / (quick ? "rescan.toml" : "netdossier.toml")).string() +
                                     (quick ? " --stages icmp,snmp" : ""),
                                 180s);
        EXPECT_TRUE(r.ok()) << r.err << r.out;
        std::cerr << "scan took "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
                  << " s\n";
        const auto scans = Store::open_existing(dir_ / "nd.db").scans();
        return scans.empty() ? 0 : scans.back().id;
    }
    static std::optional<DeviceRecord> by_mac(const std::string& mac) {
        for (auto& d : Store::open_existing(dir_ / "nd.db").devices()) {
            for (const auto& m : d.macs) {
                if (m.to_string() == mac) return d;
            }
        }
        return std::nullopt;
    }
    // Restarts one device's snmpsim (it reads its recording at start) on `ip`, recording the new pid
    // where site.sh down finds it.
    static void restart_snmpsim(const LabDevice& d, const std::string& ip) {
        const std::string state = kRunRoot + "/" + lab_->prefix();
        const std::string pidfile = state + "/pids/" + d.name + "-snmpsim.pid";
        const std::string dir = state + "/dev/" + d.name;
        const std::string script =
            "read pid ns < " + pidfile +
            " && kill $pid; for i in $(seq 50); do kill -0 $pid 2>/dev/null || break; "
            "sleep 0.1; done; rm -rf " +
            dir + "/cache/*; (setsid ip netns exec " + d.netns + " snmpsimd --data-dir=" + dir +
            "/data --cache-dir=" + dir + "/cache --agent-udpv4-endpoint=" + ip +
            ":161 --process-user=nobody --process-group=nogroup --logging-method=file:" + dir +
            "/snmpsimd.log </dev/null >/dev/null 2>&1 & echo \"$! " + d.netns + "\" > " + pidfile + ")";
        const auto r = run_command({"/bin/sh", "-c", script}, 20s);
        ASSERT_TRUE(r.ok()) << r.err;
        const auto community = d.snmp ? d.snmp->community : std::string("public");
        const auto wait =
            lab_->run_in_scanner("for i in $(seq 60); do snmpget -v2c -c " + community + " -t 1 -r 0 " + ip +
                                     " 1.3.6.1.2.1.1.1.0 >/dev/null 2>&1 && exit 0; sleep 0.5; done; exit 1",
                                 60s);
        ASSERT_TRUE(wait.ok()) << "snmpsim of " << d.name << " did not come back on " << ip;
    }

    static inline std::unique_ptr<LabSite> lab_;
    static inline std::filesystem::path dir_;
    static inline std::string skip_;
    static inline std::string error_;
};

std::string describe(const std::vector<ChangeEvent>& events) {
    std::ostringstream out;
    for (const auto& e : events)
        out << "  " << e.kind << " device " << e.device_id << " " << e.old_value << " -> " << e.new_value
            << "\n";
    return out.str();
}

TEST_F(DossierLab, ChangesAreReportedExactlyAndCorrectionsStick) {
    const auto& truth = lab_->truth();
    const auto s1 = scan();
    ASSERT_GT(s1, 0);

    // The router answers on two addresses and is one record.
    const auto* router = truth.find("router");
    ASSERT_NE(router, nullptr);
    const auto rtr = by_mac(router->mac);
    ASSERT_TRUE(rtr.has_value());
    for (const auto& ip : router->ips) {
        EXPECT_EQ(Store::open_existing(dir_ / "nd.db").find_devices(ip), std::vector<std::int64_t>{rtr->id})
            << ip;
    }

    // Switch ports: every endpoint with a port in the truth, from the switch's per-VLAN MAC tables.
    std::ifstream truth_file(kRunRoot + "/" + lab_->prefix() + "/ground-truth.json");
    const auto raw = nlohmann::json::parse(truth_file);
    const auto* sw = truth.find("switch");
    ASSERT_NE(sw, nullptr);
    const auto sw_record = by_mac(sw->mac);
    ASSERT_TRUE(sw_record.has_value());
    int with_port = 0;
    for (const auto& d : raw["devices"]) {
        if (!d.contains("switch_port") || d["switch_port"].is_null()) continue;
        ++with_port;
        const auto rec = by_mac(d["mac"].get<std::string>());
        ASSERT_TRUE(rec.has_value()) << d["name"];
        ASSERT_TRUE(rec->attachment.has_value()) << d["name"] << " has no switch port";
        EXPECT_EQ(rec->attachment->port, d["switch_port"]["port"].get<std::string>()) << d["name"];
        EXPECT_EQ(rec->attachment->switch_device_id, sw_record->id) << d["name"];
        EXPECT_EQ(rec->attachment->vlan, d["switch_port"]["vlan"].get<std::uint32_t>()) << d["name"];
    }
    EXPECT_GE(with_port, 10);
    EXPECT_FALSE(by_mac(router->mac)->attachment.has_value()) << "the uplink is no access port";

    // An engineer's corrections: ws101 and ws102 are one device (say, a laptop and its dock); notes.
    const std::string db = " --db " + (dir_ / "nd.db").string();
    const auto merge = nd("merge" + db + " " + truth.find("ws101")->ip + " " + truth.find("ws102")->ip);
    ASSERT_TRUE(merge.ok()) << merge.err;
    const auto note = nd("annotate" + db + " " + truth.find("printer1")->ip +
                         " 'location=2nd floor, copy room' owner=Accounting");
    ASSERT_TRUE(note.ok()) << note.err;
    EXPECT_EQ(nd("annotate" + db + " " + truth.find("printer1")->ip + " colour=red").exit_code, 2);

    // Change the lab: unplug ws103, readdress printer2, new firmware string on the UPS.
    const auto* ws103 = truth.find("ws103");
    const auto* printer2 = truth.find("printer2");
    const auto* ups = truth.find("ups");
    ASSERT_TRUE(lab_->run_in(ws103->netns, "ip link set eth0 down").ok());
    const std::string new_ip = "198.18.1.33";
    ASSERT_TRUE(lab_->run_in(printer2->netns, "ip addr del " + printer2->ip + "/24 dev eth0 && ip addr add " +
                                                  new_ip +
                                                  "/24 dev eth0 && ip route add 198.18.2.0/24 via 198.18.1.1")
                    .ok());
    restart_snmpsim(*printer2, new_ip);
    const std::string ups_rec = kRunRoot + "/" + lab_->prefix() + "/dev/ups/data/public.snmprec";
    ASSERT_TRUE(
        run_command({"/bin/sh", "-c", "sed -i 's/01\\.16\\.4638/01.17.0002/g' " + ups_rec}, 10s).ok());
    restart_snmpsim(*ups, ups->ip);

    const auto s2 = scan();
    ASSERT_GT(s2, s1);
    const auto events = Store::open_existing(dir_ / "nd.db").events(s1);
    std::multiset<std::pair<std::string, std::int64_t>> got;
    for (const auto& e : events) got.insert({e.kind, e.device_id});
    const std::multiset<std::pair<std::string, std::int64_t>> expected{
        {"gone", by_mac(ws103->mac)->id},
        {"ip-changed", by_mac(printer2->mac)->id},
        {"firmware-changed", by_mac(ups->mac)->id}};
    EXPECT_EQ(got, expected) << "events of the rescan:\n" << describe(events);
    for (const auto& e : events) {
        if (e.kind == "ip-changed") {
            EXPECT_EQ(e.old_value, printer2->ip);
            EXPECT_EQ(e.new_value, new_ip);
        }
        if (e.kind == "firmware-changed") {
            EXPECT_NE(e.new_value.find("01.17.0002"), std::string::npos) << e.new_value;
        }
    }
    const auto text = nd("changes" + db);
    EXPECT_TRUE(text.ok()) << text.err;
    EXPECT_NE(text.out.find("Gone:"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("address changed from " + printer2->ip + " to " + new_ip), std::string::npos)
        << text.out;

    // Every rescan leaves the engineer's work as it was: the merge (one record, same id) and the notes.
    const auto ws101_id = by_mac(truth.find("ws101")->mac)->id;
    const std::map<std::string, std::string> notes{{"location", "2nd floor, copy room"},
                                                   {"owner", "Accounting"}};
    auto corrections_hold = [&](int rescan) {
        const auto ws101 = by_mac(truth.find("ws101")->mac);
        const auto ws102 = by_mac(truth.find("ws102")->mac);
        ASSERT_TRUE(ws101 && ws102) << "rescan " << rescan;
        EXPECT_EQ(ws101->id, ws101_id) << "rescan " << rescan;
        EXPECT_EQ(ws102->id, ws101_id) << "the engineer's merge did not survive rescan " << rescan;
        const auto p1 = by_mac(truth.find("printer1")->mac);
        ASSERT_TRUE(p1.has_value()) << "rescan " << rescan;
        EXPECT_EQ(p1->annotations, notes) << "rescan " << rescan;
    };
    corrections_hold(1);

    // Nine rescans without changes (ten in all): no change events at all, corrections hold after each.
    // The first is a full scan; the others skip the mDNS/TCP stages (see scan()).
    std::int64_t previous = s2;
    for (int rescan = 2; rescan <= 10; ++rescan) {
        const auto next = scan(rescan > 2);
        ASSERT_GT(next, previous) << "rescan " << rescan;
        EXPECT_EQ(describe(Store::open_existing(dir_ / "nd.db").events(previous)), "")
            << "rescan " << rescan << " of an unchanged site reported changes";
        corrections_hold(rescan);
        if (HasFatalFailure()) return;
        previous = next;
    }

    // `explain` tells why the merged record is one device: the engineer's merge, in words.
    const auto why = nd("explain" + db + " " + std::to_string(ws101_id));
    ASSERT_TRUE(why.ok()) << why.err;
    EXPECT_NE(why.out.find("identity decisions:"), std::string::npos) << why.out;
    EXPECT_NE(why.out.find("An engineer merged device "), std::string::npos) << why.out;
    EXPECT_NE(why.out.find("New record in scan " + std::to_string(s1)), std::string::npos) << why.out;
}

// Explain's identity section from a store built through the Store API (no lab needed): an automatic
// merge by a shared serial, an engineer's merge and split, and a merge the split then refuses.
Observation sighting(std::int64_t scan, const std::string& mac, const std::string& ip,
                     const std::string& serial = "") {
    Observation o;
    o.source = serial.empty() ? "arp" : "snmp";
    o.time = Clock::now();
    o.scan_id = scan;
    o.evidence.mac = MacAddress::parse(mac);
    o.evidence.ips = {*Ipv4Address::parse(ip)};
    if (!serial.empty()) {
        o.evidence.snmp[*Oid::parse("1.3.6.1.2.1.43.5.1.1.17.1")] =
            SnmpValue{SnmpType::kOctetString, serial, 0};
    }
    return o;
}

TEST(ExplainIdentity, TellsWhyRecordsWereMergedAndKeptApart) {
    const auto dir = std::filesystem::temp_directory_path() / ("nd-explain-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "nd.db";
    std::int64_t a = 0, b = 0, c = 0, d = 0, split_off = 0;
    {
        auto store = Store::open(path);
        const auto s1 = store.begin_scan({"198.18.1.0/24"});
        a = store.record(sighting(s1, "00:1b:a9:00:00:01", "198.18.1.10"));
        b = store.record(sighting(s1, "00:1b:a9:00:00:02", "198.18.1.11"));
        c = store.record(sighting(s1, "00:1b:a9:00:00:03", "198.18.1.12"));
        d = store.record(sighting(s1, "00:1b:a9:00:00:04", "198.18.1.13"));
        store.finish_scan(s1, 4);
        ASSERT_EQ((std::set<std::int64_t>{a, b, c, d}).size(), 4U);
        // The printer's two interfaces report one serial: the store merges them.
        const auto s2 = store.begin_scan({"198.18.1.0/24"});
        store.record(sighting(s2, "00:1b:a9:00:00:01", "198.18.1.10", "E73456789"));
        EXPECT_EQ(store.record(sighting(s2, "00:1b:a9:00:00:02", "198.18.1.11", "E73456789")), a);
        store.finish_scan(s2, 2);
        store.merge(c, d, "laptop and its dock");
        split_off = store.split(a, {"00:1b:a9:00:00:02"}, "two printers after all");
        // The serial still ties them, but the engineer's split keeps them apart.
        const auto s3 = store.begin_scan({"198.18.1.0/24"});
        store.record(sighting(s3, "00:1b:a9:00:00:01", "198.18.1.10", "E73456789"));
        store.record(sighting(s3, "00:1b:a9:00:00:02", "198.18.1.11", "E73456789"));
        store.finish_scan(s3, 2);
    }
    auto explain = [&](std::int64_t id) {
        const auto r = run_command(
            {std::string(NETDOSSIER_BINARY), "explain", "--db", path.string(), std::to_string(id)}, 30s);
        EXPECT_TRUE(r.ok()) << r.err;
        return r.out;
    };
    const auto printer = explain(a);
    EXPECT_NE(printer.find("identity decisions:"), std::string::npos) << printer;
    EXPECT_NE(printer.find("New record in scan 1: no stored device holds mac 00:1b:a9:00:00:01"),
              std::string::npos)
        << printer;
    EXPECT_NE(
        printer.find("Device " + std::to_string(b) + " was merged into this one in scan 2: the same device:"),
        std::string::npos)
        << printer;
    EXPECT_NE(printer.find("serial E73456789"), std::string::npos) << printer;
    EXPECT_NE(
        printer.find("An engineer split it (netdossier split: mac 00:1b:a9:00:00:02 moved to new device " +
                     std::to_string(split_off)),
        std::string::npos)
        << printer;
    EXPECT_NE(printer.find("Kept apart from device " + std::to_string(split_off)), std::string::npos)
        << printer;

    const auto other = explain(split_off);
    EXPECT_NE(other.find("An engineer split it (netdossier split: mac 00:1b:a9:00:00:02 split off device " +
                         std::to_string(a) + " (two printers after all))"),
              std::string::npos)
        << other;

    const auto laptop = explain(c);
    EXPECT_NE(laptop.find("An engineer merged device " + std::to_string(d) +
                          " into this one (netdossier merge: laptop and its dock)"),
              std::string::npos)
        << laptop;
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

}  // namespace
}  // namespace nd::lab
