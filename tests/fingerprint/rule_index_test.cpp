// The rule index must be exact: every rule match_rule accepts is a candidate, in rule order, so that the
// index only changes how fast classification is, never its verdicts.
#include "fingerprint/rule_index.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fingerprint/engine.hpp"
#include "fingerprint/matcher.hpp"
#include "fingerprint/report/corpus_loader.hpp"
#include "fingerprint/rule_set.hpp"

namespace nd {
namespace {

void put(DeviceEvidence& d, const char* oid, SnmpType type, std::string bytes, std::int64_t number = 0) {
    d.snmp[*Oid::parse(oid)] = SnmpValue{type, std::move(bytes), number};
}

// Ids of the rules that match when every rule is tried, and when only the index's candidates are.
std::pair<std::vector<std::string>, std::vector<std::string>> matches(const fp::RuleSet& set,
                                                                      const fp::RuleIndex& index,
                                                                      const DeviceEvidence& evidence) {
    fp::DeviceFacts facts(evidence);
    std::vector<std::string> every, indexed;
    for (const auto& rule : set.rules) {
        if (fp::match_rule(rule, facts)) every.push_back(rule.id);
    }
    std::vector<std::size_t> candidates;
    index.candidates(facts, candidates);
    EXPECT_TRUE(std::is_sorted(candidates.begin(), candidates.end()));
    for (auto i : candidates) {
        if (fp::match_rule(set.rules[i], facts)) indexed.push_back(set.rules[i].id);
    }
    return {every, indexed};
}

constexpr const char* kGateRules = R"(
[[rule]]
id = "private-subtree"
class = "printer"
when.oid_present = ["1.3.6.1.2.1.1.1", "1.3.6.1.4.1.99998.2"]

[[rule]]
id = "any-private-or-public"
class = "server"
when.oid_any = ["1.3.6.1.4.1.99997", "1.3.6.1.2.1.25.1.1"]

[[rule]]
id = "any-private"
class = "switch"
when.oid_any = ["1.3.6.1.4.1.99997", "1.3.6.1.4.1.99998"]

[[rule]]
id = "value-private"
from.model = [{ oid = "1.3.6.1.4.1.99998.2.1" }]
when.oid_value."1.3.6.1.4.1.99998.2.1" = 'Widget (?P<model>\d+)'

[[rule]]
id = "descr-not"
class = "router"
when.oid_present = ["1.3.6.1.2.1.4.1"]
when.sys_descr_not = '(?i)firewall'

[[rule]]
id = "descr-gated"
class = "firewall"
when.sys_descr = '(?i)fire(?P<x>wall)'
when.oid_present = ["1.3.6.1.2.1.4.1"]

[[rule]]
id = "enterprise-and-descr"
vendor = "Acme"
when.enterprise = [99998]
when.sys_descr = 'Acme'

[[rule]]
id = "mdns-only"
class = "printer"
when.mdns_service = ["_ipp._tcp"]

[[rule]]
id = "ttl-only"
class = "server"
when.ttl = [100, 128]
)";

TEST(RuleIndexTest, GatesKeepEveryMatchingRule) {
    fp::RuleSet set;
    fp::load_rule_text(set, kGateRules, "gates.toml");
    fp::RuleIndex index(set.rules);

    DeviceEvidence acme;
    put(acme, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Acme Firewall 5");
    put(acme, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.99998.1.5");
    put(acme, "1.3.6.1.2.1.4.1.0", SnmpType::kInteger, "", 1);
    put(acme, "1.3.6.1.4.1.99998.2.1.0", SnmpType::kOctetString, "Widget 42");
    auto [every, indexed] = matches(set, index, acme);
    EXPECT_EQ(every, (std::vector<std::string>{"private-subtree", "any-private", "value-private",
                                               "descr-gated", "enterprise-and-descr"}));
    EXPECT_EQ(indexed, every);

    DeviceEvidence host;  // public subtree only; sysDescr without the excluded word
    put(host, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Linux host 6.1");
    put(host, "1.3.6.1.2.1.4.1.0", SnmpType::kInteger, "", 1);
    put(host, "1.3.6.1.2.1.25.1.1.0", SnmpType::kTimeTicks, "", 5);
    host.ttl = 64;
    std::tie(every, indexed) = matches(set, index, host);
    EXPECT_EQ(every, (std::vector<std::string>{"any-private-or-public", "descr-not"}));
    EXPECT_EQ(indexed, every);

    DeviceEvidence quiet;  // no SNMP at all
    quiet.mdns.push_back(MdnsService{});
    quiet.mdns.back().type = "_ipp._tcp";
    quiet.ttl = 128;
    std::tie(every, indexed) = matches(set, index, quiet);
    EXPECT_EQ(every, (std::vector<std::string>{"mdns-only", "ttl-only"}));
    EXPECT_EQ(indexed, every);
}

// The shipped rules over a sample of every labelled corpus: the index leaves out no matching rule.
TEST(RuleIndexTest, ShippedRulesOverCorpusMatchTryingEveryRule) {
    const std::filesystem::path root = NETDOSSIER_CORPUS_DIR;
    if (!std::filesystem::is_directory(root)) GTEST_SKIP() << "no corpus at " << root;
    const auto set = fp::load_rule_set(FingerprintEngine::default_rule_dirs());
    const fp::RuleIndex index(set.rules);
    std::size_t checked = 0;
    for (const auto& corpus : fp::load_corpora(root)) {
        for (std::size_t i = 0; i < corpus.devices.size(); i += 7) {  // a sample keeps the test to seconds
            const auto& device = corpus.devices[i];
            if (!device.problem.empty()) continue;
            auto [every, indexed] = matches(set, index, device.evidence);
            EXPECT_EQ(indexed, every) << corpus.name << " " << device.id;
            ++checked;
        }
    }
    EXPECT_GT(checked, 300u);
}

}  // namespace
}  // namespace nd
