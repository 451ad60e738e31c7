// `netdossier explain`: the fingerprint verdict with its alternatives and every reason behind it.
#include <iostream>

#include "agent/commands/commands.hpp"
#include "collectors/snmp/walk_file.hpp"
#include "fingerprint/engine.hpp"
#include "fingerprint/verdict_text.hpp"
#include "model/config_error.hpp"

namespace nd {

void add_explain_command(CLI::App& app, const GlobalOptions& /*global*/) {
    struct Options {
        std::string device;
        std::string from_walk;
        std::vector<std::string> rule_dirs;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "explain", "Show why a device was classified as it was (verdict, alternatives, reasons)");
    cmd->add_option("--from-walk", options->from_walk,
                    "Classify an SNMP dump (snmpwalk -On output or .snmprec, maybe gzipped)")
        ->required();
    cmd->add_option("--rules", options->rule_dirs,
                    "Rule folders to use instead of the default ones (repeatable)");
    cmd->callback([options] {
        std::vector<std::filesystem::path> dirs(options->rule_dirs.begin(), options->rule_dirs.end());
        FingerprintEngine engine = [&] {
            try {
                return dirs.empty() ? FingerprintEngine::load_default() : FingerprintEngine::load(dirs);
            } catch (const ConfigError& e) {
                throw CommandError{std::string("fingerprint rules: ") + e.what(), 2};
            }
        }();
        DeviceEvidence evidence;
        try {
            auto walk = read_walk_file(options->from_walk);
            if (walk.skipped_lines > 0)
                std::cerr << "netdossier: " << options->from_walk << ": skipped " << walk.skipped_lines
                          << " malformed lines (first: " << walk.first_problem << ")\n";
            evidence.snmp = std::move(walk.walk);
        } catch (const std::exception& e) {
            throw CommandError{e.what(), 2};
        }
        std::cout << options->from_walk << ":\n";
        print_verdict(std::cout, engine.classify(evidence), true);
    });
}

}  // namespace nd
