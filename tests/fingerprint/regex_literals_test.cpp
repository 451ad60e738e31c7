// The literals the rule index asks of a sysDescr before it runs a regex: never one a match can lack.
#include "fingerprint/regex_literals.hpp"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "fingerprint/rule_index.hpp"
#include "fingerprint/rule_set.hpp"

namespace nd::fp {
namespace {

using Literals = std::vector<std::string>;

TEST(RegexLiteralsTest, RunsOfPlainCharactersLowerCased) {
    EXPECT_EQ(required_literals("PID:(?P<model>[^,]+)"), (Literals{"pid:"}));
    EXPECT_EQ(required_literals(R"(Cisco\.IOS \d+)"), (Literals{"cisco.ios "}));
    EXPECT_EQ(required_literals("[abc]xyz"), (Literals{"xyz"}));
    EXPECT_EQ(required_literals("^ProCurve$"), (Literals{"procurve"}));
}

TEST(RegexLiteralsTest, QuantifiersEndRunsAndDropOptionalCharacters) {
    EXPECT_EQ(required_literals("colou?r"), (Literals{"colo"}));
    EXPECT_EQ(required_literals("a+bcd"), (Literals{"bcd"}));
    EXPECT_EQ(required_literals("xy*zz"), (Literals{"zz"}));
    EXPECT_EQ(required_literals("ab{0,2}cde"), (Literals{"cde"}));
    EXPECT_EQ(required_literals("(abc)?de"), (Literals{"de"}));
}

TEST(RegexLiteralsTest, AlternativesNeedALiteralEach) {
    EXPECT_EQ(required_literals("foo|bar.*"), (Literals{"foo", "bar"}));
    EXPECT_EQ(required_literals("(?i)(DrayTek|Vigor)"), (Literals{"draytek", "vigor"}));
    EXPECT_EQ(required_literals(R"((?:Aruba|HPE ANW) (?P<pn>J\w+))"), (Literals{"aruba", "hpe anw"}));
    EXPECT_TRUE(required_literals("x|").empty());               // the empty branch matches anything
    EXPECT_TRUE(required_literals(R"((?:^|\s)v?\d)").empty());  // no branch of the group holds a literal
}

TEST(RegexLiteralsTest, UnreadConstructsGiveNoLiteral) {
    EXPECT_TRUE(required_literals(R"(\x41BC)").empty());
    EXPECT_TRUE(required_literals(R"(\QA.B\E)").empty());
    EXPECT_TRUE(required_literals(R"(^(?P<model>\S+)\s*$)").empty());
    EXPECT_TRUE(required_literals("[unclosed").empty());
    EXPECT_TRUE(required_literals("(unclosed").empty());
    EXPECT_TRUE(required_literals("").empty());
}

TEST(RegexLiteralsTest, LiteralsAreLowerCasedAndNonAsciiIsToldApart) {
    EXPECT_EQ(required_literals("(?i)LaserJet"), std::vector<std::string>{"laserjet"});
    EXPECT_EQ(ascii_lower("HP LaserJet 4250"), "hp laserjet 4250");
    EXPECT_FALSE(has_non_ascii("plain"));
    EXPECT_TRUE(has_non_ascii("\xE2\x84\xAA"));
}

// RE2 folds U+212A KELVIN SIGN into 'k' under (?i): a sysDescr that is not plain ASCII is judged by the regex
// itself, so the index still offers the rule.
TEST(RegexLiteralsTest, IndexRunsEveryRegexOnNonAsciiText) {
    const std::string kelvin_yocera = "\xE2\x84\xAAyocera ECOSYS";
    ASSERT_TRUE(re2::RE2::PartialMatch(kelvin_yocera, re2::RE2("(?i)kyocera")));
    RuleSet set;
    load_rule_text(set, R"(
[[rule]]
id = "kyocera"
class = "printer"
when.sys_descr = '(?i)kyocera'
)",
                   "kelvin.toml");
    RuleIndex index(set.rules);
    DeviceEvidence evidence;
    evidence.snmp[*Oid::parse("1.3.6.1.2.1.1.1.0")] = SnmpValue{SnmpType::kOctetString, kelvin_yocera, 0};
    DeviceFacts facts(evidence);
    std::vector<std::size_t> candidates;
    index.candidates(facts, candidates);
    EXPECT_EQ(candidates, (std::vector<std::size_t>{0}));
}

}  // namespace
}  // namespace nd::fp
