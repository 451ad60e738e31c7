#include "agent/daemon/daemon_config.hpp"

#include "model/config_error.hpp"

namespace nd {

DaemonConfig load_daemon_config(const DaemonOverrides& overrides) {
    DaemonConfig out;
    if (!overrides.config_path.empty()) out.agent = load_config(overrides.config_path);
    if (!overrides.store_override.empty()) out.agent.store_path = overrides.store_override;
    out.scan = scan_options_from(out.agent);
    out.scan.force = false;     // an unattended daemon never sweeps more than the configured maximum
    out.scan.progress = false;  // a service has no terminal
    out.settings = out.agent.daemon;
    if (overrides.schedule) out.settings.schedule = *overrides.schedule;
    if (overrides.onboarding) out.settings.onboarding = *overrides.onboarding;
    if (overrides.passive) out.settings.passive = *overrides.passive;
    // passive = false: no listening at all, neither between scans (daemon_passive.hpp) nor during them.
    out.scan.stages.passive = out.settings.passive;
    const std::string file =
        overrides.config_path.empty() ? std::string("(defaults)") : overrides.config_path.string();
    if (out.scan.rate_pps < 1 || out.scan.rate_pps > kMaxRatePps) {
        throw ConfigError(file + ": scan.rate: must be 1.." + std::to_string(static_cast<int>(kMaxRatePps)) +
                          " packets/s");
    }
    const auto& store = out.scan.store_path;
    const auto parent = store.has_parent_path() ? store.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(parent, ec)) {
        throw ConfigError(file + ": store.path: directory " + parent.string() + " does not exist");
    }
    return out;
}

}  // namespace nd
