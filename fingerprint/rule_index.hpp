#pragma once
// Which rules can match one device, decided from cheap necessary conditions so that match_rule (which
// runs capture regexes and builds reasons) only runs for rules that will almost surely match.
// Exactness: a rule is left out only when one of its conditions provably fails, so the rules that
// match, and their order, are exactly those of trying every rule in turn.
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "fingerprint/literal_scan.hpp"
#include "fingerprint/matcher.hpp"
#include "fingerprint/rule.hpp"

namespace nd::fp {

class RuleIndex {
public:
    explicit RuleIndex(const std::vector<Rule>& rules);

    // Indexes of the rules that may match `facts`, ascending (rule order), into `out` (cleared first).
    void candidates(const DeviceFacts& facts, std::vector<std::size_t>& out) const;

private:
    // A rule's conditions in the form the index checks them.
    struct Gate {
        int descr_pattern = -1;      // number of its sys_descr regex in descr_patterns_; -1 = none
        int descr_not_pattern = -1;  // number of its sys_descr_not regex
        bool needs_snmp = false;
        std::vector<std::uint32_t> subtrees_all;    // ids into subtrees_: every one must hold a value
        std::vector<std::uint32_t> subtrees_any;    // ids: at least one must hold a value
        std::uint16_t needs_evidence = 0;           // kNeeds* bits: evidence lists that must be non-empty
        std::vector<std::uint32_t> enterprise;      // the rule's enterprise list, sorted: some lists are long
        std::vector<std::uint32_t> enterprise_not;  // and its enterprise_not
    };

    bool passes(std::size_t rule, const DeviceFacts& facts, const std::vector<std::uint64_t>& descr_hits,
                std::uint16_t evidence, std::vector<std::int8_t>& subtree_memo) const;

    const std::vector<Rule>* rules_;
    std::vector<Gate> gates_;
    std::vector<Oid> subtrees_;  // distinct OIDs whose subtree a condition reads
    std::vector<std::optional<std::uint32_t>> subtree_branch_;  // its 1.3.6.1.4.1.<n> branch, if in one
    std::vector<std::uint64_t> always_;   // bitmap: rules without an enterprise or sysDescr gate
    std::vector<std::uint64_t> no_snmp_;  // bitmap: rules that can match without SNMP
    std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_enterprise_;  // sysObjectID branch
    // Rules that need values under 1.3.6.1.4.1.<n> (when.mib_enterprise, or an oid_present / oid_any /
    // oid_value subtree in that branch), keyed by <n>: tried only when the walk holds that branch.
    std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_walk_enterprise_;
    // Every distinct sys_descr and sys_descr_not regex, with the literals a sysDescr must hold for it to
    // match: a regex is run (and compiled, on first use) only for a sysDescr that holds one.
    struct DescrPattern {
        Regex regex;
        std::vector<std::string> literals;  // empty: always run
    };
    std::vector<DescrPattern> descr_patterns_;
    LiteralScan literal_scan_;                               // every pattern's literals, found in one pass
    std::vector<std::vector<std::uint32_t>> literal_users_;  // literal number -> patterns that need it
    std::vector<std::vector<std::size_t>> descr_gated_;  // pattern number -> rules gated by that regex alone
    // sysDescr -> numbers of the patterns it matches: a site repeats its models, and one lookup is cheaper
    // than trying the patterns again. Bounded (cleared when full); guarded for concurrent classify() calls.
    std::vector<std::size_t> descr_matches(const std::string& sys_descr) const;
    mutable std::shared_mutex descr_cache_mutex_;
    mutable std::unordered_map<std::string, std::vector<std::size_t>> descr_cache_;
};

}  // namespace nd::fp
