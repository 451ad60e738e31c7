#pragma once
// The agent's configuration file (TOML). Each section is parsed into a fresh copy, every key checked
// (unknown keys and out-of-range values are errors naming file and key), and the result replaces the
// defaults only when all of it is valid. Command-line flags are applied on top by the commands.
//
//   [site]  name = "Client GmbH, Main office"
//   [scan]  targets = ["198.18.1.0/24"]   exclude = ["198.18.1.250/32"]   interface = "eth0"
//           rate = 2000 (packets/s)   retries = 2   reply_timeout_ms = 250   max_prefix = 16
//           max_per_host = 4 (requests in flight to one host)
//   [store] path = "/var/lib/netdossier/site.db"   gone_after_scans = 3
//   [snmp]  see collectors/snmp/snmp_config.hpp
//   [daemon] schedule = "02:00" | "mon-fri 02:00" | "every 6h"   jitter = "30m"   onboarding = true
//            passive = true   keep_observations_days = 30   keep_scan_details_days = 180
//            keep_last_scans = 14   (see agent/daemon/schedule.hpp and storage/retention.hpp)
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agent/daemon/schedule.hpp"
#include "agent/scan_plan.hpp"
#include "collectors/snmp/snmp_config.hpp"
#include "model/address.hpp"
#include "storage/retention.hpp"

namespace nd {

inline constexpr std::string_view kDefaultStorePath = "netdossier.db";
inline constexpr double kDefaultRatePps = 2000.0;
inline constexpr double kMaxRatePps = 100000.0;

struct ScanConfig {
    std::vector<Ipv4Network> targets;  // empty: the subnets of the host's up interfaces
    std::vector<Ipv4Network> exclude;
    std::string interface;  // empty: chosen per target
    double rate_pps = kDefaultRatePps;
    int retries = 2;
    std::chrono::milliseconds reply_timeout{250};
    int max_prefix = 16;  // targets larger than this (a shorter prefix) need --force
    int max_per_host = 4;  // requests/connections in flight to one host, across all collectors
};

// How `netdossier daemon` runs; the daemon's command-line flags override the schedule and onboarding.
struct DaemonSettings {
    Schedule schedule;        // default: nightly at 02:00 local time, up to 30 min jitter
    bool onboarding = true;   // audit at once when the store holds no completed scan
    bool passive = true;      // listen for LLDP, CDP, mDNS, DHCP, gratuitous ARP between scans too
    RetentionPolicy retention;
};

struct AgentConfig {
    std::string site_name;
    ScanConfig scan;
    DaemonSettings daemon;
    std::filesystem::path store_path{std::string(kDefaultStorePath)};
    std::optional<int> gone_after_scans;  // completed scans without a sighting before "gone"
    SnmpOptions snmp;
    bool has_inline_secrets = false;    // communities or passphrases written in the file itself
    std::vector<std::string> warnings;  // non-fatal findings (file permissions, ...)
};

// Parses config text; `file` names it in error messages. Throws ConfigError ("FILE: scan.rate: ...").
AgentConfig parse_config(std::string_view text, std::string_view file);

// Reads and parses a file. A file with inline secrets that others may read is refused when
// world-readable and warned about when group-readable (the warning lands in `warnings`).
AgentConfig load_config(const std::filesystem::path& path);

// The options of one scan from the file alone (no command-line flags): `netdossier scan` applies its
// flags on top, the daemon uses them as they are.
ScanOptions scan_options_from(const AgentConfig& config);

// A readable summary for --check-config; secrets never appear in it.
std::string describe(const AgentConfig& config);

}  // namespace nd
