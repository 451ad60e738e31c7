// Per-VLAN MAC tables (Cisco community indexing / v3 contexts) and PoE port mapping: the pure
// parts against hand-built walks, the collector against the in-process fake agent.
#include "collectors/snmp/vlan_context.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "collectors/snmp/snmp_collector.hpp"
#include "collectors/snmp/snmp_decode.hpp"
#include "tests/collectors/snmp/fake_agent.hpp"

namespace nd {
namespace {

Oid O(std::string_view s) { return *Oid::parse(s); }
SnmpValue integer(std::int64_t n) { return {SnmpType::kInteger, "", n}; }
SnmpValue text(std::string s) { return {SnmpType::kOctetString, std::move(s), 0}; }
SnmpValue object(std::string s) { return {SnmpType::kOid, std::move(s), 0}; }

// A Cisco switch as the plain community shows it: VTP VLANs 1, 10, 20 and fddi-default 1002,
// VLAN 1's bridge instance (port 1 -> ifIndex 10101, one learned MAC).
SnmpWalk cisco_switch() {
    SnmpWalk w;
    w[oids::kSysDescr] = text("Cisco IOS Software, C3560 Software");
    w[oids::kSysObjectId] = object("1.3.6.1.4.1.9.1.563");
    w[oids::kSysName] = text("sw-core");
    for (std::uint32_t vlan : {1U, 10U, 20U, 1002U}) {
        w[O("1.3.6.1.4.1.9.9.46.1.3.1.1.2.1").child(vlan)] = integer(vlan == 20 ? 2 : 1);    // state
        w[O("1.3.6.1.4.1.9.9.46.1.3.1.1.3.1").child(vlan)] = integer(vlan == 1002 ? 2 : 1);  // type
        w[O("1.3.6.1.4.1.9.9.46.1.3.1.1.4.1").child(vlan)] = text("vlan" + std::to_string(vlan));
    }
    w[O("1.3.6.1.2.1.17.1.4.1.2.1")] = integer(10101);
    w[O("1.3.6.1.2.1.17.4.3.1.1.0.17.34.51.68.1")] = text(std::string("\x00\x11\x22\x33\x44\x01", 6));
    w[O("1.3.6.1.2.1.17.4.3.1.2.0.17.34.51.68.1")] = integer(1);
    w[O("1.3.6.1.2.1.17.4.3.1.3.0.17.34.51.68.1")] = integer(3);
    return w;
}

// VLAN 10's bridge instance: its own port numbering (port 35 -> ifIndex 10031).
SnmpWalk vlan10_instance() {
    SnmpWalk w;
    w[O("1.3.6.1.2.1.17.1.4.1.2.35")] = integer(10031);
    w[O("1.3.6.1.2.1.17.4.3.1.1.0.17.34.51.68.16")] = text(std::string("\x00\x11\x22\x33\x44\x10", 6));
    w[O("1.3.6.1.2.1.17.4.3.1.2.0.17.34.51.68.16")] = integer(35);
    w[O("1.3.6.1.2.1.17.4.3.1.3.0.17.34.51.68.16")] = integer(3);
    w[O("1.3.6.1.2.1.17.4.3.1.2.0.17.34.51.68.17")] = integer(35);  // self entry: dropped
    w[O("1.3.6.1.2.1.17.4.3.1.3.0.17.34.51.68.17")] = integer(4);
    return w;
}

TEST(VlanContext, CiscoSwitchNeedsEveryEthernetVlanButTheDefault) {
    EXPECT_EQ(vlans_needing_context_walk(cisco_switch(), 64), (std::vector<std::uint32_t>{10, 20}));
    EXPECT_EQ(vlans_needing_context_walk(cisco_switch(), 1), (std::vector<std::uint32_t>{10}));
    EXPECT_TRUE(vlans_needing_context_walk(cisco_switch(), 0).empty());
}

TEST(VlanContext, QBridgeSwitchesAndNonCiscoNeedNone) {
    SnmpWalk q = cisco_switch();
    q[O("1.3.6.1.2.1.17.7.1.2.2.1.2.10.0.17.34.51.68.16")] = integer(35);  // dot1qTpFdbPort
    EXPECT_TRUE(vlans_needing_context_walk(q, 64).empty());

    SnmpWalk hp;
    hp[oids::kSysObjectId] = object("1.3.6.1.4.1.11.2.3.7.11.63");
    hp[O("1.3.6.1.2.1.17.7.1.4.3.1.1.10")] = text("users");
    EXPECT_TRUE(vlans_needing_context_walk(hp, 64).empty());
    EXPECT_TRUE(vlans_needing_context_walk({}, 64).empty());
}

TEST(VlanContext, CiscoWithQBridgeVlanListButNoVtp) {
    SnmpWalk w;
    w[oids::kSysObjectId] = object("1.3.6.1.4.1.9.12.3.1.3.1084");
    w[O("1.3.6.1.2.1.17.7.1.4.3.1.1.1")] = text("default");
    w[O("1.3.6.1.2.1.17.7.1.4.3.1.1.30")] = text("voice");
    w[O("1.3.6.1.2.1.17.7.1.4.2.1.6.0.40")] = integer(2);  // dot1qVlanStatus permanent
    EXPECT_EQ(vlans_needing_context_walk(w, 64), (std::vector<std::uint32_t>{30, 40}));
}

TEST(VlanContext, CredentialIndexesTheCommunityOrNamesTheV3Context) {
    const SnmpCredential c = vlan_credential(community_credential("site-ro", "s3cret"), 10);
    EXPECT_EQ(c.community.reveal(), "s3cret@10");
    EXPECT_EQ(c.name, "site-ro@vlan-10");
    EXPECT_EQ(to_string(c).find("s3cret"), std::string::npos);

    SnmpCredential v3;
    v3.name = "core";
    v3.version = SnmpVersion::kV3;
    v3.user = "ops";
    const SnmpCredential c3 = vlan_credential(v3, 20);
    EXPECT_EQ(c3.context, "vlan-20");
    EXPECT_EQ(c3.user, "ops");
}

TEST(VlanContext, EmbeddedWalksRoundTrip) {
    SnmpWalk device = cisco_switch();
    const std::size_t before = device.size();
    embed_vlan_walk(device, 10, vlan10_instance());
    EXPECT_EQ(device.size(), before + vlan10_instance().size());
    EXPECT_FALSE(device.contains(O("1.3.6.1.2.1.17.1.4.1.2.35")));  // not mixed into VLAN 1's data
    const auto back = vlan_walks(device);
    ASSERT_EQ(back.size(), 1U);
    EXPECT_EQ(back.at(10).size(), vlan10_instance().size());
    EXPECT_TRUE(back.at(10).contains(O("1.3.6.1.2.1.17.1.4.1.2.35")));
}

TEST(VlanContext, DecodeBridgeTagsEachVlanAndUsesItsOwnPortMap) {
    SnmpWalk device = cisco_switch();
    embed_vlan_walk(device, 10, vlan10_instance());
    const BridgeFacts b = decode_bridge(device);
    ASSERT_EQ(b.fdb.size(), 2U);
    EXPECT_EQ(b.fdb[0].mac.to_string(), "00:11:22:33:44:01");
    EXPECT_EQ(b.fdb[0].vlan, 1U);  // the plain community's instance is VLAN 1
    EXPECT_EQ(b.fdb[0].if_index, 10101U);
    EXPECT_EQ(b.fdb[1].mac.to_string(), "00:11:22:33:44:10");
    EXPECT_EQ(b.fdb[1].vlan, 10U);
    EXPECT_EQ(b.fdb[1].bridge_port, 35U);
    EXPECT_EQ(b.fdb[1].if_index, 10031U);
    EXPECT_EQ(b.vlans.size(), 4U);  // names from vtpVlanName

    // Without context walks, untagged as before.
    EXPECT_FALSE(decode_bridge(cisco_switch()).fdb[0].vlan.has_value());
}

TEST(VlanContext, CollectorWalksEachVlanThroughIndexedCommunities) {
    test::FakeAgentBehaviour behaviour;
    behaviour.community = "s3cret";
    behaviour.contexts["s3cret@10"] = vlan10_instance();
    SnmpWalk vlan20;
    vlan20[O("1.3.6.1.2.1.17.1.4.1.2.7")] = integer(10007);
    vlan20[O("1.3.6.1.2.1.17.4.3.1.2.0.17.34.51.68.32")] = integer(7);
    behaviour.contexts["s3cret@20"] = vlan20;
    test::FakeAgent agent(cisco_switch(), behaviour);

    SnmpOptions o;
    o.credentials = {community_credential("site-ro", "s3cret")};
    o.timeout = std::chrono::milliseconds(300);
    o.retries = 0;
    const SnmpHostResult r = SnmpCollector(o).walk_hosts({{"127.0.0.1", agent.port()}})[0];
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "site-ro");
    EXPECT_TRUE(r.complete) << (r.warnings.empty() ? "" : r.warnings[0]);
    const BridgeFacts b = decode_bridge(r.walk);
    ASSERT_EQ(b.fdb.size(), 3U);
    EXPECT_EQ(b.fdb[1].vlan, 10U);
    EXPECT_EQ(b.fdb[1].if_index, 10031U);
    EXPECT_EQ(b.fdb[2].vlan, 20U);
    EXPECT_EQ(b.fdb[2].mac.to_string(), "00:11:22:33:44:20");
    EXPECT_EQ(b.fdb[2].if_index, 10007U);
}

TEST(VlanContext, SilentVlanContextIsAWarningNotAFailure) {
    test::FakeAgentBehaviour behaviour;
    behaviour.contexts["public@10"] = vlan10_instance();  // no answer for public@20
    test::FakeAgent agent(cisco_switch(), behaviour);
    SnmpOptions o;
    o.credentials = {community_credential("office", "public")};
    o.timeout = std::chrono::milliseconds(200);
    o.retries = 0;
    const auto start = std::chrono::steady_clock::now();
    const SnmpHostResult r = SnmpCollector(o).walk_hosts({{"127.0.0.1", agent.port()}})[0];
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
    ASSERT_TRUE(r.answered);
    EXPECT_FALSE(r.complete);
    bool warned = false;
    for (const auto& w : r.warnings) {
        warned = warned || w.find("VLAN 20: MAC table not read") != std::string::npos;
        EXPECT_EQ(w.find("public@"), std::string::npos) << "community leaked: " << w;
    }
    EXPECT_TRUE(warned);
    EXPECT_EQ(decode_bridge(r.walk).fdb.size(), 2U);  // VLAN 1 and VLAN 10 still there
}

TEST(VlanContext, SilentVlanContextWaitsAFewRoundTripsNotTheFullTimeout) {
    test::FakeAgentBehaviour behaviour;
    behaviour.contexts["public@10"] = vlan10_instance();  // no context for VLAN 20
    test::FakeAgent agent(cisco_switch(), behaviour);
    SnmpOptions o;
    o.credentials = {community_credential("office", "public")};
    o.timeout = std::chrono::milliseconds(4000);  // what a bench or a slow WAN site configures
    o.retries = 1;
    const auto start = std::chrono::steady_clock::now();
    const SnmpHostResult r = SnmpCollector(o).walk_hosts({{"127.0.0.1", agent.port()}})[0];
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(r.answered);
    // Loopback answers in well under 60 ms: VLAN 20's probe waits the 300 ms floor once (context
    // probes are not retried), not 2 x 4 s.
    EXPECT_LT(elapsed, std::chrono::milliseconds(1500));
    // Every answered request reached the agent; the only unanswered one is VLAN 20's single probe.
    EXPECT_EQ(r.requests, static_cast<std::uint64_t>(agent.requests()) + 1U);
    EXPECT_EQ(r.timeouts, 1U);
    EXPECT_GT(r.usual_answer.count(), 0);
    EXPECT_LE(r.usual_answer, r.slowest_answer);
    bool warned = false;
    for (const auto& w : r.warnings)
        warned = warned || w.find("VLAN 20: MAC table not read") != std::string::npos;
    EXPECT_TRUE(warned);
    EXPECT_EQ(decode_bridge(r.walk).fdb.size(), 2U);
}

TEST(VlanContext, ContextWalksStartWhileTheSwitchIsStillBeingWalked) {
    // The VLAN list (VTP table) comes early in the plan; 48 ports of interface columns come after it.
    SnmpWalk sw = cisco_switch();
    for (std::uint32_t i = 1; i <= 48; ++i) {
        sw[O("1.3.6.1.2.1.2.2.1.1").child(i)] = integer(i);
        sw[O("1.3.6.1.2.1.2.2.1.2").child(i)] = text("Gi1/0/" + std::to_string(i));
        sw[O("1.3.6.1.2.1.2.2.1.8").child(i)] = integer(1);
    }
    test::FakeAgentBehaviour behaviour;
    behaviour.contexts["public@10"] = vlan10_instance();  // no context for VLAN 20: a silent wait
    behaviour.delay = std::chrono::milliseconds(2);
    test::FakeAgent agent(sw, behaviour);
    SnmpOptions o;
    o.credentials = {community_credential("office", "public")};
    o.timeout = std::chrono::milliseconds(2000);
    o.retries = 0;
    const SnmpHostResult r = SnmpCollector(o).walk_hosts({{"127.0.0.1", agent.port()}})[0];
    ASSERT_TRUE(r.answered);
    const auto seen = agent.communities_seen();
    const auto first_vlan = std::find(seen.begin(), seen.end(), "public@10");
    const auto last_own = std::find(seen.rbegin(), seen.rend(), "public");
    ASSERT_NE(first_vlan, seen.end());
    ASSERT_NE(last_own, seen.rend());
    // VLAN 10's first request came before the switch's own last one.
    EXPECT_LT(first_vlan - seen.begin(), seen.rend() - last_own - 1);
    EXPECT_EQ(std::count(seen.begin(), seen.end(), "public@20"), 1);  // probed once, not retried
    const BridgeFacts b = decode_bridge(r.walk);
    ASSERT_EQ(b.fdb.size(), 2U);  // VLAN 1's and VLAN 10's entries, merged into one result
    EXPECT_EQ(b.fdb[1].vlan, 10U);
    EXPECT_EQ(decode_interfaces(r.walk).size(), 48U);
    bool warned = false;
    for (const auto& w : r.warnings)
        warned = warned || w.find("VLAN 20: MAC table not read") != std::string::npos;
    EXPECT_TRUE(warned);
    EXPECT_EQ(r.requests, seen.size());  // the VLAN walks' requests are counted in the switch's
}

TEST(VlanContext, RecordingsCarryTheirPerVlanContextFiles) {
    const std::filesystem::path base =
        std::filesystem::path(NETDOSSIER_CORPUS_DIR) / "librenms-dev" / "snmprec" / "ios_c3560.snmprec";
    if (!std::filesystem::exists(base)) GTEST_SKIP() << "corpus not found at " << base;
    SnmpWalk walk;
    std::vector<std::string> problems;
    EXPECT_EQ(add_vlan_context_files(base, walk, problems), 14U);  // ios_c3560@2 ... @178
    EXPECT_TRUE(problems.empty());
    const auto vlans = vlan_walks(walk);
    ASSERT_TRUE(vlans.contains(10));
    // ios_c3560@10.snmprec: dot1dBasePortIfIndex.35 = 10031, its only line.
    EXPECT_EQ(vlans.at(10).size(), 1U);
    EXPECT_EQ(vlans.at(10).at(O("1.3.6.1.2.1.17.1.4.1.2.35")).number, 10031);
    EXPECT_FALSE(vlans.at(2).contains(O("1.3.6.1.2.1.17.2.15.1.2.52")));  // STP: not a MAC table
    EXPECT_EQ(add_vlan_context_files(base.parent_path() / "ios_2960x.snmprec", walk, problems), 0U);
}

TEST(PoeDecode, CiscoPortsMapThroughEntityAliasesToThePhone) {
    SnmpWalk w;
    w[O("1.3.6.1.4.1.9.9.402.1.2.1.9.1.1")] = {SnmpType::kGauge32, "", 2509};
    w[O("1.3.6.1.4.1.9.9.402.1.2.1.11.1.1")] = integer(1010);
    w[O("1.3.6.1.4.1.9.9.402.1.2.1.9.1.2")] = {SnmpType::kGauge32, "", 0};
    w[O("1.3.6.1.4.1.9.9.402.1.2.1.11.1.2")] = integer(1011);
    w[O("1.3.6.1.2.1.47.1.3.2.1.2.1010.0")] = object("1.3.6.1.2.1.2.2.1.1.10101");
    w[O("1.3.6.1.2.1.47.1.3.2.1.2.1011.0")] = object("1.3.6.1.2.1.2.2.1.1.10102");
    w[O("1.3.6.1.4.1.9.9.23.1.2.1.1.6.10101.1")] = text("SEP00AABBCCDDEE");      // cdpCacheDeviceId
    w[O("1.3.6.1.4.1.9.9.23.1.2.1.1.8.10101.1")] = text("Cisco IP Phone 8845");  // cdpCachePlatform
    const SnmpDeviceFacts f = decode_all(w);
    ASSERT_EQ(f.poe.ports.size(), 2U);
    EXPECT_EQ(f.poe.ports[0].if_index, 10101U);
    EXPECT_EQ(f.poe.ports[0].if_index_source, "entity");
    EXPECT_TRUE(f.poe.ports[0].delivering());
    EXPECT_EQ(f.poe.ports[0].power_mw, 2509);
    EXPECT_EQ(f.poe.ports[0].powered_device, "SEP00AABBCCDDEE (Cisco IP Phone 8845)");
    EXPECT_EQ(f.poe.ports[1].if_index, 10102U);
    EXPECT_FALSE(f.poe.ports[1].delivering());
    EXPECT_TRUE(f.poe.ports[1].powered_device.empty());
}

TEST(PoeDecode, StandardTableNumberedLikeTheInterfaces) {
    SnmpWalk w;
    for (std::uint32_t port : {1U, 2U}) {
        w[O("1.3.6.1.2.1.2.2.1.1").child(port)] = integer(port);
        w[O("1.3.6.1.2.1.105.1.1.1.3.1").child(port)] = integer(1);
        w[O("1.3.6.1.2.1.105.1.1.1.6.1").child(port)] = integer(port == 1 ? 3 : 2);
        w[O("1.3.6.1.2.1.105.1.1.1.10.1").child(port)] = integer(port == 1 ? 3 : 1);
    }
    w[O("1.3.6.1.2.1.105.1.1.1.3.1.9")] = integer(1);  // no interface 9: left unmapped
    const PoeFacts p = decode_poe(w);
    ASSERT_EQ(p.ports.size(), 3U);
    EXPECT_TRUE(p.ports[0].delivering());
    EXPECT_EQ(p.ports[0].power_class, 2);
    EXPECT_EQ(p.ports[0].if_index, 1U);
    EXPECT_EQ(p.ports[0].if_index_source, "port-number");
    EXPECT_FALSE(p.ports[1].delivering());
    EXPECT_FALSE(p.ports[2].if_index.has_value());
}

}  // namespace
}  // namespace nd
