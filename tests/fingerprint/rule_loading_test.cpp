#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fingerprint/engine.hpp"
#include "fingerprint/rule_set.hpp"
#include "model/config_error.hpp"

namespace nd {
namespace {

using ::testing::HasSubstr;

std::string load_error(const std::string& text) {
    fp::RuleSet set;
    try {
        fp::load_rule_text(set, text, "custom.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

TEST(RuleLoadingTest, ShippedRulesLoad) {
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    EXPECT_GT(engine.rule_count(), 400u);
    EXPECT_GE(engine.rule_files().size(), 4u);
}

TEST(RuleLoadingTest, MalformedTomlNamesFileAndLine) {
    auto error = load_error("[[rule]]\nid = \"x\"\nclass = \"printer\n");
    EXPECT_THAT(error, HasSubstr("custom.toml:3"));
}

TEST(RuleLoadingTest, ProductRegistryLoadsAndBadEntriesNameTheirLine) {
    fp::RuleSet set;
    fp::load_rule_text(
        set,
        "[[product_registry]]\nsource = \"ACME-PRODUCTS-MIB\"\nprefix = \"1.3.6.1.4.1.99999.1\"\n"
        "[product_registry.products]\n\"7\" = \"acmeWidget7\"\n\"8.1\" = \"acmeWidget8\"\n",
        "acme.toml");
    ASSERT_EQ(set.products.size(), 2u);
    EXPECT_EQ(set.products.at("1.3.6.1.4.1.99999.1.7").name, "acmeWidget7");
    EXPECT_EQ(set.products.at("1.3.6.1.4.1.99999.1.8.1").source, "ACME-PRODUCTS-MIB");
    auto error = load_error(
        "[[product_registry]]\nsource = \"X\"\nprefix = "
        "\"1.3.6.1.4.1.99999.1\"\n[product_registry.products]\n"
        "\"x7\" = \"w\"\n");
    EXPECT_THAT(error, HasSubstr("custom.toml:5"));
    EXPECT_THAT(error, HasSubstr("not a numeric OID suffix"));
    EXPECT_THAT(load_error("[[product_registry]]\nsource = \"X\"\n"), HasSubstr("needs 'prefix'"));
}

TEST(RuleLoadingTest, OidSourceFormatMustBeKnown) {
    auto error = load_error(
        "[[rule]]\nid = \"x\"\nwhen.enterprise = [9]\nfrom.serial = [{ oid = \"1.3.6.1.2.1.2.2.1.6\", as = "
        "\"ipv6\" }]\n");
    EXPECT_THAT(error, HasSubstr("custom.toml:4"));
    EXPECT_THAT(error, HasSubstr("only \"mac\" is known"));
}

// maker.scalar picks a value by its shape, so the shape (regex) is required; its filters belong to it alone,
// and it reads a value rather than testing one.
TEST(RuleLoadingTest, MakerScalarSourceNeedsARegexAndKeepsItsOptionsToItself) {
    auto base = std::string("[[rule]]\nid = \"x\"\nwhen.oid_any = [\"1.3.6.1.4.1\"]\n");
    EXPECT_EQ(load_error(base + "from.serial = [{ oid = \"maker.scalar\", regex = '^[A-Z0-9]{6,}$', unless = "
                                "'QAM', not_in_sys_descr = true }]\n"),
              "");
    auto no_regex = load_error(base + "from.serial = [\"maker.scalar\"]\n");
    EXPECT_THAT(no_regex, HasSubstr("custom.toml:4"));
    EXPECT_THAT(no_regex, HasSubstr("maker.scalar needs a 'regex'"));
    auto unless_elsewhere =
        load_error(base + "from.serial = [{ oid = \"1.3.6.1.4.1.9.2.1\", regex = 'x', unless = 'y' }]\n");
    EXPECT_THAT(unless_elsewhere, HasSubstr("only for oid = \"maker.scalar\""));
    EXPECT_THAT(load_error(base + "from.serial = [{ oid = \"1.3.6.1.4.1.9.2.1\", single_rows = true }]\n"),
                HasSubstr("only for oid = \"maker.scalar\""));
    auto bad_flag =
        load_error(base + "from.serial = [{ oid = \"maker.scalar\", regex = 'x', not_in_sys_descr = 1 }]\n");
    EXPECT_THAT(bad_flag, HasSubstr("expected true or false"));
    auto as_condition =
        load_error("[[rule]]\nid = \"x\"\nclass = \"other\"\nwhen.oid_value = { \"maker.scalar\" = 'x' }\n");
    EXPECT_THAT(as_condition, HasSubstr("it is not a condition"));
}

TEST(RuleLoadingTest, UnknownKeyNamesFileLineAndKey) {
    auto error = load_error("[[rule]]\nid = \"x\"\nclass = \"printer\"\nwhen.sysdescr = 'x'\n");
    EXPECT_THAT(error, HasSubstr("custom.toml:4"));
    EXPECT_THAT(error, HasSubstr("unknown key 'sysdescr'"));
}

TEST(RuleLoadingTest, BadRegexNamesFileLineAndPattern) {
    auto error = load_error("[[rule]]\nid = \"x\"\nclass = \"printer\"\n\nwhen.sys_descr = '(unclosed'\n");
    EXPECT_THAT(error, HasSubstr("custom.toml:5"));
    EXPECT_THAT(error, HasSubstr("bad regex '(unclosed'"));
}

TEST(RuleLoadingTest, RejectsUnknownClassBadOidAndRulesThatGiveNothing) {
    EXPECT_THAT(load_error("[[rule]]\nid = \"x\"\nclass = \"toaster\"\n"),
                HasSubstr("unknown class 'toaster'"));
    EXPECT_THAT(load_error("[[rule]]\nid = \"x\"\nclass = \"printer\"\nwhen.sys_object_id = ['1.3.x']\n"),
                HasSubstr("not a numeric OID"));
    EXPECT_THAT(load_error("[[rule]]\nid = \"x\"\nwhen.enterprise = [9]\n"), HasSubstr("gives nothing"));
    EXPECT_THAT(load_error("[[rule]]\nclass = \"printer\"\n"), HasSubstr("needs an 'id'"));
    EXPECT_THAT(load_error("[[rule]]\nid = \"x\"\nclass = \"printer\"\nweight = 3\n"),
                HasSubstr("weights must be"));
    EXPECT_THAT(load_error("[[gadget]]\nid = 1\n"), HasSubstr("unknown key 'gadget'"));
    EXPECT_THAT(load_error("[[rule]]\nid = \"x\"\nclass = \"switch\"\nwhen.min_ethernet_ports = 0\n"),
                HasSubstr("expected a port count"));
}

// when.interfaces = { types = [...], at_least = N }: read as written, and every bad value names its line.
TEST(RuleLoadingTest, InterfacesConditionLoadsAndBadValuesNameTheirLine) {
    fp::RuleSet set;
    fp::load_rule_text(set,
                       "[[rule]]\nid = \"x\"\nclass = \"other\"\n"
                       "when.interfaces = { types = [97, 251], at_least = 8 }\n",
                       "ok.toml");
    ASSERT_EQ(set.rules.size(), 1u);
    ASSERT_TRUE(set.rules[0].when.interfaces);
    EXPECT_EQ(set.rules[0].when.interfaces->types, (std::vector<std::uint16_t>{97, 251}));
    EXPECT_EQ(set.rules[0].when.interfaces->at_least, 8);
    EXPECT_TRUE(set.rules[0].when.needs_snmp());
    fp::load_rule_text(
        set, "[[rule]]\nid = \"twice\"\nclass = \"other\"\nwhen.interfaces = { types = [71, 71] }\n",
        "ok.toml");
    EXPECT_EQ(set.rules[1].when.interfaces->types, (std::vector<std::uint16_t>{71}));  // counted once
    EXPECT_EQ(set.rules[1].when.interfaces->at_least, 1);

    const std::pair<const char*, const char*> bad[] = {
        {"251", "expected a table"},
        {"{ types = [], at_least = 2 }", "non-empty list of ifType numbers"},
        {"{ at_least = 2 }", "non-empty list of ifType numbers"},
        {"{ types = [6, 65536] }", "ifType number in 1..65535"},
        {"{ types = [0] }", "ifType number in 1..65535"},
        {"{ types = ['vdsl2'] }", "ifType number in 1..65535"},
        {"{ types = [251], at_least = 0 }", "expected a count (1 or more)"},
        {"{ types = [251], atleast = 2 }", "unknown key 'atleast'"},
    };
    for (const auto& [value, message] : bad) {
        auto error = load_error(
            "[[rule]]\nid = \"x\"\nclass = \"other\"\n\nwhen.interfaces = " + std::string(value) + "\n");
        EXPECT_THAT(error, HasSubstr("custom.toml:5")) << value;
        EXPECT_THAT(error, HasSubstr(message)) << value;
    }
}

TEST(RuleLoadingTest, MalformedFileInAFolderNamesThatFile) {
    auto dir = std::filesystem::temp_directory_path() / ("nd-rules-bad-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "50-mine.toml") << "[[rule]]\nid = \"mine\"\nclass = \"printer\"\nwhen.ttl = [1]\n";
    try {
        FingerprintEngine::load({dir});
        ADD_FAILURE() << "expected a ConfigError";
    } catch (const ConfigError& e) {
        EXPECT_THAT(e.what(), HasSubstr("50-mine.toml:4"));
        EXPECT_THAT(e.what(), HasSubstr("expected [min, max]"));
    }
    std::filesystem::remove_all(dir);
}

TEST(RuleLoadingTest, DropInRuleFileChangesAVerdict) {
    DeviceEvidence device;
    device.snmp[oids::kSysDescr] = SnmpValue{SnmpType::kOctetString, "Acme Widget 3000 firmware 1.2", 0};
    device.snmp[oids::kSysObjectId] = SnmpValue{SnmpType::kOid, "1.3.6.1.4.1.99999.1.1", 0};

    auto shipped = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    auto before = shipped.classify(device);
    EXPECT_NE(before.device_class, DeviceClass::kCamera);

    auto dropin = std::filesystem::temp_directory_path() / ("nd-rules-dropin-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dropin);
    std::ofstream(dropin / "acme.toml") << R"([[rule]]
id = "acme-widget-camera"
why = "Acme Widgets are our client's door cameras"
class = "camera"
class_weight = 0.95
vendor = "Acme"
model = "Widget {model}"
weight = 0.9
when.enterprise = [99999]
when.sys_descr = 'Acme Widget (?P<model>\d+)'
)";
    auto extended = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data", dropin});
    auto after = extended.classify(device);
    EXPECT_EQ(after.device_class, DeviceClass::kCamera);
    ASSERT_TRUE(after.vendor);
    EXPECT_EQ(after.vendor->value, "Acme");
    ASSERT_TRUE(after.model);
    EXPECT_EQ(after.model->value, "Widget 3000");
    EXPECT_THAT(after.class_reasons.front(), HasSubstr("acme-widget-camera"));

    // A drop-in can also switch a shipped rule off by id.
    std::ofstream(dropin / "zz-off.toml") << "[[rule]]\nid = \"acme-widget-camera\"\ndisabled = true\n";
    auto disabled = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data", dropin});
    EXPECT_NE(disabled.classify(device).device_class, DeviceClass::kCamera);
    std::filesystem::remove_all(dropin);
}

}  // namespace
}  // namespace nd
