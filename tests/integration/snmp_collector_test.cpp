// The SNMP collector against real peers on 127.0.0.1: Debian's snmpsimd serving corpus recordings
// (facts checked against the recording files and their labels, not against guesses) and a real
// snmpd with v2c and v3 users (credential fallback, SHA/AES and SHA-256/AES-256).
#include "collectors/snmp/snmp_collector.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "collectors/snmp/snmp_decode.hpp"
#include "collectors/snmp/vlan_context.hpp"
#include "collectors/snmp/walk_file.hpp"

namespace nd {
namespace {

namespace fs = std::filesystem;
const fs::path kCorpus = fs::path(NETDOSSIER_CORPUS_DIR) / "librenms-dev";
const std::vector<std::string> kDevices = {"ios_2960x", "ricoh_mpc3002", "generex-ups_cs141",
                                           "linux_icecast"};

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

void stop_pid(pid_t pid) {
    if (pid <= 0) return;
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 50 && ::kill(pid, 0) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (::kill(pid, 0) == 0) ::kill(pid, SIGKILL);
}

pid_t read_pid(const fs::path& file) {
    std::ifstream in(file);
    pid_t pid = 0;
    in >> pid;
    return pid;
}

// The label line of one recording in labels.jsonl.
nlohmann::json label(const std::string& id) {
    std::ifstream in(kCorpus / "labels.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        if (j["id"] == id) return j;
    }
    return {};
}

// What the recording holds for the OIDs a walk with `plan` reads: the expected side.
SnmpWalk recorded(const std::string& id, const WalkPlan& plan) {
    fs::path file = kCorpus / "snmprec" / (id + ".snmprec");
    if (!fs::exists(file)) file += ".gz";
    SnmpWalk all = read_walk_file(file).walk;
    SnmpWalk out;
    for (const auto& [oid, value] : all) {
        for (const Oid& root : plan.subtrees) {
            if (oid.starts_with(root)) {
                out.emplace(oid, value);
                break;
            }
        }
    }
    return out;
}

SnmpOptions options(std::vector<SnmpCredential> credentials) {
    SnmpOptions o;
    o.credentials = std::move(credentials);
    o.timeout = std::chrono::milliseconds(3000);  // snmpsim is slow under load
    o.retries = 2;
    return o;
}

class SnmpSimTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!have("snmpsimd")) {
            skip_reason_ = "snmpsimd not installed (apt-get install snmpsim)";
            return;
        }
        port_ = static_cast<std::uint16_t>(21000 + ::getpid() % 8000);
        std::string cmd = "timeout 120 " + (kCorpus.parent_path() / "serve-snmprec.sh").string() + " " +
                          kCorpus.string() + " " + std::to_string(port_);
        for (const auto& d : kDevices) cmd += " " + d;
        cmd += " >/dev/null 2>&1";
        if (std::system(cmd.c_str()) != 0) {
            skip_reason_ = "serve-snmprec.sh failed";
            return;
        }
        pid_ = read_pid("/tmp/snmprec-serve." + std::to_string(port_) + "/pid");
    }
    static void TearDownTestSuite() {
        stop_pid(pid_);
        pid_ = 0;
        if (port_ != 0) fs::remove_all("/tmp/snmprec-serve." + std::to_string(port_));
    }
    void SetUp() override {
        if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    }
    // Walks one recording (community = its id) after a wrong community.
    SnmpHostResult walk(const std::string& id) {
        SnmpOptions o =
            options({community_credential("wrong", "not-" + id), community_credential("right", id)});
        o.max_vlan_contexts = 0;  // these recordings have no per-VLAN contexts (SnmpSimVlanTest has)
        SnmpCollector c(o);
        return c.walk_hosts({{"127.0.0.1", port_}})[0];
    }

    static inline std::uint16_t port_ = 0;
    static inline pid_t pid_ = 0;
    static inline std::string skip_reason_;
};

