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
                   "[[enterprise]]\nnumber = 4242\nvendor = \"SMS\"\n"
                   "[[enterprise]]\nnumber = 4343\nvendor = \"Gateway Inc\"\n",
                   "makers.toml");
    return set;
}

TEST(MakerNamesTest, TheLongestKnownNameTheBannerOpensWith) {
    MakerNames makers(names_set());
    EXPECT_EQ(makers.first_in("Sun StorEdge 3511"), "Oracle");
    EXPECT_EQ(makers.first_in("  Juniper Networks, Inc. ex4200-48t internet router"), "Juniper Networks");
    EXPECT_EQ(makers.first_in("Dell EMC Networking OS10 Enterprise"), "Dell EMC");  // not Dell
    EXPECT_EQ(makers.first_in("Dell Networking N1548"), "Dell");
    EXPECT_EQ(makers.first_in("DELL"), "Dell");
}

TEST(MakerNamesTest, NamesNobodyForOtherWordsShortNamesOrCommonWords) {
    MakerNames makers(names_set());
    EXPECT_EQ(makers.first_in(""), "");
    EXPECT_EQ(makers.first_in("Linux host 5.10.0"), "");
    EXPECT_EQ(makers.first_in("Sunrise controller"), "");           // a word that begins like a maker
    EXPECT_EQ(makers.first_in("SMS gateway v2"), "");               // an enterprise-table acronym
    EXPECT_EQ(makers.first_in("Gateway 2000 E-3200"), "");          // a common word some maker is called
    EXPECT_EQ(makers.first_in("Storage by Sun Microsystems"), "");  // the banner must open with it
}

}  // namespace
}  // namespace nd::fp
