// The collector against a misbehaving in-process agent on 127.0.0.1: partial results and a
// warning, never a hang or a crash.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <thread>

#include "collectors/collector.hpp"
#include "collectors/snmp/snmp_collector.hpp"
#include "collectors/snmp/snmp_decode.hpp"
#include "tests/collectors/snmp/fake_agent.hpp"

namespace nd {
namespace {

using std::chrono::milliseconds;
using test::FakeAgent;
using test::FakeAgentBehaviour;

Oid O(std::string_view s) { return *Oid::parse(s); }

SnmpWalk switch_walk(int interfaces = 30) {
    SnmpWalk w;
    w[O("1.3.6.1.2.1.1.1.0")] = {SnmpType::kOctetString, "Fake switch 1.0", 0};
    w[O("1.3.6.1.2.1.1.2.0")] = {SnmpType::kOid, "1.3.6.1.4.1.99999.1", 0};
    w[O("1.3.6.1.2.1.1.3.0")] = {SnmpType::kTimeTicks, "", 4242};
    w[O("1.3.6.1.2.1.1.5.0")] = {SnmpType::kOctetString, "fake-sw", 0};
    for (int i = 1; i <= interfaces; ++i) {
        const auto idx = static_cast<std::uint32_t>(i);
        w[O("1.3.6.1.2.1.2.2.1.1").child(idx)] = {SnmpType::kInteger, "", i};
        w[O("1.3.6.1.2.1.2.2.1.2").child(idx)] = {SnmpType::kOctetString, "port" + std::to_string(i), 0};
        w[O("1.3.6.1.2.1.2.2.1.6").child(idx)] = {SnmpType::kOctetString,
                                                  std::string("\x00\x11\x22\x33\x44", 5) + char(i), 0};
    }
    w[O("1.3.6.1.2.1.47.1.1.1.1.11.1")] = {SnmpType::kOctetString, "SER123", 0};
    return w;
}

// A small switch that also serves these private-MIB text values.
SnmpWalk switch_with(std::initializer_list<std::pair<const char*, const char*>> private_values) {
    SnmpWalk w = switch_walk(2);
    for (const auto& [oid, text] : private_values) w[O(oid)] = {SnmpType::kOctetString, text, 0};
    return w;
}

WalkPlan small_plan() {
    WalkPlan plan;
    plan.get = {oids::kSysDescr, oids::kSysObjectId, oids::kSysName};
    plan.subtrees = {O("1.3.6.1.2.1.1"), O("1.3.6.1.2.1.2.2"), O("1.3.6.1.2.1.47.1.1.1"),
                     O("1.3.6.1.2.1.43.11")};
    return plan;
}

SnmpOptions options_for(std::vector<SnmpCredential> creds) {
    SnmpOptions o;
    o.credentials = std::move(creds);
    o.timeout = milliseconds(150);
    o.retries = 1;
    return o;
}

SnmpTarget local(std::uint16_t port) { return {"127.0.0.1", port}; }

// `identify` classifies ahead from the system scalars: they arrive once per target, when the
// credential is answered, before that target's result.
TEST(SnmpCollectorFake, SystemScalarsArriveOnceBeforeTheResult) {
    FakeAgent agent(switch_walk(), {});
    SnmpCollector collector(options_for({community_credential("office", "public")}), small_plan());
    std::vector<SnmpWalk> answers;
    bool result_seen_first = false;
    collector.on_answered([&](const SnmpTarget& target, const SnmpWalk& system) {
        EXPECT_EQ(target.port, agent.port());
        answers.push_back(system);
    });
    auto results = collector.walk_hosts({local(agent.port())},
                                        [&](const SnmpHostResult&) { result_seen_first = answers.empty(); });
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_FALSE(result_seen_first);
    const auto descr = answers[0].find(oids::kSysDescr);
    ASSERT_NE(descr, answers[0].end());
    EXPECT_EQ(descr->second.text(), "Fake switch 1.0");
    EXPECT_LT(answers[0].size(), results[0].walk.size());  // the probe's scalars, not the walk
}

TEST(SnmpCollectorFake, WalksPlanAndRemembersCredentialName) {
    FakeAgent agent(switch_walk(), {});
    SnmpCollector collector(
        options_for({community_credential("wrong", "nope"), community_credential("office", "public")}),
        small_plan());
    auto results = collector.walk_hosts({local(agent.port())});
    ASSERT_EQ(results.size(), 1U);
    const SnmpHostResult& r = results[0];
    EXPECT_TRUE(r.answered) << r.error;
    EXPECT_EQ(r.credential, "office");
    EXPECT_TRUE(r.complete);
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_EQ(r.walk.size(), switch_walk().size());
    auto ifs = decode_interfaces(r.walk);
    ASSERT_EQ(ifs.size(), 30U);
    EXPECT_EQ(ifs[29].name, "port30");
    EXPECT_EQ(decode_system(r.walk).name, "fake-sw");
    const Observation obs = to_observation(r, 7);
    EXPECT_EQ(obs.source, "snmp");
    EXPECT_EQ(obs.scan_id, 7);
    EXPECT_EQ(obs.evidence.snmp_credential, "office");
    ASSERT_EQ(obs.evidence.hostnames.size(), 1U);
    EXPECT_EQ(obs.evidence.hostnames[0], "fake-sw");
}

// plan.more: once the sysObjectID is in, the device's own subtrees are asked beside the plan's, each to its
// row cap without a warning; one inside a planned subtree is not asked twice.
TEST(SnmpCollectorFake, DeviceSubtreesFollowTheSysObjectIdAndStopQuietlyAtTheirCap) {
    SnmpWalk w = switch_walk(4);
    for (std::uint32_t i = 1; i <= 30; ++i)
        w[O("1.3.6.1.4.1.99999.2.1").child(i)] = {SnmpType::kOctetString, "row" + std::to_string(i), 0};
    w[O("1.3.6.1.4.1.99999.3.0")] = {SnmpType::kOctetString, "SN0001", 0};
    w[O("1.3.6.1.4.1.88888.1.0")] = {SnmpType::kOctetString, "another maker", 0};
    FakeAgent agent(w, {});
    WalkPlan plan = small_plan();
    std::vector<Oid> seen_sys_object_id;
    plan.more = [&](const SnmpWalk& system) {
        if (auto it = system.find(oids::kSysObjectId); it != system.end())
            seen_sys_object_id.push_back(*Oid::parse(it->second.bytes));
        return std::vector<ExtraSubtree>{{O("1.3.6.1.4.1.99999.2"), 5},
                                         {O("1.3.6.1.4.1.99999.3.0"), 1},     // a scalar instance itself
                                         {O("1.3.6.1.4.1.99999.2.1.17"), 1},  // one row, beyond the cap above
                                         {O("1.3.6.1.2.1.2.2.1.2"), 1}};      // inside a planned subtree
    };
    SnmpCollector collector(options_for({community_credential("office", "public")}), plan);
    auto r = collector.walk_hosts({local(agent.port())})[0];
    ASSERT_TRUE(r.answered) << r.error;
    // Asked again once those were read; the same list asks nothing new, so the rounds end there.
    ASSERT_EQ(seen_sys_object_id.size(), 2U);
    EXPECT_EQ(seen_sys_object_id[0], O("1.3.6.1.4.1.99999.1"));
    EXPECT_TRUE(r.complete);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
    std::size_t rows = 0;
    for (const auto& [oid, value] : r.walk) rows += oid.starts_with(O("1.3.6.1.4.1.99999.2")) ? 1 : 0;
    EXPECT_EQ(rows, 6U);  // five from the start of the table, and row 17
    EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.99999.2.1.17")), 1U);
    EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.99999.3.0")), 1U);
    EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.88888.1.0")), 0U);  // nobody asked for it
    EXPECT_EQ(r.walk.count(O("1.3.6.1.2.1.2.2.1.2.4")), 1U);  // the planned walk read all four
}

// A range of a subtree: from a start inside it (here after Net-SNMP's branch) to an end, or to a row cap.
TEST(SnmpCollectorFake, DeviceSubtreeRangeStartsAfterItsFromAndStopsAtItsCap) {
    FakeAgent agent(switch_with({{"1.3.6.1.4.1.8072.3.2.10", "agent's own"},
                                 {"1.3.6.1.4.1.88888.1.0", "maker"},
                                 {"1.3.6.1.4.1.88888.2.0", "SN0002"},
                                 {"1.3.6.1.4.1.99999.1.0", "beyond the cap"}}),
                    {});
    WalkPlan plan = small_plan();
    plan.more = [](const SnmpWalk&) {
        return std::vector<ExtraSubtree>{
            {O("1.3.6.1.4.1"), 2, O("1.3.6.1.4.1.8072.4294967295"), std::nullopt},  // stops at its cap
            {O("1.3.6.1.4.1"), 50, O("1.3.6.1.4.1.8072.4294967295"), O("1.3.6.1.4.1.99999")}};  // at its end
    };
    SnmpCollector collector(options_for({community_credential("office", "public")}), plan);
    auto r = collector.walk_hosts({local(agent.port())})[0];
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.8072.3.2.10")), 0U);
    EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.88888.1.0")), 1U);
    EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.88888.2.0")), 1U);
    EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.99999.1.0")), 0U);
    EXPECT_TRUE(r.complete);
}

// Rounds: each time the device subtrees asked are read, the plan sees the walk so far and may ask for more
// (here: the private MIBs the agent serves, found one after the other, and the maker's read once found); a
// guess that needs the whole search waits for a round that found nothing new; a plan that keeps asking for
// something new is cut off after a few rounds. The same over SNMPv1's GETNEXT.
TEST(SnmpCollectorFake, DeviceSubtreesComeInRoundsThatSeeWhatTheLastOneFound) {
    FakeAgent agent(switch_with({{"1.3.6.1.2.1.99.9.9.0", "guessed"},
                                 {"1.3.6.1.4.1.2021.4.5.0", "agent's own"},
                                 {"1.3.6.1.4.1.88888.1.0", "maker"},
                                 {"1.3.6.1.4.1.88888.2.0", "SN0003"},
                                 {"1.3.6.1.4.1.99999.7.0", "last"}}),
                    {});
    const Oid guessed = O("1.3.6.1.2.1.99.9.9.0");
    for (auto version : {SnmpVersion::kV2c, SnmpVersion::kV1}) {
        WalkPlan plan = small_plan();
        std::vector<bool> guess_read;  // per round: whether the guess had been read before it
        plan.more = [&](const SnmpWalk& walk) {
            guess_read.push_back(walk.contains(guessed));
            const Oid enterprises = O("1.3.6.1.4.1");
            std::vector<ExtraSubtree> out{{enterprises, 1, enterprises, std::nullopt}};
            for (auto it = walk.upper_bound(enterprises);
                 it != walk.end() && it->first.starts_with(enterprises); ++it) {
                const std::uint32_t branch = it->first.arcs()[6];
                out.push_back({enterprises, 1, enterprises.child(branch + 1), std::nullopt});
                if (branch == 88888) out.push_back({enterprises.child(branch), 10});
            }
            ExtraSubtree guess{O("1.3.6.1.2.1.99.9"), 5};
            guess.once_settled = true;
            out.push_back(guess);
            return out;
        };
        SnmpCollector collector(options_for({community_credential("office", "public", version)}), plan);
        auto r = collector.walk_hosts({local(agent.port())})[0];
        ASSERT_TRUE(r.answered) << r.error;
        EXPECT_TRUE(r.complete);
        EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
        EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.2021.4.5.0")), 1U);  // round 1: the first private MIB
        EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.88888.1.0")), 1U);   // round 2: the one after it
        EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.88888.2.0")), 1U);   // round 3: the maker's branch read
        EXPECT_EQ(r.walk.count(O("1.3.6.1.4.1.99999.7.0")), 1U);   // round 3: the MIB after it
        EXPECT_EQ(r.walk.count(guessed), 1U);
        // Round 4 found nothing after 99999, round 5 asked nothing new but the guess, round 6 nothing at all.
        EXPECT_EQ(guess_read, (std::vector<bool>{false, false, false, false, false, true}));
    }

    int endless = 0;
    WalkPlan plan = small_plan();
    plan.more = [&](const SnmpWalk&) {  // something new every time
        ++endless;
        return std::vector<ExtraSubtree>{
            {O("1.3.6.1.4.1.88888").child(static_cast<std::uint32_t>(endless)), 1}};
    };
    SnmpCollector greedy(options_for({community_credential("office", "public")}), plan);
    EXPECT_TRUE(greedy.walk_hosts({local(agent.port())})[0].answered);
    EXPECT_EQ(endless, 12);
}

TEST(SnmpCollectorFake, V1UsesGetNextAndEndsOnNoSuchName) {
    FakeAgent agent(switch_walk(5), {});
    SnmpCollector collector(options_for({community_credential("v1", "public", SnmpVersion::kV1)}),
                            small_plan());
    auto r = collector.walk_hosts({local(agent.port())})[0];
    EXPECT_TRUE(r.answered);
    EXPECT_TRUE(r.complete);
    EXPECT_EQ(r.walk.size(), switch_walk(5).size());
}

TEST(SnmpCollectorFake, LoopingAgentGivesPartialResultAndWarning) {
    FakeAgentBehaviour b;
    b.loop_after_first = true;
    b.max_varbinds = 2;
    FakeAgent agent(switch_walk(), b);
    SnmpCollector collector(options_for({community_credential("c", "public")}), small_plan());
    const auto start = std::chrono::steady_clock::now();
    auto r = collector.walk_hosts({local(agent.port())})[0];
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    EXPECT_TRUE(r.answered);
    EXPECT_FALSE(r.complete);
    ASSERT_FALSE(r.warnings.empty());
    EXPECT_NE(r.warnings[0].find("non-increasing OID"), std::string::npos) << r.warnings[0];
}

TEST(SnmpCollectorFake, AgentFallingSilentMidWalkKeepsPartialResults) {
    FakeAgentBehaviour b;
    b.silent_after = 3;  // the probe and two walk requests
    b.max_varbinds = 4;  // short answers, so the walk needs many requests
    FakeAgent agent(switch_walk(), b);
    SnmpCollector collector(options_for({community_credential("c", "public")}), small_plan());
    const auto start = std::chrono::steady_clock::now();
    auto r = collector.walk_hosts({local(agent.port())})[0];
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, std::chrono::seconds(3));  // 2 timeouts x 150 ms x 2 tries, not per subtree forever
    EXPECT_TRUE(r.answered);
    EXPECT_FALSE(r.complete);
    EXPECT_GT(r.walk.size(), 3U);
    EXPECT_LT(r.walk.size(), switch_walk().size());
    bool warned = false;
    for (const auto& w : r.warnings) warned |= w.find("agent stopped answering") != std::string::npos;
    EXPECT_TRUE(warned);
    EXPECT_GT(r.timeouts, 0U);
}

TEST(SnmpCollectorFake, WrongTypesAreStoredAndDecodersSkipThem) {
    SnmpWalk w = switch_walk(3);
    w[O("1.3.6.1.2.1.1.5.0")] = {SnmpType::kCounter32, "", 5};             // sysName as a counter
    w[O("1.3.6.1.2.1.2.2.1.6.2")] = {SnmpType::kInteger, "", -1};          // MAC as an integer
    w[O("1.3.6.1.2.1.2.2.1.2.3")] = {SnmpType::kOid, "1.3.6.1.4.1.1", 0};  // ifDescr as an OID
    FakeAgent agent(w, {});
    SnmpCollector collector(options_for({community_credential("c", "public")}), small_plan());
    auto r = collector.walk_hosts({local(agent.port())})[0];
    EXPECT_TRUE(r.complete);
    EXPECT_EQ(r.walk.at(O("1.3.6.1.2.1.1.5.0")).type, SnmpType::kCounter32);
    SnmpDeviceFacts f = decode_all(r.walk);
    EXPECT_TRUE(f.system.name.empty());
    ASSERT_EQ(f.interfaces.size(), 3U);
    EXPECT_FALSE(f.interfaces[1].mac.has_value());
    EXPECT_TRUE(f.interfaces[0].mac.has_value());
}

TEST(SnmpCollectorFake, TableCapTruncatesWithWarning) {
    FakeAgent agent(switch_walk(200), {});
    SnmpOptions o = options_for({community_credential("c", "public")});
    o.limits.max_oids_per_table = 50;
    SnmpCollector collector(o, small_plan());
    auto r = collector.walk_hosts({local(agent.port())})[0];
    EXPECT_FALSE(r.complete);
    EXPECT_EQ(decode_interfaces(r.walk).size(), 50U);  // 50 ifIndex values, the first column
    ASSERT_FALSE(r.warnings.empty());
    EXPECT_NE(r.warnings[0].find("exceeds 50 OIDs"), std::string::npos);
}

TEST(SnmpCollectorFake, NobodyListeningFailsWithinTimeoutBudget) {
    std::uint16_t port = 0;
    {
        FakeAgent closed(SnmpWalk{}, {});
        port = closed.port();
    }
    SnmpCollector collector(options_for({community_credential("a", "x"), community_credential("b", "y")}),
                            small_plan());
    const auto start = std::chrono::steady_clock::now();
    auto r = collector.walk_hosts({local(port)})[0];
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
    EXPECT_FALSE(r.answered);
    EXPECT_EQ(r.error, "no answer with any credential (tried a, b)");
    EXPECT_EQ(r.error.find("x"), std::string::npos);  // never the community
}

TEST(SnmpCollectorFake, ManyHostsConcurrentlyInOrder) {
    std::vector<std::unique_ptr<FakeAgent>> agents;
    std::vector<SnmpTarget> targets;
    for (int i = 0; i < 12; ++i) {
        SnmpWalk w = switch_walk(5 + i);
        agents.push_back(std::make_unique<FakeAgent>(w, FakeAgentBehaviour{}));
        targets.push_back(local(agents.back()->port()));
    }
    SnmpOptions o = options_for({community_credential("c", "public")});
    o.max_concurrent_hosts = 5;
    SnmpCollector collector(o, small_plan());
    int seen = 0;
    auto results = collector.walk_hosts(targets, [&](const SnmpHostResult&) { ++seen; });
    EXPECT_EQ(seen, 12);
    ASSERT_EQ(results.size(), 12U);
    for (int i = 0; i < 12; ++i) {
        EXPECT_EQ(results[i].target, targets[i]);
        EXPECT_EQ(decode_interfaces(results[i].walk).size(), static_cast<std::size_t>(5 + i));
    }
    EXPECT_GT(collector.stats().received, 12U);
}

TEST(SnmpCollectorFake, SilentV3HostsDoNotStallThePoller) {
    // Ten hosts tried first with a v3 credential: none speaks v3 (the fake agents ignore v3
    // packets), so each engine-ID discovery waits its full timeout. Discovery used to block the
    // poller inside snmp_sess_open (ten hosts: ten timeouts one after the other); now the ten
    // discoveries wait together and the v2c credential follows on each host.
    std::vector<std::unique_ptr<FakeAgent>> agents;
    std::vector<SnmpTarget> targets;
    for (int i = 0; i < 10; ++i) {
        agents.push_back(std::make_unique<FakeAgent>(switch_walk(3), FakeAgentBehaviour{}));
        targets.push_back(local(agents.back()->port()));
    }
    SnmpCredential v3;
    v3.name = "core-v3";
    v3.version = SnmpVersion::kV3;
    v3.user = "ops";
    v3.level = SnmpSecurityLevel::kAuthPriv;
    v3.auth_passphrase = Secret("authpass-123");
    v3.priv_passphrase = Secret("privpass-123");
    SnmpOptions o = options_for({v3, community_credential("office", "public")});
    o.timeout = milliseconds(400);
    o.retries = 0;
    SnmpCollector collector(o, small_plan());
    const auto start = std::chrono::steady_clock::now();
    auto results = collector.walk_hosts(targets);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took, milliseconds(2000)) << "discoveries ran one after the other";
    for (const auto& r : results) {
        ASSERT_TRUE(r.answered) << r.error;
        EXPECT_EQ(r.credential, "office");
        ASSERT_FALSE(r.warnings.empty());
        EXPECT_NE(r.warnings[0].find("no SNMPv3 engine ID"), std::string::npos) << r.warnings[0];
    }
}