TEST_F(SnmpSimTest, CiscoSwitchEntityInterfacesAndMacTable) {
    const SnmpHostResult r = walk("ios_2960x");
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "right");
    EXPECT_TRUE(r.complete) << (r.warnings.empty() ? "" : r.warnings[0]);
    const SnmpWalk expected = recorded("ios_2960x", default_walk_plan());
    EXPECT_EQ(r.walk.size(), expected.size());

    // Chassis against LibreNMS's labels for this recording.
    const nlohmann::json chassis = label("ios_2960x")["expected_entity_chassis"][0];
    const auto entities = decode_entities(r.walk);
    const EntityFacts* main = main_chassis(entities);
    ASSERT_NE(main, nullptr);
    EXPECT_EQ(main->model, chassis["entPhysicalModelName"].get<std::string>());
    EXPECT_EQ(main->serial, chassis["entPhysicalSerialNum"].get<std::string>());
    EXPECT_EQ(main->hardware_revision, chassis["entPhysicalHardwareRev"].get<std::string>());
    EXPECT_EQ(main->firmware_revision, chassis["entPhysicalFirmwareRev"].get<std::string>());

    // Interfaces and the MAC table against the recording file itself.
    const auto live_ifs = decode_interfaces(r.walk);
    const auto file_ifs = decode_interfaces(expected);
    ASSERT_EQ(live_ifs.size(), file_ifs.size());
    ASSERT_GT(live_ifs.size(), 48U);
    for (std::size_t i = 0; i < live_ifs.size(); ++i) {
        EXPECT_EQ(live_ifs[i].name, file_ifs[i].name);
        EXPECT_EQ(live_ifs[i].mac, file_ifs[i].mac);
        EXPECT_EQ(live_ifs[i].speed_bps, file_ifs[i].speed_bps);
    }
    const BridgeFacts live_b = decode_bridge(r.walk);
    const BridgeFacts file_b = decode_bridge(expected);
    ASSERT_FALSE(live_b.fdb.empty());
    ASSERT_EQ(live_b.fdb.size(), file_b.fdb.size());
    for (std::size_t i = 0; i < live_b.fdb.size(); ++i) {
        EXPECT_EQ(live_b.fdb[i].mac, file_b.fdb[i].mac);
        EXPECT_EQ(live_b.fdb[i].if_index, file_b.fdb[i].if_index);
    }
    EXPECT_EQ(decode_cdp(r.walk).size(), decode_cdp(expected).size());
    EXPECT_FALSE(decode_cdp(r.walk).empty());
}

TEST_F(SnmpSimTest, PrinterSuppliesAndSerial) {
    const SnmpHostResult r = walk("ricoh_mpc3002");
    ASSERT_TRUE(r.answered) << r.error;
    const PrinterFacts live = decode_printer(r.walk);
    const PrinterFacts file = decode_printer(recorded("ricoh_mpc3002", default_walk_plan()));
    EXPECT_EQ(live.serial, label("ricoh_mpc3002")["expected"]["serial"].get<std::string>());
    ASSERT_EQ(live.supplies.size(), file.supplies.size());
    ASSERT_GE(live.supplies.size(), 4U);
    for (std::size_t i = 0; i < live.supplies.size(); ++i) {
        EXPECT_EQ(live.supplies[i].description, file.supplies[i].description);
        EXPECT_EQ(live.supplies[i].level, file.supplies[i].level);
        EXPECT_EQ(live.supplies[i].percent, file.supplies[i].percent);
    }
    EXPECT_EQ(live.page_count, file.page_count);
    EXPECT_TRUE(live.page_count.has_value());
}

TEST_F(SnmpSimTest, UpsBattery) {
    const SnmpHostResult r = walk("generex-ups_cs141");
    ASSERT_TRUE(r.answered) << r.error;
    const UpsFacts live = decode_ups(r.walk);
    const UpsFacts file = decode_ups(recorded("generex-ups_cs141", default_walk_plan()));
    const std::string hardware = label("generex-ups_cs141")["expected"]["hardware"].get<std::string>();
    EXPECT_NE(hardware.find(live.model), std::string::npos) << hardware << " vs " << live.model;
    EXPECT_NE(hardware.find(live.manufacturer), std::string::npos);
    ASSERT_TRUE(live.battery_status.has_value());
    EXPECT_EQ(live.battery_status, file.battery_status);
    EXPECT_EQ(live.charge_percent, file.charge_percent);
    EXPECT_EQ(live.minutes_remaining, file.minutes_remaining);
}

