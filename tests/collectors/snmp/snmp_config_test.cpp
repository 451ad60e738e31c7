#include "collectors/snmp/snmp_config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "model/config_error.hpp"

namespace nd {
namespace {

SnmpOptions parse(std::string_view text) {
    toml::table root = toml::parse(text);
    return parse_snmp_options(*root["snmp"].as_table(), "site.toml");
}

std::string error_of(std::string_view text) {
    try {
        parse(text);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "no error";
}

TEST(SnmpConfig, DefaultsWhenSectionEmpty) {
    SnmpOptions o = parse("[snmp]\n");
    EXPECT_EQ(o, SnmpOptions{});
    EXPECT_LE(o.bulk_repetitions, 10);
    EXPECT_TRUE(o.credentials.empty());
}

TEST(SnmpConfig, ParsesLimitsAndCredentialsInOrder) {
    SnmpOptions o = parse(R"(
[snmp]
timeout_ms = 500
retries = 2
max_repetitions = 8
max_varbinds_per_request = 1
max_concurrent_hosts = 200
max_oids_per_table = 1000
max_oids_per_device = 5000
max_value_size = 1024
max_walk_seconds = 30
[[snmp.credentials]]
name = "office-ro"
version = "2c"
community = "s3cret-community"
[[snmp.credentials]]
name = "core-v3"
version = "3"
user = "ops"
auth_protocol = "SHA-256"
auth_pass = "authpass123"
priv_protocol = "aes"
priv_pass = "privpass123"
)");
    EXPECT_EQ(o.timeout, std::chrono::milliseconds(500));
    EXPECT_EQ(o.retries, 2);
    EXPECT_EQ(o.bulk_repetitions, 8);
    EXPECT_EQ(o.bulk_varbinds, 1);
    EXPECT_EQ(o.max_concurrent_hosts, 200);
    EXPECT_EQ(o.limits.max_oids_per_table, 1000U);
    EXPECT_EQ(o.limits.max_oids_per_device, 5000U);
    EXPECT_EQ(o.limits.max_value_size, 1024U);
    EXPECT_EQ(o.limits.max_walk_time, std::chrono::seconds(30));
    ASSERT_EQ(o.credentials.size(), 2U);
    EXPECT_EQ(o.credentials[0].name, "office-ro");
    EXPECT_EQ(o.credentials[0].community.reveal(), "s3cret-community");
    const SnmpCredential& v3 = o.credentials[1];
    EXPECT_EQ(v3.version, SnmpVersion::kV3);
    EXPECT_EQ(v3.user, "ops");
    EXPECT_EQ(v3.level, SnmpSecurityLevel::kAuthPriv);  // inferred from the passphrases
    EXPECT_EQ(v3.auth_protocol, SnmpAuthProtocol::kSha256);
    EXPECT_EQ(v3.priv_protocol, SnmpPrivProtocol::kAes);
    EXPECT_EQ(v3.auth_passphrase.reveal(), "authpass123");
}

TEST(SnmpConfig, NeverPrintsSecrets) {
    SnmpOptions o = parse(R"(
[snmp]
[[snmp.credentials]]
name = "a"
community = "topsecretcommunity"
[[snmp.credentials]]
name = "b"
version = "3"
user = "ops"
security_level = "authPriv"
auth_pass = "authsecret99"
priv_pass = "privsecret99"
)");
    const std::string text = to_string(o);
    EXPECT_EQ(text.find("topsecretcommunity"), std::string::npos) << text;
    EXPECT_EQ(text.find("authsecret99"), std::string::npos) << text;
    EXPECT_EQ(text.find("privsecret99"), std::string::npos) << text;
    EXPECT_NE(text.find("a (v2c, community <redacted>)"), std::string::npos) << text;
    EXPECT_NE(text.find("b (v3 user ops authPriv SHA/AES)"), std::string::npos) << text;
}

TEST(SnmpConfig, ErrorsNameFileAndKey) {
    EXPECT_EQ(error_of("[snmp]\nbogus = 1\n"), "site.toml: snmp.bogus: unknown key");
    EXPECT_EQ(error_of("[snmp]\nmax_repetitions = 0\n"),
              "site.toml: snmp.max_repetitions: must be 1..50, got 0");
    EXPECT_EQ(error_of("[snmp]\nmax_varbinds_per_request = 500\n"),
              "site.toml: snmp.max_varbinds_per_request: must be 1..200, got 500");
    EXPECT_EQ(error_of("[snmp]\ntimeout_ms = \"1s\"\n"), "site.toml: snmp.timeout_ms: must be an integer");
    EXPECT_EQ(error_of("[snmp]\n[[snmp.credentials]]\nname=\"x\"\nversion=\"4\"\ncommunity=\"c\"\n"),
              "site.toml: snmp.credentials[0].version: must be \"1\", \"2c\" or \"3\", got \"4\"");
    EXPECT_EQ(error_of("[snmp]\n[[snmp.credentials]]\nname=\"x\"\ncommunity=\"c\"\ncolour=1\n"),
              "site.toml: snmp.credentials[0].colour: unknown key");
    EXPECT_EQ(error_of("[snmp]\n[[snmp.credentials]]\nname=\"x\"\ncommunity=\"c\"\n[[snmp.credentials]]\n"
                       "name=\"x\"\ncommunity=\"d\"\n"),
              "site.toml: snmp.credentials[1].name: duplicate credential name \"x\"");
    EXPECT_EQ(error_of("[snmp]\n[[snmp.credentials]]\nname=\"x\"\n"),
              "site.toml: snmp.credentials[0]: credential \"x\": community is missing");
    EXPECT_EQ(error_of("[snmp]\n[[snmp.credentials]]\nname=\"x\"\ncommunity=\"c\"\nuser=\"u\"\n"),
              "site.toml: snmp.credentials[0].user: only valid with version = \"3\"");
    EXPECT_EQ(
        error_of("[snmp]\n[[snmp.credentials]]\nversion=\"3\"\nuser=\"u\"\nauth_protocol=\"SHA-1024\"\n"),
        "site.toml: snmp.credentials[0].auth_protocol: must be MD5, SHA, SHA-224, SHA-256, SHA-384 or "
        "SHA-512, got \"SHA-1024\"");
}

TEST(SnmpConfig, ShortPassphraseErrorDoesNotLeakIt) {
    const std::string e = error_of(
        "[snmp]\n[[snmp.credentials]]\nname=\"v3\"\nversion=\"3\"\nuser=\"u\"\nauth_pass=\"short7\"\n");
    EXPECT_NE(e.find("auth passphrase must be at least 8 characters"), std::string::npos) << e;
    EXPECT_EQ(e.find("short7"), std::string::npos) << e;
}

TEST(SnmpConfig, SecretsFromFileAndEnvironment) {
    const auto path = std::filesystem::temp_directory_path() / "nd_snmp_config_test_secret";
    {
        std::ofstream out(path);
        out << "filepassphrase\n";
    }
    ::setenv("ND_TEST_PRIV_PASS", "envpassphrase", 1);
    SnmpOptions o = parse(
        "[snmp]\n[[snmp.credentials]]\nname=\"v3\"\nversion=\"3\"\nuser=\"u\"\n"
        "auth_pass_file=\"" +
        path.string() + "\"\npriv_pass_env=\"ND_TEST_PRIV_PASS\"\n");
    ASSERT_EQ(o.credentials.size(), 1U);
    EXPECT_EQ(o.credentials[0].auth_passphrase.reveal(), "filepassphrase");
    EXPECT_EQ(o.credentials[0].priv_passphrase.reveal(), "envpassphrase");
    EXPECT_EQ(o.credentials[0].level, SnmpSecurityLevel::kAuthPriv);
    std::filesystem::remove(path);
    ::unsetenv("ND_TEST_PRIV_PASS");

    const std::string e = error_of(
        "[snmp]\n[[snmp.credentials]]\nname=\"v3\"\nversion=\"3\"\nuser=\"u\"\n"
        "auth_pass_env=\"ND_TEST_NOT_SET_ANYWHERE\"\n");
    EXPECT_EQ(e,
              "site.toml: snmp.credentials[0].auth_pass_env: environment variable ND_TEST_NOT_SET_ANYWHERE "
              "is not set or empty");
    EXPECT_NE(error_of("[snmp]\n[[snmp.credentials]]\nname=\"v\"\ncommunity=\"a\"\ncommunity_env=\"B\"\n")
                  .find("give only one of"),
              std::string::npos);
}

TEST(SnmpConfig, CommunityFileNamesEachCommunityAndNeverPrintsOne) {
    const auto path = std::filesystem::temp_directory_path() / "nd_snmp_config_test_communities";
    auto write = [&](const std::string& text) { std::ofstream(path, std::ios::binary) << text; };
    auto error = [&] {
        try {
            read_community_file(path.string());
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    write("# site communities\n\n  office-ro=Tr1cky=Secret \r\nplainsecret\nmy community with spaces\n");
    const auto creds = read_community_file(path.string());
    ASSERT_EQ(creds.size(), 3U);
    EXPECT_EQ(creds[0].name, "office-ro");
    EXPECT_EQ(creds[0].community.reveal(), "Tr1cky=Secret");
    EXPECT_EQ(creds[0].version, SnmpVersion::kV2c);
    EXPECT_EQ(creds[1].name, "community-file-2");
    EXPECT_EQ(creds[1].community.reveal(), "plainsecret");
    EXPECT_EQ(creds[2].name, "community-file-3");
    EXPECT_EQ(creds[2].community.reveal(), "my community with spaces");
    EXPECT_EQ(read_community_file(path.string(), SnmpVersion::kV1)[1].version, SnmpVersion::kV1);

    write("a=first\na=second-secret\n");
    EXPECT_EQ(error(), "community file " + path.string() + " line 2: credential name \"a\" used twice");
    write("named=\n");
    EXPECT_EQ(error(),
              "community file " + path.string() + " line 1: credential \"named\" has an empty community");
    write("# nothing\n\n");
    EXPECT_EQ(error(), "community file " + path.string() + " holds no community");
    std::filesystem::remove(path);
    EXPECT_EQ(error(), "cannot read community file " + path.string());
}

TEST(SnmpConfig, LenientProtocolSpellings) {
    EXPECT_EQ(parse_auth_protocol("sha512"), SnmpAuthProtocol::kSha512);
    EXPECT_EQ(parse_auth_protocol("SHA-224"), SnmpAuthProtocol::kSha224);
    EXPECT_EQ(parse_priv_protocol("AES-256"), SnmpPrivProtocol::kAes256);
    EXPECT_EQ(parse_security_level("authNoPriv"), SnmpSecurityLevel::kAuthNoPriv);
    EXPECT_EQ(parse_snmp_version("v2c"), SnmpVersion::kV2c);
    EXPECT_FALSE(parse_priv_protocol("3DES").has_value());
}

}  // namespace
}  // namespace nd
