#pragma once
// The daemon's view of the configuration: the agent's TOML file (agent/config.hpp) with its [daemon]
// section, turned into the options of one scan run, with the daemon's command-line overrides on top.
// Loading is all-or-nothing, so a SIGHUP with a bad file keeps the running configuration.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "agent/config.hpp"
#include "agent/scan_plan.hpp"

namespace nd {

// What the command line says; an empty optional leaves the file's [daemon] setting in force.
struct DaemonOverrides {
    std::filesystem::path config_path;     // empty: built-in defaults
    std::filesystem::path store_override;  // --db
    std::optional<Schedule> schedule;      // --schedule / --every / --jitter
    std::optional<bool> onboarding;        // --no-onboarding
    std::optional<bool> passive;           // --no-passive
};

struct DaemonConfig {
    AgentConfig agent;
    ScanOptions scan;         // what each scheduled run uses
    DaemonSettings settings;  // the file's [daemon] with the overrides applied
};

// Reads the config file (empty path: built-in defaults), applies the overrides and checks the values
// a scan would refuse later (rate range, store directory). Throws ConfigError naming file and key.
DaemonConfig load_daemon_config(const DaemonOverrides& overrides);

}  // namespace nd
