// SNMP secrets end to end in the small lab: scans with a community on the command line, with a
// community file, and with a v3 user from the config (passphrase inline and from the environment)
// against a real snmpd holding non-default secrets. No secret may show up in the store file (raw
// bytes, with its -wal/-shm), in the scan's output (verbose), in any export format or in `explain`;
// the device still remembers by name which credential worked.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/lab_fixture.hpp"

namespace nd::lab {
namespace {

namespace fs = std::filesystem;

constexpr std::uint16_t kPort = 1161;  // beside the lab server's own snmpd on 161
const std::string kCliCommunity = "Cli-Secret-7Qx9";
const std::string kFileCommunity = "File-Secret-4Kp2";
const std::string kWrongCommunity = "Wrong-Secret-8Zm1";
const std::string kAuthPass = "Auth-Secret-3Vb6";
const std::string kPrivPass = "Priv-Secret-5Nd0";
const std::vector<std::string> kSecrets = {kCliCommunity, kFileCommunity, kWrongCommunity, kAuthPass,
                                           kPrivPass};

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_private(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
}

class SnmpSecretsLabTest : public SmallLabTest {
protected:
    void SetUp() override {
        SmallLabTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        const LabDevice* server = nullptr;
        for (const auto& d : lab().truth().devices)
            if (d.snmp && d.snmp->agent == "net-snmp") server = &d;
        ASSERT_NE(server, nullptr) << "the small lab has no net-snmp agent";
        ip_ = server->ip;
        netns_ = server->netns;
        dir_ = fs::temp_directory_path() / (lab().prefix() + "-secrets");
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "persist");
        write_private(dir_ / "snmpd.conf",
                      "agentAddress udp:" + ip_ + ":" + std::to_string(kPort) +
                          "\n"
                          "view v included .1.3.6.1.2.1.1\nview v included .1.3.6.1.2.1.2\n"
                          "rocommunity " +
                          kCliCommunity + " default -V v\nrocommunity " + kFileCommunity +
                          " default -V v\ncreateUser ndsecret SHA-256 \"" + kAuthPass + "\" AES \"" +
                          kPrivPass + "\"\nrouser ndsecret priv -V v\nsysName srv-secrets\nmaster no\n");
        const auto r = lab().run_in(netns_, "SNMP_PERSISTENT_DIR=" + (dir_ / "persist").string() +
                                                " MIBS= snmpd -C -c " + (dir_ / "snmpd.conf").string() +
                                                " -Lf " + (dir_ / "snmpd.log").string() + " -p " +
                                                (dir_ / "snmpd.pid").string() + " -I -smux");
        ASSERT_TRUE(r.ok()) << r.err << r.out << read_bytes(dir_ / "snmpd.log");
        for (int i = 0; i < 50 && read_bytes(dir_ / "snmpd.pid").empty(); ++i)
            std::this_thread::sleep_for(100ms);
        pid_ = std::atoi(read_bytes(dir_ / "snmpd.pid").c_str());
        ASSERT_GT(pid_, 0) << read_bytes(dir_ / "snmpd.log");
    }
    void TearDown() override {
        // The agent holds its port until it has exited: wait for that (5 s at most), or the next test's agent
        // cannot bind it.
        if (pid_ > 0) {
            const auto pid = std::to_string(pid_);
            lab().run_in(netns_, "kill " + pid + "; for i in $(seq 50); do kill -0 " + pid +
                                     " 2>/dev/null || break; sleep 0.1; done");
        }
        std::error_code ec;
        if (!dir_.empty()) fs::remove_all(dir_, ec);
    }

