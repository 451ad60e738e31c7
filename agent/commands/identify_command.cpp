// `netdossier identify`: fingerprint one device, live over SNMP or offline from dumps.
//   identify --snmp HOST[:PORT] --community NAME [--json]      (or --community-file FILE)
//   identify --snmp HOST --v3-user U --auth-proto SHA --auth-pass-file F --priv-proto AES --priv-pass-file F
//   identify --from-walk FILE... [--json]      (snmpwalk -On output or .snmprec, maybe gzipped)
// JSON mode prints one export-contract device object per line, in the order given, with "source";
// a file that can't be read gives {"source", "error"} and the others are still identified.
#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <utility>

#include "agent/commands/commands.hpp"
#include "agent/commands/engine_loader.hpp"
#include "agent/snmp_rule_plan.hpp"
#include "collectors/snmp/snmp_collector.hpp"
#include "collectors/snmp/snmp_decode.hpp"
#include "collectors/snmp/snmp_facts_json.hpp"
#include "collectors/snmp/vlan_context.hpp"
#include "collectors/snmp/walk_file.hpp"
#include "exporters/json_device.hpp"
#include "fingerprint/engine.hpp"

namespace nd {
namespace {

struct IdentifyOptions {
    std::vector<std::string> snmp_targets;
    std::vector<std::string> walk_files;
    std::vector<std::string> communities;
    std::string community_file;
    std::string snmp_version = "2c";
    std::string v3_user, security_level, auth_proto = "SHA", priv_proto = "AES";
    std::string auth_pass_file, auth_pass_env, priv_pass_file, priv_pass_env;
    int timeout_ms = 1000;
    int retries = 1;
    bool full_walk = false;
    bool show_plan = false;
    int concurrency = 64;
    int subtrees_in_flight = 4;
    bool json = false;
    std::vector<std::string> rule_dirs;
};

struct Identified {
    std::string source;
    DeviceEvidence evidence;
    std::vector<std::string> warnings;
    std::string error;
    Clock::time_point seen{};
};

Secret secret_from(const std::string& file, const std::string& env, const char* default_env,
                   const char* what) {
    try {
        if (!file.empty()) return read_secret_file(file);
        if (!env.empty()) return read_secret_env(env);
        return read_secret_env(default_env);
    } catch (const std::runtime_error& e) {
        throw CommandError{std::string(what) + ": " + e.what() + " (give --" + what + "-file or --" + what +
                               "-env; never the secret itself)",
                           2};
    }
}

SnmpOptions snmp_options(const IdentifyOptions& o) {
    SnmpOptions s;
    s.timeout = std::chrono::milliseconds(o.timeout_ms);
    s.retries = o.retries;
    s.max_concurrent_hosts = o.concurrency;
    s.subtrees_in_flight = o.subtrees_in_flight;
    auto version = parse_snmp_version(o.snmp_version);
    if (!version || *version == SnmpVersion::kV3) throw CommandError{"--snmp-version must be 1 or 2c", 2};
    for (std::size_t i = 0; i < o.communities.size(); ++i) {
        s.credentials.push_back(
            community_credential("community-" + std::to_string(i + 1), o.communities[i], *version));
    }
    if (!o.community_file.empty()) {
        try {
            for (auto& c : read_community_file(o.community_file, *version)) {
                for (const auto& known : s.credentials)
                    if (known.name == c.name)
                        throw std::runtime_error("credential name \"" + c.name +
                                                 "\" is also a --community's");
                s.credentials.push_back(std::move(c));
            }
        } catch (const std::runtime_error& e) {
            throw CommandError{std::string("--community-file: ") + e.what(), 2};
        }
    }
    if (!o.v3_user.empty()) {
        SnmpCredential c;
        c.name = "v3-" + o.v3_user;
        c.version = SnmpVersion::kV3;
        c.user = o.v3_user;
        auto auth = parse_auth_protocol(o.auth_proto);
        auto priv = parse_priv_protocol(o.priv_proto);
        if (!auth)
            throw CommandError{"--auth-proto must be MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512", 2};
        if (!priv) throw CommandError{"--priv-proto must be DES, AES, AES-192 or AES-256", 2};
        c.auth_protocol = *auth;
        c.priv_protocol = *priv;
        auto level = o.security_level.empty() ? std::optional(SnmpSecurityLevel::kAuthPriv)
                                              : parse_security_level(o.security_level);
        if (!level) throw CommandError{"--security-level must be noAuthNoPriv, authNoPriv or authPriv", 2};
        c.level = *level;
        if (c.level != SnmpSecurityLevel::kNoAuthNoPriv) {
            c.auth_passphrase =
                secret_from(o.auth_pass_file, o.auth_pass_env, "NETDOSSIER_SNMP_AUTH_PASS", "auth-pass");
        }
        if (c.level == SnmpSecurityLevel::kAuthPriv) {
            c.priv_passphrase =
                secret_from(o.priv_pass_file, o.priv_pass_env, "NETDOSSIER_SNMP_PRIV_PASS", "priv-pass");
        }
        if (std::string problem = validate_credential(c); !problem.empty()) throw CommandError{problem, 2};
        s.credentials.push_back(std::move(c));
    }
    if (s.credentials.empty())
        throw CommandError{"--snmp needs --community NAME, --community-file FILE or --v3-user USER", 2};
    return s;
}

std::vector<Identified> identify_live(const IdentifyOptions& o,
                                      const std::function<void(const SnmpWalk&)>& on_first_answer,
                                      std::function<SnmpReads()> rule_reads) {
    SnmpOptions options = snmp_options(o);
    std::vector<SnmpTarget> targets;
    for (const auto& t : o.snmp_targets) {
        auto target = parse_snmp_target(t, options.port);
        if (!target) throw CommandError{"--snmp " + t + ": expected HOST or HOST:PORT", 2};
        targets.push_back(*target);
    }
    // Besides the standard MIBs, what the rules read from each device's maker (snmp_rule_plan.hpp).
    SnmpCollector collector(options,
                            o.full_walk ? full_walk_plan() : rule_driven_walk_plan(std::move(rule_reads)));
    bool answered = false;
    collector.on_answered([&](const SnmpTarget&, const SnmpWalk& system) {
        if (!std::exchange(answered, true)) on_first_answer(system);
    });
    std::vector<Identified> out;
    for (auto& r : collector.walk_hosts(targets)) {
        Identified id;
        id.source = "snmp:" + r.target.to_string();
        id.warnings = r.warnings;
        id.seen = Clock::now();
        if (!r.answered) {
            id.error = r.error;
        } else {
            id.evidence = to_observation(r, 0).evidence;
        }
        out.push_back(std::move(id));
    }
    return out;
}

Identified identify_file(const std::string& file) {
    Identified id;
    id.source = file;
    try {
        WalkFileResult r = read_walk_file(file);
        if (r.skipped_lines > 0) {
            id.warnings.push_back("skipped " + std::to_string(r.skipped_lines) +
                                  " malformed lines (first: " + r.first_problem + ")");
        }
        id.evidence.snmp = std::move(r.walk);
        // A Cisco switch's per-VLAN recordings (<stem>@<vlan>.snmprec) give its other VLANs' MAC tables.
        add_vlan_context_files(file, id.evidence.snmp, id.warnings);
        add_sysname_hostname(id.evidence);
    } catch (const std::exception& e) {
        id.error = e.what();
    }
    return id;
}

void print_text(const Identified& id, const Verdict& v, const SnmpDeviceFacts& facts) {
    auto finding = [](const std::optional<Finding>& f) { return f && !f->value.empty() ? f->value : "?"; };
    std::cout << id.source << ": " << to_string(v.device_class) << " (confidence "
              << static_cast<int>(v.class_confidence * 100) << "%)\n"
              << "  vendor " << finding(v.vendor) << ", model " << finding(v.model) << ", firmware "
              << finding(v.firmware) << ", serial " << finding(v.serial) << ", hostname "
              << finding(v.hostname) << "\n";
    if (!id.evidence.snmp_credential.empty())
        std::cout << "  credential: " << id.evidence.snmp_credential << "\n";
    for (const auto& r : v.class_reasons) std::cout << "  because: " << r << "\n";
    for (const auto& line : snmp_facts_summary(facts)) std::cout << "  " << line << "\n";
    for (const auto& w : id.warnings) std::cout << "  warning: " << w << "\n";
}

int run_identify(const IdentifyOptions& o) {
    if (o.show_plan) {  // for benches and for engineers who want the same OIDs from snmpbulkwalk
        for (const Oid& root : (o.full_walk ? full_walk_plan() : default_walk_plan()).subtrees) {
            std::cout << root.to_string() << "\n";
        }
        return 0;
    }
    if (o.snmp_targets.empty() == o.walk_files.empty()) {
        throw CommandError{"give either --snmp HOST[:PORT]... or --from-walk FILE...", 2};
    }
    // The rules load on another thread while the devices are walked or their dumps read (engine_loader.hpp);
    // for -v: where a one-device identify spends its time.
    const auto ms_since_start = [started = std::chrono::steady_clock::now()] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                     started)
            .count();
    };
    BackgroundEngineLoader engine_loader(o.rule_dirs);
    std::vector<Identified> items;
    if (!o.snmp_targets.empty()) {
        items = identify_live(
            o, [&](const SnmpWalk& system) { engine_loader.classify_ahead(system); },
            [&] { return engine_loader.snmp_reads(); });
    } else {
        for (const auto& f : o.walk_files) items.push_back(identify_file(f));
    }
    spdlog::debug("walks done {} ms after the start", ms_since_start());
    // Kept to the end of the process on purpose: freeing ~4,000 rules on the way out costs a one-device
    // identify a few milliseconds and gives nothing back (reachable, so leak checkers stay quiet).
    static const FingerprintEngine* kept_engine = nullptr;
    auto loaded = std::make_unique<FingerprintEngine>(engine_loader.get());  // (a bad rule file throws here)
    delete kept_engine;  // a second identify in the same process (tests) frees the first one's
    kept_engine = loaded.release();
    const FingerprintEngine& engine = *kept_engine;
    int failures = 0;
    for (const Identified& id : items) {
        if (!id.error.empty()) {
            ++failures;
            if (o.json) {
                std::cout << nlohmann::json{{"source", id.source}, {"error", id.error}}.dump() << "\n";
            } else {
                std::cout << id.source << ": error: " << id.error << "\n";
            }
            continue;
        }
        DeviceRecord record;
        record.verdict = engine.classify(id.evidence);
        record.evidence = id.evidence;
        if (id.evidence.mac) record.macs.push_back(*id.evidence.mac);
        record.ips = id.evidence.ips;
        record.first_seen = record.last_seen = id.seen;
        const SnmpDeviceFacts facts = decode_all(id.evidence.snmp);
        if (o.json) {
            nlohmann::json j = device_json(record);
            j["id"] = nullptr;  // not from a store
            j["source"] = id.source;
            j["snmp_credential"] = id.evidence.snmp_credential.empty()
                                       ? nlohmann::json(nullptr)
                                       : nlohmann::json(id.evidence.snmp_credential);
            j["snmp_facts"] = snmp_facts_json(facts);
            if (!id.warnings.empty()) j["warnings"] = id.warnings;
            std::cout << j.dump() << "\n";
        } else {
            print_text(id, record.verdict, facts);
        }
    }
    std::cout.flush();
    spdlog::debug("identified {} ms after the start", ms_since_start());
    return failures == 0 ? 0 : 1;
}

}  // namespace

