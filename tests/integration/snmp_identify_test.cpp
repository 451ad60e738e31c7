// `netdossier identify --from-walk` end to end: one JSON device object per line, in the order
// given, with "source"; an unreadable file gives an "error" object and the others still work.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

namespace fs = std::filesystem;
const fs::path kSnmprec = fs::path(NETDOSSIER_CORPUS_DIR) / "librenms-dev" / "snmprec";

struct CliRun {
    int status = -1;
    std::vector<std::string> lines;
};

CliRun run(const std::string& args) {
    CliRun r;
    const std::string cmd = std::string(NETDOSSIER_BINARY) + " -q " + args + " 2>/dev/null";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (pipe == nullptr) return r;
    std::array<char, 65536> buffer{};
    std::string out;
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
    r.status = ::pclose(pipe);
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) r.lines.push_back(line);
    return r;
}

TEST(SnmpIdentify, FromWalkJsonOneObjectPerFileInOrder) {
    const fs::path broken = fs::temp_directory_path() / "nd-identify-broken.snmprec";
    { std::ofstream(broken) << "this is not a walk\n"; }
    const std::string a = (kSnmprec / "ricoh_mpc3002.snmprec").string();
    const std::string b = (kSnmprec / "ios_2960x.snmprec").string();
    CliRun r =
        run("identify --json --from-walk " + a + " /nonexistent/x.snmprec " + broken.string() + " " + b);
    fs::remove(broken);
    ASSERT_EQ(r.lines.size(), 4U);
    EXPECT_NE(r.status, 0);  // some files failed

    auto printer = nlohmann::json::parse(r.lines[0]);
    EXPECT_EQ(printer["source"], a);
    EXPECT_EQ(printer["class"], "printer");
    EXPECT_EQ(printer["serial"], "W492KB03439");
    EXPECT_TRUE(printer["id"].is_null());
    EXPECT_TRUE(printer.contains("evidence"));
    EXPECT_FALSE(printer["evidence"].empty());
    EXPECT_GE(printer["snmp_facts"]["printer"]["supplies"].size(), 4U);

    auto missing = nlohmann::json::parse(r.lines[1]);
    EXPECT_EQ(missing["source"], "/nonexistent/x.snmprec");
    EXPECT_TRUE(missing["error"].is_string());

    auto garbage = nlohmann::json::parse(r.lines[2]);
    EXPECT_TRUE(garbage["error"].is_string());

    auto sw = nlohmann::json::parse(r.lines[3]);
    EXPECT_EQ(sw["source"], b);
    EXPECT_EQ(sw["class"], "switch");
    EXPECT_EQ(sw["snmp_facts"]["chassis"]["serial"], "FCW1929B68S");
    EXPECT_FALSE(sw["snmp_facts"]["mac_table"].empty());
    // Unknown values are null, never empty strings.
    for (const auto& [key, value] : sw.items()) {
        if (value.is_string()) {
            EXPECT_FALSE(value.template get<std::string>().empty()) << key;
        }
    }
}

TEST(SnmpIdentify, NeedsExactlyOneSource) {
    CliRun r = run("identify --json");
    EXPECT_NE(r.status, 0);
    EXPECT_TRUE(r.lines.empty());
}

TEST(SnmpIdentify, V3SecretNeverOnTheCommandLine) {
    // Without --auth-pass-file/--auth-pass-env (and no NETDOSSIER_SNMP_AUTH_PASS) v3 is refused before
    // any packet is sent.
    CliRun r = run("identify --snmp 127.0.0.1:9 --v3-user ops");
    EXPECT_NE(r.status, 0);
}

// Secrets never leave the process: not in stdout (the JSON device objects, evidence included),
// not in the debug log, for communities from the command line and v3 passphrases from a file and
// from the environment; wrong ones tried first must not show up either.
class IdentifySecretsTest : public ::testing::Test {
protected:
    static constexpr const char* kCommunity = "ndleak-Q7x9community";
    static constexpr const char* kWrongCommunity = "ndleak-Wr0ngcommunity";
    static constexpr const char* kAuthPass = "ndleak-auth-Pass-1";
    static constexpr const char* kPrivPass = "ndleak-priv-Pass-2";