    fs::path config(const std::string& name, const std::string& snmp_extra) {
        const fs::path file = dir_ / (name + ".toml");
        write_private(file, "[store]\npath = \"" + (dir_ / (name + ".db")).string() + "\"\n[snmp]\nport = " +
                                std::to_string(kPort) + "\ntimeout_ms = 500\nretries = 0\n" + snmp_extra);
        return file;
    }
    CommandResult nd(const std::string& args) {
        return run_command({"/bin/sh", "-c", std::string(NETDOSSIER_BINARY) + " " + args}, 60s);
    }
    // Scans the server only, then checks every place a secret could leak and that the store names
    // `credential` as the one that worked.
    void scan_and_check(const std::string& name, const std::string& env, const std::string& flags,
                        const std::string& credential) {
        const fs::path db = dir_ / (name + ".db");
        const auto scan = lab().run_in_scanner(env + " " + std::string(NETDOSSIER_BINARY) +
                                                   " -v scan --config " + (dir_ / (name + ".toml")).string() +
                                                   " --target " + ip_ + "/32 --stages snmp " + flags,
                                               120s);
        ASSERT_TRUE(scan.ok()) << scan.err << scan.out;
        std::vector<std::pair<std::string, std::string>> places = {{"scan stdout", scan.out},
                                                                   {"scan stderr (-v)", scan.err}};
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            const fs::path f = db.string() + suffix;
            if (fs::exists(f)) places.emplace_back("store file " + f.filename().string(), read_bytes(f));
        }
        for (const char* format : {"json", "md", "html", "csv", "dot"}) {
            const auto e = nd("export --db " + db.string() + " --format " + format + " --out -");
            EXPECT_TRUE(e.ok()) << format << ": " << e.err;
            places.emplace_back(std::string("export ") + format, e.out + e.err);
        }
        const auto explain = nd("-v explain --db " + db.string() + " " + ip_);
        EXPECT_TRUE(explain.ok()) << explain.err;
        places.emplace_back("explain", explain.out + explain.err);
        for (const auto& [where, text] : places) {
            for (const auto& secret : kSecrets) {
                EXPECT_EQ(text.find(secret), std::string::npos) << name << ": secret leaked into " << where;
            }
        }
        // Remembered by name: the JSON export names the credential that worked, and the device is
        // the one this snmpd describes.
        const std::string json = places[places.size() - 6].second;
        EXPECT_NE(json.find("\"snmp_credential\""), std::string::npos) << json;
        EXPECT_NE(json.find("\"" + credential + "\""), std::string::npos) << name << ": " << json;
        EXPECT_NE(json.find("srv-secrets"), std::string::npos) << name << ": " << json;
        // The store holds the name (the only credential trace in it).
        EXPECT_NE((read_bytes(db) + read_bytes(db.string() + "-wal")).find(credential), std::string::npos)
            << name;
    }

    std::string ip_;
    std::string netns_;
    fs::path dir_;
    int pid_ = 0;
};

TEST_F(SnmpSecretsLabTest, CommunitiesOnTheCommandLineNeverReachStoreLogsOrExports) {
    config("cli", "");
    scan_and_check("cli", "", "--community " + kWrongCommunity + " --community " + kCliCommunity,
                   "community-2");
}

TEST_F(SnmpSecretsLabTest, CommunityFileKeepsSecretsOffTheCommandLine) {
    config("file", "");
    write_private(dir_ / "communities",
                  "# site communities\nwrong-ro=" + kWrongCommunity + "\nsite-ro=" + kFileCommunity + "\n");
    const std::string flags = "--community-file " + (dir_ / "communities").string();
    for (const auto& secret : kSecrets) ASSERT_EQ(flags.find(secret), std::string::npos);  // argv is clean
    scan_and_check("file", "", flags, "site-ro");
    // A missing file is a clear error naming it, not a scan with no credentials.
    const auto missing = lab().run_in_scanner(std::string(NETDOSSIER_BINARY) + " scan --config " +
                                              (dir_ / "file.toml").string() + " --target " + ip_ +
                                              "/32 --community-file " + (dir_ / "nope").string());
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("--community-file: cannot read community file " + (dir_ / "nope").string()),
              std::string::npos)
        << missing.err;
}

TEST_F(SnmpSecretsLabTest, V3UserFromTheConfigNeverReachesStoreLogsOrExports) {
    config("v3", "[[snmp.credentials]]\nname = \"wrong-ro\"\nversion = \"2c\"\ncommunity = \"" +
                     kWrongCommunity +
                     "\"\n[[snmp.credentials]]\nname = \"core-v3\"\nversion = \"3\"\nuser = \"ndsecret\"\n"
                     "security_level = \"authPriv\"\nauth_protocol = \"SHA-256\"\nauth_pass = \"" +
                     kAuthPass + "\"\npriv_protocol = \"AES\"\npriv_pass_env = \"ND_TEST_PRIV_PASS\"\n");
    scan_and_check("v3", "ND_TEST_PRIV_PASS=" + kPrivPass, "", "core-v3");
}

}  // namespace
}  // namespace nd::lab