TEST(SnmpCollectorFake, SilentV3HostAmongAnsweringOnesFinishesInItsOwnTime) {
    std::uint16_t silent_port = 0;
    FakeAgentBehaviour mute;
    mute.community = "nobody-knows-this";  // bound, reads, never answers
    FakeAgent silent(SnmpWalk{}, mute);
    silent_port = silent.port();
    FakeAgent a(switch_walk(4), {});
    FakeAgent b(switch_walk(6), {});
    SnmpCredential v3;
    v3.name = "core-v3";
    v3.version = SnmpVersion::kV3;
    v3.user = "ops";
    SnmpOptions o = options_for({community_credential("office", "public"), v3});
    o.timeout = milliseconds(300);
    o.retries = 1;
    SnmpCollector collector(o, small_plan());
    std::map<std::uint16_t, std::chrono::steady_clock::duration> done_at;
    const auto start = std::chrono::steady_clock::now();
    auto results = collector.walk_hosts(
        {local(silent_port), local(a.port()), local(b.port())},
        [&](const SnmpHostResult& r) { done_at[r.target.port] = std::chrono::steady_clock::now() - start; });
    // Silent: v2c probe (2 x 300 ms) then v3 discovery (2 x 300 ms); the others are done long before.
    EXPECT_LT(done_at[a.port()], milliseconds(500));
    EXPECT_LT(done_at[b.port()], milliseconds(500));
    EXPECT_GE(done_at[silent_port], milliseconds(1100));
    EXPECT_LT(done_at[silent_port], milliseconds(2500));
    EXPECT_FALSE(results[0].answered);
    EXPECT_EQ(results[0].error, "no answer with any credential (tried office, core-v3)");
    EXPECT_TRUE(results[1].answered);
    EXPECT_TRUE(results[2].answered);
}

