#include "agent/snmp_rule_plan.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "fingerprint/matcher.hpp"

namespace nd {
namespace {

constexpr std::uint32_t kLastArc = std::numeric_limits<std::uint32_t>::max();

std::optional<std::uint32_t> sys_object_id_maker(const SnmpWalk& walk) {
    auto it = walk.find(oids::kSysObjectId);
    if (it == walk.end() || it->second.type != SnmpType::kOid) return std::nullopt;
    auto oid = Oid::parse(it->second.bytes);
    return oid ? private_branch(*oid) : std::nullopt;
}

// One round of device subtrees (WalkPlan::more), from what the walk holds so far.
std::vector<ExtraSubtree> device_subtrees(const SnmpReads& reads, const SnmpWalk& walk) {
    std::vector<ExtraSubtree> out;
    for (const auto& r : reads.anywhere) out.push_back({r.subtree, r.rows});
    auto add_reads = [&](std::uint32_t n) {
        auto of = reads.by_maker.find(n);
        if (of == reads.by_maker.end()) return false;
        for (const auto& r : of->second) out.push_back({r.subtree, r.rows});
        return true;
    };
    const auto maker = sys_object_id_maker(walk);
    const auto served = private_branches(walk);
    const bool named_maker = maker && !fp::is_agent_toolkit(*maker);
    // The sysObjectID's maker: what the rules read from its MIB, or, when no rule reads it, the first rows
    // of its branch (for the rules that read a maker's MIB by the shape of its values); and whether it
    // serves that branch at all (some name a chipset's or a parent company's number).
    if (named_maker) {
        const Oid branch = oids::kEnterprises.child(*maker);
        if (!add_reads(*maker) && reads.maker_scalars)
            out.push_back({branch, kUnknownMakerRows});
        else
            out.push_back({branch, 1, branch});
    }
    // A Net-SNMP agent's own MIBs are served for sure: what the rules read there, from the first round on.
    if (maker && !named_maker) {
        add_reads(8072);
        add_reads(2021);
    }
    // Every private MIB the device was found to serve (Net-SNMP's own, another maker's beside the
    // sysObjectID's): what the rules read there.
    for (auto n : served) add_reads(n);
    // The maker's MIB when the sysObjectID does not name it (Net-SNMP's agent OID) or serves nothing under
    // it: the one other private MIB found, read as an unknown maker's is. A guess that needs the whole
    // search (a second one found later means no guess), so asked once the search has settled.
    if (reads.maker_scalars && (!named_maker || !std::binary_search(served.begin(), served.end(), *maker))) {
        const auto other = fp::only_other_branch(served, maker);
        if (other && !reads.by_maker.contains(*other)) {
            ExtraSubtree guess{oids::kEnterprises.child(*other), kUnknownMakerRows};
            guess.once_settled = true;
            out.push_back(std::move(guess));
        }
    }
    // Which private MIBs it serves, one after the other: the first OID after the subtree's start, then after
    // each branch found (GETNEXT from the next branch's number: no 2^32-1 arcs some agents choke on; a round
    // each; a probe asked before is not asked again).
    out.push_back({oids::kEnterprises, 1, oids::kEnterprises});
    for (auto n : served)
        if (n < kLastArc) out.push_back({oids::kEnterprises, 1, oids::kEnterprises.child(n + 1)});
    return out;
}

}  // namespace

WalkPlan rule_driven_walk_plan(SnmpReads reads) {
    // Asked once (below): the reads move from this lambda into the plan's shared state.
    return rule_driven_walk_plan([reads = std::move(reads)]() mutable { return std::move(reads); });
}

WalkPlan rule_driven_walk_plan(std::function<SnmpReads()> reads_when_needed) {
    WalkPlan plan = default_walk_plan();
    struct Lazy {
        std::function<SnmpReads()> get;
        std::once_flag once;
        SnmpReads reads;
    };
    auto lazy = std::make_shared<Lazy>();
    lazy->get = std::move(reads_when_needed);
    plan.more = [lazy](const SnmpWalk& walk) {
        std::call_once(lazy->once, [&] { lazy->reads = lazy->get(); });
        return device_subtrees(lazy->reads, walk);
    };
    return plan;
}

}  // namespace nd
