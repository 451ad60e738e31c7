#include "fingerprint/rule_index.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <mutex>
#include <string>

#include "fingerprint/regex_literals.hpp"

namespace nd::fp {
namespace {

const Oid kEntPhysicalEntry{{1, 3, 6, 1, 2, 1, 47, 1, 1, 1, 1}};
constexpr std::size_t kDescrCacheLimit = 8192;

// Evidence lists a condition reads; a rule that needs one cannot match a device without it.
enum : std::uint16_t {
    kNeedsOui = 1 << 0,
    kNeedsHostname = 1 << 1,
    kNeedsCdp = 1 << 2,
    kNeedsLldp = 1 << 3,
    kNeedsBanner = 1 << 4,
    kNeedsDhcp = 1 << 5,
    kNeedsMdns = 1 << 6,
    kNeedsPort = 1 << 7,
    kNeedsTtl = 1 << 8,
};

std::uint16_t evidence_needs(const Conditions& c) {
    std::uint16_t needs = 0;
    if (c.oui) needs |= kNeedsOui;
    if (c.hostname) needs |= kNeedsHostname;
    if (c.cdp_platform) needs |= kNeedsCdp;
    if (c.lldp_sys_descr || c.lldp_capabilities != 0 || !c.lldp_med_class.empty()) needs |= kNeedsLldp;
    if (c.banner) needs |= kNeedsBanner;
    if (c.dhcp_vendor_class || !c.dhcp_params.empty()) needs |= kNeedsDhcp;
    if (!c.mdns_service.empty() || !c.mdns_txt.empty()) needs |= kNeedsMdns;
    if (!c.open_port.empty()) needs |= kNeedsPort;
    if (c.ttl) needs |= kNeedsTtl;
    return needs;
}

std::uint16_t evidence_present(const DeviceEvidence& ev) {
    std::uint16_t present = 0;
    if (!ev.oui_registrant.empty()) present |= kNeedsOui;
    if (!ev.hostnames.empty()) present |= kNeedsHostname;
    if (!ev.cdp.empty()) present |= kNeedsCdp;
    if (!ev.lldp.empty()) present |= kNeedsLldp;
    if (!ev.banners.empty()) present |= kNeedsBanner;
    if (ev.dhcp) present |= kNeedsDhcp;
    if (!ev.mdns.empty()) present |= kNeedsMdns;
    if (!ev.open_tcp_ports.empty()) present |= kNeedsPort;
    if (ev.ttl) present |= kNeedsTtl;
    return present;
}

void set_bit(std::vector<std::uint64_t>& bits, std::size_t i) {
    bits[i / 64] |= std::uint64_t{1} << (i % 64);
}
bool test_bit(const std::vector<std::uint64_t>& bits, std::size_t i) {
    return (bits[i / 64] >> (i % 64)) & 1U;
}
// Private branches of which the walk must hold at least one for the rule's subtree conditions to hold.
std::vector<std::uint32_t> required_branches(const Conditions& c) {
    for (const auto& oid : c.oid_present) {
        if (auto n = private_branch(oid)) return {*n};
    }
    for (const auto& vc : c.oid_value) {
        if (auto n = private_branch(vc.source.oid); n && vc.source.entity_field.empty()) return {*n};
    }
    std::vector<std::uint32_t> any;  // oid_any: only when every alternative is a private branch
    for (const auto& oid : c.oid_any) {
        auto n = private_branch(oid);
        if (!n) return {};
        any.push_back(*n);
    }
    return any;
}

}  // namespace

RuleIndex::RuleIndex(const std::vector<Rule>& rules) : rules_(&rules), gates_(rules.size()) {
    const std::size_t words = (rules.size() + 63) / 64;
    always_.assign(words, 0);
    no_snmp_.assign(words, 0);
    std::map<std::string, int> patterns;  // pattern text -> pattern number (rules share banner grammars)
    auto add_pattern = [&](const Regex& re) {
        auto [it, fresh] = patterns.emplace(re.pattern(), static_cast<int>(descr_patterns_.size()));
        if (fresh) descr_patterns_.push_back({re, required_literals(re.pattern())});
        return it->second;
    };
    std::map<Oid, std::uint32_t> subtree_ids;
    auto subtree_id = [&](const Oid& oid) {
        auto [it, fresh] = subtree_ids.emplace(oid, static_cast<std::uint32_t>(subtrees_.size()));
        if (fresh) {
            subtrees_.push_back(oid);
            subtree_branch_.push_back(private_branch(oid));
        }
        return it->second;
    };
    std::vector<std::size_t> descr_only;  // rules gated by their sysDescr regex alone
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const auto& c = rules[i].when;
        auto& g = gates_[i];
        g.needs_snmp = c.needs_snmp();
        g.needs_evidence = evidence_needs(c);
        g.enterprise = c.enterprise;
        std::sort(g.enterprise.begin(), g.enterprise.end());
        g.enterprise_not = c.enterprise_not;
        std::sort(g.enterprise_not.begin(), g.enterprise_not.end());
        if (c.sys_descr) g.descr_pattern = add_pattern(c.sys_descr);
        if (c.sys_descr_not) g.descr_not_pattern = add_pattern(c.sys_descr_not);
        for (const auto& oid : c.oid_present) g.subtrees_all.push_back(subtree_id(oid));
        for (const auto& oid : c.oid_any) g.subtrees_any.push_back(subtree_id(oid));
        // DeviceFacts::read finds nothing outside the source's subtree (entity fields: the ENTITY-MIB table)
        for (const auto& vc : c.oid_value)
            g.subtrees_all.push_back(
                subtree_id(vc.source.entity_field.empty() ? vc.source.oid : kEntPhysicalEntry));

        // Gate: the one condition whose index lists the rule (the others are checked in passes()).
        std::vector<std::uint32_t> branches = c.enterprise;
        bool all_branches = !c.sys_object_id.empty();
        for (const auto& p : c.sys_object_id) {
            if (p.starts_with(oids::kEnterprises) && p.size() > 6)
                branches.push_back(p.arcs()[6]);
            else
                all_branches = false;
        }
        if (c.enterprise.empty() && !all_branches && !c.mib_enterprise.empty()) {
            for (auto e : c.mib_enterprise) by_walk_enterprise_[e].push_back(i);
        } else if (!c.enterprise.empty() || all_branches) {
            std::sort(branches.begin(), branches.end());
            branches.erase(std::unique(branches.begin(), branches.end()), branches.end());
            for (auto e : branches) by_enterprise_[e].push_back(i);
        } else if (c.sys_descr) {
            descr_only.push_back(i);
        } else if (auto branches = required_branches(c); !branches.empty()) {
            std::sort(branches.begin(), branches.end());
            branches.erase(std::unique(branches.begin(), branches.end()), branches.end());
            for (auto e : branches) by_walk_enterprise_[e].push_back(i);
        } else {
            set_bit(always_, i);
            if (!g.needs_snmp) set_bit(no_snmp_, i);
        }
    }
    // One scanner for the literals of all patterns (patterns share many: "switch", "version").
    std::map<std::string, std::uint32_t> literal_ids;
    std::vector<std::string> literals;
    for (std::uint32_t p = 0; p < descr_patterns_.size(); ++p) {
        for (const auto& literal : descr_patterns_[p].literals) {
            auto [it, fresh] = literal_ids.emplace(literal, static_cast<std::uint32_t>(literals.size()));
            if (fresh) {
                literals.push_back(literal);
                literal_users_.emplace_back();
            }
            literal_users_[it->second].push_back(p);
        }
    }
    literal_scan_ = LiteralScan(literals);
    descr_gated_.resize(descr_patterns_.size());
    for (auto i : descr_only) descr_gated_[static_cast<std::size_t>(gates_[i].descr_pattern)].push_back(i);
    // Regexes without a literal of three or more characters run for almost every sysDescr: compiled now,
    // on the loading thread (in `identify`, while the device is walked), not in the first classification.
    for (const auto& pattern : descr_patterns_) {
        const bool short_literal = std::any_of(pattern.literals.begin(), pattern.literals.end(),
                                               [](const std::string& l) { return l.size() < 3; });
        if (pattern.literals.empty() || short_literal) (void)pattern.regex->ok();
    }
}

