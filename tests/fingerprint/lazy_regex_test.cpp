// Rule regexes are checked at load, shared by every rule that writes the same pattern, and compiled on
// first use: sharing and laziness must change neither a verdict nor thread-safety.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "fingerprint/engine.hpp"
#include "fingerprint/report/corpus_loader.hpp"
#include "fingerprint/rule_set.hpp"

namespace nd {
namespace {

constexpr const char* kTwinRules = R"(
[[rule]]
id = "acme-model"
model = "{model}"
when.sys_descr = 'Acme Widget (?P<model>\d+)'

[[rule]]
id = "acme-class"
class = "printer"
when.sys_descr = 'Acme Widget (?P<model>\d+)'
from.serial = { oid = "1.3.6.1.4.1.99998.1.0", regex = '(?P<value>[A-Z]+\d+)' }
)";

// Every regex a rule holds, with where it was written.
std::vector<std::pair<fp::Regex, std::string>> regexes_of(const fp::Rule& rule) {
    const auto at = rule.file + ":" + std::to_string(rule.line) + " (" + rule.id + ")";
    std::vector<std::pair<fp::Regex, std::string>> out;
    const auto& c = rule.when;
    for (const auto* re : {&c.sys_descr, &c.sys_descr_not, &c.product_name, &c.oui, &c.hostname,
                           &c.cdp_platform, &c.lldp_sys_descr, &c.banner, &c.dhcp_vendor_class})
        if (*re) out.emplace_back(*re, at);
    for (const auto& vc : c.oid_value) {
        out.emplace_back(vc.regex, at);
        if (vc.source.regex) out.emplace_back(vc.source.regex, at);
    }
    for (const auto& [key, re] : c.mdns_txt) out.emplace_back(re, at);
    for (const auto& sources : rule.from_oid)
        for (const auto& source : sources)
            if (source.regex) out.emplace_back(source.regex, at);
    return out;
}

TEST(LazyRegexTest, RulesWritingOnePatternShareOneRegex) {
    fp::RuleSet set;
    fp::load_rule_text(set, kTwinRules, "twins.toml");
    ASSERT_EQ(set.rules.size(), 2u);
    const auto& first = set.rules[0].when.sys_descr;
    const auto& second = set.rules[1].when.sys_descr;
    EXPECT_EQ(&*first, &*second);  // one compiled RE2
    EXPECT_TRUE(re2::RE2::PartialMatch("Acme Widget 42", *first));
    EXPECT_EQ(first->NumberOfCapturingGroups(), 1);
    const auto& serial = set.rules[1].from_oid[static_cast<std::size_t>(fp::Field::kSerial)];
    ASSERT_EQ(serial.size(), 1u);
    EXPECT_EQ(serial[0].regex.pattern(), "(?P<value>[A-Z]+\\d+)");
}

// The loader only parses; this compiles every shipped regex, so a pattern RE2 cannot build (too large
// for its memory budget) is caught here rather than silently never matching.
TEST(LazyRegexTest, EveryShippedRegexCompiles) {
    const auto set = fp::load_rule_set(FingerprintEngine::default_rule_dirs());
    std::size_t checked = 0;
    for (const auto& rule : set.rules) {
        for (const auto& [re, at] : regexes_of(rule)) {
            EXPECT_TRUE(re->ok()) << at << ": '" << re.pattern() << "': " << re->error();
            ++checked;
        }
    }
    EXPECT_GT(checked, 500u);
}

// Several threads classifying right after load race to compile the same regexes: each verdict must be
// the one a single thread gives.
TEST(LazyRegexTest, ConcurrentClassifyRightAfterLoadGivesTheSequentialVerdicts) {
    const std::filesystem::path root = NETDOSSIER_CORPUS_DIR;
    if (!std::filesystem::is_directory(root)) GTEST_SKIP() << "no corpus at " << root;
    std::vector<DeviceEvidence> devices;
    for (const auto& corpus : fp::load_corpora(root)) {
        for (std::size_t i = 0; i < corpus.devices.size(); i += 11) {  // a sample keeps the test to seconds
            if (corpus.devices[i].problem.empty()) devices.push_back(corpus.devices[i].evidence);
        }
    }
    ASSERT_GT(devices.size(), 200u);
    std::vector<Verdict> expected;
    {
        const auto engine = FingerprintEngine::load_default();
        for (const auto& d : devices) expected.push_back(engine.classify(d));
    }
    const auto engine = FingerprintEngine::load_default();  // fresh: nothing compiled yet
    constexpr std::size_t kThreads = 4;
    std::vector<std::vector<Verdict>> got(kThreads);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t k = 0; k < devices.size(); ++k)  // each thread starts at another device
                got[t].push_back(
                    engine.classify(devices[(k + t * devices.size() / kThreads) % devices.size()]));
        });
    }
    for (auto& thread : threads) thread.join();
    for (std::size_t t = 0; t < kThreads; ++t) {
        for (std::size_t k = 0; k < devices.size(); ++k) {
            const auto index = (k + t * devices.size() / kThreads) % devices.size();
            EXPECT_EQ(got[t][k], expected[index]) << "thread " << t << " device " << index;
        }
    }
}

}  // namespace
}  // namespace nd