    void SetUp() override {
        if (std::system("command -v snmpd >/dev/null 2>&1") != 0) GTEST_SKIP() << "snmpd not installed";
        port_ = static_cast<std::uint16_t>(37000 + ::getpid() % 8000);
        dir_ = fs::temp_directory_path() / ("nd-identify-secrets." + std::to_string(::getpid()));
        fs::create_directories(dir_ / "persist");
        std::ofstream(dir_ / "snmpd.conf")
            << "agentAddress udp:127.0.0.1:" << port_ << "\n"
            << "view v included .1.3.6.1.2.1.1\n"
            << "view v included .1.3.6.1.2.1.2\n"
            << "rocommunity " << kCommunity << " 127.0.0.1 -V v\n"
            << "createUser leakuser SHA-256 \"" << kAuthPass << "\" AES \"" << kPrivPass << "\"\n"
            << "rouser leakuser priv -V v\n"
            << "sysName nd-secrets-test\n";
        const std::string cmd = "SNMP_PERSISTENT_DIR=" + (dir_ / "persist").string() + " MIBS= snmpd -Lf " +
                                (dir_ / "log").string() + " -C -c " + (dir_ / "snmpd.conf").string() +
                                " -p " + (dir_ / "pid").string();
        if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "snmpd failed to start";
        for (int i = 0; i < 50 && !fs::exists(dir_ / "pid"); ++i) ::usleep(100000);
        std::ifstream(dir_ / "pid") >> pid_;
        ::usleep(300000);
    }
    void TearDown() override {
        if (pid_ > 0) ::kill(pid_, SIGTERM);
        for (int i = 0; i < 30 && pid_ > 0 && ::kill(pid_, 0) == 0; ++i) ::usleep(100000);
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    // stdout and stderr together, with debug logging on.
    static std::string run_all(const std::string& env, const std::string& args) {
        const std::string cmd = env + " " + std::string(NETDOSSIER_BINARY) + " -v " + args + " 2>&1";
        FILE* pipe = ::popen(cmd.c_str(), "r");
        if (pipe == nullptr) return {};
        std::array<char, 65536> buffer{};
        std::string out;
        while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
        ::pclose(pipe);
        return out;
    }

    std::uint16_t port_ = 0;
    pid_t pid_ = 0;
    fs::path dir_;
};

TEST_F(IdentifySecretsTest, CommunitiesNeverInOutputOrLog) {
    const std::string out = run_all("", "identify --json --snmp 127.0.0.1:" + std::to_string(port_) +
                                            " --timeout-ms 500 --retries 0 --community " + kWrongCommunity +
                                            " --community " + kCommunity);
    EXPECT_NE(out.find("nd-secrets-test"), std::string::npos) << out.substr(0, 2000);
    EXPECT_NE(out.find("community-2"), std::string::npos);  // remembered by name
    EXPECT_EQ(out.find(kCommunity), std::string::npos);
    EXPECT_EQ(out.find(kWrongCommunity), std::string::npos);
}

TEST_F(IdentifySecretsTest, CommunityFileNamesTheCredentialThatWorked) {
    const fs::path file = dir_ / "communities";
    std::ofstream(file) << "# tried in order\nold-ro=" << kWrongCommunity << "\nsite-ro=" << kCommunity
                        << "\n";
    const std::string out =
        run_all("", "identify --json --snmp 127.0.0.1:" + std::to_string(port_) +
                        " --timeout-ms 500 --retries 0 --community-file " + file.string());
    EXPECT_NE(out.find("nd-secrets-test"), std::string::npos) << out.substr(0, 2000);
    EXPECT_NE(out.find("\"snmp_credential\":\"site-ro\""), std::string::npos) << out.substr(0, 2000);
    EXPECT_EQ(out.find(kCommunity), std::string::npos);
    EXPECT_EQ(out.find(kWrongCommunity), std::string::npos);

    // A file without a community is refused (exit 2) with the path named, before any packet.
    const fs::path empty = dir_ / "empty";
    std::ofstream(empty) << "# nothing here\n";
    const int status = std::system((std::string(NETDOSSIER_BINARY) +
                                    " -q identify --snmp 127.0.0.1:" + std::to_string(port_) +
                                    " --community-file " + empty.string() + " >/dev/null 2>&1")
                                       .c_str());
    EXPECT_EQ(WEXITSTATUS(status), 2);
    const std::string refused = run_all(
        "", "identify --snmp 127.0.0.1:" + std::to_string(port_) + " --community-file " + empty.string());
    EXPECT_NE(refused.find("--community-file"), std::string::npos) << refused;
    EXPECT_NE(refused.find("holds no community"), std::string::npos) << refused;
}

TEST_F(IdentifySecretsTest, V3PassphrasesFromFileAndEnvironmentNeverInOutputOrLog) {
    const fs::path auth_file = dir_ / "auth.pass";
    std::ofstream(auth_file) << kAuthPass << "\n";
    const std::string out = run_all(
        std::string("NDLEAK_PRIV=") + kPrivPass,
        "identify --json --snmp 127.0.0.1:" + std::to_string(port_) +
            " --timeout-ms 500 --retries 0 --v3-user leakuser --auth-proto SHA-256 --auth-pass-file " +
            auth_file.string() + " --priv-proto AES --priv-pass-env NDLEAK_PRIV");
    EXPECT_NE(out.find("nd-secrets-test"), std::string::npos) << out.substr(0, 2000);
    EXPECT_EQ(out.find(kAuthPass), std::string::npos);
    EXPECT_EQ(out.find(kPrivPass), std::string::npos);
}

}  // namespace