TEST_F(SnmpSimTest, LinuxHostResources) {
    const SnmpHostResult r = walk("linux_icecast");
    ASSERT_TRUE(r.answered) << r.error;
    const HostFacts live = decode_host_resources(r.walk);
    const HostFacts file = decode_host_resources(recorded("linux_icecast", default_walk_plan()));
    ASSERT_TRUE(live.memory_kib.has_value());
    EXPECT_EQ(live.memory_kib, file.memory_kib);
    EXPECT_EQ(live.storage.size(), file.storage.size());
    EXPECT_EQ(decode_system(r.walk).description,
              label("linux_icecast")["input"]["sysDescr"].get<std::string>());
}

TEST_F(SnmpSimTest, AllDevicesConcurrentlyFromOnePoller) {
    // One target per device: snmpsim tells them apart by community, so each gets its own collector run
    // in parallel threads here, while each run drives its own poller.
    std::vector<std::thread> threads;
    std::vector<SnmpHostResult> results(kDevices.size());
    for (std::size_t i = 0; i < kDevices.size(); ++i) {
        threads.emplace_back([&, i] { results[i] = walk(kDevices[i]); });
    }
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < kDevices.size(); ++i) {
        EXPECT_TRUE(results[i].answered) << kDevices[i] << ": " << results[i].error;
        EXPECT_EQ(results[i].walk.size(), recorded(kDevices[i], default_walk_plan()).size()) << kDevices[i];
    }
}

// A Cisco switch with per-VLAN bridge instances: snmpsimd serving ios_c3560 and its per-VLAN
// context recordings (community "ndvlan@N" -> file ndvlan@N.snmprec), two of them given learned
// MAC entries so each VLAN's own port map is exercised.
class SnmpSimVlanTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!have("snmpsimd")) {
            skip_reason_ = "snmpsimd not installed (apt-get install snmpsim)";
            return;
        }
        port_ = static_cast<std::uint16_t>(24000 + ::getpid() % 6000);
        dir_ = fs::temp_directory_path() / ("nd-snmpsim-vlan." + std::to_string(::getpid()));
        fs::create_directories(dir_ / "data");
        fs::create_directories(dir_ / "cache");
        const fs::path rec = kCorpus / "snmprec";
        fs::copy_file(rec / "ios_c3560.snmprec", dir_ / "data" / "ndvlan.snmprec");
        for (const auto& entry : fs::directory_iterator(rec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("ios_c3560@", 0) != 0) continue;
            fs::copy_file(entry.path(), dir_ / "data" / ("ndvlan" + name.substr(9)));
        }
        // Learned entries behind VLAN 10's bridge port 35 and VLAN 20's port 21 (OID order kept).
        std::ofstream(dir_ / "data" / "ndvlan@10.snmprec", std::ios::app)
            << "1.3.6.1.2.1.17.4.3.1.1.0.27.169.11.167.82|4x|001ba90ba752\n"
            << "1.3.6.1.2.1.17.4.3.1.2.0.27.169.11.167.82|2|35\n"
            << "1.3.6.1.2.1.17.4.3.1.3.0.27.169.11.167.82|2|3\n";
        std::ofstream(dir_ / "data" / "ndvlan@20.snmprec", std::ios::app)
            << "1.3.6.1.2.1.17.4.3.1.1.20.203.25.149.46.160|4x|14cb19952ea0\n"
            << "1.3.6.1.2.1.17.4.3.1.2.20.203.25.149.46.160|2|21\n"
            << "1.3.6.1.2.1.17.4.3.1.3.20.203.25.149.46.160|2|3\n";
        const std::string cmd = "snmpsimd --data-dir=" + (dir_ / "data").string() +
                                " --cache-dir=" + (dir_ / "cache").string() +
                                " --agent-udpv4-endpoint=127.0.0.1:" + std::to_string(port_) +
                                (::getuid() == 0 ? " --process-user=nobody --process-group=nogroup" : "") +
                                " --logging-method=file:" + (dir_ / "log").string() +
                                " >/dev/null 2>&1 & echo $! > " + (dir_ / "pid").string();
        if (::getuid() == 0) std::system(("chown -R nobody:nogroup " + dir_.string()).c_str());
        if (std::system(cmd.c_str()) != 0) {
            skip_reason_ = "snmpsimd failed to start";
            return;
        }
        pid_ = read_pid(dir_ / "pid");
        for (int i = 0; i < 600; ++i) {  // snmpsimd indexes the recordings first
            std::ifstream log(dir_ / "log");
            std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
            if (text.find("Listening at UDP/IPv4 endpoint") != std::string::npos) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        skip_reason_ = "snmpsimd did not come up";
    }
    static void TearDownTestSuite() {
        stop_pid(pid_);
        pid_ = 0;
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    void SetUp() override {
        if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    }
    // What the recordings hold, arranged as the collector keeps it.
    static SnmpWalk expected() {
        SnmpWalk w = recorded("ios_c3560", default_walk_plan());
        const WalkPlan plan = vlan_walk_plan();
        for (const std::uint32_t vlan : vlans_needing_context_walk(w, 64)) {
            const fs::path file = dir_ / "data" / ("ndvlan@" + std::to_string(vlan) + ".snmprec");
            if (!fs::exists(file)) continue;
            SnmpWalk context;
            for (const auto& [o, v] : read_walk_file(file).walk)
                for (const Oid& root : plan.subtrees)
                    if (o.starts_with(root)) context.emplace(o, v);
            embed_vlan_walk(w, vlan, context);
        }
        return w;
    }

    static inline std::uint16_t port_ = 0;
    static inline pid_t pid_ = 0;
    static inline fs::path dir_;
    static inline std::string skip_reason_;
};

