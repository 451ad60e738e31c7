// Ctrl-C during a scan's SNMP stage: the stage watches the scan's cancel flag and ends the walks
// within a poll round, keeping (and emitting) what was read, instead of walking to the end.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "agent/scan_stages.hpp"
#include "tests/collectors/snmp/fake_agent.hpp"

namespace nd {
namespace {

using std::chrono::milliseconds;

class CollectingSink final : public ObservationSink {
public:
    void emit(Observation o) override { observations.push_back(std::move(o)); }
    std::vector<Observation> observations;
};

SnmpWalk big_walk() {
    SnmpWalk w;
    w[oids::kSysDescr] = {SnmpType::kOctetString, "Slow agent", 0};
    w[oids::kSysObjectId] = {SnmpType::kOid, "1.3.6.1.4.1.99999.1", 0};
    w[oids::kSysName] = {SnmpType::kOctetString, "slow-sw", 0};
    for (std::uint32_t i = 1; i <= 200; ++i) {
        w[Oid::parse("1.3.6.1.2.1.2.2.1.2")->child(i)] = {SnmpType::kOctetString, "port" + std::to_string(i),
                                                          0};
    }
    return w;
}

TEST(SnmpStage, CancelFlagEndsTheStageAndKeepsWhatWasRead) {
    test::FakeAgentBehaviour slow;
    slow.delay = milliseconds(20);  // 200 interfaces at 10 a request: over 400 ms
    test::FakeAgent agent(big_walk(), slow);
    ScanOptions options;
    options.stages.icmp = options.stages.mdns = options.stages.tcp = options.stages.passive = false;
    options.snmp.port = agent.port();
    options.snmp.timeout = milliseconds(1000);
    options.snmp.credentials = {community_credential("office", "public")};
    ScanPlan plan;
    plan.off_link = {*Ipv4Network::parse("127.0.0.1/32")};
    CollectingSink sink;
    std::atomic<bool> interrupted{false};
    std::thread ctrl_c([&] {
        std::this_thread::sleep_for(milliseconds(150));
        interrupted = true;
    });
    const auto start = std::chrono::steady_clock::now();
    const StageReport report =
        run_followup_stages(plan, options, 1, {*Ipv4Address::parse("127.0.0.1")}, sink, &interrupted);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ctrl_c.join();
    EXPECT_LT(elapsed, milliseconds(400)) << "the stage walked on after Ctrl-C";
    EXPECT_EQ(report.snmp_answered, 1U);
    ASSERT_EQ(sink.observations.size(), 1U);                   // the partial walk is still evidence
    EXPECT_GE(sink.observations[0].evidence.snmp.size(), 3U);  // at least the probe's system scalars
    EXPECT_LT(sink.observations[0].evidence.snmp.size(), 203U);
    EXPECT_EQ(sink.observations[0].evidence.hostnames, std::vector<std::string>{"slow-sw"});
}

}  // namespace
}  // namespace nd
