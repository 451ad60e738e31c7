// `netdossier fingerprint-report --corpus DIR`: the engine's measured accuracy on labelled corpora.
#include <iostream>

#include "agent/commands/commands.hpp"
#include "agent/commands/rule_loading.hpp"
#include "fingerprint/engine.hpp"
#include "fingerprint/report/corpus_report.hpp"

namespace nd {

void add_fingerprint_report_command(CLI::App& app, const GlobalOptions& /*global*/) {
    struct Options {
        std::string corpus;
        bool json = false;
        bool report_only = false;
        bool leave_out = false;
        std::size_t misses = 0;
        std::vector<std::string> rule_dirs;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "fingerprint-report",
        "Score the fingerprint engine on labelled corpora (precision, recall, accuracy vs targets)");
    cmd->add_option("--corpus", options->corpus,
                    "Corpus root (holding librenms-*, recog-*, snmpinfo-*) or one corpus folder")
        ->required();
    cmd->add_flag("--json", options->json, "Print the report as JSON");
    cmd->add_flag("--report-only", options->report_only, "Exit 0 even when a target fails");
    cmd->add_flag("--leave-out,--leave-families-out", options->leave_out,
                  "Also score each LibreNMS recording / recog example without the rules that fire on it "
                  "alone, and each family (LibreNMS os, recog fingerprint) without the rules that fire on it "
                  "alone (generalisation)");
    cmd->add_option("--misses", options->misses, "List up to N misses per field");
    cmd->add_option("--rules", options->rule_dirs,
                    "Rule folders to use instead of the default ones (repeatable)");
    cmd->callback([options] {
        FingerprintEngine engine = load_command_engine(options->rule_dirs);
        std::vector<fp::Corpus> corpora;
        try {
            corpora = fp::load_corpora(options->corpus);
        } catch (const std::exception& e) {
            throw CommandError{e.what(), 2};
        }
        std::vector<fp::CorpusReport> reports;
        for (const auto& corpus : corpora) reports.push_back(fp::score_corpus(engine, corpus));
        bool passed = std::all_of(reports.begin(), reports.end(), [](const auto& r) { return r.passed(); });
        for (const auto& corpus : corpora) {
            if (!options->leave_out) continue;
            if (!corpus.name.starts_with("librenms") && !corpus.name.starts_with("recog")) continue;
            reports.push_back(fp::score_leave_recordings_out(engine, corpus));
            reports.push_back(fp::score_leave_families_out(engine, corpus));
        }
        if (options->json)
            std::cout << fp::report_json(reports).dump(2) << "\n";
        else
            fp::print_report(std::cout, reports, options->misses);
        if (!passed && !options->report_only) throw CommandError{"fingerprint accuracy below target", 3};
    });
}

}  // namespace nd