TEST_F(SnmpSimVlanTest, MacTablesOfEveryVlanWithTheirOwnPortMaps) {
    SnmpOptions o = options({community_credential("switch-ro", "ndvlan")});
    o.timeout = std::chrono::milliseconds(1500);
    o.retries = 0;
    const auto start = std::chrono::steady_clock::now();
    const SnmpHostResult r = SnmpCollector(o).walk_hosts({{"127.0.0.1", port_}})[0];
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "switch-ro");

    const SnmpWalk want = expected();
    const auto live_vlans = vlan_walks(r.walk);
    const auto file_vlans = vlan_walks(want);
    EXPECT_EQ(live_vlans.size(), 14U);  // every recorded context; VLAN 3 has none
    for (const auto& [vlan, walk] : file_vlans) {
        ASSERT_TRUE(live_vlans.contains(vlan)) << "VLAN " << vlan;
        EXPECT_EQ(live_vlans.at(vlan).size(), walk.size()) << "VLAN " << vlan;
    }
    bool vlan3_warned = false;
    for (const auto& w : r.warnings) {
        vlan3_warned = vlan3_warned || w.rfind("VLAN 3: MAC table not read", 0) == 0;
        EXPECT_EQ(w.find("ndvlan@"), std::string::npos) << "community leaked: " << w;
    }
    EXPECT_TRUE(vlan3_warned);

    const BridgeFacts live = decode_bridge(r.walk);
    const BridgeFacts file = decode_bridge(want);
    ASSERT_EQ(live.fdb.size(), 2U);
    ASSERT_EQ(live.fdb.size(), file.fdb.size());
    for (std::size_t i = 0; i < live.fdb.size(); ++i) {
        EXPECT_EQ(live.fdb[i].mac, file.fdb[i].mac);
        EXPECT_EQ(live.fdb[i].vlan, file.fdb[i].vlan);
        EXPECT_EQ(live.fdb[i].if_index, file.fdb[i].if_index);
    }
    EXPECT_EQ(live.fdb[0].mac.to_string(), "00:1b:a9:0b:a7:52");
    EXPECT_EQ(live.fdb[0].vlan, 10U);
    EXPECT_EQ(live.fdb[0].if_index, 10031U);  // ndvlan@10: bridge port 35 -> ifIndex 10031
    EXPECT_EQ(live.fdb[1].vlan, 20U);
    EXPECT_EQ(live.fdb[1].if_index, 10019U);  // ndvlan@20: bridge port 21 -> ifIndex 10019
    // VLAN names from CISCO-VTP-MIB.
    bool named = false;
    for (const auto& v : live.vlans) named = named || (v.id == 10 && v.name == "DC-A-Private");
    EXPECT_TRUE(named);
}

