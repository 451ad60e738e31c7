#include "agent/snmp_rule_plan.hpp"

#include <limits>
#include <memory>
#include <mutex>
#include <utility>

#include "fingerprint/matcher.hpp"

namespace nd {

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
    plan.more = [lazy](const SnmpWalk& system) {
        std::call_once(lazy->once, [&] { lazy->reads = lazy->get(); });
        const SnmpReads* shared = &lazy->reads;
        static const Oid kEnterprises{{1, 3, 6, 1, 4, 1}};
        std::vector<ExtraSubtree> out;
        for (const auto& r : shared->anywhere) out.push_back({r.subtree, r.rows});
        auto it = system.find(oids::kSysObjectId);
        if (it == system.end() || it->second.type != SnmpType::kOid) return out;
        auto sys_object_id = Oid::parse(it->second.bytes);
        if (!sys_object_id || !sys_object_id->starts_with(kEnterprises) ||
            sys_object_id->size() <= kEnterprises.size())
            return out;
        const std::uint32_t maker = sys_object_id->arcs()[kEnterprises.size()];
        auto add_maker = [&](std::uint32_t n) {
            auto reads_of = shared->by_maker.find(n);
            if (reads_of == shared->by_maker.end()) return false;
            for (const auto& r : reads_of->second) out.push_back({r.subtree, r.rows});
            return true;
        };
        if (fp::is_agent_toolkit(maker)) {
            // Net-SNMP / UCD: what rules read from the agent's own MIBs, and the first rows of whatever
            // private MIB the appliance's maker serves beside them (before, between and after the agent's
            // branches): that maker is only known from there.
            add_maker(8072);
            add_maker(2021);
            constexpr std::uint32_t kLast = std::numeric_limits<std::uint32_t>::max();
            const Oid ucd = kEnterprises.child(2021), net_snmp = kEnterprises.child(8072);
            out.push_back({kEnterprises, kUnknownMakerRows, kEnterprises, ucd});
            out.push_back({kEnterprises, kUnknownMakerRows, ucd.child(kLast), net_snmp});
            out.push_back({kEnterprises, kUnknownMakerRows, net_snmp.child(kLast), std::nullopt});
        } else if (!add_maker(maker) && shared->maker_scalars) {
            out.push_back({kEnterprises.child(maker), kUnknownMakerRows});
        }
        return out;
    };
    return plan;
}

}  // namespace nd