// The scan's shared packet rate: every request PDU takes a token, the wrong credential's probe and
// its retry included; nothing is sent faster than the rate allows.
TEST(SnmpCollectorFake, EveryRequestAndRetryTakesARateToken) {
    FakeAgentBehaviour b;
    b.max_varbinds = 4;  // short answers: many requests
    FakeAgent agent(switch_walk(10), b);
    constexpr double kRate = 40.0;
    const auto start = RateLimit::Clock::now();
    // The clock seam: a bucket that starts at `start` with its one token already taken, so every
    // request below waits its turn (burst of one token).
    RateLimit rate(kRate, std::chrono::milliseconds(25), start);
    ASSERT_TRUE(rate.try_take(start));
    SnmpOptions o =
        options_for({community_credential("wrong", "nope"), community_credential("office", "public")});
    o.rate = &rate;
    SnmpCollector collector(o, small_plan());
    const auto r = collector.walk_hosts({local(agent.port())})[0];
    const double elapsed = std::chrono::duration<double>(RateLimit::Clock::now() - start).count();
    ASSERT_TRUE(r.answered) << r.error;
    EXPECT_TRUE(r.complete);
    EXPECT_EQ(r.walk.size(), switch_walk(10).size());
    // The wrong community is never answered: its probe and one retry, then the agent's own requests.
    EXPECT_EQ(r.requests, static_cast<std::uint64_t>(agent.requests()) + 2);
    EXPECT_GT(r.requests, 10U);
    EXPECT_EQ(rate.taken(), r.requests + 1);  // + the token the test took
    EXPECT_GE(elapsed, static_cast<double>(r.requests) / kRate * 0.95);
    EXPECT_EQ(collector.stats().sent, r.requests);
}