// A real snmpd on 127.0.0.1 with a generated config: v2c community and two v3 users.
class SnmpdTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!have("snmpd")) {
            skip_reason_ = "snmpd not installed";
            return;
        }
        port_ = static_cast<std::uint16_t>(30000 + ::getpid() % 8000);
        dir_ = fs::temp_directory_path() / ("nd-snmpd-test." + std::to_string(::getpid()));
        fs::create_directories(dir_ / "persist");
        std::ofstream conf(dir_ / "snmpd.conf");
        conf << "agentAddress udp:127.0.0.1:" << port_ << "\n"
             << "view ndview included .1.3.6.1.2.1\n"
             << "view ndview excluded .1.3.6.1.2.1.25.4\n"  // no process or package lists
             << "view ndview excluded .1.3.6.1.2.1.25.6\n"
             << "rocommunity ndtest 127.0.0.1 -V ndview\n"
             << "createUser ndv3user SHA \"authpass123\" AES \"privpass123\"\n"
             << "createUser ndsha2 SHA-256 \"authpass456\" AES-256 \"privpass456\"\n"
             << "createUser ndauth SHA-512 \"authpass789\"\n"
             << "createUser ndshaauth SHA \"authpass321\"\n"
             << "rouser ndauth auth -V ndview\n"
             << "rouser ndshaauth auth -V ndview\n"
             << "rouser ndv3user priv -V ndview\n"
             << "rouser ndsha2 priv -V ndview\n"
             << "sysName nd-snmpd-test\nsysLocation lab-rack-7\n";
        conf.close();
        const std::string cmd = "SNMP_PERSISTENT_DIR=" + (dir_ / "persist").string() + " MIBS= snmpd -Lf " +
                                (dir_ / "log").string() + " -C -c " + (dir_ / "snmpd.conf").string() +
                                " -p " + (dir_ / "pid").string();
        if (std::system(cmd.c_str()) != 0) {
            skip_reason_ = "snmpd failed to start";
            return;
        }
        for (int i = 0; i < 50 && !fs::exists(dir_ / "pid"); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        pid_ = read_pid(dir_ / "pid");
        if (pid_ <= 0) skip_reason_ = "snmpd wrote no pid";
    }
    static void TearDownTestSuite() {
        stop_pid(pid_);
        pid_ = 0;
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    void SetUp() override {
        if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    }
    static SnmpCredential v3(std::string name, std::string user, SnmpAuthProtocol a, std::string apass,
                             SnmpPrivProtocol p, std::string ppass) {
        SnmpCredential c;
        c.name = std::move(name);
        c.version = SnmpVersion::kV3;
        c.user = std::move(user);
        c.level = SnmpSecurityLevel::kAuthPriv;
        c.auth_protocol = a;
        c.auth_passphrase = Secret(std::move(apass));
        c.priv_protocol = p;
        c.priv_passphrase = Secret(std::move(ppass));
        return c;
    }
    SnmpHostResult walk(std::vector<SnmpCredential> creds) {
        SnmpOptions o = options(std::move(creds));
        o.timeout = std::chrono::milliseconds(500);
        o.retries = 0;
        return SnmpCollector(o).walk_hosts({{"127.0.0.1", port_}})[0];
    }

    static inline std::uint16_t port_ = 0;
    static inline pid_t pid_ = 0;
    static inline fs::path dir_;
    static inline std::string skip_reason_;
};

TEST_F(SnmpdTest, V2cCommunity) {
    auto r = walk({community_credential("site-ro", "ndtest")});
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "site-ro");
    EXPECT_EQ(decode_system(r.walk).name, "nd-snmpd-test");
    EXPECT_EQ(decode_system(r.walk).location, "lab-rack-7");
    EXPECT_FALSE(decode_interfaces(r.walk).empty());
    EXPECT_TRUE(decode_host_resources(r.walk).memory_kib.has_value());
}

