#include "fingerprint/literal_scan.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace nd::fp {
namespace {

std::set<std::uint32_t> found_in(const LiteralScan& scan, std::string_view text) {
    std::set<std::uint32_t> found;
    scan.scan(text, [&](std::uint32_t i) { found.insert(i); });
    return found;
}

// The same answer as searching for each literal in turn, which the scan replaces.
std::set<std::uint32_t> found_one_by_one(const std::vector<std::string>& literals, std::string_view text) {
    std::set<std::uint32_t> found;
    for (std::uint32_t i = 0; i < literals.size(); ++i) {
        if (!literals[i].empty() && text.find(literals[i]) != std::string_view::npos) found.insert(i);
    }
    return found;
}

TEST(LiteralScan, FindsOverlappingAndNestedLiterals) {
    const std::vector<std::string> literals = {"he", "she", "his", "hers", "switch", "itc"};
    const LiteralScan scan(literals);
    EXPECT_EQ(found_in(scan, "ushers"), (std::set<std::uint32_t>{0, 1, 3}));
    EXPECT_EQ(found_in(scan, "a switch"), (std::set<std::uint32_t>{4, 5}));
    EXPECT_TRUE(found_in(scan, "router").empty());
}

TEST(LiteralScan, AgreesWithOneSearchPerLiteral) {
    const std::vector<std::string> literals = {"cisco ios", "ios", "ios xr", "version ", "ver",      "sion",
                                               "aruba",     "ap-", "a",      "procurve", "switch 2", "2530"};
    const LiteralScan scan(literals);
    for (std::string_view text : {"cisco ios xr software, version 7.9.2", "hp procurve switch 2530-24g",
                                  "arubaos (model: ap-515)", "", "zzz", "aaaa", "versionversion"}) {
        EXPECT_EQ(found_in(scan, text), found_one_by_one(literals, text)) << text;
    }
}

TEST(LiteralScan, EmptyLiteralsAndEmptyScannerFindNothing) {
    EXPECT_TRUE(found_in(LiteralScan(), "anything").empty());
    const LiteralScan scan(std::vector<std::string>{"", "x"});
    EXPECT_EQ(found_in(scan, "xx"), (std::set<std::uint32_t>{1}));
}

TEST(LiteralScan, RepeatedLiteralIsReportedUnderItsFirstNumber) {
    const LiteralScan scan(std::vector<std::string>{"ups", "pdu", "ups"});
    EXPECT_EQ(found_in(scan, "smart-ups"), (std::set<std::uint32_t>{0}));
}

}  // namespace
}  // namespace nd::fp