bool RuleIndex::passes(std::size_t rule, const DeviceFacts& f, const std::vector<std::uint64_t>& descr_hits,
                       std::uint16_t evidence, std::vector<std::int8_t>& subtree_memo) const {
    const auto& g = gates_[rule];
    const auto& c = (*rules_)[rule].when;
    if (g.needs_snmp && !f.has_snmp) return false;
    if (!g.enterprise.empty() &&
        (!f.enterprise || !std::binary_search(g.enterprise.begin(), g.enterprise.end(), *f.enterprise)))
        return false;
    if (!c.mib_enterprise.empty() &&
        std::none_of(c.mib_enterprise.begin(), c.mib_enterprise.end(), [&](std::uint32_t n) {
            return n != f.enterprise &&
                   std::binary_search(f.walk_enterprises.begin(), f.walk_enterprises.end(), n);
        }))
        return false;
    if (!g.enterprise_not.empty() &&
        (!f.enterprise ||
         std::binary_search(g.enterprise_not.begin(), g.enterprise_not.end(), *f.enterprise)))
        return false;
    if (!c.sys_object_id.empty() &&
        (!f.sys_object_id || std::none_of(c.sys_object_id.begin(), c.sys_object_id.end(),
                                          [&](const Oid& p) { return f.sys_object_id->starts_with(p); })))
        return false;
    if ((c.descr_maker || c.descr_after_maker) && f.descr_maker.empty()) return false;
    if (c.sys_descr) {
        if (f.sys_descr.empty()) return false;
        if (!test_bit(descr_hits, static_cast<std::size_t>(g.descr_pattern))) return false;
    }
    if (c.sys_descr_not && !f.sys_descr.empty() &&
        test_bit(descr_hits, static_cast<std::size_t>(g.descr_not_pattern)))
        return false;
    auto present = [&](std::uint32_t id) {
        auto& known = subtree_memo[id];
        if (known < 0) {
            const auto branch = subtree_branch_[id];  // a branch the walk lacks holds nothing
            known = (!branch ||
                     std::binary_search(f.walk_enterprises.begin(), f.walk_enterprises.end(), *branch)) &&
                            f.has_subtree(subtrees_[id])
                        ? 1
                        : 0;
        }
        return known == 1;
    };
    if (!std::all_of(g.subtrees_all.begin(), g.subtrees_all.end(), present)) return false;
    if (!g.subtrees_any.empty() && std::none_of(g.subtrees_any.begin(), g.subtrees_any.end(), present))
        return false;
    return (g.needs_evidence & ~evidence) == 0;
}