TEST(SnmpCollectorFake, StopEndsAWaitForARateToken) {
    FakeAgent agent(switch_walk(10), {});
    RateLimit rate(2.0, std::chrono::milliseconds(500));  // one request every half second
    SnmpOptions o = options_for({community_credential("office", "public")});
    o.rate = &rate;
    SnmpCollector collector(o, small_plan());
    std::thread stopper([&] {
        std::this_thread::sleep_for(milliseconds(700));
        collector.stop();
    });
    const auto start = std::chrono::steady_clock::now();
    const auto r = collector.walk_hosts({local(agent.port())})[0];
    const auto elapsed = std::chrono::steady_clock::now() - start;
    stopper.join();
    EXPECT_LT(elapsed, milliseconds(1500));  // the full walk would take several seconds at 2/s
    EXPECT_TRUE(r.answered);
    EXPECT_FALSE(r.complete);
    EXPECT_LE(r.requests, 3U);
}

// A plan cut into ranges (what --full-walk does) reads each OID exactly once however many ranges are
// in flight: the same walk as one cursor, with about as many requests.
TEST(SnmpCollectorFake, RangesInFlightReadTheSameWalkAsOneCursor) {
    SnmpWalk data = switch_walk(40);
    data[O("1.3.6.1.2.1.31.1.1.1.1.1")] = {SnmpType::kOctetString, "Gi1", 0};
    data[O("1.3.6.1.4.1.9.2.1.1.0")] = {SnmpType::kInteger, "", 7};
    FakeAgent agent(data, {});
    WalkPlan whole;
    whole.get = {oids::kSysDescr};
    whole.subtrees = {O("1.3.6.1")};
    WalkPlan cut = whole;
    cut.splits = {
        O("1.3.6.1.2.1.2"),  O("1.3.6.1.2.1.2.2.1.2"), O("1.3.6.1.2.1.2.2.1.6"), O("1.3.6.1.2.1.25"),
        O("1.3.6.1.2.1.31"), O("1.3.6.1.2.1.33"),      O("1.3.6.1.2.1.47"),      O("1.3.6.1.4")};
    SnmpOptions o = options_for({community_credential("office", "public")});
    const auto one = SnmpCollector(o, whole).walk_hosts({local(agent.port())})[0];
    o.subtrees_in_flight = 4;
    const auto many = SnmpCollector(o, cut).walk_hosts({local(agent.port())})[0];
    ASSERT_TRUE(one.complete);
    ASSERT_TRUE(many.complete) << (many.warnings.empty() ? "" : many.warnings[0]);
    EXPECT_EQ(many.walk.size(), data.size());
    ASSERT_EQ(many.walk.size(), one.walk.size());
    for (auto a = many.walk.begin(), b = one.walk.begin(); a != many.walk.end(); ++a, ++b) {
        EXPECT_EQ(a->first, b->first);
        EXPECT_EQ(a->second.bytes, b->second.bytes);
        EXPECT_EQ(a->second.number, b->second.number);
    }
    // Ranges nobody started are taken over by the cursor before them: empty ones (25, 33) cost nothing.
    EXPECT_LE(many.requests, one.requests + 4);
}

