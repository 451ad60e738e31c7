#include "fingerprint/enterprise_registry.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fingerprint/engine.hpp"

namespace nd {
namespace {

using ::testing::HasSubstr;

constexpr const char* kRegistry =
    "#\n# generated from https://www.iana.org/assignments/enterprise-numbers/enterprise-numbers\n"
    "0\tReserved\n"
    "8072\tnet-snmp\n"
    "77001\tAcme Power Widgets Co.,Ltd\r\n"
    "77002   Marc Hirsch\n"
    "77003 \t Frogfoot Networks  \n"
    "77005\tZeta Widgets Co.\t# formerly 'Omega Power Widgets'\n"
    "77006\tSchool District # 37\n"
    "77007\t---none---\n"
    "2187\tReserved\n"
    "not a number\tSomeone\n"
    "77004\n";

TEST(EnterpriseRegistryTest, ParsesNumbersAndNamesSkipsCommentsAndCountsBadLines) {
    fp::EnterpriseRegistry registry{std::filesystem::path()};
    registry.add_text(kRegistry);
    EXPECT_EQ(registry.size(), 9U);
    EXPECT_EQ(registry.malformed_lines(), 2U);
    EXPECT_EQ(registry.lookup(77001), "Acme Power Widgets Co.,Ltd");
    EXPECT_EQ(registry.lookup(77002), "Marc Hirsch");
    EXPECT_EQ(registry.lookup(77003), "Frogfoot Networks");
    EXPECT_EQ(registry.lookup(77005), "Zeta Widgets Co.");
    EXPECT_EQ(registry.lookup(77006), "School District # 37");
    EXPECT_EQ(registry.lookup(99999), std::nullopt);
}

TEST(EnterpriseRegistryTest, AMissingFileIsAnEmptyRegistry) {
    fp::EnterpriseRegistry registry{std::filesystem::path("/nonexistent/enterprises.tsv")};
    EXPECT_EQ(registry.size(), 0U);
    EXPECT_EQ(registry.lookup(9), std::nullopt);
}

TEST(EnterpriseRegistryTest, PeopleAreToldFromCompanies) {
    EXPECT_TRUE(fp::looks_like_a_person("Marc Hirsch"));
    EXPECT_FALSE(fp::looks_like_a_person("Frogfoot Networks"));
    EXPECT_FALSE(fp::looks_like_a_person("Samlex America Inc"));
    EXPECT_FALSE(fp::looks_like_a_person("Adtran"));
    EXPECT_FALSE(fp::looks_like_a_person("Deva Broadcast"));
}

// The registry names the maker only when no rule does: by the sysObjectID's enterprise, or behind a Net-SNMP
// sysObjectID by the walk's one other private branch; never the agent toolkit, a reserved number or a person.
TEST(EnterpriseRegistryTest, EngineNamesMakersNoRuleKnowsFromTheRegistry) {
    auto file = std::filesystem::temp_directory_path() /
                ("nd-enterprise-registry-test-" + std::to_string(::getpid()) + ".tsv");
    struct Remove {
        std::filesystem::path path;
        ~Remove() { std::filesystem::remove(path); }
    } remove_after{file};
    {
        std::ofstream out(file);
        out << kRegistry;
    }
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    engine.use_enterprise_registry(file);
    auto walk = [](const char* sys_object_id, const char* private_oid) {
        DeviceEvidence d;
        d.snmp[*Oid::parse("1.3.6.1.2.1.1.2.0")] = SnmpValue{SnmpType::kOid, sys_object_id, 0};
        if (private_oid != nullptr) d.snmp[*Oid::parse(private_oid)] = SnmpValue{SnmpType::kInteger, "", 1};
        return d;
    };
    auto own = engine.classify(walk("1.3.6.1.4.1.77001.1.4", nullptr));
    ASSERT_TRUE(own.vendor);
    EXPECT_EQ(own.vendor->value, "Acme Power Widgets");
    EXPECT_LT(own.vendor->confidence, 0.5);
    EXPECT_THAT(own.vendor->reasons.at(0), HasSubstr("enterprise 77001"));
    EXPECT_THAT(own.vendor->reasons.at(0), HasSubstr("registered to \"Acme Power Widgets Co.,Ltd\" (IANA"));

    auto appliance = engine.classify(walk("1.3.6.1.4.1.8072.3.2.10", "1.3.6.1.4.1.77003.1.1.0"));
    ASSERT_TRUE(appliance.vendor);
    EXPECT_EQ(appliance.vendor->value, "Frogfoot Networks");
    EXPECT_THAT(appliance.vendor->reasons.at(0), HasSubstr("the private MIB the walk holds"));

    // Nothing but the agent's own OID: Net-SNMP made the agent, not the device; no vendor.
    EXPECT_FALSE(engine.classify(walk("1.3.6.1.4.1.8072.3.2.10", nullptr)).vendor);
    EXPECT_FALSE(engine.classify(walk("1.3.6.1.4.1.77002.1", nullptr)).vendor);  // a person
    EXPECT_FALSE(engine.classify(walk("1.3.6.1.4.1.2187.1", nullptr)).vendor);   // reserved
    EXPECT_FALSE(engine.classify(walk("1.3.6.1.4.1.77007.1", nullptr)).vendor);  // "---none---"
    auto renamed = engine.classify(walk("1.3.6.1.4.1.77005.2", nullptr));
    ASSERT_TRUE(renamed.vendor);
    EXPECT_EQ(renamed.vendor->value, "Zeta Widgets");  // not the former name in the comment
    for (const auto& reason : renamed.class_reasons)
        EXPECT_THAT(reason, ::testing::Not(HasSubstr("rule reg-")));

    // when.registrant: the shipped reg- rules class a maker no rule knows by the trade its name gives
    EXPECT_EQ(own.device_class, DeviceClass::kPower);
    EXPECT_THAT(own.class_reasons.at(0),
                HasSubstr("enterprise registered to \"Acme Power Widgets Co.,Ltd\""));
    for (const auto& reason : appliance.class_reasons)  // "Frogfoot Networks" names no trade
        EXPECT_THAT(reason, ::testing::Not(HasSubstr("rule reg-")));

    auto known = engine.classify(walk("1.3.6.1.4.1.9.1.1208", nullptr));  // a rule names Cisco: it stays
    ASSERT_TRUE(known.vendor);
    EXPECT_EQ(known.vendor->value, "Cisco");
}

}  // namespace
}  // namespace nd