std::vector<std::size_t> RuleIndex::descr_matches(const std::string& sys_descr) const {
    {
        std::shared_lock lock(descr_cache_mutex_);
        if (auto it = descr_cache_.find(sys_descr); it != descr_cache_.end()) return it->second;
    }
    // A pattern is run when the sysDescr holds one of its literals, or it has none (or the text has
    // non-ASCII bytes, whose case variants the lower-cased literals do not know).
    const bool by_literals = !has_non_ascii(sys_descr);
    std::vector<bool> literal_held(descr_patterns_.size(), !by_literals);
    if (by_literals) {
        literal_scan_.scan(ascii_lower(sys_descr), [&](std::uint32_t literal) {
            for (auto p : literal_users_[literal]) literal_held[p] = true;
        });
    }
    std::vector<std::size_t> matched;
    for (std::size_t p = 0; p < descr_patterns_.size(); ++p) {
        const auto& pattern = descr_patterns_[p];
        if (!literal_held[p] && !pattern.literals.empty()) continue;
        if (re2::RE2::PartialMatch(sys_descr, *pattern.regex)) matched.push_back(p);
    }
    std::unique_lock lock(descr_cache_mutex_);
    if (descr_cache_.size() >= kDescrCacheLimit) descr_cache_.clear();
    descr_cache_.emplace(sys_descr, matched);
    return matched;
}

void RuleIndex::candidates(const DeviceFacts& f, std::vector<std::size_t>& out) const {
    out.clear();
    std::vector<std::uint64_t> bits = f.has_snmp ? always_ : no_snmp_;
    std::vector<std::uint64_t> descr_hits((descr_patterns_.size() + 63) / 64, 0);
    if (!f.sys_descr.empty()) {  // every sysDescr regex that matches
        for (auto p : descr_matches(f.sys_descr)) {
            set_bit(descr_hits, p);
            if (f.has_snmp)
                for (auto i : descr_gated_[p]) set_bit(bits, i);
        }
    }
    if (f.has_snmp) {
        if (f.enterprise) {
            if (auto it = by_enterprise_.find(*f.enterprise); it != by_enterprise_.end())
                for (auto i : it->second) set_bit(bits, i);
        }
        for (auto e : f.walk_enterprises) {
            if (auto it = by_walk_enterprise_.find(e); it != by_walk_enterprise_.end())
                for (auto i : it->second) set_bit(bits, i);
        }
    }
    std::vector<std::int8_t> subtree_memo(subtrees_.size(), -1);
    const std::uint16_t evidence = evidence_present(f.evidence);
    for (std::size_t w = 0; w < bits.size(); ++w) {
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1) {
            const std::size_t i = w * 64 + static_cast<std::size_t>(std::countr_zero(word));
            if (passes(i, f, descr_hits, evidence, subtree_memo)) out.push_back(i);
        }
    }
}

}  // namespace nd::fp
