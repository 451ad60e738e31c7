// `netdossier scan`: sweep the client's subnets, record what answered, print a one-screen summary.
// Exit codes: 0 done, 2 bad config or flags, 3 bad target or interface, 4 missing capability,
// 5 store unusable, 6 capture could not start, 130 interrupted.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "agent/commands/commands.hpp"
#include "agent/config.hpp"
#include "agent/logging.hpp"
#include "agent/progress.hpp"
#include "agent/scan_runner.hpp"
#include "model/config_error.hpp"

namespace nd {
namespace {

struct ScanFlags {
    std::string config;
    std::vector<std::string> targets;
    std::vector<std::string> exclude;
    std::string interface;
    std::optional<double> rate;
    std::optional<int> retries;
    std::optional<int> reply_timeout_ms;
    std::string db;
    bool force = false;
    bool check_config = false;
    std::vector<std::string> communities;
    std::string community_file;
    std::optional<int> max_per_host;
    std::vector<std::string> stages;  // follow-up stages to run; empty: all
    std::optional<double> listen_seconds;
};

std::atomic<bool> g_interrupted{false};  // set from the SIGINT handler: stop sending, keep what was found
extern "C" void on_interrupt(int /*signal*/) { g_interrupted = true; }

std::vector<Ipv4Network> parse_networks(const std::vector<std::string>& texts, const char* flag) {
    std::vector<Ipv4Network> out;
    for (const auto& text : texts) {
        const auto network = Ipv4Network::parse(text);
        if (!network)
            throw CommandError{std::string(flag) + ": \"" + text + "\" is not an IPv4 address or CIDR", 2};
        out.push_back(*network);
    }
    return out;
}

// --stages icmp,mdns: the follow-up stages to run after the ARP sweep ("none" for the ARP sweep alone).
FollowupStages parse_stages(const std::vector<std::string>& names) {
    FollowupStages s;
    s.icmp = s.snmp = s.mdns = s.tcp = s.passive = false;
    for (const auto& n : names) {
        if (n == "icmp") s.icmp = true;
        else if (n == "snmp") s.snmp = true;
        else if (n == "mdns") s.mdns = true;
        else if (n == "tcp") s.tcp = true;
        else if (n == "passive") s.passive = true;
        else if (n != "none")
            throw CommandError{"--stages: unknown stage \"" + n + "\" (icmp, snmp, mdns, tcp, passive, none)", 2};
    }
    return s;
}

ScanOptions build_options(const ScanFlags& flags, const AgentConfig& config) {
    ScanOptions o = scan_options_from(config);  // the file's settings, shared with the daemon
    // Flags win over the file; --target replaces the file's targets, --exclude adds to its exclusions
    // (an exclusion in the file protects something and must not vanish because of a flag).
    if (!flags.targets.empty()) o.targets = parse_networks(flags.targets, "--target");
    const auto extra = parse_networks(flags.exclude, "--exclude");
    o.exclude.insert(o.exclude.end(), extra.begin(), extra.end());
    if (!flags.interface.empty()) o.interface = flags.interface;
    if (flags.rate) o.rate_pps = *flags.rate;
    if (flags.retries) o.retries = *flags.retries;
    if (flags.reply_timeout_ms) o.reply_timeout = std::chrono::milliseconds(*flags.reply_timeout_ms);
    if (!flags.db.empty()) o.store_path = flags.db;
    o.force = flags.force;
    o.max_per_host = flags.max_per_host.value_or(config.scan.max_per_host);
    if (!flags.stages.empty()) o.stages = parse_stages(flags.stages);
    if (flags.listen_seconds) o.stages.passive_min_seconds = *flags.listen_seconds;
    for (std::size_t i = 0; i < flags.communities.size(); ++i) {
        o.snmp.credentials.push_back(
            community_credential("community-" + std::to_string(i + 1), flags.communities[i]));
    }
    if (!flags.community_file.empty()) {
        try {
            for (auto& c : read_community_file(flags.community_file)) o.snmp.credentials.push_back(std::move(c));
        } catch (const std::runtime_error& e) {
            throw CommandError{std::string("--community-file: ") + e.what(), 2};
        }
    }
    return o;
}

int exit_code(ScanError::Kind kind) {
    switch (kind) {
        case ScanError::Kind::kTarget:
        case ScanError::Kind::kInterface:
            return 3;
        case ScanError::Kind::kCapability:
            return 4;
        case ScanError::Kind::kStore:
            return 5;
        case ScanError::Kind::kCapture:
            return 6;
    }
    return 1;
}

void print_summary(const ScanReport& r, const ScanOptions& o) {
    std::string interfaces;
    for (const auto& i : r.interfaces) interfaces += (interfaces.empty() ? "" : ", ") + i;
    std::string targets;
    for (const auto& t : r.targets) targets += (targets.empty() ? "" : ", ") + t;
    std::printf("netdossier scan%s%s%s\n", o.site_name.empty() ? "" : " of \"", o.site_name.c_str(),
                o.site_name.empty() ? "" : "\"");
    std::printf("  targets:   %s via %s (%llu addresses)\n", targets.c_str(), interfaces.c_str(),
                static_cast<unsigned long long>(r.addresses));
    std::printf("  devices:   %lld found, %lld new, %lld gone\n",
                static_cast<long long>(r.summary.devices_seen), static_cast<long long>(r.summary.devices_new),
                static_cast<long long>(r.summary.devices_gone));
    std::printf("  elapsed:   %.2f s (ARP sweep %.2f s, ICMP %.2f s)\n", r.elapsed_seconds, r.sweep_seconds,
                r.stages.icmp_seconds);
    std::printf("  packets:   %llu sent (%llu retries) at %.0f packets/s, %llu replies, %llu malformed\n",
                static_cast<unsigned long long>(r.packets_sent), static_cast<unsigned long long>(r.retries),
                r.packets_per_second(), static_cast<unsigned long long>(r.replies),
                static_cast<unsigned long long>(r.malformed));
    std::printf("  probes:    %llu answered ICMP, %llu SNMP, %llu mDNS responders, %llu with open TCP ports, "
                "%llu passive observations\n",
                static_cast<unsigned long long>(r.stages.icmp_answered),
                static_cast<unsigned long long>(r.stages.snmp_answered),
                static_cast<unsigned long long>(r.stages.mdns_responders),
                static_cast<unsigned long long>(r.stages.tcp_hosts),
                static_cast<unsigned long long>(r.passive_observations));
    std::printf("  store:     %s (scan #%lld)%s\n", o.store_path.string().c_str(),
                static_cast<long long>(r.summary.scan_id),
                r.fingerprinted ? "" : ", no verdicts (rules missing)");
    if (r.cancelled) std::printf("  interrupted: the run is kept unfinished (no device is declared gone)\n");
}

void run_scan(const ScanFlags& flags, const GlobalOptions& global) {
    AgentConfig config;
    try {
        if (!flags.config.empty()) config = load_config(flags.config);
    } catch (const ConfigError& e) {
        throw CommandError{e.what(), 2};
    }
    for (const auto& w : config.warnings) module_logger("config")->warn("{}", w);
    const auto options = build_options(flags, config);
    if (options.rate_pps < 1 || options.rate_pps > kMaxRatePps) {
        throw CommandError{
            "--rate: must be 1.." + std::to_string(static_cast<int>(kMaxRatePps)) + " packets/s", 2};
    }
    if (flags.check_config) {
        std::cout << (flags.config.empty() ? std::string("(no config file)") : flags.config) << ": OK\n"
                  << describe(config);
        return;
    }
    ScanRunner runner(options);
    // Progress only on an interactive terminal, never under a service manager (agent/progress.hpp).
    if (progress_wanted_here(global.quiet)) runner.set_progress(draw_progress_on_stderr);
    g_interrupted = false;
    runner.set_cancel_flag(&g_interrupted);
    auto* previous = std::signal(SIGINT, on_interrupt);
    ScanReport report;
    try {
        report = runner.run();
    } catch (const ScanError& e) {
        std::signal(SIGINT, previous);
        throw CommandError{e.what(), exit_code(e.kind())};
    }
    std::signal(SIGINT, previous);
    print_summary(report, options);
    if (report.cancelled) throw CommandError{"interrupted", 130};
}

}  // namespace

void add_scan_command(CLI::App& app, const GlobalOptions& global) {
    auto flags = std::make_shared<ScanFlags>();
    auto* cmd = app.add_subcommand("scan", "Sweep the client's subnets and record every device in the store");
    cmd->add_option("-c,--config", flags->config, "TOML config file")->type_name("FILE");
    cmd->add_option("-t,--target", flags->targets,
                    "Network to sweep (repeatable; default: the up interfaces' subnets)")
        ->type_name("CIDR");
    cmd->add_option("-x,--exclude", flags->exclude, "Never send to these addresses (repeatable)")
        ->type_name("CIDR");
    cmd->add_option("-i,--interface", flags->interface, "Interface to sweep from (default: per target)")
        ->type_name("IF");
    cmd->add_option("--rate", flags->rate, "Packets per second (default 2000)")->type_name("PPS");
    cmd->add_option("--retries", flags->retries, "Extra requests to silent addresses (default 2)")
        ->check(CLI::Range(0, 10));
    cmd->add_option("--reply-timeout", flags->reply_timeout_ms, "Wait for a reply, in ms (default 250)")
        ->type_name("MS")
        ->check(CLI::Range(10, 60000));
    cmd->add_option("--db", flags->db, "Store path (default: [store] path, else ./netdossier.db)")
        ->type_name("PATH");
    cmd->add_flag("--force", flags->force, "Allow targets larger than the configured maximum (/16)");
    cmd->add_option("--max-per-host", flags->max_per_host,
                    "Requests in flight to one host, all collectors (default 4)")
        ->check(CLI::Range(1, 64));
    cmd->add_option("--stages", flags->stages,
                    "Stages after the ARP sweep, comma-separated: icmp,snmp,mdns,tcp,passive or none "
                    "(default: all)")
        ->delimiter(',')
        ->type_name("LIST");
    cmd->add_option("--listen", flags->listen_seconds,
                    "Keep the passive listener on at least this long (LLDP is sent every 30 s)")
        ->type_name("SECONDS")
        ->check(CLI::Range(0.0, 600.0));
    cmd->add_option("--community", flags->communities,
                    "SNMP v2c community to try (repeatable; visible in ps: prefer --community-file)")
        ->type_name("NAME");
    cmd->add_option("--community-file", flags->community_file,
                    "SNMP v2c communities to try, one per line, NAME=COMMUNITY to name one (kept out of ps)")
        ->type_name("FILE");
    cmd->add_flag("--check-config", flags->check_config,
                  "Validate the config and flags, print them, send nothing");
    cmd->callback([flags, &global] { run_scan(*flags, global); });
}

}  // namespace nd