// A printer-sized device under the default plan (~60 subtrees, most of them absent): one GETBULK
// carries many subtrees, so the absent ones cost a varbind each, not a round trip each.
SnmpWalk printer_walk() {
    SnmpWalk w = switch_walk(2);
    for (std::uint32_t i = 1; i <= 4; ++i) {
        w[O("1.3.6.1.2.1.43.11.1.1.6.1").child(i)] = {SnmpType::kOctetString, "Toner " + std::to_string(i),
                                                      0};
        w[O("1.3.6.1.2.1.43.11.1.1.9.1").child(i)] = {SnmpType::kInteger, "", 50};
        w[O("1.3.6.1.2.1.43.10.2.1.4.1").child(i)] = {SnmpType::kCounter32, "", 1000 * i};
    }
    w[O("1.3.6.1.2.1.25.3.2.1.3.1")] = {SnmpType::kOctetString, "Fake MFP", 0};
    w[O("1.3.6.1.4.1.99999.7.1.0")] = {SnmpType::kOctetString, "outside the plan", 0};
    return w;
}

SnmpWalk in_plan(const SnmpWalk& all, const WalkPlan& plan) {
    SnmpWalk out;
    for (const auto& [oid, value] : all)
        for (const Oid& root : plan.subtrees)
            if (oid.starts_with(root)) out[oid] = value;
    return out;
}

