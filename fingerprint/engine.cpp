#include "fingerprint/engine.hpp"

#include <algorithm>
#include <map>

#include "fingerprint/enterprise_registry.hpp"
#include "fingerprint/maker_names.hpp"
#include "fingerprint/matcher.hpp"
#include "fingerprint/normalize.hpp"
#include "fingerprint/rule_cache.hpp"
#include "fingerprint/rule_index.hpp"
#include "fingerprint/rule_set.hpp"

#ifndef NETDOSSIER_INSTALLED_DATADIR
#define NETDOSSIER_INSTALLED_DATADIR "/usr/share/netdossier/fingerprints"
#endif

namespace nd {

using fp::Field;

// Rules plus the index that keeps classification cheap (see rule_index.hpp).
struct FingerprintEngine::Rules {
    fp::RuleSet set;
    std::unique_ptr<fp::RuleIndex> index;
    // Names the maker when no rule does (read on first use, shared by without_rules copies).
    std::shared_ptr<const fp::EnterpriseRegistry> registry = std::make_shared<fp::EnterpriseRegistry>();

    // The makers a sysDescr may start with (the alias and enterprise tables' names).
    fp::MakerNames makers;
    // Whether any rule asks for the maker the banner opens with (else it is not looked up).
    bool banner_maker_rules = false;

    bool from_cache = false;
    void build_indexes() {
        index = std::make_unique<fp::RuleIndex>(set.rules);
        makers = fp::MakerNames(set);
        banner_maker_rules = std::any_of(set.rules.begin(), set.rules.end(), [](const fp::Rule& r) {
            return r.when.descr_maker || r.when.descr_after_maker;
        });
    }

    // The maker's registry name for the sysObjectID, for rules that class product lines by name, the IANA
    // registrant of the maker's enterprise number, for rules on what makers call themselves, and the known
    // maker the sysDescr starts with.
    void name_product(fp::DeviceFacts& facts) const {
        if (auto number = facts.maker_branch()) {
            if (auto name = registry->lookup(*number)) facts.registrant = fp::valid_utf8(*name);
        }
        if (banner_maker_rules) {
            auto opener = makers.first_in(facts.sys_descr);
            // A maker no table knows, named by the registrant of the sysObjectID's enterprise (or the walk's
            // private MIB): the banner opening with that name is the same maker.
            if (opener.name.empty() && fp::registrant_names_a_maker(facts.registrant))
                opener = fp::MakerNames::opens_with(
                    facts.sys_descr, fp::VendorNames(&set.vendor_aliases).canonical(facts.registrant));
            facts.descr_maker = std::move(opener.name);
            if (!facts.descr_maker.empty()) facts.descr_after_maker = facts.sys_descr.substr(opener.end);
        }
        if (!facts.sys_object_id || set.products.empty()) return;
        if (auto it = set.products.find(facts.sys_object_id->to_string()); it != set.products.end())
            facts.product_name = it->second.name;
    }

