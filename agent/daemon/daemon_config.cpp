#include "agent/daemon/daemon_config.hpp"

#include "model/config_error.hpp"

namespace nd {

ScanOptions scan_options_from(const AgentConfig& config) {
    ScanOptions o;
    o.site_name = config.site_name;
    o.targets = config.scan.targets;
    o.exclude = config.scan.exclude;
    o.interface = config.scan.interface;
    o.rate_pps = config.scan.rate_pps;
    o.retries = config.scan.retries;
    o.reply_timeout = config.scan.reply_timeout;
    o.max_prefix = config.scan.max_prefix;
    o.store_path = config.store_path;
    o.snmp = config.snmp;
    o.force = false;     // an unattended daemon never sweeps more than the configured maximum
    o.progress = false;  // a service has no terminal
    return o;
}

DaemonConfig load_daemon_config(const std::filesystem::path& config_path,
                                const std::filesystem::path& store_override) {
    DaemonConfig out;
    if (!config_path.empty()) out.agent = load_config(config_path);
    if (!store_override.empty()) out.agent.store_path = store_override;
    out.scan = scan_options_from(out.agent);
    const std::string file = config_path.empty() ? std::string("(defaults)") : config_path.string();
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
