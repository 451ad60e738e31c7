#include "fingerprint/maker_names.hpp"

#include <gtest/gtest.h>

namespace nd::fp {
namespace {

RuleSet names_set() {
    RuleSet set;
    load_rule_text(set,
                   "[[vendor]]\nname = \"Dell\"\naliases = [\"Dell Inc.\"]\n"
                   "[[vendor]]\nname = \"Dell EMC\"\n"
                   "[[vendor]]\nname = \"Oracle\"\naliases = [\"Sun\", \"Sun Microsystems\"]\n"
                   "[[enterprise]]\nnumber = 2636\nvendor = \"Juniper Networks\"\nclass = \"router\"\n"
                   "[[enterprise]]\nnumber = 4242\nvendor = \"QXT\"\n"
                   "[[enterprise]]\nnumber = 4444\nvendor = \"Printer Systems\"\nclass = \"printer\"\n"
                   "[[enterprise]]\nnumber = 4343\nvendor = \"Gateway Inc\"\n",
                   "makers.toml");
    return set;
}

TEST(MakerNamesTest, TheLongestKnownNameTheBannerOpensWith) {
    MakerNames makers(names_set());
    EXPECT_EQ(makers.first_in("Sun StorEdge 3511").name, "Oracle");
    EXPECT_EQ(makers.first_in("  Juniper Networks, Inc. ex4200-48t internet router").name,
              "Juniper Networks");
    EXPECT_EQ(makers.first_in("Dell EMC Networking OS10 Enterprise").name, "Dell EMC");  // not Dell
    EXPECT_EQ(makers.first_in("Dell Networking N1548").name, "Dell");
    EXPECT_EQ(makers.first_in("DELL").name, "Dell");
    // Where the name ends: commas part words as spaces do ("Juniper Networks,Inc,SA-6000,7.1R6").
    const std::string banner = "Juniper Networks,Inc,SA-6000,7.1R6";
    EXPECT_EQ(banner.substr(makers.first_in(banner).end), ",SA-6000,7.1R6");
}

TEST(MakerNamesTest, NamesNobodyForOtherWordsShortNamesOrCommonWords) {
    MakerNames makers(names_set());
    EXPECT_EQ(makers.first_in("").name, "");
    EXPECT_EQ(makers.first_in("Linux host 5.10.0").name, "");
    EXPECT_EQ(makers.first_in("Sunrise controller").name, "");           // a word that begins like a maker
    EXPECT_EQ(makers.first_in("SMS gateway v2").name, "");               // an enterprise-table acronym
    EXPECT_EQ(makers.first_in("Gateway 2000 E-3200").name, "");          // a common word some maker is called
    EXPECT_EQ(makers.first_in("Storage by Sun Microsystems").name, "");  // the banner must open with it
    EXPECT_EQ(makers.first_in("The Sun box").name, "");                  // nor after a word the keys drop
    EXPECT_EQ(makers.first_in("Network Dell PowerConnect").name, "");
    // A name the short key would cut to a common word is found only whole.
    EXPECT_EQ(makers.first_in("Printer Server Version 2.0").name, "");
    EXPECT_EQ(makers.first_in("Printer Systems PS-200").name, "Printer Systems");
}

// A maker no table knows, named by its IANA registration: the banner opening with that name, or with its
// distinctive first word, is that maker.
TEST(MakerNamesTest, ABannerOpeningWithTheRegisteredName) {
    auto found =
        MakerNames::opens_with("Widgetron Networks WX-999 Router, Firmware 1.2", "Widgetron Networks");
    EXPECT_EQ(found.name, "Widgetron Networks");
    EXPECT_EQ(std::string_view("Widgetron Networks WX-999 Router, Firmware 1.2").substr(found.end),
              " WX-999 Router, Firmware 1.2");
    EXPECT_EQ(MakerNames::opens_with("WIDGETRON, Inc. WX-999", "Widgetron").name, "Widgetron");
    EXPECT_EQ(MakerNames::opens_with("Widgetron WX-999", "Widgetron Networks").end, 9u);
    // Another maker's banner, a short first word, or a word the name only shares: nothing.
    EXPECT_EQ(MakerNames::opens_with("Cisco IOS Software", "Widgetron Networks").name, "");
    EXPECT_EQ(MakerNames::opens_with("Acme Router 9", "Acme Widgets").name, "");
    EXPECT_EQ(MakerNames::opens_with("Networks WX-999", "Widgetron Networks").name, "");
    EXPECT_EQ(MakerNames::opens_with("", "Widgetron").name, "");
}

}  // namespace
}  // namespace nd::fp