    std::vector<std::size_t> candidates(const fp::DeviceFacts& facts) const {
        std::vector<std::size_t> out;
        index->candidates(facts, out);
        return out;
    }
};

namespace {

// Rule caches kept in a cache directory: the shipped rules, a drop-in folder or two, tests' and benches'.
constexpr std::size_t kKeptRuleCaches = 8;

struct Candidate {
    std::string value;
    double score = 0.0;  // noisy-OR of the weights supporting this value
    double best = 0.0;   // the strongest single weight
    std::size_t first = 0;
    std::vector<std::string> reasons;
};

// Strongest single piece of evidence first; agreeing evidence only breaks near-ties.
double rank(const Candidate& c) { return c.best + 0.15 * (c.score - c.best); }

void add(std::map<std::string, Candidate>& pool, const std::string& key, const std::string& value,
         double weight, std::size_t order, std::string reason) {
    auto& c = pool[key];
    if (c.reasons.empty()) {
        c.value = value;
        c.first = order;
    }
    c.score = 1.0 - (1.0 - c.score) * (1.0 - weight);
    c.best = std::max(c.best, weight);
    c.reasons.push_back(std::move(reason));
}

std::vector<const Candidate*> ranked(const std::map<std::string, Candidate>& pool) {
    std::vector<const Candidate*> out;
    for (const auto& [key, c] : pool) out.push_back(&c);
    std::sort(out.begin(), out.end(), [](const Candidate* a, const Candidate* b) {
        if (rank(*a) != rank(*b)) return rank(*a) > rank(*b);
        return a->first < b->first;
    });
    return out;
}

std::string reason_for(const fp::Rule& rule, const fp::Match& match, const std::string& what) {
    std::string text = what.empty() ? "" : what + ": ";
    text += rule.why.empty() ? "matched" : rule.why;
    if (!match.details.empty()) {
        text += " [";
        for (std::size_t i = 0; i < match.details.size(); ++i) text += (i ? "; " : "") + match.details[i];
        text += "]";
    }
    return text + " (rule " + rule.id + ")";
}

}  // namespace

FingerprintEngine::FingerprintEngine(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
FingerprintEngine::FingerprintEngine(FingerprintEngine&&) noexcept = default;
FingerprintEngine& FingerprintEngine::operator=(FingerprintEngine&&) noexcept = default;
FingerprintEngine::~FingerprintEngine() = default;

FingerprintEngine FingerprintEngine::load(const std::vector<std::filesystem::path>& rule_dirs,
                                          const std::filesystem::path& cache_dir) {
    auto rules = std::make_unique<Rules>();
    const auto files = fp::read_rule_files(rule_dirs);
    if (cache_dir.empty() || files.empty()) {  // no files: nothing worth caching
        rules->set = fp::parse_rule_files(files);
    } else {
        const auto cache_file = fp::rule_cache_file(cache_dir, rule_dirs);
        const auto key = fp::rule_cache_key(files);
        if (auto cached = fp::read_rule_cache(cache_file, key)) {
            rules->set = std::move(*cached);
            rules->from_cache = true;
            fp::mark_rule_cache_used(cache_file);
        } else {
            rules->set = fp::parse_rule_files(files);
            // Best effort: the next load parses again. Folder lists other than the usual one each leave a
            // cache; keep the few most recent.
            if (fp::write_rule_cache(cache_file, key, rules->set))
                fp::prune_rule_caches(cache_dir, kKeptRuleCaches, cache_file);
        }
    }
    rules->build_indexes();
    return FingerprintEngine(std::move(rules));
}

FingerprintEngine FingerprintEngine::without_rules(const std::set<std::string>& ids) const {
    // Everything else stays (aliases, the product registries, files): only these rules are gone.
    auto rules = std::make_unique<Rules>();
    rules->set = rules_->set;
    rules->registry = rules_->registry;
    std::erase_if(rules->set.rules, [&](const fp::Rule& rule) { return ids.contains(rule.id); });
    for (const auto& id : ids) rules->set.rule_ids.erase(id);
    rules->build_indexes();
    return FingerprintEngine(std::move(rules));
}

std::vector<std::filesystem::path> FingerprintEngine::default_rule_dirs() {
    std::vector<std::filesystem::path> dirs;
    std::error_code ec;
    if (std::filesystem::is_directory(NETDOSSIER_SOURCE_DATADIR, ec))
        dirs.emplace_back(NETDOSSIER_SOURCE_DATADIR);
    else
        dirs.emplace_back(NETDOSSIER_INSTALLED_DATADIR);
    dirs.emplace_back("/etc/netdossier/fingerprints.d");
    return dirs;
}

std::filesystem::path FingerprintEngine::default_cache_dir() { return fp::default_rule_cache_dir(); }
bool FingerprintEngine::rules_from_cache() const { return rules_->from_cache; }

FingerprintEngine FingerprintEngine::load_default(const std::filesystem::path& cache_dir) {
    return load(default_rule_dirs(), cache_dir);
}

std::string FingerprintEngine::canonical_vendor(std::string_view name) const {
    return fp::VendorNames(&rules_->set.vendor_aliases).canonical(name);
}

std::vector<std::string> FingerprintEngine::matching_rules(const DeviceEvidence& evidence) const {
    fp::DeviceFacts facts(evidence);
    rules_->name_product(facts);
    std::vector<std::string> out;
    for (std::size_t index : rules_->candidates(facts)) {
        if (fp::match_rule(rules_->set.rules[index], facts)) out.push_back(rules_->set.rules[index].id);
    }
    return out;
}

SnmpReads FingerprintEngine::snmp_reads() const {
    constexpr std::size_t kValueRows = 16;  // DeviceFacts::read takes the first row with a real value
    // A presence test needs one row; the second shows that a table's first row is not the unit's only one
    // (maker.scalar's single_rows would take a sensor table's first reading for a firmware version). A
    // whole private branch ("implements 17095's MIB") gets one: every arbitrary row of it read adds to a
    // branch read in part, where maker.scalar could take one sensor reading of many for the only
    // version-shaped value (one row narrows that, it cannot rule it out).
    constexpr std::size_t kPresenceRows = 2;
    auto presence_rows = [](const Oid& oid) {
        const bool whole_branch = private_branch(oid) && oid.size() == oids::kEnterprises.size() + 1;
        return whole_branch ? std::size_t{1} : kPresenceRows;
    };
    std::map<Oid, std::size_t> rows;  // subtree -> rows wanted (the most any rule wants)
    bool maker_scalars = false;
    auto want = [&](const Oid& oid, std::size_t n) {
        if (oid.size() <= oids::kEnterprises.size() && oids::kEnterprises.starts_with(oid))
            return;  // "any private MIB"
        auto& r = rows[oid];
        r = std::max(r, n);
    };
    for (const auto& rule : rules_->set.rules) {
        const auto& c = rule.when;
        for (const auto& oid : c.oid_present) want(oid, presence_rows(oid));
        for (const auto& oid : c.oid_any) want(oid, presence_rows(oid));
        for (const auto& vc : c.oid_value)
            if (vc.source.entity_field.empty()) want(vc.source.oid, kValueRows);
        for (const auto& sources : rule.from_oid) {
            for (const auto& s : sources) {
                if (s.maker_scalar)
                    maker_scalars = true;
                else if (s.entity_field.empty())
                    want(s.oid, kValueRows);
            }
        }
    }
    SnmpReads out;
    out.maker_scalars = maker_scalars;
    for (const auto& [oid, n] : rows) {
        if (auto maker = private_branch(oid))
            out.by_maker[*maker].push_back({oid, n});
        else
            out.anywhere.push_back({oid, n});
    }
    return out;
}

void FingerprintEngine::use_enterprise_registry(const std::filesystem::path& file) {
    rules_->registry = std::make_shared<fp::EnterpriseRegistry>(file);
}

std::optional<Finding> FingerprintEngine::registered_maker(const fp::DeviceFacts& facts,
                                                           const fp::VendorNames& names) const {
    auto number = facts.maker_branch();
    const std::string& raw = facts.registrant;  // set by name_product() from maker_branch()
    if (!number || !fp::registrant_names_a_maker(raw)) return std::nullopt;
    std::string name = names.canonical(raw);
    if (name.empty()) return std::nullopt;
    return Finding{
        name,
        0.3,
        {"vendor \"" + name + "\": enterprise " + std::to_string(*number) + " (" +
         (facts.enterprise == number ? "the sysObjectID's" : "the private MIB the walk holds") +
         ") is registered to \"" + raw + "\" (IANA enterprise numbers); no rule knows this maker"}};
}

std::size_t FingerprintEngine::rule_count() const { return rules_->set.rules.size(); }
const std::vector<std::string>& FingerprintEngine::rule_files() const { return rules_->set.files; }

Verdict FingerprintEngine::classify(const DeviceEvidence& evidence) const {
    fp::DeviceFacts facts(evidence);
    rules_->name_product(facts);
    fp::VendorNames names(&rules_->set.vendor_aliases);
    std::map<std::string, Candidate> classes;
    std::array<std::map<std::string, Candidate>, 5> fields;
    std::size_t order = 0;
    // Model cleaning needs the vendor, so values are collected raw and cleaned once the vendor is known.
    for (std::size_t index : rules_->candidates(facts)) {
        const auto& rule = rules_->set.rules[index];
        auto match = fp::match_rule(rule, facts);
        if (!match) continue;
        ++order;
        if (rule.device_class) {
            auto name = std::string(to_string(*rule.device_class));
            add(classes, name, name, rule.class_weight, order, reason_for(rule, *match, ""));
        }
        for (std::size_t f = 0; f < fp::kFieldNames.size(); ++f) {
            std::optional<std::string> value;
            std::string source;
            if (!rule.templates[f].empty()) {
                value = fp::expand(rule.templates[f], match->captures);
                if (value) value = fp::clean_text(*value);
                if (value && fp::is_placeholder(*value)) value.reset();
            }
            for (const auto& src : rule.from_oid[f]) {
                if (value) break;
                std::string read_at;
                value = facts.read(src, &read_at);
                source = read_at.empty() ? src.text : "the maker's MIB object " + read_at;
            }
            if (!value || value->empty()) continue;
            if (f == static_cast<std::size_t>(Field::kFirmware) && fp::is_zero_version(*value)) continue;
            std::string shown =
                f == static_cast<std::size_t>(Field::kVendor) ? names.canonical(*value) : *value;
            std::string what = std::string(fp::kFieldNames[f]) + " \"" + shown + "\"" +
                               (source.empty() ? "" : " read from " + source);
            std::string key = f == static_cast<std::size_t>(Field::kVendor) ? fp::vendor_key(shown) : shown;
            add(fields[f], key, shown, rule.weight, order, reason_for(rule, *match, what));
        }
    }

    // The maker's own product registry names the exact sysObjectID: a model when no stronger rule names one.
    if (facts.sys_object_id) {
        auto oid = facts.sys_object_id->to_string();
        if (auto it = rules_->set.products.find(oid); it != rules_->set.products.end()) {
            const auto& product = it->second;
            add(fields[static_cast<std::size_t>(Field::kModel)], product.name, product.name, product.weight,
                ++order,
                "model \"" + product.name + "\": sysObjectID " + oid + " is registered as " + product.name +
                    " in " + product.source);
        }
    }

    Verdict verdict;
    verdict.oui_registrant = evidence.oui_registrant;
    auto class_rank = ranked(classes);
    if (!class_rank.empty()) {
        verdict.device_class =
            device_class_from_string(class_rank.front()->value).value_or(DeviceClass::kUnknown);
        verdict.class_confidence = std::min(0.99, class_rank.front()->score);
        verdict.class_reasons = class_rank.front()->reasons;
        for (std::size_t i = 1; i < class_rank.size(); ++i) {
            verdict.alternatives.push_back(
                {device_class_from_string(class_rank[i]->value).value_or(DeviceClass::kUnknown),
                 std::min(0.99, class_rank[i]->score), class_rank[i]->reasons});
        }
    }
    auto pick = [&](Field field) -> std::optional<Finding> {
        auto list = ranked(fields[static_cast<std::size_t>(field)]);
        if (list.empty()) return std::nullopt;
        return Finding{list.front()->value, std::min(0.99, list.front()->score), list.front()->reasons};
    };
    verdict.vendor = pick(Field::kVendor);
    // A Net-SNMP sysObjectID names the agent; the private MIB beside it names the maker, if registered. The
    // agent's project is no device's maker: without one, the vendor stays unknown (the OS says the rest).
    auto names_only_the_agent = [&] {
        return facts.enterprise && fp::is_agent_toolkit(*facts.enterprise) &&
               fp::vendor_key(verdict.vendor->value) == fp::vendor_key("Net-SNMP");
    };
    if (!verdict.vendor || names_only_the_agent()) verdict.vendor = registered_maker(facts, names);
    verdict.firmware = pick(Field::kFirmware);
    // The best value of a field that does not just repeat another field's value.
    auto pick_unlike = [&](Field field, const std::optional<Finding>& other) -> std::optional<Finding> {
        for (const auto* found : ranked(fields[static_cast<std::size_t>(field)])) {
            if (other && fp::vendor_key(found->value) == fp::vendor_key(other->value)) continue;
            return Finding{found->value, std::min(0.99, found->score), found->reasons};
        }
        return std::nullopt;
    };
    // A model that only repeats the release ("5.5R8P11" ending a banner that a model rule reads) is no model,
    // and a serial that only repeats the model ("CP1000PFCLCD" in both objects of a small UPS card) no
    // serial.
    verdict.model = pick_unlike(Field::kModel, verdict.firmware);
    verdict.serial = pick_unlike(Field::kSerial, verdict.model);
    verdict.os = pick(Field::kOs);
    if (verdict.model) {
        auto cleaned = names.clean_model(verdict.model->value, verdict.vendor ? verdict.vendor->value : "");
        if (!cleaned.empty()) verdict.model->value = cleaned;
    }
    // Masked or empty names ("<private>", "none") are no names.
    for (const auto& name : evidence.hostnames) {
        if (fp::is_placeholder(fp::clean_text(name))) continue;
        verdict.hostname = Finding{fp::valid_utf8(name), 0.9, {"reported hostname"}};
        break;
    }
    return verdict;
}

}  // namespace nd