void expect_same_walk(const SnmpHostResult& r, const SnmpWalk& expected) {
    ASSERT_EQ(r.walk.size(), expected.size());
    for (auto a = r.walk.begin(), b = expected.begin(); a != r.walk.end(); ++a, ++b) {
        EXPECT_EQ(a->first, b->first);
        EXPECT_EQ(a->second.bytes, b->second.bytes);
        EXPECT_EQ(a->second.number, b->second.number);
    }
}

TEST(SnmpCollectorFake, OneRequestCarriesManySubtrees) {
    const SnmpWalk data = printer_walk();
    const WalkPlan plan = default_walk_plan();
    const SnmpWalk expected = in_plan(data, plan);
    FakeAgent agent(data, {});
    SnmpOptions o = options_for({community_credential("office", "public")});
    o.bulk_varbinds = 1;  // one subtree per request, as snmpbulkwalk does
    const auto alone = SnmpCollector(o, plan).walk_hosts({local(agent.port())})[0];
    o.bulk_varbinds = 40;
    const auto shared = SnmpCollector(o, plan).walk_hosts({local(agent.port())})[0];
    ASSERT_TRUE(alone.complete);
    ASSERT_TRUE(shared.complete) << (shared.warnings.empty() ? "" : shared.warnings[0]);
    expect_same_walk(alone, expected);
    expect_same_walk(shared, expected);
    EXPECT_GE(alone.requests, plan.subtrees.size());  // at least one per subtree
    EXPECT_LE(shared.requests, 12U) << "alone: " << alone.requests;
}

