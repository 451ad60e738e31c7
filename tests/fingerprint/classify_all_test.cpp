// A scan classifies its devices all at once, on several threads: each verdict must be the one classify()
// gives that device alone, in the devices' order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fingerprint/engine.hpp"

namespace nd {
namespace {

void set_text(DeviceEvidence& d, const char* oid, std::string text) {
    d.snmp[*Oid::parse(oid)] = SnmpValue{SnmpType::kOctetString, std::move(text), 0};
}

// A site of invented devices: a few models, each unit its own serial and name, some without SNMP.
std::vector<DeviceEvidence> invented_site(std::size_t count) {
    const std::vector<std::pair<std::string, std::string>> models = {
        {"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8",
         "1.3.6.1.4.1.9.1.1208"},
        {"HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24090012",
         "1.3.6.1.4.1.11.2.3.9.1"},
        {"Linux nas01 5.10.55+ #64570 SMP x86_64", "1.3.6.1.4.1.8072.3.2.10"},
    };
    std::vector<DeviceEvidence> site(count);
    for (std::size_t i = 0; i < count; ++i) {
        auto& d = site[i];
        d.hostnames = {"unit-" + std::to_string(i)};
        if (i % 7 == 0) {  // no SNMP: named from what else there is
            d.oui_registrant = "Hewlett Packard";
            d.open_tcp_ports = {80, 443, 9100};
            continue;
        }
        const auto& [descr, object_id] = models[i % models.size()];
        set_text(d, "1.3.6.1.2.1.1.1.0", descr);
        d.snmp[*Oid::parse("1.3.6.1.2.1.1.2.0")] = SnmpValue{SnmpType::kOid, object_id, 0};
        set_text(d, "1.3.6.1.2.1.47.1.1.1.1.11.1", "FOC" + std::to_string(100000 + i));
    }
    return site;
}

std::vector<const DeviceEvidence*> pointers(const std::vector<DeviceEvidence>& site) {
    std::vector<const DeviceEvidence*> out;
    for (const auto& d : site) out.push_back(&d);
    return out;
}

TEST(ClassifyAllTest, ThreadsGiveEachDeviceItsOwnVerdictInOrder) {
    const auto engine = FingerprintEngine::load_default();
    const auto site = invented_site(1200);  // enough for several threads
    const auto verdicts = engine.classify_all(pointers(site), 4);
    ASSERT_EQ(verdicts.size(), site.size());
    for (std::size_t i = 0; i < site.size(); ++i)
        EXPECT_EQ(verdicts[i], engine.classify(site[i])) << "device " << i;
    // The serials show that no verdict landed at another device's place.
    EXPECT_EQ(verdicts[1].serial->value, "FOC100001");
    EXPECT_EQ(verdicts[1199].serial->value, "FOC101199");
    EXPECT_EQ(verdicts[3].device_class, DeviceClass::kSwitch);
    EXPECT_EQ(verdicts[1].device_class, DeviceClass::kPrinter);
}

TEST(ClassifyAllTest, FewDevicesAndNoneNeedNoThreads) {
    const auto engine = FingerprintEngine::load_default();
    const auto site = invented_site(5);
    const auto verdicts = engine.classify_all(pointers(site));
    ASSERT_EQ(verdicts.size(), 5u);
    for (std::size_t i = 0; i < site.size(); ++i) EXPECT_EQ(verdicts[i], engine.classify(site[i]));
    EXPECT_TRUE(engine.classify_all({}).empty());
}

}  // namespace
}  // namespace nd
