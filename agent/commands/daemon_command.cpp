// `netdossier daemon`: the long-running service (see agent/daemon/daemon.hpp). Runs until SIGTERM.
// Exit codes: 0 stopped by a signal, 2 bad config or flags, 4 missing capability, 5 store unusable or
// already served by another daemon.
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
};

DaemonOptions build_options(const DaemonFlags& flags) {
    DaemonOptions o;
    o.config_path = flags.config;
    o.store_override = flags.db;
    if (!flags.schedule.empty()) {
        const auto time = parse_time_of_day(flags.schedule);
        if (!time)
            throw CommandError{"--schedule: \"" + flags.schedule + "\" is not a time of day (HH:MM)", 2};
        o.schedule.hour = time->first;
        o.schedule.minute = time->second;
    }
    if (flags.every) {
        if (!flags.schedule.empty()) throw CommandError{"--every and --schedule exclude each other", 2};
        o.schedule.every = std::chrono::seconds(*flags.every);
        o.schedule.jitter = std::chrono::seconds(0);  // an interval is for tests: exact unless asked
    }
    if (flags.jitter) o.schedule.jitter = std::chrono::seconds(*flags.jitter);
    o.onboarding = !flags.no_onboarding;
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
    cmd->add_option("--schedule", flags->schedule, "Nightly rescan at this local time (default 02:00)")
        ->type_name("HH:MM");
    cmd->add_option("--every", flags->every, "Rescan every N seconds instead of nightly")
        ->type_name("SECONDS")
        ->check(CLI::Range(1, 7 * 24 * 3600));
    cmd->add_option("--jitter", flags->jitter, "Random extra delay before each rescan (default 1800)")
        ->type_name("SECONDS")
        ->check(CLI::Range(0, 6 * 3600));
    cmd->add_flag("--no-onboarding", flags->no_onboarding, "Don't audit at once when the store is empty");
    cmd->callback([flags] {
        Daemon daemon(build_options(*flags));
        const int code = daemon.run();
        if (code != kDaemonExitOk)
            throw CommandError{"daemon stopped with an error (see the log above)", code};
    });
}

}  // namespace nd