void add_identify_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto o = std::make_shared<IdentifyOptions>();
    auto* cmd = app.add_subcommand("identify", "Identify devices live over SNMP or from SNMP dumps");
    cmd->add_option("--snmp", o->snmp_targets, "Agent to query, HOST[:PORT] (repeatable)");
    cmd->add_option("--from-walk", o->walk_files, "snmpwalk -On output or .snmprec files (plain or .gz)");
    cmd->add_option("--community", o->communities,
                    "v1/v2c community, tried in order (repeatable; visible in ps: prefer --community-file)");
    cmd->add_option(
           "--community-file", o->community_file,
           "v1/v2c communities tried after --community ones, one per line, NAME=COMMUNITY to name one "
           "(kept out of ps)")
        ->type_name("FILE");
    cmd->add_option("--snmp-version", o->snmp_version, "Version for --community: 1 or 2c")
        ->capture_default_str();
    cmd->add_option("--v3-user", o->v3_user, "SNMPv3 user (tried after the communities)");
    cmd->add_option("--security-level", o->security_level, "noAuthNoPriv, authNoPriv or authPriv (default)");
    cmd->add_option("--auth-proto", o->auth_proto, "MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512")
        ->capture_default_str();
    cmd->add_option("--auth-pass-file", o->auth_pass_file, "File holding the v3 auth passphrase");
    cmd->add_option("--auth-pass-env", o->auth_pass_env,
                    "Environment variable holding it (default NETDOSSIER_SNMP_AUTH_PASS)");
    cmd->add_option("--priv-proto", o->priv_proto, "DES, AES, AES-192, AES-256")->capture_default_str();
    cmd->add_option("--priv-pass-file", o->priv_pass_file, "File holding the v3 privacy passphrase");
    cmd->add_option("--priv-pass-env", o->priv_pass_env,
                    "Environment variable holding it (default NETDOSSIER_SNMP_PRIV_PASS)");
    cmd->add_option("--timeout-ms", o->timeout_ms, "Per-request timeout")
        ->check(CLI::Range(10, 60000))
        ->capture_default_str();
    cmd->add_option("--retries", o->retries, "Retries per request")
        ->check(CLI::Range(0, 10))
        ->capture_default_str();
    cmd->add_option("--concurrency", o->concurrency, "Hosts walked at the same time")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    cmd->add_option("--subtrees-in-flight", o->subtrees_in_flight,
                    "Requests in flight per host, at most (different subtrees, or ranges of the whole tree; "
                    "fewer when the agent answers one at a time)")
        ->check(CLI::Range(1, 8))
        ->capture_default_str();
    cmd->add_flag("--show-plan", o->show_plan, "Print the subtrees a walk reads, one per line, and exit");
    cmd->add_flag("--full-walk", o->full_walk,
                  "Walk the whole MIB tree, not just the subtrees netdossier uses");
    cmd->add_option("--rules", o->rule_dirs,
                    "Fingerprint rule folders instead of the default ones (repeatable)");
    cmd->add_flag("--json", o->json, "One JSON device object per line");
    cmd->callback([o] {
        if (int code = run_identify(*o); code != 0)
            throw CommandError{"some devices could not be identified", code};
    });
}

}  // namespace nd
