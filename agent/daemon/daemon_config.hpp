#pragma once
// The daemon's view of the configuration: the agent's TOML file (agent/config.hpp) turned into the
// options of one scan run, with the daemon's command-line overrides on top. Loading is all-or-nothing,
// so a SIGHUP with a bad file keeps the running configuration.
#include <filesystem>
#include <string>
#include <vector>

#include "agent/config.hpp"
#include "agent/scan_plan.hpp"

namespace nd {

struct DaemonConfig {
    AgentConfig agent;
    ScanOptions scan;  // what each scheduled run uses
};

// Reads `config_path` (empty: built-in defaults), applies `store_override` (--db) and checks the
// values a scan would refuse later (rate range, store directory). Throws ConfigError naming the file.
DaemonConfig load_daemon_config(const std::filesystem::path& config_path,
                                const std::filesystem::path& store_override);

// The ScanOptions of a scheduled run: the file's [site], [scan], [store] and [snmp] sections.
ScanOptions scan_options_from(const AgentConfig& config);

}  // namespace nd
