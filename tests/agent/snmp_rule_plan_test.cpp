#include "agent/snmp_rule_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace nd {
namespace {

Oid O(std::string_view s) { return *Oid::parse(s); }

SnmpWalk system_of(std::string_view sys_object_id) {
    SnmpWalk w;
    w[oids::kSysObjectId] = SnmpValue{SnmpType::kOid, std::string(sys_object_id), 0};
    return w;
}

bool asks(const std::vector<ExtraSubtree>& extra, const Oid& root, std::size_t rows) {
    return std::any_of(extra.begin(), extra.end(),
                       [&](const ExtraSubtree& e) { return e.root == root && e.max_oids == rows; });
}

// The engine lists what its rules test (one row) and read (a few rows), by maker branch.
TEST(SnmpRulePlan, EngineListsWhatItsRulesReadByMaker) {
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    const auto reads = engine.snmp_reads();
    EXPECT_TRUE(reads.maker_scalars);
    // 94-serial-evidence.toml: DOCSIS docsDevSerialNumber, tested and read, outside any maker's branch
    auto docsis = std::find_if(reads.anywhere.begin(), reads.anywhere.end(), [](const SnmpReads::Read& r) {
        return r.subtree == O("1.3.6.1.2.1.69.1.1.4.0");
    });
    ASSERT_NE(docsis, reads.anywhere.end());
    EXPECT_GT(docsis->rows, 1U);
    // Juniper's chassis serial (jnxBoxSerialNo), read by the Junos family rules
    ASSERT_TRUE(reads.by_maker.contains(2636));
    const auto& juniper = reads.by_maker.at(2636);
    EXPECT_TRUE(std::any_of(juniper.begin(), juniper.end(), [](const SnmpReads::Read& r) {
        return O("1.3.6.1.4.1.2636.3.1.3.0").starts_with(r.subtree);
    }));
}

// Presence tests: a column gets two rows (a table's first row is not taken for a unit's only one); a whole
// private branch gets one, since more arbitrary rows of it would be a branch read in part (where
// maker.scalar could take one sensor reading of many for the only version-shaped value).
TEST(SnmpRulePlan, PresenceOfAWholeBranchReadsOneRow) {
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    const auto reads = engine.snmp_reads();
    auto rows_of = [&](std::uint32_t maker, const Oid& subtree) -> std::size_t {
        auto of = reads.by_maker.find(maker);
        if (of == reads.by_maker.end()) return 0;
        for (const auto& r : of->second)
            if (r.subtree == subtree) return r.rows;
        return 0;
    };
    // 13-enterprise-corrections.toml: "implements the MIB of Microchip's TCP/IP stack agent"
    EXPECT_EQ(rows_of(17095, O("1.3.6.1.4.1.17095")), 1U);
    // 47-vendor-mib-identity.toml: ServersCheck's firmware object, tested and read
    EXPECT_EQ(rows_of(17095, O("1.3.6.1.4.1.17095.1.2.0")), 16U);
}

bool probes_after(const std::vector<ExtraSubtree>& extra, const Oid& after) {
    return std::any_of(extra.begin(), extra.end(), [&](const ExtraSubtree& e) {
        return e.root == O("1.3.6.1.4.1") && e.max_oids == 1 && e.after == after && !e.until;
    });
}

// The plan asks a device for its own maker's reads (after the probe), the reads outside makers' branches,
// a maker no rule reads from in full up to a cap, and the agent's MIBs for a Net-SNMP sysObjectID; and,
// round after round, which private MIBs it serves (the first OID after each one found).
TEST(SnmpRulePlan, DeviceSubtreesFollowItsMaker) {
    SnmpReads reads;
    reads.anywhere = {{O("1.3.6.1.2.1.69.1.1.4"), 16}};
    reads.by_maker[2636] = {{O("1.3.6.1.4.1.2636.3.1.3"), 16}, {O("1.3.6.1.4.1.2636.3.40"), 1}};
    reads.by_maker[8072] = {{O("1.3.6.1.4.1.8072.1.3.2.3.1.1"), 16}};
    reads.maker_scalars = true;
    const WalkPlan plan = rule_driven_walk_plan(reads);
    EXPECT_EQ(plan.subtrees, default_walk_plan().subtrees);
    ASSERT_TRUE(plan.more);

    auto juniper = plan.more(system_of("1.3.6.1.4.1.2636.1.1.1.2.57"));
    EXPECT_TRUE(asks(juniper, O("1.3.6.1.4.1.2636.3.1.3"), 16));
    EXPECT_TRUE(asks(juniper, O("1.3.6.1.4.1.2636.3.40"), 1));
    EXPECT_TRUE(asks(juniper, O("1.3.6.1.2.1.69.1.1.4"), 16));
    EXPECT_TRUE(asks(juniper, O("1.3.6.1.4.1.2636"), 1));  // does it serve its maker's branch at all?
    EXPECT_FALSE(asks(juniper, O("1.3.6.1.4.1.8072.1.3.2.3.1.1"), 16));
    EXPECT_TRUE(probes_after(juniper, O("1.3.6.1.4.1")));  // the first private MIB it serves

    auto unknown = plan.more(system_of("1.3.6.1.4.1.49999.7"));
    EXPECT_TRUE(asks(unknown, O("1.3.6.1.4.1.49999"), kUnknownMakerRows));

    auto net_snmp = plan.more(system_of("1.3.6.1.4.1.8072.3.2.10"));
    EXPECT_TRUE(asks(net_snmp, O("1.3.6.1.4.1.8072.1.3.2.3.1.1"), 16));
    EXPECT_FALSE(asks(net_snmp, O("1.3.6.1.4.1.8072"), kUnknownMakerRows));
    EXPECT_TRUE(probes_after(net_snmp, O("1.3.6.1.4.1")));
    // Next round: the appliance's maker found beside the agent's MIBs is read as an unknown maker's, and
    // the search goes on after each MIB found.
    SnmpWalk appliance = system_of("1.3.6.1.4.1.8072.3.2.10");
    appliance[O("1.3.6.1.4.1.2021.4.5.0")] = SnmpValue{SnmpType::kInteger, "", 1};
    appliance[O("1.3.6.1.4.1.44444.1.1.0")] = SnmpValue{SnmpType::kOctetString, "X", 0};
    auto round2 = plan.more(appliance);
    EXPECT_TRUE(asks(round2, O("1.3.6.1.4.1.44444"), kUnknownMakerRows));
    EXPECT_TRUE(std::any_of(round2.begin(), round2.end(), [](const ExtraSubtree& e) {
        return e.root == O("1.3.6.1.4.1.44444") && e.once_settled;  // a guess: only once the search settled
    }));
    EXPECT_TRUE(probes_after(round2, O("1.3.6.1.4.1.2022")));
    EXPECT_TRUE(probes_after(round2, O("1.3.6.1.4.1.44445")));
    appliance[O("1.3.6.1.4.1.55555.1.0")] =
        SnmpValue{SnmpType::kOctetString, "Y", 0};  // two makers: no guess
    EXPECT_FALSE(asks(plan.more(appliance), O("1.3.6.1.4.1.44444"), kUnknownMakerRows));

    // A sysObjectID naming a branch the device serves nothing under (a chipset maker's): the one other.
    SnmpWalk gateway = system_of("1.3.6.1.4.1.4413");
    gateway[O("1.3.6.1.4.1.12919.1.0")] = SnmpValue{SnmpType::kOctetString, "Z", 0};
    EXPECT_TRUE(asks(plan.more(gateway), O("1.3.6.1.4.1.12919"), kUnknownMakerRows));
    // A branch the rules read, found beside another maker's sysObjectID: what they read there.
    SnmpWalk rebadged = system_of("1.3.6.1.4.1.1916.2.1");
    rebadged[O("1.3.6.1.4.1.2636.1.1.0")] = SnmpValue{SnmpType::kOctetString, "Z", 0};
    EXPECT_TRUE(asks(plan.more(rebadged), O("1.3.6.1.4.1.2636.3.1.3"), 16));

    auto no_sys_object_id = plan.more(SnmpWalk{});
    ASSERT_EQ(no_sys_object_id.size(), 2U);  // what every device is asked for, and the first private MIB
    reads.maker_scalars = false;
    EXPECT_EQ(rule_driven_walk_plan(reads).more(system_of("1.3.6.1.4.1.49999.7")).size(), 3U);
}

}  // namespace
}  // namespace nd
