// `netdossier daemon`: the long-running service (see agent/daemon/daemon.hpp). Runs until SIGTERM.
// Exit codes: 0 stopped by a signal, 2 bad config or flags, 4 missing capability, 5 store unusable or
// already served by another daemon.
#include <iostream>

#include "agent/commands/commands.hpp"
#include "agent/daemon/daemon.hpp"
#include "agent/logging.hpp"

namespace nd {
namespace {

struct DaemonFlags {
    std::string config;
    std::string db;
    std::string schedule;
    std::optional<int> every;
    std::optional<int> jitter;
    bool no_onboarding = false;
    bool no_passive = false;
    bool check_config = false;
};

DaemonOptions build_options(const DaemonFlags& flags) {
    DaemonOptions o;
    o.config_path = flags.config;
    o.store_override = flags.db;
    // Flags replace the file's [daemon] schedule as a whole; --jitter alone adjusts the file's one.
    if (!flags.schedule.empty()) {
        const auto parsed = parse_schedule(flags.schedule);
        if (!parsed)
            throw CommandError{"--schedule: \"" + flags.schedule +
                                   "\" is not a schedule (\"HH:MM\", \"mon-fri HH:MM\" or \"every 6h\")",
                               2};
        o.schedule = *parsed;
    }
    if (flags.every) {
        if (!flags.schedule.empty()) throw CommandError{"--every and --schedule exclude each other", 2};
        o.schedule = Schedule{};
        o.schedule->every = std::chrono::seconds(*flags.every);
        o.schedule->jitter = std::chrono::seconds(0);  // an interval is for tests: exact unless asked
    }
    if (flags.jitter) {
        if (!o.schedule) {
            // Keep the file's schedule and change only its jitter: read it (errors surface at start).
            try {
                o.schedule = load_daemon_config(o).settings.schedule;
            } catch (const std::exception& e) {
                throw CommandError{e.what(), 2};
            }
        }
        o.schedule->jitter = std::chrono::seconds(*flags.jitter);
    }
    if (flags.no_onboarding) o.onboarding = false;
    if (flags.no_passive) o.passive = false;
    return o;
}

}  // namespace

void add_daemon_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<DaemonFlags>();
    auto* cmd = app.add_subcommand(
        "daemon", "Run as a service: onboarding audit on an empty store, then rescans on a schedule");
    cmd->add_option("-c,--config", flags->config, "TOML config file (re-read on SIGHUP)")->type_name("FILE");
    cmd->add_option("--db", flags->db, "Store path (default: [store] path, else ./netdossier.db)")
        ->type_name("PATH");
    cmd->add_option("--schedule", flags->schedule,
                    "When to rescan: \"02:00\", \"mon-fri 02:00\", \"every 6h\" (default: [daemon] "
                    "schedule, else 02:00)")
        ->type_name("WHEN");
    cmd->add_option("--every", flags->every, "Rescan every N seconds instead of nightly")
        ->type_name("SECONDS")
        ->check(CLI::Range(1, 7 * 24 * 3600));
    cmd->add_option("--jitter", flags->jitter, "Random extra delay before each rescan (default 1800)")
        ->type_name("SECONDS")
        ->check(CLI::Range(0, 6 * 3600));
    cmd->add_flag("--no-onboarding", flags->no_onboarding, "Don't audit at once when the store is empty");
    cmd->add_flag("--no-passive", flags->no_passive, "Don't listen passively (LLDP, CDP, mDNS, DHCP, ARP)");
    cmd->add_flag("--check-config", flags->check_config, "Validate the config and flags, print them, exit");
    cmd->callback([flags] {
        if (flags->check_config) {
            try {
                const auto config = load_daemon_config(build_options(*flags));
                std::cout << (flags->config.empty() ? std::string("(no config file)") : flags->config)
                          << ": OK\n"
                          << describe(config.agent) << "effective schedule: " << config.settings.schedule.describe()
                          << "\n";
            } catch (const std::exception& e) {
                throw CommandError{e.what(), 2};
            }
            return;
        }
        Daemon daemon(build_options(*flags));
        const int code = daemon.run();
        if (code != kDaemonExitOk)
            throw CommandError{"daemon stopped with an error (see the log above)", code};
    });
}

}  // namespace nd
