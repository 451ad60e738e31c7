#include "fingerprint/normalize.hpp"

#include <gtest/gtest.h>

#include "fingerprint/engine.hpp"
#include "fingerprint/rule_set.hpp"

namespace nd::fp {
namespace {

TEST(NormalizeTest, VendorAliasesGiveOneName) {
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    EXPECT_EQ(engine.canonical_vendor("Hewlett-Packard"), "HP");
    EXPECT_EQ(engine.canonical_vendor("HP Inc."), "HP");
    EXPECT_EQ(engine.canonical_vendor("Hewlett Packard Enterprise"), "HP");
    EXPECT_EQ(engine.canonical_vendor("Cisco Systems, Inc."), "Cisco");
    EXPECT_EQ(engine.canonical_vendor("  KYOCERA Document Solutions Inc. "), "Kyocera");
    EXPECT_EQ(engine.canonical_vendor("Acme Widgets, Inc."), "Acme Widgets");  // unknown: cleaned only
}

TEST(NormalizeTest, OuiRegistrantsFallOntoTheMakersName) {
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    EXPECT_EQ(engine.canonical_vendor("YEALINK(XIAMEN) NETWORK TECHNOLOGY CO.,LTD"), "Yealink");
    EXPECT_EQ(engine.canonical_vendor("Yealink(Xiamen) Network Technology Co.,Ltd."), "Yealink");
    EXPECT_EQ(engine.canonical_vendor("Intel Corporate"), "Intel");
    EXPECT_EQ(engine.canonical_vendor("Raspberry Pi Foundation"), "Raspberry Pi");
    EXPECT_EQ(engine.canonical_vendor("Raspberry Pi (Trading) Ltd"), "Raspberry Pi");
    EXPECT_EQ(engine.canonical_vendor("Espressif Inc."), "Espressif");
    EXPECT_EQ(engine.canonical_vendor("Hewlett Packard"), "HP");
    EXPECT_EQ(engine.canonical_vendor("Dell Inc."), "Dell");
    EXPECT_EQ(engine.canonical_vendor("Widgetco (Shenzhen) Electronics Co., Ltd."), "Widgetco Electronics");
}

TEST(NormalizeTest, ModelsLoseRepeatedVendorPrefixes) {
    std::map<std::string, std::string> aliases = {{vendor_key("HP"), "HP"},
                                                  {vendor_key("Hewlett-Packard"), "HP"}};
    VendorNames names(&aliases);
    EXPECT_EQ(names.clean_model("Hewlett-Packard HP LaserJet HP LaserJet 400", "HP"), "LaserJet 400");
    EXPECT_EQ(names.clean_model("HP LaserJet HP LaserJet 400", "HP"), "LaserJet 400");
    EXPECT_EQ(names.clean_model("  LaserJet   M404dn ;", "HP"), "LaserJet M404dn");
    EXPECT_EQ(names.clean_model("HP", "HP"), "HP");  // nothing else left: keep it
    // The rest of the maker's company name is no part of the model.
    EXPECT_EQ(names.clean_model("Electronics DMPS3-4K-150-C", "Crestron"), "DMPS3-4K-150-C");
    EXPECT_EQ(names.clean_model("Networks, Inc. XR-500", "Widgetron"), "XR-500");
    EXPECT_EQ(names.clean_model("Systems", "Widgetron"), "Systems");
    // The kind of device in front of the model code is no part of it.
    EXPECT_EQ(names.clean_model("IP Phone CP-8845", "Cisco"), "CP-8845");
    EXPECT_EQ(names.clean_model("Projector EB-L520U", "Epson"), "EB-L520U");
    EXPECT_EQ(names.clean_model("IP Conference Phone 7899", "Widgetron"), "7899");
    EXPECT_EQ(names.clean_model("Document Solutions TASKalfa 9999ci", "Kyocera"), "TASKalfa 9999ci");
    EXPECT_EQ(names.clean_model("Document Solutions", "Widgetron"), "Document Solutions");
    EXPECT_EQ(names.clean_model("Phone Manager", "Widgetron"), "Phone Manager");
}

TEST(NormalizeTest, PlaceholdersAndCleanText) {
    EXPECT_TRUE(is_placeholder(" N/A "));
    EXPECT_TRUE(is_placeholder("<private>"));
    EXPECT_TRUE(is_placeholder(""));
    EXPECT_FALSE(is_placeholder("FOC1426Y2AY"));
    EXPECT_EQ(clean_text("\"Cisco  IOS\r\n Software,\""), "Cisco IOS Software");
    // A closing parenthesis the value never opened goes; a pair stays.
    EXPECT_EQ(clean_text("2.8000.00023)"), "2.8000.00023");
    EXPECT_EQ(clean_text("15.0(2a)EX5"), "15.0(2a)EX5");
    EXPECT_EQ(clean_text("12.2(55)SE)"), "12.2(55)SE");
    EXPECT_EQ(clean_text("a) b (c)"), "a) b (c)");
    EXPECT_EQ(clean_text("),;"), "");
    EXPECT_TRUE(is_zero_version("000.000.000.00000"));
    EXPECT_FALSE(is_zero_version("0.9.1"));
    EXPECT_FALSE(is_zero_version(""));
}

}  // namespace
}  // namespace nd::fp
