#include "fingerprint/report/corpus_report.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <functional>
#include <iomanip>
#include <optional>
#include <set>
#include <string_view>

#include "fingerprint/rule_set.hpp"
#include "model/address.hpp"

namespace nd::fp {
namespace {

std::string alnum_lower(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

bool contains_either(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    const auto& shorter = a.size() < b.size() ? a : b;
    const auto& longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 3 && longer.find(shorter) != std::string::npos;
}

std::optional<double> target_for(const std::string& corpus, const std::string& field) {
    if (corpus.starts_with("librenms")) {
        if (field == "class") return 0.97;
        if (field == "serial") return 0.95;
        if (field == "model" || field == "firmware") return 0.90;
    }
    if (corpus.starts_with("recog")) {
        if (field == "class" || field == "vendor") return 0.97;
        if (field == "model" || field == "firmware") return 0.95;
    }
    return std::nullopt;
}

// The enterprise number under 1.3.6.1.4.1 of a recording's sysObjectID: misses grouped by it show which
// maker's registry or rules would pay off most.
std::string miss_enterprise(const DeviceEvidence& evidence) {
    static const Oid kSysObjectId = *Oid::parse("1.3.6.1.2.1.1.2.0");
    auto it = evidence.snmp.find(kSysObjectId);
    if (it == evidence.snmp.end()) return {};
    std::string_view oid = it->second.bytes;
    if (oid.starts_with('.')) oid.remove_prefix(1);
    constexpr std::string_view kEnterprises = "1.3.6.1.4.1.";
    if (!oid.starts_with(kEnterprises)) return {};
    oid.remove_prefix(kEnterprises.size());
    return std::string(oid.substr(0, oid.find('.')));
}

// "8072 21, 9 10, ..." : misses per enterprise, most first.
std::string misses_by_enterprise(const std::vector<Miss>& misses) {
    std::map<std::string, std::size_t> counts;
    for (const auto& m : misses) ++counts[m.enterprise.empty() ? "-" : m.enterprise];
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string text;
    for (const auto& [enterprise, n] : sorted)
        text += (text.empty() ? "" : ", ") + enterprise + " " + std::to_string(n);
    return text;
}

}  // namespace

bool model_matches(const std::string& expected, const std::string& got, const std::string& vendor) {
    auto e = alnum_lower(expected), g = alnum_lower(got), v = vendor_key(vendor);
    if (!v.empty()) {
        if (e.starts_with(v) && e.size() > v.size()) e = e.substr(v.size());
        if (g.starts_with(v) && g.size() > v.size()) g = g.substr(v.size());
    }
    return contains_either(e, g);
}

bool version_matches(const std::string& expected, const std::string& got) {
    return contains_either(alnum_lower(expected), alnum_lower(got));
}

bool serial_matches(const std::string& expected, const std::string& got) {
    if (got.empty()) return false;
    if (alnum_lower(expected) == alnum_lower(got)) return true;
    // "e8:27:25:0:0:0" and "E8-27-25-00-00-00" are one hardware address.
    auto e = MacAddress::parse(expected), g = MacAddress::parse(got);
    return e && g && *e == *g;
}

bool CorpusReport::passed() const {
    return std::all_of(scores.begin(), scores.end(), [](const FieldScore& s) { return s.passed(); });
}

namespace {

CorpusReport score_verdicts(const FingerprintEngine& engine, const Corpus& corpus,
                            const std::vector<std::pair<const LabelledDevice*, Verdict>>& verdicts,
                            double seconds) {
    CorpusReport report;
    report.corpus = corpus.name;
    report.classify_seconds = seconds;
    report.malformed_records = corpus.malformed_records;
    std::map<std::string, FieldScore> scores;
    for (const char* f : {"class", "vendor", "model", "firmware", "serial"})
        scores[f] = FieldScore{f, 0, 0, target_for(corpus.name, f), {}};
    std::string enterprise;  // of the device being tallied
    auto tally = [&](const char* field, bool ok, const std::string& id, const std::string& expected,
                     const std::string& got) {
        auto& s = scores[field];
        ++s.total;
        if (ok)
            ++s.correct;
        else
            s.misses.push_back({id, expected, got, enterprise});
    };
    for (const auto& [d, v] : verdicts) {
        enterprise = miss_enterprise(d->evidence);
        ++report.devices;
        if (!d->problem.empty()) ++report.unloadable;
        auto value = [](const std::optional<Finding>& f) { return f ? f->value : std::string(); };
        std::string vendor = value(v.vendor);
        if (!d->classes.empty()) {
            bool ok = std::find(d->classes.begin(), d->classes.end(), v.device_class) != d->classes.end();
            std::string truth(to_string(ok ? v.device_class : d->classes.front()));
            std::string accepted;
            for (auto c : d->classes) accepted += (accepted.empty() ? "" : "|") + std::string(to_string(c));
            tally("class", ok, d->id, accepted, std::string(to_string(v.device_class)));
            ++report.confusion[truth][std::string(to_string(v.device_class))];
        }
        if (!d->vendors.empty()) {
            auto got = vendor_key(engine.canonical_vendor(vendor));
            bool ok =
                !got.empty() && std::any_of(d->vendors.begin(), d->vendors.end(), [&](const std::string& e) {
                    return vendor_key(engine.canonical_vendor(e)) == got || vendor_key(e) == got;
                });
            tally("vendor", ok, d->id, d->vendors.front(), vendor);
        }
        if (!d->model.empty()) {
            // recog's "product" may name the OS ("Mac OS X") as well as the hardware.
            bool ok = model_matches(d->model, value(v.model), vendor) ||
                      (corpus.name.starts_with("recog") && model_matches(d->model, value(v.os), vendor));
            tally("model", ok, d->id, d->model, value(v.model) + (v.os ? " / os " + v.os->value : ""));
        }
        if (!d->firmware.empty())
            tally("firmware", version_matches(d->firmware, value(v.firmware)), d->id, d->firmware,
                  value(v.firmware));
        if (!d->serial.empty()) {
            auto got = value(v.serial);
            bool ok = serial_matches(d->serial, got);
            tally("serial", ok, d->id, d->serial, got);
        }
    }
    for (const char* f : {"class", "vendor", "model", "firmware", "serial"}) {
        if (scores[f].total > 0) report.scores.push_back(std::move(scores[f]));
    }
    return report;
}

}  // namespace

CorpusReport score_corpus(const FingerprintEngine& engine, const Corpus& corpus) {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::pair<const LabelledDevice*, Verdict>> verdicts;
    for (const auto& d : corpus.devices) verdicts.emplace_back(&d, engine.classify(d.evidence));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return score_verdicts(engine, corpus, verdicts, seconds);
}

namespace {

// Scores `scored` devices, each without the rules that fire (anywhere in the corpus) on devices of its own
// group only, as if those rules had never been written.
CorpusReport score_leaving_out(const FingerprintEngine& engine, const Corpus& corpus,
                               const std::function<std::string(const LabelledDevice&)>& group_of,
                               const std::vector<const LabelledDevice*>& scored, const std::string& label) {
    std::map<std::string, std::set<std::string>> rule_groups;
    for (const auto& d : corpus.devices) {
        for (const auto& id : engine.matching_rules(d.evidence)) rule_groups[id].insert(group_of(d));
    }
    std::map<std::string, std::set<std::string>> group_only;  // group -> its own rules
    for (const auto& [id, groups] : rule_groups) {
        if (groups.size() == 1) group_only[*groups.begin()].insert(id);
    }
    std::map<std::string, std::vector<const LabelledDevice*>> by_group;
    for (const auto* d : scored) by_group[group_of(*d)].push_back(d);
    auto start = std::chrono::steady_clock::now();
    std::vector<std::pair<const LabelledDevice*, Verdict>> verdicts;
    for (const auto& [group, devices] : by_group) {
        auto own = group_only.find(group);
        if (own == group_only.end()) {
            for (const auto* d : devices) verdicts.emplace_back(d, engine.classify(d->evidence));
            continue;
        }
        auto reduced = engine.without_rules(own->second);
        for (const auto* d : devices) verdicts.emplace_back(d, reduced.classify(d->evidence));
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto report = score_verdicts(engine, corpus, verdicts, seconds);
    report.corpus += " " + label;
    for (auto& s : report.scores) s.target.reset();
    return report;
}

// A device whose label names no family is a family of its own (never one with every other such device).
std::string family_of(const LabelledDevice& d) { return d.family.empty() ? "\x01" + d.id : d.family; }

}  // namespace

CorpusReport score_leave_families_out(const FingerprintEngine& engine, const Corpus& corpus) {
    std::vector<const LabelledDevice*> all;
    for (const auto& d : corpus.devices) all.push_back(&d);
    return score_leaving_out(engine, corpus, family_of, all, "leave-families-out");
}

CorpusReport score_leave_recordings_out(const FingerprintEngine& engine, const Corpus& corpus) {
    std::map<std::string, std::size_t> family_size;
    for (const auto& d : corpus.devices) ++family_size[family_of(d)];
    std::vector<const LabelledDevice*> seen_families;  // recordings with a sibling in their family
    for (const auto& d : corpus.devices) {
        if (family_size[family_of(d)] > 1) seen_families.push_back(&d);
    }
    return score_leaving_out(
        engine, corpus, [](const LabelledDevice& d) { return d.id; }, seen_families, "leave-recordings-out");
}

void print_report(std::ostream& out, const std::vector<CorpusReport>& reports, std::size_t misses_per_field) {
    out << std::fixed << std::setprecision(1);
    for (const auto& r : reports) {
        out << "== " << r.corpus << ": " << r.devices << " items (" << r.unloadable << " unloadable, "
            << r.malformed_records << " malformed records tolerated), classified in " << std::setprecision(3)
            << r.classify_seconds << " s" << std::setprecision(1) << "\n";
        for (const auto& s : r.scores) {
            out << "  " << std::left << std::setw(9) << s.field << std::right << std::setw(6)
                << 100.0 * s.accuracy() << "%  (" << s.correct << "/" << s.total << ")";
            if (s.target)
                out << "  target >= " << 100.0 * *s.target << "%  " << (s.passed() ? "PASS" : "FAIL");
            out << "\n";
        }
        std::set<std::string> classes;
        for (const auto& [truth, row] : r.confusion) {
            classes.insert(truth);
            for (const auto& [pred, n] : row) classes.insert(pred);
        }
        out << "  per class (truth = label, or the prediction when the label accepts it):\n";
        for (const auto& c : classes) {
            std::size_t tp = 0, actual = 0, predicted = 0;
            for (const auto& [truth, row] : r.confusion) {
                for (const auto& [pred, n] : row) {
                    if (truth == c) actual += n;
                    if (pred == c) predicted += n;
                    if (truth == c && pred == c) tp += n;
                }
            }
            out << "    " << std::left << std::setw(14) << c << std::right << " precision " << std::setw(5)
                << (predicted ? 100.0 * static_cast<double>(tp) / static_cast<double>(predicted) : 0.0)
                << "%  recall " << std::setw(5)
                << (actual ? 100.0 * static_cast<double>(tp) / static_cast<double>(actual) : 0.0)
                << "%  (n=" << actual << ")\n";
        }
        out << "  confusion (rows truth, columns predicted):\n    " << std::setw(14) << "";
        for (const auto& c : classes) out << std::setw(7) << c.substr(0, 6);
        out << "\n";
        for (const auto& t : classes) {
            out << "    " << std::left << std::setw(14) << t << std::right;
            for (const auto& p : classes) {
                std::size_t n = 0;
                if (auto row = r.confusion.find(t); row != r.confusion.end()) {
                    if (auto cell = row->second.find(p); cell != row->second.end()) n = cell->second;
                }
                out << std::setw(7) << n;
            }
            out << "\n";
        }
        for (const auto& s : r.scores) {
            for (std::size_t i = 0; i < std::min(misses_per_field, s.misses.size()); ++i) {
                const auto& m = s.misses[i];
                out << "  miss " << s.field << " " << m.id << ": expected \"" << m.expected << "\" got \""
                    << m.got << "\"\n";
            }
            if (misses_per_field > 0 && !s.misses.empty())
                out << "  " << s.field << " misses by enterprise: " << misses_by_enterprise(s.misses) << "\n";
        }
    }
    bool all = std::all_of(reports.begin(), reports.end(), [](const CorpusReport& r) { return r.passed(); });
    out << (all ? "ALL TARGETS PASS\n" : "SOME TARGETS FAIL\n");
}

nlohmann::json report_json(const std::vector<CorpusReport>& reports) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : reports) {
        nlohmann::json j{{"corpus", r.corpus},
                         {"items", r.devices},
                         {"unloadable", r.unloadable},
                         {"malformed_records", r.malformed_records},
                         {"classify_seconds", r.classify_seconds},
                         {"passed", r.passed()},
                         {"confusion", r.confusion}};
        for (const auto& s : r.scores) {
            nlohmann::json misses = nlohmann::json::array();
            for (const auto& m : s.misses)
                misses.push_back(
                    {{"id", m.id}, {"expected", m.expected}, {"got", m.got}, {"enterprise", m.enterprise}});
            j["scores"][s.field] = {
                {"correct", s.correct},
                {"total", s.total},
                {"accuracy", s.accuracy()},
                {"target", s.target ? nlohmann::json(*s.target) : nlohmann::json(nullptr)},
                {"passed", s.passed()},
                {"misses", misses}};
        }
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace nd::fp