// An agent that answers one request at a time gets one: more would only queue there, cut the walk into
// thinner requests and cost it more work. Across a long path, every request allowed stays in flight.
SnmpHostResult walk_printer_with_four_allowed(const FakeAgentBehaviour& behaviour) {
    const SnmpWalk data = printer_walk();
    FakeAgent agent(data, behaviour);
    SnmpOptions o = options_for({community_credential("office", "public")});
    o.timeout = milliseconds(2000);
    o.subtrees_in_flight = 4;
    auto r = SnmpCollector(o, default_walk_plan()).walk_hosts({local(agent.port())})[0];
    EXPECT_TRUE(r.complete) << (r.warnings.empty() ? "" : r.warnings[0]);
    expect_same_walk(r, in_plan(data, default_walk_plan()));
    return r;
}

TEST(SnmpCollectorFake, AgentAnsweringOneAtATimeIsWalkedOneRequestAtATime) {
    FakeAgentBehaviour busy;
    busy.delay = milliseconds(50);
    EXPECT_LE(walk_printer_with_four_allowed(busy).requests_in_flight, 2U);
}

TEST(SnmpCollectorFake, LongPathKeepsEveryRequestInFlight) {
    FakeAgentBehaviour far;
    far.latency = milliseconds(40);
    EXPECT_GE(walk_printer_with_four_allowed(far).requests_in_flight, 3U);
}

