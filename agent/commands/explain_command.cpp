// `netdossier explain DEVICE`: the fingerprint verdict with its alternatives and every reason behind it,
// and the identity decisions behind the record (why sightings were taken for this device, merged into
// it or kept apart from it). DEVICE is a store id, IP, MAC or hostname; `--from-walk FILE` explains an
// SNMP dump without a store.
#include <algorithm>
#include <iostream>
#include <map>

#include "agent/commands/commands.hpp"
#include "agent/commands/rule_loading.hpp"
#include "agent/config.hpp"
#include "collectors/snmp/walk_file.hpp"
#include "fingerprint/engine.hpp"
#include "fingerprint/verdict_text.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

struct ExplainFlags {
    std::string device;
    std::string db;
    std::string from_walk;
    std::vector<std::string> rule_dirs;
};

bool names_device(const DeviceRecord& d, const std::string& key) {
    if (std::to_string(d.id) == key) return true;
    if (auto ip = Ipv4Address::parse(key); ip && std::find(d.ips.begin(), d.ips.end(), *ip) != d.ips.end())
        return true;
    if (auto mac = MacAddress::parse(key);
        mac && std::find(d.macs.begin(), d.macs.end(), *mac) != d.macs.end())
        return true;
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    return std::any_of(d.evidence.hostnames.begin(), d.evidence.hostnames.end(), [&](const std::string& h) {
        return lower(h) == lower(key) || lower(h).starts_with(lower(key) + ".");
    });
}

void explain_walk(const ExplainFlags& flags) {
    DeviceEvidence evidence;
    try {
        auto walk = read_walk_file(flags.from_walk);
        if (walk.skipped_lines > 0)
            std::cerr << "netdossier: " << flags.from_walk << ": skipped " << walk.skipped_lines
                      << " malformed lines (first: " << walk.first_problem << ")\n";
        evidence.snmp = std::move(walk.walk);
    } catch (const std::exception& e) {
        throw CommandError{e.what(), 2};
    }
    std::cout << flags.from_walk << ":\n";
    print_verdict(std::cout, load_command_engine(flags.rule_dirs).classify(evidence), true);
}

std::string scan_words(std::int64_t scan) {
    return scan == 0 ? std::string("outside a scan") : "in scan " + std::to_string(scan);
}

std::string score_words(int score) {
    return score > 0 ? " (score " + std::to_string(score) + ")" : std::string();
}

// One identity decision as a sentence, from the point of view of device `self`.
std::string identity_sentence(const IdentityLogEntry& e, std::int64_t self) {
    const bool other_side = e.device_id != self && e.other_device_id == self;
    const std::string other = std::to_string(other_side ? e.device_id : e.other_device_id);
    const std::string when = scan_words(e.scan_id);
    if (e.action == "created") return "New record " + when + ": " + e.reason + ".";
    if (e.action == "matched")
        return "Recognised " + when + score_words(e.score) + " by weaker evidence: " + e.reason + ".";
    if (e.action == "key-added") return "Learned another identity key " + when + ": " + e.reason + ".";
    if (e.action == "merged") {
        return other_side ? "Merged into device " + other + " " + when + ": " + e.reason + "."
                          : "Device " + other + " was merged into this one " + when + ": " + e.reason + ".";
    }
    if (e.action == "merge-refused")
        return "Kept apart from device " + other + score_words(e.score) +
               " although they share evidence, "
               "because an engineer split them: " +
               e.reason + ".";
    if (e.action == "merged-by-engineer") {
        return other_side ? "An engineer merged this record into device " + other + " (" + e.reason + ")."
                          : "An engineer merged device " + other + " into this one (" + e.reason + ").";
    }
    if (e.action == "split-by-engineer") return "An engineer split it (" + e.reason + ").";
    return e.action + " " + when + ": " + e.reason + ".";
}

void print_identity(std::ostream& out, const std::vector<IdentityLogEntry>& log, std::int64_t self) {
    out << "  identity decisions:\n";
    if (log.empty()) out << "    none logged (a store from before identity logging)\n";
    for (const auto& e : log) {
        // A split is logged once from each side; each device shows its own.
        if (e.action == "split-by-engineer" && e.device_id != self) continue;
        out << "    - " << identity_sentence(e, self) << "\n";
    }
}

void explain_device(const ExplainFlags& flags) {
    auto path = flags.db.empty() ? std::string(kDefaultStorePath) : flags.db;
    std::vector<DeviceRecord> matches;
    std::map<std::int64_t, std::vector<IdentityLogEntry>> identity;
    try {
        auto store = Store::open_existing(path);
        for (auto& d : store.devices()) {
            if (names_device(d, flags.device)) matches.push_back(std::move(d));
        }
        for (const auto& d : matches) identity[d.id] = store.identity_log(d.id);
    } catch (const StoreError& e) {
        throw CommandError{e.what(), 2};
    }
    if (matches.empty())
        throw CommandError{
            "no device '" + flags.device + "' in " + path + " (try an id, IP, MAC or hostname)", 4};
    auto engine = load_command_engine(flags.rule_dirs);
    for (const auto& d : matches) {
        std::cout << "device " << d.id;
        for (const auto& ip : d.ips) std::cout << "  " << ip.to_string();
        for (const auto& mac : d.macs) std::cout << "  " << mac.to_string();
        std::cout << "\n";
        // Re-classified from the merged evidence with the rules as they are now, so drop-in edits show at
        // once.
        auto verdict = engine.classify(d.evidence);
        print_verdict(std::cout, verdict, true);
        if (!(verdict == d.verdict) && d.verdict.device_class != DeviceClass::kUnknown)
            std::cout << "  (the stored verdict, from the last scan, says "
                      << to_string(d.verdict.device_class) << "; the rules have changed since)\n";
        print_identity(std::cout, identity[d.id], d.id);
    }
}

}  // namespace

void add_explain_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<ExplainFlags>();
    auto* cmd = app.add_subcommand(
        "explain",
        "Show why a device was classified as it was (verdict, alternatives, reasons) and why its record "
        "holds what it does (identity decisions)");
    cmd->add_option("device", flags->device, "Device id, IP, MAC or hostname in the store");
    cmd->add_option("--db", flags->db, "Store file (default: netdossier.db)");
    cmd->add_option("--from-walk", flags->from_walk,
                    "Classify an SNMP dump instead (snmpwalk -On output or .snmprec, maybe gzipped)");
    cmd->add_option("--rules", flags->rule_dirs,
                    "Rule folders to use instead of the default ones (repeatable)");
    cmd->callback([flags] {
        if (flags->device.empty() == flags->from_walk.empty())
            throw CommandError{"explain: give either DEVICE or --from-walk FILE", 2};
        if (!flags->from_walk.empty())
            explain_walk(*flags);
        else
            explain_device(*flags);
    });
}

}  // namespace nd
