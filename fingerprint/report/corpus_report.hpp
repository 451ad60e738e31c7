#pragma once
// Runs the engine over labelled corpora and scores it: per-class precision/recall, confusion matrix,
// vendor/model/firmware/serial accuracy, each against the targets of issue 4.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "fingerprint/engine.hpp"
#include "fingerprint/report/corpus_loader.hpp"

namespace nd::fp {

struct Miss {
    std::string id, expected, got;
    std::string enterprise;  // the sysObjectID's enterprise number ("9"), empty without one
};

struct FieldScore {
    std::string field;  // "class", "vendor", "model", "firmware", "serial"
    std::size_t total = 0, correct = 0;
    std::optional<double> target;  // fraction required, when the issue sets one
    std::vector<Miss> misses;
    double accuracy() const {
        return total == 0 ? 1.0 : static_cast<double>(correct) / static_cast<double>(total);
    }
    bool passed() const { return !target || accuracy() + 1e-12 >= *target; }
};

struct CorpusReport {
    std::string corpus;
    std::size_t devices = 0, unloadable = 0, malformed_records = 0;
    double classify_seconds = 0.0;
    std::vector<FieldScore> scores;  // class, vendor, model, firmware, serial
    // truth -> predicted -> count; truth is the predicted class when it was acceptable, else the label's
    // first class
    std::map<std::string, std::map<std::string, std::size_t>> confusion;
    bool passed() const;
};

// Scores one corpus. Targets come from the corpus name (librenms*, recog*; others are informational).
CorpusReport score_corpus(const FingerprintEngine& engine, const Corpus& corpus);

// Generalisation estimate: each family (LibreNMS os, recog fingerprint) is scored without the rules that fire
// on that family only in this corpus, as if they had never been written. Informational (no targets).
CorpusReport score_leave_families_out(const FingerprintEngine& engine, const Corpus& corpus);

// The same for a new recording of a family the corpus has: each recording of a family with two or more is
// scored without the rules that fire on that recording alone (a rule written from one file). Informational.
CorpusReport score_leave_recordings_out(const FingerprintEngine& engine, const Corpus& corpus);

// Matching rules, exposed for tests: normalised (case, punctuation, vendor prefix) equality or containment.
bool model_matches(const std::string& expected, const std::string& got, const std::string& vendor);
bool version_matches(const std::string& expected, const std::string& got);
// Serials: case and punctuation aside, equal; a hardware address matches in any notation (octet padding).
bool serial_matches(const std::string& expected, const std::string& got);

void print_report(std::ostream& out, const std::vector<CorpusReport>& reports, std::size_t misses_per_field);
nlohmann::json report_json(const std::vector<CorpusReport>& reports);

}  // namespace nd::fp