// Robustness of shared requests: agents that answer them wrongly still give the whole walk.
void expect_whole_plan_walked(const FakeAgentBehaviour& behaviour, int subtrees_in_flight = 1) {
    const SnmpWalk data = printer_walk();
    const WalkPlan plan = default_walk_plan();
    FakeAgent agent(data, behaviour);
    SnmpOptions o = options_for({community_credential("office", "public")});
    o.subtrees_in_flight = subtrees_in_flight;
    const auto r = SnmpCollector(o, plan).walk_hosts({local(agent.port())})[0];
    EXPECT_TRUE(r.complete) << (r.warnings.empty() ? "" : r.warnings[0]);
    expect_same_walk(r, in_plan(data, plan));
}

TEST(SnmpCollectorFake, AgentListingAnswersColumnAfterColumnStillGivesTheWholeWalk) {
    FakeAgentBehaviour b;
    b.column_after_column = true;
    expect_whole_plan_walked(b);
}

TEST(SnmpCollectorFake, AgentRefusingSharedRequestsStillGivesTheWholeWalk) {
    FakeAgentBehaviour b;
    b.max_oids_asked = 1;  // genErr for any GETBULK that carries two subtrees or more
    expect_whole_plan_walked(b);
}

TEST(SnmpCollectorFake, TruncatedSharedAnswersStillGiveTheWholeWalk) {
    FakeAgentBehaviour b;
    b.max_varbinds = 5;  // fewer varbinds than subtrees asked: the rows are cut short
    expect_whole_plan_walked(b, 3);
}

TEST(SnmpCollectorFake, SilentAgentWithSharedRequestsEndsWithinItsTimeouts) {
    FakeAgentBehaviour b;
    b.silent_after = 1;  // answers the credential probe, then nothing
    FakeAgent agent(printer_walk(), b);
    const auto start = std::chrono::steady_clock::now();
    const auto r = SnmpCollector(options_for({community_credential("office", "public")}), default_walk_plan())
                       .walk_hosts({local(agent.port())})[0];
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(r.answered);
    EXPECT_FALSE(r.complete);
    EXPECT_FALSE(r.warnings.empty());
    EXPECT_LT(elapsed, milliseconds(1500));  // two 150 ms waits (first try, retry), not one per subtree
    EXPECT_LE(r.timeouts, 8U);
}

TEST(SnmpCollectorFake, StopFlagEndsTheWalkWithinAPollRound) {
    FakeAgentBehaviour slow;
    slow.delay = milliseconds(20);
    slow.max_varbinds = 2;  // ~60 requests, over a second
    FakeAgent agent(switch_walk(40), slow);
    SnmpOptions o = options_for({community_credential("office", "public")});
    o.timeout = milliseconds(1000);
    SnmpCollector collector(o, small_plan());
    std::atomic<bool> interrupted{false};
    collector.stop_when(&interrupted);
    std::thread ctrl_c([&] {
        std::this_thread::sleep_for(milliseconds(200));
        interrupted = true;
    });
    const auto start = std::chrono::steady_clock::now();
    const auto r = collector.walk_hosts({local(agent.port())})[0];
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ctrl_c.join();
    EXPECT_LT(elapsed, milliseconds(700));
    EXPECT_TRUE(r.answered);  // what was read is kept
    EXPECT_FALSE(r.complete);
    EXPECT_GT(r.walk.size(), 0U);
}

TEST(SnmpCollectorFake, StopBeforeTheWalkSendsNothing) {
    FakeAgent agent(switch_walk(), {});
    SnmpCollector collector(options_for({community_credential("office", "public")}), small_plan());
    collector.stop();
    const auto results = collector.walk_hosts({local(agent.port()), local(agent.port())});
    ASSERT_EQ(results.size(), 2U);
    EXPECT_FALSE(results[0].answered);
    EXPECT_EQ(results[1].error, "collector stopped before this host");
    EXPECT_EQ(agent.requests(), 0);
}

}  // namespace
}  // namespace nd