TEST_F(SnmpdTest, V3AuthPrivShaAesAfterWrongCredentials) {
    auto r = walk({community_credential("wrong-community", "public"),
                   v3("wrong-pass", "ndv3user", SnmpAuthProtocol::kSha, "not-the-pass",
                      SnmpPrivProtocol::kAes, "privpass123"),
                   v3("core-v3", "ndv3user", SnmpAuthProtocol::kSha, "authpass123", SnmpPrivProtocol::kAes,
                      "privpass123")});
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "core-v3");
    EXPECT_EQ(decode_system(r.walk).name, "nd-snmpd-test");
    EXPECT_TRUE(r.complete);
    // The observation remembers the credential by name only.
    const Observation o = to_observation(r, 1);
    EXPECT_EQ(o.evidence.snmp_credential, "core-v3");
}

TEST_F(SnmpdTest, V3Sha256Aes256) {
    auto r = walk({v3("sha2", "ndsha2", SnmpAuthProtocol::kSha256, "authpass456", SnmpPrivProtocol::kAes256,
                      "privpass456")});
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "sha2");
    EXPECT_FALSE(decode_interfaces(r.walk).empty());
}

TEST_F(SnmpdTest, V3AuthNoPrivShaAndSha512) {
    SnmpCredential sha =
        v3("auth-sha", "ndshaauth", SnmpAuthProtocol::kSha, "authpass321", SnmpPrivProtocol::kAes, "");
    sha.level = SnmpSecurityLevel::kAuthNoPriv;
    auto r = walk({sha});
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "auth-sha");
    EXPECT_EQ(decode_system(r.walk).name, "nd-snmpd-test");

    SnmpCredential sha512 =
        v3("auth-sha512", "ndauth", SnmpAuthProtocol::kSha512, "authpass789", SnmpPrivProtocol::kAes, "");
    sha512.level = SnmpSecurityLevel::kAuthNoPriv;
    SnmpCredential wrong = sha512;
    wrong.name = "auth-wrong";
    wrong.auth_passphrase = Secret("not-authpass789");
    r = walk({wrong, sha512});
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "auth-sha512");
    EXPECT_TRUE(r.complete);
    EXPECT_FALSE(decode_interfaces(r.walk).empty());
}

TEST_F(SnmpdTest, SilentV3HostDoesNotHoldUpTheAnsweringOne) {
    // A bound UDP socket that never answers, walked with snmpd by one collector: engine-ID
    // discovery of the silent host runs in the poller, so snmpd's walk completes meanwhile.
    const int silent = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(silent, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ::getsockname(silent, reinterpret_cast<sockaddr*>(&addr), &len);
    const std::uint16_t silent_port = ntohs(addr.sin_port);

    SnmpOptions o = options({v3("core-v3", "ndv3user", SnmpAuthProtocol::kSha, "authpass123",
                                SnmpPrivProtocol::kAes, "privpass123")});
    o.timeout = std::chrono::milliseconds(1500);
    o.retries = 1;
    std::map<std::uint16_t, std::chrono::steady_clock::duration> done_at;
    const auto start = std::chrono::steady_clock::now();
    auto results = SnmpCollector(o).walk_hosts(
        {{"127.0.0.1", silent_port}, {"127.0.0.1", port_}},
        [&](const SnmpHostResult& r) { done_at[r.target.port] = std::chrono::steady_clock::now() - start; });
    ::close(silent);
    ASSERT_TRUE(results[1].answered) << results[1].error;
    EXPECT_EQ(decode_system(results[1].walk).name, "nd-snmpd-test");
    EXPECT_FALSE(results[0].answered);
    EXPECT_LT(done_at[port_], std::chrono::milliseconds(1500));        // not after the silent host's timeouts
    EXPECT_GE(done_at[silent_port], std::chrono::milliseconds(2900));  // 2 x 1.5 s
    EXPECT_LT(done_at[silent_port], std::chrono::milliseconds(4500));
}

TEST_F(SnmpdTest, NoWorkingCredentialNamesWhatWasTried) {
    auto r = walk({community_credential("a", "nope"), v3("b", "nobody", SnmpAuthProtocol::kSha, "whatever123",
                                                         SnmpPrivProtocol::kAes, "whatever123")});
    EXPECT_FALSE(r.answered);
    EXPECT_EQ(r.error, "no answer with any credential (tried a, b)");
}

}  // namespace
}  // namespace nd
