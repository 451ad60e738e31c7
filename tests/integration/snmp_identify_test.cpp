// `netdossier identify --from-walk` end to end: one JSON device object per line, in the order
// given, with "source"; an unreadable file gives an "error" object and the others still work.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
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

}  // namespace
