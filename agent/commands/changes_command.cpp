// `netdossier changes [--since SCAN|DATE] [--json]`: what changed, in plain words: new and gone devices,
// address, firmware and switch port changes, low supplies, new neighbours, and identity corrections
// (merges and splits, with the evidence behind them). Default: the changes of the last completed scan.
// Exit codes: 0 done, 2 bad arguments, 5 store unusable.
#include <ctime>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "agent/commands/commands.hpp"
#include "storage/change_text.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

struct ChangesFlags {
    std::string config;
    std::string db;
    std::string since;
    bool json = false;
    bool identity = false;
};

struct Since {
    std::optional<std::int64_t> scan;       // events of later scans
    std::optional<Clock::time_point> time;  // events at or after
};

std::optional<Clock::time_point> parse_date(const std::string& text) {
    std::tm tm{};
    for (const char* format :
         {"%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"}) {
        tm = std::tm{};
        const char* end = strptime(text.c_str(), format, &tm);
        if (end != nullptr && *end == '\0') return Clock::from_time_t(timegm(&tm));
    }
    return std::nullopt;
}

Since parse_since(const std::string& text, const std::vector<ScanRun>& scans) {
    Since since;
    if (text.empty()) {
        // The last completed scan's changes: everything after the completed scan before it.
        std::vector<std::int64_t> done;
        for (const auto& s : scans) {
            if (s.completed) done.push_back(s.id);
        }
        since.scan = done.size() >= 2 ? done[done.size() - 2] : 0;
        return since;
    }
    if (text.find_first_not_of("0123456789") == std::string::npos && text.size() < 12) {
        since.scan = std::stoll(text);
        return since;
    }
    if (auto t = parse_date(text)) {
        since.time = t;
        return since;
    }
    throw CommandError{
        "changes: --since '" + text + "' is neither a scan number nor a date (YYYY-MM-DD[THH:MM[:SS]], UTC)",
        2};
}

std::string iso(Clock::time_point t) {
    const std::time_t tt = Clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%SZ", &tm);
    return buf;
}

bool wanted(const Since& since, std::int64_t scan, Clock::time_point time) {
    if (since.scan && scan <= *since.scan) return false;
    if (since.time && time < *since.time) return false;
    return true;
}

void run_changes(const ChangesFlags& flags) {
    auto store = open_store_for(flags.config, flags.db);
    const auto scans = store.scans();
    const Since since = parse_since(flags.since, scans);
    std::map<std::int64_t, DeviceRecord> devices;
    for (auto& d : store.devices()) devices.emplace(d.id, std::move(d));
    const int gone_after = store.gone_after_scans();
    auto device_of = [&](std::int64_t id) -> const DeviceRecord* {
        auto it = devices.find(id);
        return it == devices.end() ? nullptr : &it->second;
    };

    std::vector<ChangeEvent> events;
    for (auto& e : store.events()) {
        if (wanted(since, e.scan_id, e.time)) events.push_back(std::move(e));
    }
    // Identity corrections: merges and splits always; matches and new keys with --identity.
    std::vector<IdentityLogEntry> identity;
    for (auto& entry : store.identity_log()) {
        const bool correction = entry.action.starts_with("merge") || entry.action.starts_with("split");
        if (!correction && !flags.identity) continue;
        // Engineer's corrections carry no scan: they count from the end of the --since scan.
        bool keep = wanted(since, entry.scan_id == 0 ? INT64_MAX : entry.scan_id, entry.time);
        if (entry.scan_id == 0 && since.scan) {
            for (const auto& s : scans) {
                if (s.id == *since.scan && s.completed) keep = keep && entry.time >= s.finished;
            }
        }
        if (keep) identity.push_back(std::move(entry));
    }

    if (flags.json) {
        nlohmann::json out = nlohmann::json::object();
        out["since_scan"] = since.scan ? nlohmann::json(*since.scan) : nlohmann::json(nullptr);
        out["changes"] = nlohmann::json::array();
        for (const auto& e : events) {
            out["changes"].push_back({{"id", e.id},
                                      {"scan", e.scan_id},
                                      {"time", iso(e.time)},
                                      {"device_id", e.device_id},
                                      {"kind", e.kind},
                                      {"attribute", e.attribute},
                                      {"old", e.old_value},
                                      {"new", e.new_value},
                                      {"text", describe_change(e, device_of(e.device_id), gone_after)}});
        }
        out["identity"] = nlohmann::json::array();
        for (const auto& i : identity) {
            out["identity"].push_back({{"id", i.id},
                                       {"scan", i.scan_id},
                                       {"time", iso(i.time)},
                                       {"device_id", i.device_id},
                                       {"other_device_id", i.other_device_id},
                                       {"action", i.action},
                                       {"score", i.score},
                                       {"reason", i.reason}});
        }
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (events.empty() && identity.empty()) {
        std::cout << "No changes"
                  << (since.scan ? " after scan " + std::to_string(*since.scan) : std::string()) << ".\n";
        return;
    }
    std::int64_t scan = -1;
    for (const auto& e : events) {
        if (e.scan_id != scan) {
            scan = e.scan_id;
            std::cout << (scan == 0 ? std::string("Outside scans") : "Scan " + std::to_string(scan)) << ":\n";
        }
        std::cout << "  " << describe_change(e, device_of(e.device_id), gone_after) << "\n";
    }
    if (!identity.empty()) std::cout << "Identity:\n";
    for (const auto& i : identity) {
        std::cout << "  device " << i.device_id << ": " << i.action;
        if (i.other_device_id != 0) std::cout << " (device " << i.other_device_id << ")";
        std::cout << ": " << i.reason << "\n";
    }
}

}  // namespace

void add_changes_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<ChangesFlags>();
    auto* cmd = app.add_subcommand("changes", "What changed, in plain words (default: in the last scan)");
    cmd->add_option("--since", flags->since,
                    "A scan number (changes after it; 0 for all) or a date YYYY-MM-DD[THH:MM] (UTC)");
    cmd->add_flag("--json", flags->json, "Machine-readable output");
    cmd->add_flag("--identity", flags->identity,
                  "Also every identity decision (matches and keys, not only merges/splits)");
    cmd->add_option("--config", flags->config, "Config file (TOML): store path");
    cmd->add_option("--db", flags->db, "Store file (default: the config's, else netdossier.db)");
    cmd->callback([flags] { run_changes(*flags); });
}

}  // namespace nd
