#include "agent/config.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "model/config_error.hpp"

namespace nd {
namespace {

std::string error_of(std::string_view text) {
    try {
        parse_config(text, "site.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

TEST(Config, ParsesAFullConfig) {
    const auto c = parse_config(R"(
[site]
name = "Client GmbH"
[scan]
targets = ["198.18.1.0/24", "198.18.2.7"]
exclude = ["198.18.1.250/32"]
interface = "eth0"
rate = 500
retries = 1
reply_timeout_ms = 400
max_prefix = 20
[store]
path = "/var/lib/netdossier/client.db"
[snmp]
timeout_ms = 800
[[snmp.credentials]]
name = "office-ro"
version = "2c"
community_env = "PATH"
)",
                                "site.toml");
    EXPECT_EQ(c.site_name, "Client GmbH");
    ASSERT_EQ(c.scan.targets.size(), 2U);
    EXPECT_EQ(c.scan.targets[0].to_string(), "198.18.1.0/24");
    EXPECT_EQ(c.scan.targets[1].to_string(), "198.18.2.7/32");
    EXPECT_EQ(c.scan.exclude.at(0).to_string(), "198.18.1.250/32");
    EXPECT_EQ(c.scan.interface, "eth0");
    EXPECT_EQ(c.scan.rate_pps, 500.0);
    EXPECT_EQ(c.scan.retries, 1);
    EXPECT_EQ(c.scan.reply_timeout.count(), 400);
    EXPECT_EQ(c.scan.max_prefix, 20);
    EXPECT_EQ(c.store_path, "/var/lib/netdossier/client.db");
    EXPECT_EQ(c.snmp.timeout.count(), 800);
    ASSERT_EQ(c.snmp.credentials.size(), 1U);
    EXPECT_EQ(c.snmp.credentials[0].name, "office-ro");
    EXPECT_FALSE(c.has_inline_secrets);
}

TEST(Config, EmptyFileMeansDefaults) {
    const auto c = parse_config("", "site.toml");
    EXPECT_TRUE(c.scan.targets.empty());
    EXPECT_EQ(c.scan.rate_pps, kDefaultRatePps);
    EXPECT_EQ(c.scan.retries, 2);
    EXPECT_EQ(c.scan.reply_timeout.count(), 250);
    EXPECT_EQ(c.scan.max_prefix, 16);
    EXPECT_EQ(c.store_path, std::string(kDefaultStorePath));
}

TEST(Config, RejectsUnknownKeysAndSectionsNamingThem) {
    EXPECT_EQ(error_of("[scan]\nratee = 5\n"), "site.toml: scan.ratee: unknown key");
    EXPECT_EQ(error_of("[sacn]\nrate = 5\n"), "site.toml: sacn: unknown section");
    EXPECT_EQ(error_of("[site]\nname = \"x\"\nowner = \"y\"\n"), "site.toml: site.owner: unknown key");
    EXPECT_EQ(error_of("[store]\nfile = \"x\"\n"), "site.toml: store.file: unknown key");
    EXPECT_EQ(error_of("rate = 5\n"), "site.toml: rate: unknown section");
}

TEST(Config, RangeChecksEveryNumber) {
    EXPECT_EQ(error_of("[scan]\nrate = 0\n"), "site.toml: scan.rate: must be 1..100000, got 0");
    EXPECT_EQ(error_of("[scan]\nrate = 1000001\n"), "site.toml: scan.rate: must be 1..100000, got 1000001");
    EXPECT_EQ(error_of("[scan]\nretries = -1\n"), "site.toml: scan.retries: must be 0..10, got -1");
    EXPECT_EQ(error_of("[scan]\nreply_timeout_ms = 5\n"),
              "site.toml: scan.reply_timeout_ms: must be 10..60000, got 5");
    EXPECT_EQ(error_of("[scan]\nmax_prefix = 33\n"), "site.toml: scan.max_prefix: must be 8..32, got 33");
    EXPECT_EQ(error_of("[scan]\nrate = \"fast\"\n"), "site.toml: scan.rate: must be an integer");
    EXPECT_EQ(error_of("[store]\ngone_after_scans = 0\n"),
              "site.toml: store.gone_after_scans: must be 1..1000, got 0");
}

TEST(Config, GoneAfterScansReachesTheScanOptions) {
    EXPECT_FALSE(scan_options_from(parse_config("", "site.toml")).gone_after_scans);
    EXPECT_EQ(
        scan_options_from(parse_config("[store]\ngone_after_scans = 5\n", "site.toml")).gone_after_scans, 5);
}

TEST(Config, RejectsBadNetworksAndNames) {
    EXPECT_EQ(error_of("[scan]\ntargets = [\"198.18.1.0/33\"]\n"),
              "site.toml: scan.targets: \"198.18.1.0/33\" is not an IPv4 address or CIDR");
    EXPECT_EQ(error_of("[scan]\ntargets = \"198.18.1.0/24\"\n"),
              "site.toml: scan.targets: must be an array of CIDR strings like [\"192.0.2.0/24\"]");
    EXPECT_EQ(error_of("[scan]\nexclude = [42]\n"),
              "site.toml: scan.exclude: must be an array of CIDR strings like [\"192.0.2.0/24\"]");
    EXPECT_EQ(error_of("[scan]\ntargets = [\"198.18.1.7/24\"]\n"),
              "site.toml: scan.targets: \"198.18.1.7/24\" has host bits set (did you mean 198.18.1.0/24?)");
    EXPECT_EQ(error_of("[scan]\ninterface = \"a-very-long-interface-name\"\n"),
              "site.toml: scan.interface: \"a-very-long-interface-name\" is not a valid interface name");
    EXPECT_EQ(error_of("[site]\nname = \"\"\n"), "site.toml: site.name: must not be empty");
    EXPECT_EQ(error_of("site = 3\n"), "site.toml: site: must be a table ([site])");
}

TEST(Config, SyntaxErrorsNameFileAndLine) {
    const auto message = error_of("[scan]\nrate = = 5\n");
    EXPECT_EQ(message.rfind("site.toml:2: ", 0), 0U) << message;
}

TEST(Config, SnmpSectionIsDelegatedAndItsErrorsNameTheFile) {
    const auto message = error_of("[snmp]\nbogus = 1\n");
    EXPECT_NE(message.find("site.toml"), std::string::npos) << message;
    EXPECT_NE(message.find("bogus"), std::string::npos) << message;
}

class ConfigFileTest : public ::testing::Test {
protected:
    std::filesystem::path write(const std::string& text, mode_t mode) {
        const auto path = std::filesystem::path(::testing::TempDir()) / "netdossier-config-test.toml";
        std::ofstream(path) << text;
        ::chmod(path.c_str(), mode);
        return path;
    }
    static constexpr const char* kWithSecret =
        "[[snmp.credentials]]\nname = \"ro\"\nversion = \"2c\"\ncommunity = \"s3cret-community\"\n";
};

TEST_F(ConfigFileTest, SecretsInAWorldReadableFileAreRefused) {
    const auto path = write(kWithSecret, 0644);
    try {
        load_config(path);
        FAIL() << "expected a refusal";
    } catch (const ConfigError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("chmod 600"), std::string::npos) << message;
        EXPECT_EQ(message.find("s3cret"), std::string::npos) << "the secret leaked: " << message;
    }
}

TEST_F(ConfigFileTest, SecretsInAGroupReadableFileGiveAWarning) {
    const auto c = load_config(write(kWithSecret, 0640));
    EXPECT_TRUE(c.has_inline_secrets);
    ASSERT_EQ(c.warnings.size(), 1U);
    EXPECT_NE(c.warnings[0].find("group-readable"), std::string::npos);
}

TEST_F(ConfigFileTest, PrivateFileWithSecretsIsQuiet) {
    const auto c = load_config(write(kWithSecret, 0600));
    EXPECT_TRUE(c.warnings.empty());
    EXPECT_EQ(c.snmp.credentials.at(0).community.reveal(), "s3cret-community");
    EXPECT_EQ(describe(c).find("s3cret"), std::string::npos);
}

TEST_F(ConfigFileTest, AFileWithoutSecretsMayBeReadable) {
    const auto c = load_config(write("[scan]\nrate = 100\n", 0644));
    EXPECT_TRUE(c.warnings.empty());
    EXPECT_EQ(c.scan.rate_pps, 100.0);
}

TEST(Config, ParsesTheDaemonSection) {
    const auto c = parse_config(R"(
[daemon]
schedule = "mon-fri 03:30"
jitter = "10m"
onboarding = false
passive = false
keep_observations_days = 14
keep_scan_details_days = 0
keep_last_scans = 5
)",
                                "site.toml");
    EXPECT_EQ(c.daemon.schedule.hour, 3);
    EXPECT_EQ(c.daemon.schedule.minute, 30);
    EXPECT_EQ(c.daemon.schedule.weekdays, 0b0111110);
    EXPECT_EQ(c.daemon.schedule.jitter, std::chrono::seconds(600));
    EXPECT_FALSE(c.daemon.onboarding);
    EXPECT_FALSE(c.daemon.passive);
    EXPECT_EQ(c.daemon.retention.observation_days, 14);
    EXPECT_EQ(c.daemon.retention.scan_detail_days, 0);
    EXPECT_EQ(c.daemon.retention.keep_scans, 5);
    EXPECT_NE(describe(c).find("daemon.schedule:  on mon,tue,wed,thu,fri at 03:30"), std::string::npos);
}

TEST(Config, DaemonDefaultsAreNightlyWithJitterPassiveAndRetention) {
    const auto c = parse_config("", "site.toml");
    EXPECT_EQ(c.daemon.schedule.hour, 2);
    EXPECT_EQ(c.daemon.schedule.jitter, std::chrono::seconds(1800));
    EXPECT_TRUE(c.daemon.onboarding);
    EXPECT_TRUE(c.daemon.passive);
    EXPECT_EQ(c.daemon.retention.observation_days, 30);
    const auto interval = parse_config("[daemon]\nschedule = \"every 5s\"\n", "site.toml");
    EXPECT_EQ(interval.daemon.schedule.every, std::chrono::seconds(5));
    EXPECT_EQ(interval.daemon.schedule.jitter, std::chrono::seconds(0));
}

TEST(Config, DaemonErrorsNameTheKey) {
    EXPECT_EQ(error_of("[daemon]\nschedule = \"25:00\"\n"),
              "site.toml: daemon.schedule: \"25:00\" is not a schedule; use \"HH:MM\" (daily), \"mon-fri "
              "HH:MM\" (chosen weekdays) or \"every 6h\" (an interval: s, m, h, d)");
    EXPECT_EQ(error_of("[daemon]\nschedule = 2\n"), "site.toml: daemon.schedule: must be a string");
    EXPECT_EQ(
        error_of("[daemon]\njitter = \"soon\"\n"),
        "site.toml: daemon.jitter: must be a duration from 0 to 2592000 s, like \"30m\", \"90s\" or \"2h\"");
    EXPECT_EQ(error_of("[daemon]\njitter = \"8h\"\n"),
              "site.toml: daemon.jitter: 28800 s is too long for the schedule (at most 6 h)");
    EXPECT_EQ(error_of("[daemon]\nschedule = \"every 60s\"\njitter = 60\n"),
              "site.toml: daemon.jitter: 60 s is too long for the schedule (less than the interval)");
    EXPECT_EQ(error_of("[daemon]\npassive = \"yes\"\n"), "site.toml: daemon.passive: must be true or false");
    EXPECT_EQ(error_of("[daemon]\nkeep_observations_days = -1\n"),
              "site.toml: daemon.keep_observations_days: must be 0..3650, got -1");
    EXPECT_EQ(error_of("[daemon]\nkeep_last_scans = 0\n"),
              "site.toml: daemon.keep_last_scans: must be 1..1000, got 0");
    EXPECT_EQ(error_of("[daemon]\nshedule = \"02:00\"\n"), "site.toml: daemon.shedule: unknown key");
    EXPECT_EQ(error_of("daemon = 1\n"), "site.toml: daemon: must be a table ([daemon])");
}

TEST(Config, ScanOptionsFromTheFileAlone) {
    const auto c = parse_config(R"(
[site]
name = "Client"
[scan]
targets = ["198.18.1.0/24"]
exclude = ["198.18.1.250/32"]
interface = "eth1"
rate = 300
retries = 1
reply_timeout_ms = 500
max_prefix = 22
[store]
path = "/tmp/x.db"
)",
                                "site.toml");
    const auto o = scan_options_from(c);
    EXPECT_EQ(o.site_name, "Client");
    ASSERT_EQ(o.targets.size(), 1u);
    EXPECT_EQ(o.targets[0].to_string(), "198.18.1.0/24");
    ASSERT_EQ(o.exclude.size(), 1u);
    EXPECT_EQ(o.interface, "eth1");
    EXPECT_EQ(o.rate_pps, 300);
    EXPECT_EQ(o.retries, 1);
    EXPECT_EQ(o.reply_timeout, std::chrono::milliseconds(500));
    EXPECT_EQ(o.max_prefix, 22);
    EXPECT_EQ(o.store_path, "/tmp/x.db");
    EXPECT_FALSE(o.force);
}

TEST(ConfigLoad, MissingFileIsAOneLineError) {
    try {
        load_config("/nonexistent/netdossier.toml");
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "/nonexistent/netdossier.toml: cannot read the config file (No such file or directory)");
    }
}

}  // namespace
}  // namespace nd
