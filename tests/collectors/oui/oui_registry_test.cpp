#include "collectors/oui/oui_registry.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

MacAddress mac(std::string_view text) { return *MacAddress::parse(text); }

TEST(OuiCsvLine, ParsesPlainAndQuotedFields) {
    auto row = parse_oui_csv_line("MA-L,002272,American Micro-Fuel Device Corp.,2181 Buchanan Loop");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->registry, "MA-L");
    EXPECT_EQ(row->assignment, "002272");
    EXPECT_EQ(row->organization, "American Micro-Fuel Device Corp.");

    row = parse_oui_csv_line(
        R"(IAB,0050C2EDA,"Joint Stock Company ""Svyaz Inginiring M""","42, Varshavskoye")");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->organization, R"(Joint Stock Company "Svyaz Inginiring M")");

    row = parse_oui_csv_line(R"(MA-L,001122,"Acme, Inc.",)");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->organization, "Acme, Inc.");
}

TEST(OuiCsvLine, RejectsTruncatedLines) {
    EXPECT_FALSE(parse_oui_csv_line("MA-L,002272"));
    EXPECT_FALSE(parse_oui_csv_line(R"(MA-L,002272,"unterminated)"));
    EXPECT_FALSE(parse_oui_csv_line(""));
}

TEST(OuiRegistry, LongestRegisteredBlockWins) {
    OuiRegistry registry("/nonexistent");
    registry.add_csv(
        "Registry,Assignment,Organization Name,Organization Address\n"
        "MA-L,70B3D5,IEEE Registration Authority,445 Hoes Lane\n"
        "MA-M,70B3D51,Twenty-Eight Bit Co,somewhere\n"
        "MA-S,70B3D5F2F,TELEPLATFORMS,\"Polbina st., 3/1 Moscow\"\r\n"
        "MA-L,001A2B,Multi Line Co,\"Street 1\nSecond line, City\"\n"
        "MA-L,3C2AF4,\"Brother Industries, LTD.\",Nagoya\n");
    EXPECT_EQ(registry.lookup(mac("70:b3:d5:f2:f1:23")), "TELEPLATFORMS");
    EXPECT_EQ(registry.lookup(mac("70:b3:d5:1f:00:01")), "Twenty-Eight Bit Co");
    EXPECT_EQ(registry.lookup(mac("70:b3:d5:20:00:01")), "IEEE Registration Authority");
    EXPECT_EQ(registry.lookup(mac("3c:2a:f4:01:02:03")), "Brother Industries, LTD.");
    EXPECT_EQ(registry.lookup(mac("00:1a:2b:00:00:01")), "Multi Line Co");
    EXPECT_FALSE(registry.lookup(mac("00:00:00:00:00:01")));
    EXPECT_EQ(registry.size(), 5U);
    EXPECT_EQ(registry.malformed_lines(), 0U);
}

TEST(OuiRegistry, CountsMalformedRowsAndKeepsTheRest) {
    OuiRegistry registry("/nonexistent");
    registry.add_csv("MA-L,ZZZZZZ,Bad Hex,x\nMA-L,12345,Wrong Width,x\nMA-L,001122,Good,x\ngarbage\n");
    EXPECT_EQ(registry.malformed_lines(), 3U);
    EXPECT_EQ(registry.lookup(mac("00:11:22:33:44:55")), "Good");
}

TEST(OuiRegistry, MissingDirectoryGivesEmptyRegistry) {
    OuiRegistry registry("/nonexistent/ieee-data");
    EXPECT_EQ(registry.size(), 0U);
    EXPECT_TRUE(registry.loaded_files().empty());
    EXPECT_FALSE(registry.lookup(mac("00:11:22:33:44:55")));
}

// Its load time is printed by bench/fingerprint_bench, not asserted here: a timed test flakes on a busy
// machine.
TEST(OuiRegistry, LoadsDebianIeeeData) {
    OuiRegistry registry;
    const auto blocks = registry.size();
    if (blocks == 0) GTEST_SKIP() << "ieee-data is not installed in " << kDefaultIeeeDataDir;
    EXPECT_GT(blocks, 40000U);
    EXPECT_EQ(registry.malformed_lines(), 0U);
    // Cisco's 00:00:0c and an MA-S block registrant from the shipped files.
    EXPECT_EQ(registry.lookup(mac("00:00:0c:12:34:56")), "Cisco Systems, Inc");
    EXPECT_EQ(registry.lookup(mac("70:b3:d5:f2:f0:01")), "TELEPLATFORMS");
}

}  // namespace
}  // namespace nd
