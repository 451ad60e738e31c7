#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <tuple>

#include "fingerprint/engine.hpp"
#include "fingerprint/matcher.hpp"
#include "fingerprint/normalize.hpp"
#include "fingerprint/rule_set.hpp"

namespace nd {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

void set(DeviceEvidence& d, const char* oid, SnmpType type, std::string bytes, std::int64_t number = 0) {
    d.snmp[*Oid::parse(oid)] = SnmpValue{type, std::move(bytes), number};
}

// A device known only by its sysDescr (an agent that answers with nothing else, a recog banner).
DeviceEvidence banner_only(std::string descr) {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, std::move(descr));
    return d;
}

DeviceEvidence snmp_printer() {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24090012");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.11.2.3.9.1");
    set(d, "1.3.6.1.2.1.25.3.2.1.3.1", SnmpType::kOctetString, "HP LaserJet HP LaserJet 400 M401dne");
    set(d, "1.3.6.1.2.1.43.5.1.1.17.1", SnmpType::kOctetString, "PHCF123456");
    set(d, "1.3.6.1.2.1.43.11.1.1.6.1.1", SnmpType::kOctetString, "Black Cartridge HP CF280A");
    return d;
}

DeviceEvidence snmp_switch() {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.0(2a)EX5, RELEASE SOFTWARE "
        "(fc3)");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.9.1.1208");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.5.1001", SnmpType::kInteger, "", 3);
    set(d, "1.3.6.1.2.1.47.1.1.1.1.11.1001", SnmpType::kOctetString, "FCW1929B68S");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.13.1001", SnmpType::kOctetString, "WS-C2960X-48FPS-L");
    return d;
}

DeviceEvidence snmp_ups() {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Network Management Card");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.99998.1");
    set(d, "1.3.6.1.2.1.33.1.1.1.0", SnmpType::kOctetString, "Eaton Corporation");
    set(d, "1.3.6.1.2.1.33.1.1.2.0", SnmpType::kOctetString, "5PX 1500");
    set(d, "1.3.6.1.2.1.33.1.1.3.0", SnmpType::kOctetString, "INV: 01.14.0026");
    return d;
}

class ClassifyTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        engine_ = new FingerprintEngine(FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"}));
    }
    static void TearDownTestSuite() { delete engine_; }

    // The verdict on a sysDescr alone; its class, or a field's value ("(none)" when the engine gives none).
    static Verdict banner_verdict(const std::string& descr) { return engine_->classify(banner_only(descr)); }
    static DeviceClass class_of(const std::string& descr) { return banner_verdict(descr).device_class; }
    static std::string model_of(const std::string& descr) {
        return value_or_none(banner_verdict(descr).model);
    }
    static std::string vendor_of(const std::string& descr) {
        return value_or_none(banner_verdict(descr).vendor);
    }
    static std::string firmware_of(const std::string& descr) {
        return value_or_none(banner_verdict(descr).firmware);
    }
    static std::string value_or_none(const std::optional<Finding>& f) { return f ? f->value : "(none)"; }

    static FingerprintEngine* engine_;
};
FingerprintEngine* ClassifyTest::engine_ = nullptr;

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

TEST_F(ClassifyTest, SnmpPrinterWithModelSerialAndReasons) {
    auto v = engine_->classify(snmp_printer());
    EXPECT_EQ(v.device_class, DeviceClass::kPrinter);
    EXPECT_GT(v.class_confidence, 0.8);
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("Printer-MIB"));
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("1.3.6.1.4.1.11.2.3.9.1"));
    ASSERT_TRUE(v.vendor && v.model && v.serial);
    EXPECT_EQ(v.vendor->value, "HP");
    EXPECT_EQ(v.model->value, "LaserJet 400 M401dne");
    EXPECT_EQ(v.serial->value, "PHCF123456");
}

TEST_F(ClassifyTest, SnmpSwitchFromIosBannerAndEntityMib) {
    auto v = engine_->classify(snmp_switch());
    EXPECT_EQ(v.device_class, DeviceClass::kSwitch);
    ASSERT_TRUE(v.vendor && v.model && v.firmware && v.serial);
    EXPECT_EQ(v.vendor->value, "Cisco");
    EXPECT_EQ(v.model->value, "WS-C2960X-48FPS-L");
    EXPECT_EQ(v.firmware->value, "15.0(2a)EX5");
    EXPECT_EQ(v.serial->value, "FCW1929B68S");
    EXPECT_THAT(joined(v.serial->reasons), HasSubstr("entity.serial"));
}

TEST_F(ClassifyTest, ProductRegistryNamesAModelOnlyWhenNothingStrongerDoes) {
    // A 2950 without ENTITY-MIB: CISCO-PRODUCTS-MIB's name for its sysObjectID is the model.
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "Cisco Internetwork Operating System Software IOS (tm) C2950 Software (C2950-I6Q4L2-M), Version "
        "12.1(22)EA14");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.9.1.359");
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "catalyst2950t24");
    EXPECT_THAT(joined(v.model->reasons), HasSubstr("CISCO-PRODUCTS-MIB"));
    // The ENTITY-MIB chassis model is stronger than the registry name (here a stack's name).
    auto with_entity = engine_->classify(snmp_switch());
    ASSERT_TRUE(with_entity.model);
    EXPECT_EQ(with_entity.model->value, "WS-C2960X-48FPS-L");
}

TEST_F(ClassifyTest, VersionLabelsSpelledLooselyAreRead) {
    // "Software Version = r8.3.5", "SWVer1.53", "version: V_2.0.0-2": labels descr-version does not read.
    const std::pair<const char*, const char*> cases[] = {
        {"Widgetron box, Software Version = r8.3.5, Boot 12", "r8.3.5"},
        {"Widgetron box SWVer1.53", "1.53"},
        {"Widgetron KVM - version: V_2.0.0-2 (Oct/17/06)", "2.0.0-2"},
    };
    for (const auto& [descr, version] : cases) {
        const auto d = banner_only(descr);
        auto v = engine_->classify(d);
        ASSERT_TRUE(v.firmware) << descr;
        EXPECT_EQ(v.firmware->value, version) << descr;
        EXPECT_THAT(engine_->matching_rules(d), Contains("grammar-version-label-loose")) << descr;
    }
    // A bare count after a label is no version: the loose-label rule does not fire.
    EXPECT_THAT(engine_->matching_rules(banner_only("Widgetron box, Release 3 of 5")),
                Not(Contains("grammar-version-label-loose")));
}

// Releases without a label: a bare V-token, or a number that ends the banner after a dash or a colon.
TEST_F(ClassifyTest, UnlabelledReleasesAreRead) {
    const std::tuple<const char*, const char*, const char*> cases[] = {
        {"Widgetron EX-16 MI V3.13", "3.13", "grammar-v-token-version"},
        {"Widgetron DX38 V.2.13 / network module", "2.13", "grammar-v-token-version"},
        {"Widgetron 90TL V1.1A BL45-11", "1.1A", "grammar-v-token-version"},
        {"Widgetron Laser Printer - 2.15", "2.15", "grammar-trailing-separated-version"},
        {"Widgetron WX-1800 : 5.6.4.0", "5.6.4.0", "grammar-trailing-separated-version"},
    };
    for (const auto& [descr, version, rule] : cases) {
        const auto d = banner_only(descr);
        auto v = engine_->classify(d);
        ASSERT_TRUE(v.firmware) << descr;
        EXPECT_EQ(v.firmware->value, version) << descr;
        EXPECT_THAT(engine_->matching_rules(d), Contains(rule)) << descr;
    }
    // A V-token after a boot ROM, MIB or hardware label may be that part's: the V-token rule stays out.
    for (const char* descr : {"Widgetron 700 V1.1 ROM V3.4-9", "Widgetron CN 3106 V1.0.4 (MIBs V1.6.8)",
                              "Widgetron box HW V2.0 V5.1", "Widgetron GW-100 HW_Ver: V1.2 FW_Ver: V2.3.4",
                              "Widgetron Cable Modem DOCSIS V3.1", "Widgetron TEG1024D V3.0"}) {
        const auto d = banner_only(descr);
        EXPECT_THAT(engine_->matching_rules(d), Not(Contains("grammar-v-token-version"))) << descr;
    }
    // A version in the middle of a banner is not a trailing one, nor is a bare count, an address, a boot
    // loader's or a date, nor an 802.11 standard.
    for (const char* descr :
         {"Widgetron - 2.15 module", "Widgetron box - 3", "Office Printer - 192.168.1.25",
          "Widgetron - 10.0.0.1", "Widgetron Serial Server - Bootloader : 1.0.3",
          "Widgetron Wireless Access Point - 802.11n", "Widgetron RTU, build date : 24.03.2021"}) {
        const auto d = banner_only(descr);
        EXPECT_THAT(engine_->matching_rules(d), Not(Contains("grammar-trailing-separated-version"))) << descr;
    }
}

// What follows a maker's name is not always the model: a link speed, a hardware revision, the kind of
// a network card or a company's legal form. Better no model than one of those.
TEST_F(ClassifyTest, SpeedsRevisionsCardsAndCompanyNamesAreNoModels) {
    EXPECT_EQ(model_of("NETGEAR 10G Smart Managed Switch"), "(none)");
    EXPECT_EQ(model_of("EPSON Type-B 10/100 Ethernet Print Server"), "(none)");
    EXPECT_EQ(model_of("EPSON Built-in 11b/g/n Print Server"), "(none)");
    EXPECT_EQ(model_of("Widgetron International Co Ltd"), "(none)");
    EXPECT_EQ(model_of("Widgetron company products"), "(none)");
    EXPECT_EQ(model_of("EPSON Network Print Server"), "(none)");
    EXPECT_EQ(model_of("Dell EMC Networking N9999P-ON, 6.6.3.4, Linux 4.14.138"), "N9999P-ON");
    // Neither an operating system's name nor a software image's is a model.
    EXPECT_EQ(model_of("Cisco IOS XE Software, Version 17.09.04a Cisco IOS Software [Cupertino], Catalyst L3 "
                       "Switch Software (CAT9K_IOSXE), Version 17.9.4a"),
              "(none)");
    EXPECT_EQ(model_of("Cisco IOS Software, C1000 Software (C1000-UNIVERSALK9-M), Version 15.2(7)E4"),
              "C1000");
    // A known maker, the model, then a labelled release: the model needs no digit.
    EXPECT_EQ(model_of("Bluetest Chamber Pro - Firmware Version 010200"), "Chamber Pro");
    // A hardware revision inside the brackets is not part of the product code.
    EXPECT_EQ(model_of("Widgetron Gigabit Access Switch(S9999G-E V3) By Widgetron Networks"), "S9999G-E");
    // A10's ACOS banner names its maker and model without the sysObjectID.
    auto a10 =
        engine_->classify(banner_only("Thunder Series Unified Application Service Gateway TH9999S, ACOS "
                                      "4.1.4-GR1-P4,build 91 (Feb-24-2020,19:55)"));
    ASSERT_TRUE(a10.vendor && a10.model && a10.firmware);
    EXPECT_EQ(a10.vendor->value, "A10 Networks");
    EXPECT_EQ(a10.model->value, "TH9999S");
    EXPECT_EQ(a10.firmware->value, "4.1.4-GR1-P4");
    // A bare "(Rev.2.0)" closing a switch banner is the hardware's, not a release.
    EXPECT_FALSE(engine_->classify(banner_only("PLANET XGS-9999 Managed Switch (Rev.2.0)")).firmware);
    // A maker's longer name is the maker's, not the start of the model.
    EXPECT_EQ(model_of("Ruckus Wireless ZoneFlex Q900"), "ZoneFlex Q900");
    // A bare "V3.0" is a hardware revision: the model stays, no firmware is read from it.
    auto v = engine_->classify(banner_only("Widgetron XG1000 V3.0"));
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "XG1000");
    EXPECT_FALSE(v.firmware);
    v = engine_->classify(banner_only("Widgetron XG1000 V3.0.2"));
    ASSERT_TRUE(v.firmware);
    EXPECT_EQ(v.firmware->value, "3.0.2");
}

// SONiC's banner names the switch's maker and model in its hardware SKU.
TEST_F(ClassifyTest, SonicBannerNamesTheSwitchBehindIt) {
    auto d = banner_only(
        "SONiC Software Version: SONiC.202012.58 - HwSku: Widgetron-WX7726-32X - "
        "Distribution: Debian 10.13 - Kernel: 4.19.0-12-2-amd64");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.8072.3.2.10");
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kSwitch);
    ASSERT_TRUE(v.vendor && v.model && v.os && v.firmware);
    EXPECT_EQ(v.vendor->value, "Widgetron");
    EXPECT_EQ(v.model->value, "WX7726-32X");
    EXPECT_EQ(v.os->value, "SONiC");
    EXPECT_EQ(v.firmware->value, "202012.58");
}

// A product branch that registers routers outweighs an OS banner shared by switches and routers.
TEST_F(ClassifyTest, RouterLinesAreRouters) {
    auto d = banner_only(
        "Huawei AR9999 Huawei Versatile Routing Platform Software VRP (R) software, Version 5.160 (AR9999 "
        "V200R010C10SPC700)");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.2011.2.224.999");
    EXPECT_EQ(engine_->classify(d).device_class, DeviceClass::kRouter);
    auto nec = engine_->classify(banner_only(
        "NEC Portable Internetwork Core Operating System Software, IX Series IX9999 (magellan-sec) Software, "
        "Version 10.2.16, RELEASE SOFTWARE"));
    EXPECT_EQ(nec.device_class, DeviceClass::kRouter);
    ASSERT_TRUE(nec.model);
    EXPECT_EQ(nec.model->value, "IX9999");
}

// Product lines whose names say nothing of their kind, and a printer maker's projector.
TEST_F(ClassifyTest, ProductLinesNameTheirKind) {
    const std::pair<const char*, DeviceClass> cases[] = {
        {"Epson EB-Z9999U Projector", DeviceClass::kAvConference},
        {"Widgetron RealPresence Group 700", DeviceClass::kAvConference},
        {"Widgetron Webex Room Kit Pro", DeviceClass::kAvConference},
        {"Widgetron Galaxy VS 20kW", DeviceClass::kPower},
        {"Widgetron Smart-UPS 3000", DeviceClass::kPower},
        {"Sindoh Z999", DeviceClass::kPrinter},
        {"Widgetron SIMATIC S7-9999", DeviceClass::kOther},
        {"Widgetron Dominion KX IX", DeviceClass::kOther},
        {"Widgetron MA5899-X7", DeviceClass::kOther},
        {"Widgetron AirLink RV99", DeviceClass::kRouter},
        {"Widgetron FRITZ!Box 9999", DeviceClass::kRouter},
        {"Fortinet FortiSwitch 999F", DeviceClass::kSwitch},
        {"Fortinet FortiAP 999F", DeviceClass::kAccessPoint},
        {"Juniper EX9999-48P Ethernet Switch", DeviceClass::kSwitch},
        {"Canon Network Camera VB-Z99", DeviceClass::kCamera},
        {"RouterOS CRS999-24G-2S+", DeviceClass::kSwitch},
        {"Cisco IOS Software, C1700 Software (AP9G9-K9W7-M), Version 15.3(3)JD17", DeviceClass::kAccessPoint},
        {"Cisco IOS Software, IR999 Software (IR999-UNIVERSALK9-M), Version 15.9(3)M4", DeviceClass::kRouter},
        {"Huawei AP9999DN Huawei Versatile Routing Platform Software VRP (R) software, Version 5.170 "
         "(AP9999DN "
         "FIT V200R019C00SPC800)",
         DeviceClass::kAccessPoint},
        {"Dell EMC Networking N9999P-ON, 6.6.3.4, Linux 4.14.138", DeviceClass::kSwitch},
        {"OKI MC999", DeviceClass::kPrinter},
        {"RMCARD999", DeviceClass::kPower},
        {"Widgetron DS-2CD9999G2-I V5.7.3 build 220112", DeviceClass::kCamera},
        {"Widgetron VVX 999 6.4.3.5156", DeviceClass::kVoipPhone},
        {"Supermicro BMC X99ABC-TF 1.73.14", DeviceClass::kServer},
        {"Linux nas 4.4.302+ #72806 SMP Thu Sep 5 2024 x86_64 GNU/Linux synology_geminilake_999+",
         DeviceClass::kStorage},
        {"Comet Web Sensor P9999", DeviceClass::kOther},
        {"LANCOM GS-9999XP 4.00.0200 / 18.02.2021", DeviceClass::kSwitch},
        {"Linux cam-1 4.14.79-axis5 #1 PREEMPT Mon Oct 12 2020 armv7l", DeviceClass::kCamera},
        {"Linux AS9999T 5.13.19 #1 SMP x86_64 ADM 4.2.6.RPI1", DeviceClass::kStorage},
    };
    for (const auto& [descr, cls] : cases) EXPECT_EQ(class_of(descr), cls) << descr;
}

// A Fibre Channel switch is a switch; its maker is the one the banner names, Brocade only for FabricOS's
// own bare banner.
TEST_F(ClassifyTest, FibreChannelSwitchesKeepTheirBadge) {
    auto oem = engine_->classify(banner_only("HP StorageWorks SN9999 Stackable Fibre Channel Switch"));
    EXPECT_EQ(oem.device_class, DeviceClass::kSwitch);
    ASSERT_TRUE(oem.vendor);
    EXPECT_EQ(oem.vendor->value, "HP");
    auto fabos = engine_->classify(banner_only("Fibre Channel Switch."));
    EXPECT_EQ(fabos.device_class, DeviceClass::kSwitch);
    ASSERT_TRUE(fabos.vendor);
    EXPECT_EQ(fabos.vendor->value, "Brocade");
}

// The product-line rules read product words, never an OS banner's host name, and a look-alike prefix of
// another maker's line does not count.
TEST_F(ClassifyTest, HostNamesAndLookAlikesNameNoProductLine) {
    const std::pair<const char*, DeviceClass> cases[] = {
        {"Linux tg1000 5.15.0-91-generic #101-Ubuntu SMP x86_64", DeviceClass::kServer},
        {"Linux niagara 5.10.0-8-amd64 #1 SMP Debian 5.10.46-4 x86_64", DeviceClass::kServer},
        {"FreeBSD keor.example.org 13.2-RELEASE FreeBSD 13.2-RELEASE amd64", DeviceClass::kServer},
        {"Brother PT-P950NW", DeviceClass::kPrinter},
    };
    for (const auto& [descr, cls] : cases) EXPECT_EQ(class_of(descr), cls) << descr;
    EXPECT_THAT(engine_->matching_rules(banner_only("SunOS dbhost01 5.10 Generic_127127-11 sun4v sparc")),
                Not(Contains("grammar-model-after-known-maker")));  // SunOS names Oracle; dbhost01 is a host
    EXPECT_NE(vendor_of("Linux fgt-mgmt 5.4.0 #1 SMP x86_64"), "Fortinet");
    EXPECT_EQ(vendor_of("FGT_40F"), "Fortinet");
    EXPECT_NE(vendor_of("Connectrix DS-6510B"), "Brocade");  // EMC's badge on a Brocade switch
    EXPECT_NE(
        vendor_of("SONiC Software Version: SONiC.202012 - HwSku: ACS-MSN2700 - Distribution: Debian 10.13"),
        "ACS");  // Azure's SKU prefix, not a maker
}

// Microsoft's agent says whether Windows runs as a workstation or a server; the build names the release.
TEST_F(ClassifyTest, WindowsWorkstationsAreWorkstations) {
    const std::string windows_10 =
        "Hardware: Intel64 Family 6 Model 142 Stepping 12 AT/AT COMPATIBLE - Software: Windows Version 6.3 "
        "(Build 19045 Multiprocessor Free)";
    auto d = banner_only(windows_10);
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.311.1.1.3.1.1");
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kWorkstation);
    ASSERT_TRUE(v.firmware);
    EXPECT_EQ(v.firmware->value, "10 (22H2)");
    // Without the product type, a desktop-only build still names the release and the kind.
    auto banner = engine_->classify(banner_only(windows_10));
    ASSERT_TRUE(banner.firmware);
    EXPECT_EQ(banner.firmware->value, "10 (22H2)");
    EXPECT_EQ(banner.device_class, DeviceClass::kWorkstation);
    // A server: the build names the service pack.
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "Hardware: Intel64 Family 6 Model 26 Stepping 4 AT/AT COMPATIBLE - Software: Windows Version 6.1 "
        "(Build "
        "7601 Multiprocessor Free)");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.311.1.1.3.1.2");
    v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kServer);
    ASSERT_TRUE(v.firmware);
    EXPECT_EQ(v.firmware->value, "Server 2008 R2 SP1 (NT 6.1)");
    // A domain controller (.3) is a server with the same release names.
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.311.1.1.3.1.3");
    v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kServer);
    ASSERT_TRUE(v.firmware);
    EXPECT_EQ(v.firmware->value, "Server 2008 R2 SP1 (NT 6.1)");
    // A build Windows Server shares stays a server without the sysObjectID.
    EXPECT_EQ(engine_
                  ->classify(banner_only("Hardware: Intel64 Family 6 Model 79 Stepping 1 AT/AT COMPATIBLE - "
                                         "Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)"))
                  .device_class,
              DeviceClass::kServer);
}

// Net-SNMP's agent OID names the OS it was built for (NET-SNMP-TC netSnmpAgentOIDs), and for an OS its
// maker only runs on its own hardware, the device's maker.
TEST_F(ClassifyTest, NetSnmpAgentOidNamesTheOsAndItsMaker) {
    const std::tuple<const char*, const char*, const char*> cases[] = {
        {"1.3.6.1.4.1.8072.3.2.14", "HP", "HP-UX"},
        {"1.3.6.1.4.1.8072.3.2.2", "Oracle", "SunOS"},
        {"1.3.6.1.4.1.8072.3.2.3", "Oracle", "Solaris"},
        {"1.3.6.1.4.1.8072.3.2.15", "IBM", "AIX"},
        {"1.3.6.1.4.1.8072.3.2.5", "DEC", "Ultrix"},
        {"1.3.6.1.4.1.8072.3.2.12", "OpenBSD", "OpenBSD"},
        {"1.3.6.1.4.1.8072.3.2.17", "DragonFly BSD", "DragonFly BSD"},
    };
    for (const auto& [oid, vendor, os] : cases) {
        DeviceEvidence d;
        set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, oid);
        auto v = engine_->classify(d);
        ASSERT_TRUE(v.vendor && v.os) << oid;
        EXPECT_EQ(v.vendor->value, vendor) << oid;
        EXPECT_EQ(v.os->value, os) << oid;
    }
}

TEST_F(ClassifyTest, ABannerOpeningWithAKnownMakerNamesIt) {
    // No sysObjectID (a recog banner, an agent that leaves it out): the maker the banner opens with, here one
    // only the enterprise table (14-) knows.
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "Bluetest RTS65 chamber controller, firmware V2.1 built 2024-01-01");
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.vendor);
    EXPECT_EQ(v.vendor->value, "Bluetest");
    EXPECT_THAT(joined(v.vendor->reasons), HasSubstr("opens with the name of Bluetest"));
    // ... and the model after it, up to the first separator (the weakest model evidence), without the words
    // saying what the device is.
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "RTS65");
    EXPECT_THAT(engine_->matching_rules(d), Contains("grammar-model-after-known-maker"));
    // No model from a version or a software label after the maker's name.
    for (const char* banner : {"Bluetest 5.4.0.11", "Bluetest Router Software V1.10, SNMP agent"}) {
        set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, banner);
        EXPECT_THAT(engine_->matching_rules(d), Not(Contains("grammar-model-after-known-maker"))) << banner;
    }
    // The catalogue's form: the model, a few words, the kind of device; a model holds a digit.
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Bluetest RTS65 Cloud Managed PoE Switch");
    v = engine_->classify(d);
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "RTS65");
    EXPECT_THAT(engine_->matching_rules(d), Contains("grammar-model-before-kind-after-maker"));
    // No model from a speed, a rating, a resolution or an OS name before the kind of device.
    for (const char* banner :
         {"Bluetest Managed Switch", "Bluetest 10G Smart Managed Switch", "Bluetest 1500VA UPS",
          "Bluetest 4MP Dome Network Camera", "Bluetest OS10 Enterprise Server"}) {
        set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, banner);
        EXPECT_THAT(engine_->matching_rules(d), Not(Contains("grammar-model-before-kind-after-maker")))
            << banner;
    }
    // The sysObjectID's maker outranks the banner's first word.
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Bluetest compatible probe");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.2636.1.1.1.2.57");
    auto juniper = engine_->classify(d);
    ASSERT_TRUE(juniper.vendor);
    EXPECT_EQ(juniper.vendor->value, "Juniper Networks");
}

TEST_F(ClassifyTest, WithoutRulesKeepsTheProductRegistries) {
    // The leave-families-out report drops rules, never the registries (they are the makers' MIBs).
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.9.1.359");
    const auto reduced = engine_->without_rules({"no-such-rule"});
    auto v = reduced.classify(d);
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "catalyst2950t24");
    EXPECT_EQ(reduced.matching_rules(d), engine_->matching_rules(d));
}

TEST_F(ClassifyTest, SeriesSplitRegistryNamesItsProductsAndNothingElse) {
    // F10-PRODUCTS-MIB hangs products under series nodes (E/C/S/M/Z); the registry is keyed by the path.
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "Force10 Networks Real Time Operating System Software\r\nForce10 Application Software Version: "
        "8.3.1.2");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.6027.1.2.2");
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "c150");
    EXPECT_THAT(joined(v.model->reasons), HasSubstr("F10-PRODUCTS-MIB"));
    // A number the maker never assigned (S-series 16) gets no registry name.
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.6027.1.3.16");
    auto unassigned = engine_->classify(d);
    if (unassigned.model) {
        EXPECT_THAT(joined(unassigned.model->reasons), Not(HasSubstr("F10-PRODUCTS-MIB")));
    }
}

TEST_F(ClassifyTest, AxisSerialIsTheFirstRealInterfaceAddress) {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        " ; AXIS P1455-LE; Network Camera; 11.10.61; Apr 18 2024");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.368.1.1");
    set(d, "1.3.6.1.2.1.2.2.1.6.1", SnmpType::kOctetString, "");  // loopback: no address
    set(d, "1.3.6.1.2.1.2.2.1.6.2", SnmpType::kOctetString, std::string("\xb8\xa4\x4f\xc0\xff\xee", 6));
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.serial);
    EXPECT_EQ(v.serial->value, "b8:a4:4f:c0:ff:ee");
}

TEST_F(ClassifyTest, UpsFromUpsMibOfAnUnknownEnterprise) {
    auto v = engine_->classify(snmp_ups());
    EXPECT_EQ(v.device_class, DeviceClass::kPower);
    ASSERT_TRUE(v.vendor && v.model);
    EXPECT_EQ(v.vendor->value, "Eaton");
    EXPECT_EQ(v.model->value, "5PX 1500");
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("UPS-MIB"));
}

// Serials from standard MIBs any maker may implement (94-serial-evidence): LLDP-MED inventory, DOCSIS
// devices, a Printer-MIB row other than 1.
TEST_F(ClassifyTest, SerialsFromStandardInventoryMibs) {
    DeviceEvidence phone;
    set(phone, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Acme desk phone");
    set(phone, "1.0.8802.1.1.2.1.5.4795.1.2.5.0", SnmpType::kOctetString, "MED0042");
    auto v = engine_->classify(phone);
    ASSERT_TRUE(v.serial);
    EXPECT_EQ(v.serial->value, "MED0042");
    EXPECT_THAT(joined(v.serial->reasons), HasSubstr("LLDP"));

    DeviceEvidence modem;
    set(modem, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Cable modem <<HW_REV: 1.0; VENDOR: Acme>>");
    set(modem, "1.3.6.1.2.1.69.1.1.4.0", SnmpType::kOctetString, "CM123456");
    v = engine_->classify(modem);
    ASSERT_TRUE(v.serial);
    EXPECT_EQ(v.serial->value, "CM123456");

    DeviceEvidence printer;
    set(printer, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Acme office printer");
    set(printer, "1.3.6.1.2.1.43.5.1.1.17.2", SnmpType::kOctetString, "PRN77");
    v = engine_->classify(printer);
    ASSERT_TRUE(v.serial);
    EXPECT_EQ(v.serial->value, "PRN77");
}

TEST_F(ClassifyTest, PhoneByLldpMed) {
    DeviceEvidence d;
    LldpNeighbor n;
    n.capabilities = n.enabled_capabilities = 32 | 4;  // telephone + bridge (the phone's PC port)
    n.med_device_class = 3;
    n.system_description = "Yealink SIP-T46S";
    d.lldp.push_back(n);
    d.oui_registrant = "Yealink(Xiamen) Network Technology Co.,Ltd.";
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kVoipPhone);
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("LLDP-MED"));
    ASSERT_FALSE(v.alternatives.empty());  // the bridge capability stays as an alternative
    EXPECT_EQ(v.alternatives.front().device_class, DeviceClass::kSwitch);
}

TEST_F(ClassifyTest, PrinterByMdnsOnly) {
    DeviceEvidence d;
    MdnsService svc;
    svc.type = "_ipp._tcp";
    svc.txt = {{"ty", "Brother HL-L2350DW series"},
               {"usb_mfg", "Brother"},
               {"product", "(Brother HL-L2350DW series)"}};
    d.mdns.push_back(svc);
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kPrinter);
    ASSERT_TRUE(v.vendor && v.model);
    EXPECT_EQ(v.vendor->value, "Brother");
    EXPECT_EQ(v.model->value, "HL-L2350DW series");
}

TEST_F(ClassifyTest, WorkstationByOuiPortsAndTtl) {
    DeviceEvidence d;
    d.oui_registrant = "Dell Inc.";
    d.open_tcp_ports = {135, 445, 3389};
    d.ttl = 128;
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kWorkstation);
    ASSERT_TRUE(v.vendor);
    EXPECT_EQ(v.vendor->value, "Dell");
    EXPECT_EQ(v.oui_registrant, "Dell Inc.");
}

// The lab's bare hosts: only ARP (the MAC's registrant) and ICMP (TTL) answer.
TEST_F(ClassifyTest, PcMakerMacWithUnixTtlIsALowConfidenceWorkstation) {
    for (const char* registrant : {"Dell Inc.", "Lenovo", "Hewlett Packard", "Intel Corporate"}) {
        DeviceEvidence d;
        d.oui_registrant = registrant;
        d.ttl = 64;
        auto v = engine_->classify(d);
        EXPECT_EQ(v.device_class, DeviceClass::kWorkstation) << registrant;
        EXPECT_LT(v.class_confidence, 0.5) << registrant;
        EXPECT_THAT(joined(v.class_reasons), HasSubstr("PC")) << registrant;
    }
    DeviceEvidence routed;  // behind a router: no MAC, TTL 63
    routed.ttl = 63;
    auto v = engine_->classify(routed);
    EXPECT_EQ(v.device_class, DeviceClass::kWorkstation);
    EXPECT_LT(v.class_confidence, 0.2);
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("guess"));
}

TEST_F(ClassifyTest, SilentIotBoardsAreOther) {
    for (const char* registrant : {"Espressif Inc.", "Raspberry Pi Trading Ltd"}) {
        DeviceEvidence d;
        d.oui_registrant = registrant;
        auto v = engine_->classify(d);
        EXPECT_EQ(v.device_class, DeviceClass::kOther) << registrant;
        ASSERT_TRUE(v.vendor);
        EXPECT_EQ(v.oui_registrant, registrant);
    }
}

TEST_F(ClassifyTest, AxisMacWithStreamingPortsIsACamera) {
    DeviceEvidence d;
    d.oui_registrant = "Axis Communications AB";
    d.open_tcp_ports = {80, 554};
    d.ttl = 64;
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kCamera);
    ASSERT_TRUE(v.vendor);
    EXPECT_EQ(v.vendor->value, "Axis");
}

TEST_F(ClassifyTest, MaskedSysNameIsNoHostname) {
    DeviceEvidence d = snmp_switch();
    d.hostnames = {"<private>", "core-sw1"};
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.hostname);
    EXPECT_EQ(v.hostname->value, "core-sw1");
    d.hostnames = {"<private>"};
    EXPECT_FALSE(engine_->classify(d).hostname);
}

// A partial walk without entPhysicalClass whose first row is masked or empty: the chassis model and serial
// come from the first row that has them.
TEST_F(ClassifyTest, PartialEntityWalkSkipsMaskedRows) {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.9.1.626");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.11.1", SnmpType::kOctetString, "<private>");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.11.1000", SnmpType::kOctetString, "FOX1234ABCD");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.13.1", SnmpType::kOctetString, "");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.13.1000", SnmpType::kOctetString, "WS-C4948-10GE");
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "WS-C4948-10GE");
    ASSERT_TRUE(v.serial);
    EXPECT_EQ(v.serial->value, "FOX1234ABCD");
}

// Latin-1 banners and long banners cut for reasons must still give valid UTF-8 (verdicts go into JSON).
TEST_F(ClassifyTest, VerdictTextIsValidUtf8) {
    DeviceEvidence d = snmp_switch();
    std::string descr = "Cisco IOS Software, C2960X Software, Version 15.0(2a)EX5, Soci\xE9t\xE9 ";
    while (descr.size() < 79) descr += "x";
    descr += "\xC3\xA9 trailing text";  // a two-byte character across the 80-byte cut
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, descr);
    d.hostnames = {"caf\xE9"};
    auto v = engine_->classify(d);
    auto valid = [](const std::string& s) { return fp::valid_utf8(s) == s; };
    for (const auto& r : v.class_reasons) EXPECT_TRUE(valid(r)) << r;
    for (const auto* f : {&v.vendor, &v.model, &v.firmware, &v.serial, &v.os, &v.hostname}) {
        if (!*f) continue;
        EXPECT_TRUE(valid((*f)->value)) << (*f)->value;
        for (const auto& r : (*f)->reasons) EXPECT_TRUE(valid(r)) << r;
    }
    ASSERT_TRUE(v.hostname);
    EXPECT_EQ(v.hostname->value, "caf\xC3\xA9");
}

// A Net-SNMP agent (generic sysObjectID) that implements a maker's private MIB: the MIB names the maker;
// an ARM Linux banner is an appliance rather than a server.
TEST_F(ClassifyTest, PrivateMibNamesTheMakerBehindANetSnmpAgent) {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Linux ups-card 4.19.94 #1 PREEMPT armv7l");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.8072.3.2.10");
    set(d, "1.3.6.1.4.1.318.1.1.1.1.1.1.0", SnmpType::kOctetString, "Smart-UPS 1500");
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.vendor);
    EXPECT_EQ(v.vendor->value, "APC");
    EXPECT_THAT(joined(v.vendor->reasons), HasSubstr("private MIB"));
    EXPECT_NE(v.device_class, DeviceClass::kServer);
}

// A value condition on a table column holds when any row matches: the NAS's data volume is the storage
// table's seventh row, after memory and the root file system; a server's own mounts say nothing.
TEST_F(ClassifyTest, NasDataVolumeInAnyStorageRowMakesItStorage) {
    auto host = [](const char* data_mount) {
        DeviceEvidence d;
        set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Linux nas01 4.4.302+ #72806 SMP x86_64");
        set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.8072.3.2.10");
        set(d, "1.3.6.1.2.1.25.1.1.0", SnmpType::kTimeTicks, "", 12345);
        set(d, "1.3.6.1.2.1.25.2.3.1.3.1", SnmpType::kOctetString, "Physical memory");
        set(d, "1.3.6.1.2.1.25.2.3.1.3.6", SnmpType::kOctetString, "/");
        set(d, "1.3.6.1.2.1.25.2.3.1.3.31", SnmpType::kOctetString, data_mount);
        return d;
    };
    auto nas = engine_->classify(host("/volume1"));
    EXPECT_EQ(nas.device_class, DeviceClass::kStorage);
    EXPECT_THAT(joined(nas.class_reasons), HasSubstr("/volume1"));
    EXPECT_EQ(engine_->classify(host("/share/CACHEDEV1_DATA")).device_class, DeviceClass::kStorage);
    EXPECT_NE(engine_->classify(host("/data")).device_class, DeviceClass::kStorage);
}

// Any row of a numeric column counts too, matched as digits; a row that only looks right before cleaning
// (trailing spaces) is matched cleaned, as the condition sees it.
TEST_F(ClassifyTest, ValueConditionOnAColumnReadsEveryRowAsTheConditionSeesIt) {
    fp::RuleSet rules;
    fp::load_rule_text(rules,
                       "[[rule]]\nid = \"wifi\"\nclass = \"access-point\"\n"
                       "when.oid_value.\"1.3.6.1.2.1.2.2.1.3\" = '^71$'\n"
                       "[[rule]]\nid = \"vol\"\nclass = \"storage\"\n"
                       "when.oid_value.\"1.3.6.1.2.1.25.2.3.1.3\" = '^/vol1$'\n",
                       "test.toml");
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.2.2.1.3.1", SnmpType::kInteger, "", 6);
    set(d, "1.3.6.1.2.1.2.2.1.3.2", SnmpType::kInteger, "", 71);
    set(d, "1.3.6.1.2.1.25.2.3.1.3.1", SnmpType::kOctetString, "Physical memory");
    set(d, "1.3.6.1.2.1.25.2.3.1.3.2", SnmpType::kOctetString, "/vol1  ");
    const fp::DeviceFacts facts(d);
    auto wifi = fp::match_rule(rules.rules.at(0), facts);
    ASSERT_TRUE(wifi);
    EXPECT_THAT(joined(wifi->details), HasSubstr("= \"71\""));
    EXPECT_TRUE(fp::match_rule(rules.rules.at(1), facts));
    DeviceEvidence wired;
    set(wired, "1.3.6.1.2.1.2.2.1.3.1", SnmpType::kInteger, "", 6);
    EXPECT_FALSE(fp::match_rule(rules.rules.at(0), fp::DeviceFacts(wired)));
}

// sysDescr forms of other makers' test fixtures (SNMP::Info's): an old Catalyst's "<maker>
// <model>,V<release>", a Linux banner without a hostname, the SR OS platform, the NS-BSD banner's serial; and
// what they must not take (a "<maker>,<product> <version>" banner, a host named by its address, a placeholder
// serial).
TEST_F(ClassifyTest, SysDescrFormsOfOlderBannersNameModelReleaseAndSerial) {
    auto descr = [&](const char* sys_descr, const char* sys_object_id) {
        DeviceEvidence d;
        set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, sys_descr);
        set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, sys_object_id);
        return engine_->classify(d);
    };
    auto value = [](const std::optional<Finding>& f) { return f ? f->value : std::string("?"); };
    auto c1900 = descr("Cisco Systems Catalyst 1900,V9.00.06 ", "1.3.6.1.4.1.9.5.18");
    EXPECT_EQ(value(c1900.model), "Catalyst 1900");
    EXPECT_EQ(value(c1900.firmware), "9.00.06");
    EXPECT_NE(value(descr("MikroTik,RouterOS 6.48", "1.3.6.1.4.1.14988.1").model), "MikroTik");
    EXPECT_EQ(value(descr("Linux 6.1.0 | DELL SRV #1", "1.3.6.1.4.1.8072.3.2.10").firmware), "6.1.0");
    EXPECT_EQ(
        value(descr("Linux 10.0.0.5 3.10.0-1160.el7.x86_64 #1 SMP", "1.3.6.1.4.1.8072.3.2.10").firmware),
        "3.10.0-1160.el7.x86_64");
    EXPECT_EQ(value(descr("TiMOS-C-14.0.R5 cpm/hops64 Nokia 7750 SR Copyright (c) 2000-2016 Nokia.",
                          "1.3.6.1.4.1.6527.1.3.9")
                        .model),
              "7750 SR");
    EXPECT_EQ(value(descr("NS-BSD SNSS1A13B0001 amd64", "1.3.6.1.4.1.11256.2.0").serial), "SNSS1A13B0001");
    EXPECT_EQ(value(descr("NS-BSD 0000000000 amd64", "1.3.6.1.4.1.11256.2.0").serial), "?");
}

// An x86 Linux box answering with every generic host hint (HOST-RESOURCES, kernel banner, Net-SNMP) is
// still the appliance its maker's MIB says (DataDirect Networks: storage); without that MIB it is a server.
TEST_F(ClassifyTest, MakerMibUnderNetSnmpOutweighsGenericHostHints) {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Linux node1 3.14.31 #1 SMP x86_64");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.8072.3.2.10");
    set(d, "1.3.6.1.2.1.25.1.1.0", SnmpType::kTimeTicks, "", 1234);
    auto server = engine_->classify(d);
    EXPECT_EQ(server.device_class, DeviceClass::kServer);
    set(d, "1.3.6.1.4.1.6894.1.1.0", SnmpType::kOctetString, "controller 0");
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kStorage);
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("enterprise-agent-mib-6894"));
}

// A column read with a regex takes the first row the regex matches: the serial sits in the second
// inventory row's description, not in the first.
TEST_F(ClassifyTest, ColumnWithRegexReadsTheFirstMatchingRow) {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Ericsson IPOS-20.1.1");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.193.218.1.17");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.2.1", SnmpType::kOctetString, "SSR 8020 chassis");
    set(d, "1.3.6.1.2.1.47.1.1.1.1.2.2", SnmpType::kOctetString, "SSR 8020 backplane SN:DH80092734 Rev:R3L");
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.serial);
    EXPECT_EQ(v.serial->value, "DH80092734");
}

// IF-MIB alone: two dozen Ethernet interfaces make a weak switch guess; four do not.
TEST_F(ClassifyTest, ManyEthernetPortsHintASwitch) {
    auto walk_with_ports = [](int ports) {
        DeviceEvidence d;
        set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Device");
        for (int i = 1; i <= ports; ++i)
            set(d, ("1.3.6.1.2.1.2.2.1.3." + std::to_string(i)).c_str(), SnmpType::kInteger, "",
                i % 2 ? 6 : 117);
        set(d, "1.3.6.1.2.1.2.2.1.3.1000", SnmpType::kInteger, "", 24);  // loopback: not a port
        return d;
    };
    auto v = engine_->classify(walk_with_ports(24));
    EXPECT_EQ(v.device_class, DeviceClass::kSwitch);
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("24 Ethernet interfaces"));
    EXPECT_NE(engine_->classify(walk_with_ports(4)).device_class, DeviceClass::kSwitch);
}

// maker.scalar: of the text scalars in the sysObjectID's own branch, the one distinct value of the shape;
// two different candidates, values only outside the branch or in tables give nothing.
TEST_F(ClassifyTest, MakerScalarTakesTheOnlyValueOfItsShapeInTheMakersBranch) {
    fp::RuleSet rules;
    fp::load_rule_text(
        rules,
        "[[rule]]\nid = \"s\"\nwhen.oid_any = [\"1.3.6.1.4.1\"]\n"
        "from.serial = [{ oid = \"maker.scalar\", regex = '^[A-Z0-9][A-Z0-9-]{5,23}$', unless = "
        "'QAM', not_in_sys_descr = true }]\n",
        "test.toml");
    const auto& source = rules.rules.at(0).from_oid[static_cast<std::size_t>(fp::Field::kSerial)].at(0);
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Acme PX-2000 power shelf");
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.77777.1");
    set(d, "1.3.6.1.4.1.77777.2.1.0", SnmpType::kOctetString, "PX-2000");    // the model: in the sysDescr
    set(d, "1.3.6.1.4.1.77777.2.2.0", SnmpType::kOctetString, "AB1234567");  // the serial
    set(d, "1.3.6.1.4.1.77777.2.3.0", SnmpType::kOctetString, "256QAM");     // a modulation: `unless`
    set(d, "1.3.6.1.4.1.77777.2.4.0", SnmpType::kOctetString, "Main Batteries");  // not the shape
    set(d, "1.3.6.1.4.1.77777.3.1.1", SnmpType::kOctetString, "ZZ9999999");       // a table row, not a scalar
    set(d, "1.3.6.1.4.1.55555.1.0", SnmpType::kOctetString, "YY8888888");         // another maker's branch
    std::string read_at;
    EXPECT_EQ(fp::DeviceFacts(d).read(source, &read_at), "AB1234567");
    EXPECT_EQ(read_at, "1.3.6.1.4.1.77777.2.2.0");

    set(d, "1.3.6.1.4.1.77777.2.5.0", SnmpType::kOctetString,
        "AB1234567");  // the same value again: still one
    EXPECT_EQ(fp::DeviceFacts(d).read(source), "AB1234567");
    set(d, "1.3.6.1.4.1.77777.2.6.0", SnmpType::kOctetString, "CD7654321");  // a second candidate: no choice
    EXPECT_EQ(fp::DeviceFacts(d).read(source), std::nullopt);

    DeviceEvidence no_sysobjectid = d;  // other branches in the walk: whose is it?
    no_sysobjectid.snmp.erase(*Oid::parse("1.3.6.1.2.1.1.2.0"));
    EXPECT_EQ(fp::DeviceFacts(no_sysobjectid).read(source), std::nullopt);

    // A Net-SNMP appliance: the sysObjectID names the agent; the walk's one other private branch is the
    // maker's.
    DeviceEvidence appliance;
    set(appliance, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.8072.3.2.10");
    set(appliance, "1.3.6.1.4.1.2021.4.5.0", SnmpType::kOctetString, "XX0000001");  // UCD: the agent's
    set(appliance, "1.3.6.1.4.1.44444.1.2.0", SnmpType::kOctetString, "QR5550001");
    EXPECT_EQ(fp::DeviceFacts(appliance).read(source, &read_at), "QR5550001");
    EXPECT_EQ(read_at, "1.3.6.1.4.1.44444.1.2.0");
    set(appliance, "1.3.6.1.4.1.33333.1.0", SnmpType::kOctetString, "ignored");  // two makers' MIBs: no guess
    EXPECT_EQ(fp::DeviceFacts(appliance).read(source), std::nullopt);

    // single_rows: the only row of a table column counts as a scalar; a column with two rows does not.
    auto with_rows = source;
    with_rows.single_rows = true;
    DeviceEvidence unit;
    set(unit, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.77777.1");
    set(unit, "1.3.6.1.4.1.77777.5.1.1.4.1", SnmpType::kOctetString, "SN1234567");
    set(unit, "1.3.6.1.4.1.77777.5.1.1.5.1", SnmpType::kOctetString, "PORT1234567");  // a column of two rows
    set(unit, "1.3.6.1.4.1.77777.5.1.1.5.2", SnmpType::kOctetString, "PORT7654321");
    EXPECT_EQ(fp::DeviceFacts(unit).read(source), std::nullopt);
    EXPECT_EQ(fp::DeviceFacts(unit).read(with_rows, &read_at), "SN1234567");
    EXPECT_EQ(read_at, "1.3.6.1.4.1.77777.5.1.1.4.1");
    // Where a read of a table's first rows stopped (column 2's rows 1-2, then column 3's row 1): not a unit
    // row.
    set(unit, "1.3.6.1.4.1.77777.6.1.2.1", SnmpType::kOctetString, "reading");
    set(unit, "1.3.6.1.4.1.77777.6.1.2.2", SnmpType::kOctetString, "reading");
    set(unit, "1.3.6.1.4.1.77777.6.1.3.1", SnmpType::kOctetString, "XY7654321");
    EXPECT_EQ(fp::DeviceFacts(unit).read(with_rows), "SN1234567");

    // A sysObjectID in a branch the walk holds nothing under (a chipset maker's): the one other branch's
    // scalars; a deep OID ending in 0 is a table row, not a scalar.
    DeviceEvidence gateway;
    set(gateway, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.4413");
    set(gateway, "1.3.6.1.4.1.12919.12.1.0", SnmpType::kOctetString, "684624H197019306");
    set(gateway, "1.3.6.1.4.1.12919.13.1.2.3.4.5.6.7.8.9.0", SnmpType::kOctetString, "10WT009925");
    EXPECT_EQ(fp::DeviceFacts(gateway).read(source, &read_at), "684624H197019306");
    EXPECT_EQ(fp::DeviceFacts(gateway).maker_branch(), 4413u);  // the vendor is still the sysObjectID's
}

// The shipped maker-scalar rules name the object they read, stay behind the device's own serial object, and
// a "serial" that only repeats the model is dropped.
TEST_F(ClassifyTest, MakerScalarIdentityIsWeakAndExplainsItsObject) {
    DeviceEvidence d;  // no sysDescr: nothing else names it
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.77777.1");
    set(d, "1.3.6.1.4.1.77777.2.2.0", SnmpType::kOctetString, "AB1234567");
    set(d, "1.3.6.1.4.1.77777.2.3.0", SnmpType::kOctetString, "v2.4.17");
    set(d, "1.3.6.1.4.1.77777.2.4.0", SnmpType::kOctetString, "PT3080");
    set(d, "1.3.6.1.4.1.77777.4.1.0", SnmpType::kOctetString, "Outlet-1");  // a name with a count: no model
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "PT3080");
    EXPECT_LT(v.model->confidence, 0.2);
    ASSERT_TRUE(v.serial);
    EXPECT_EQ(v.serial->value, "AB1234567");
    EXPECT_LT(v.serial->confidence, 0.3);
    EXPECT_THAT(joined(v.serial->reasons), HasSubstr("the maker's MIB object 1.3.6.1.4.1.77777.2.2.0"));
    ASSERT_TRUE(v.firmware);
    EXPECT_EQ(v.firmware->value, "v2.4.17");

    set(d, "1.3.6.1.4.1.77777.2.9.0", SnmpType::kOctetString, "192.168.1.1");  // the gateway: not a version
    EXPECT_EQ(engine_->classify(d).firmware->value, "v2.4.17");

    auto with_entity = d;  // the ENTITY-MIB chassis serial outranks a guess by shape
    set(with_entity, "1.3.6.1.2.1.47.1.1.1.1.5.1", SnmpType::kInteger, "", 3);
    set(with_entity, "1.3.6.1.2.1.47.1.1.1.1.11.1", SnmpType::kOctetString, "CHASSIS0001");
    EXPECT_EQ(engine_->classify(with_entity).serial->value, "CHASSIS0001");

    auto same_as_model = d;  // the model object holds the same text: no serial
    same_as_model.snmp.erase(*Oid::parse("1.3.6.1.4.1.77777.2.4.0"));
    set(same_as_model, "1.3.6.1.2.1.47.1.1.1.1.5.1", SnmpType::kInteger, "", 3);
    set(same_as_model, "1.3.6.1.2.1.47.1.1.1.1.13.1", SnmpType::kOctetString, "AB1234567");
    auto v2 = engine_->classify(same_as_model);
    ASSERT_TRUE(v2.model);
    EXPECT_EQ(v2.model->value, "AB1234567");
    EXPECT_FALSE(v2.serial);
}

// when.interfaces counts the ifTable rows of the listed ifTypes (once per device) and says what it found.
TEST_F(ClassifyTest, InterfacesConditionCountsRowsOfTheListedTypes) {
    fp::RuleSet rules;
    fp::load_rule_text(rules,
                       "[[rule]]\nid = \"dsl\"\nclass = \"other\"\n"
                       "when.interfaces = { types = [94, 251], at_least = 4 }\n",
                       "test.toml");
    const auto& rule = rules.rules.at(0);
    auto walk = [](int vdsl2, int adsl) {
        DeviceEvidence d;
        int row = 1;
        for (int i = 0; i < vdsl2; ++i)
            set(d, ("1.3.6.1.2.1.2.2.1.3." + std::to_string(row++)).c_str(), SnmpType::kInteger, "", 251);
        for (int i = 0; i < adsl; ++i)
            set(d, ("1.3.6.1.2.1.2.2.1.3." + std::to_string(row++)).c_str(), SnmpType::kInteger, "", 94);
        for (int i = 0; i < 8; ++i)  // Ethernet uplinks: not of a listed type
            set(d, ("1.3.6.1.2.1.2.2.1.3." + std::to_string(row++)).c_str(), SnmpType::kInteger, "", 6);
        return d;
    };
    auto twelve = walk(12, 0);
    auto match = fp::match_rule(rule, fp::DeviceFacts(twelve));
    ASSERT_TRUE(match);
    EXPECT_THAT(joined(match->details), HasSubstr("12 interfaces of type vdsl2(251)"));
    auto mixed = walk(2, 3);
    match = fp::match_rule(rule, fp::DeviceFacts(mixed));
    ASSERT_TRUE(match);
    EXPECT_THAT(joined(match->details), HasSubstr("5 interfaces: 3 adsl(94), 2 vdsl2(251)"));
    auto three = walk(3, 0);
    EXPECT_FALSE(fp::match_rule(rule, fp::DeviceFacts(three)));
    EXPECT_EQ(fp::DeviceFacts(three).ethernet_ports, 8);
    // An agent's nonsense (negative, or beyond the INTEGER range) is no interface type at all.
    int row = 100;
    for (std::int64_t bogus : {-251LL, 0LL, (1LL << 32) + 251, (1LL << 32) + 6})
        for (int i = 0; i < 4; ++i)
            set(three, ("1.3.6.1.2.1.2.2.1.3." + std::to_string(row++)).c_str(), SnmpType::kInteger, "",
                bogus);
    EXPECT_FALSE(fp::match_rule(rule, fp::DeviceFacts(three)));
    EXPECT_EQ(fp::DeviceFacts(three).ethernet_ports, 8);
}

// A rule may list many types, in any order and twice: sorted and counted once.
TEST_F(ClassifyTest, InterfacesConditionWithManyTypesCountsEachRowOnce) {
    std::string types;
    for (int t = 300; t >= 1; --t) types += std::to_string(t) + ", ";
    fp::RuleSet rules;
    fp::load_rule_text(rules,
                       "[[rule]]\nid = \"any\"\nclass = \"other\"\n"
                       "when.interfaces = { types = [" +
                           types + "251, 6], at_least = 3 }\n",
                       "test.toml");
    const auto& types_kept = rules.rules.at(0).when.interfaces->types;
    EXPECT_TRUE(std::is_sorted(types_kept.begin(), types_kept.end()));
    EXPECT_EQ(types_kept.size(), 300U);
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.2.2.1.3.1", SnmpType::kInteger, "", 251);
    set(d, "1.3.6.1.2.1.2.2.1.3.2", SnmpType::kInteger, "", 6);
    EXPECT_FALSE(fp::match_rule(rules.rules.at(0), fp::DeviceFacts(d)));  // 2 rows, not 3
    set(d, "1.3.6.1.2.1.2.2.1.3.3", SnmpType::kInteger, "", 6);
    auto match = fp::match_rule(rules.rules.at(0), fp::DeviceFacts(d));
    ASSERT_TRUE(match);
    EXPECT_THAT(joined(match->details), HasSubstr("3 interfaces: 2 ifType 6, 1 vdsl2(251)"));
}

// The shipped interface-type rules: a DSLAM's dozens of DSL lines make an access node, a laptop's one
// Wi-Fi radio makes nothing.
TEST_F(ClassifyTest, InterfaceTypesGiveSupportingClassEvidence) {
    auto walk = [](int rows, std::int64_t type) {
        DeviceEvidence d;
        set(d, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "Device");
        for (int i = 1; i <= rows; ++i)
            set(d, ("1.3.6.1.2.1.2.2.1.3." + std::to_string(i)).c_str(), SnmpType::kInteger, "", type);
        return d;
    };
    auto dslam = engine_->classify(walk(24, 251));
    EXPECT_EQ(dslam.device_class, DeviceClass::kOther);
    EXPECT_THAT(joined(dslam.class_reasons), HasSubstr("24 interfaces of type vdsl2(251)"));
    EXPECT_EQ(engine_->classify(walk(1, 71)).device_class, DeviceClass::kUnknown);
}

// The maker's registry names the sysObjectID's product line, and the line gives the class: Cisco's
// registry entry for .9.1.1018 is ciscoASR9006, a router, whatever Cisco's usual class is.
TEST_F(ClassifyTest, RegistryProductLineGivesTheClass) {
    DeviceEvidence d;
    set(d, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.9.1.1018");
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kRouter);
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("registered product name ciscoASR9006"));
}

TEST_F(ClassifyTest, CiscoPhoneBySepHostname) {
    DeviceEvidence d;
    d.hostnames = {"SEP001122AABBCC"};
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kVoipPhone);
    ASSERT_TRUE(v.vendor);
    EXPECT_EQ(v.vendor->value, "Cisco");
    EXPECT_THAT(joined(v.class_reasons), HasSubstr("SEP<MAC>"));
}

TEST_F(ClassifyTest, NoEvidenceIsUnknown) {
    auto v = engine_->classify(DeviceEvidence{});
    EXPECT_EQ(v.device_class, DeviceClass::kUnknown);
    EXPECT_FALSE(v.vendor);
}

TEST_F(ClassifyTest, Deterministic) {
    auto other = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    for (const auto& d : {snmp_printer(), snmp_switch(), snmp_ups()}) {
        EXPECT_EQ(engine_->classify(d), engine_->classify(d));
        EXPECT_EQ(engine_->classify(d), other.classify(d));
    }
}

TEST_F(ClassifyTest, TenThousandClassificationsAreFast) {
    std::vector<DeviceEvidence> devices = {snmp_printer(), snmp_switch(), snmp_ups()};
    DeviceEvidence linux_host;
    set(linux_host, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "Linux web01 5.10.0-21-amd64 #1 SMP Debian x86_64");
    set(linux_host, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.8072.3.2.10");
    set(linux_host, "1.3.6.1.2.1.25.1.1.0", SnmpType::kTimeTicks, "", 5);
    devices.push_back(linux_host);
    DeviceEvidence silent;
    silent.oui_registrant = "Raspberry Pi Trading Ltd";
    devices.push_back(silent);
    auto start = std::chrono::steady_clock::now();
    std::size_t classified = 0;
    for (int i = 0; i < 10000; ++i)
        classified += engine_->classify(devices[i % devices.size()]).device_class != DeviceClass::kUnknown;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "[ bench    ] 10000 classifications in " << seconds << " s (" << engine_->rule_count()
              << " rules)\n";
    RecordProperty("seconds_for_10000", std::to_string(seconds));
    EXPECT_GE(classified, 8000u);
#ifndef __SANITIZE_ADDRESS__
    // Only optimised builds are timed: a sanitizer build is many times slower and proves nothing here.
    EXPECT_LT(seconds, 5.0);  // generous; the target (<1 s) is read from the printed figure
#endif
}

TEST_F(ClassifyTest, FortinetAndJuniperRegistryNamesBecomeProductNames) {
    // FORTINET-FORTIGATE-MIB registers fgt500E as fgModel 5005: with nothing else to go on, the registry
    // name becomes the product name engineers use, "FortiGate 500E" (reported as "500E": "FortiGate" is an
    // alias of the maker, dropped from models as from the ENTITY-MIB's "FGT_60F").
    DeviceEvidence fortigate;
    set(fortigate, "1.3.6.1.2.1.1.1.0", SnmpType::kOctetString, "firewall");
    set(fortigate, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.12356.101.1.5005");
    auto v = engine_->classify(fortigate);
    ASSERT_TRUE(v.vendor && v.model);
    EXPECT_EQ(v.vendor->value, "Fortinet");
    EXPECT_EQ(v.model->value, "500E");
    EXPECT_THAT(joined(v.model->reasons), HasSubstr("FORTINET-FORTIGATE-MIB"));
    // JUNIPER-CHASSIS-DEFINES-MIB: jnxProductNameEX4200 is jnxProductName 31.
    DeviceEvidence juniper;
    set(juniper, "1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.2636.1.1.1.2.31");
    auto ex = engine_->classify(juniper);
    ASSERT_TRUE(ex.model);
    EXPECT_EQ(ex.model->value, "EX4200");
    // The ENTITY-MIB chassis row's model outranks the registry name.
    set(fortigate, "1.3.6.1.2.1.47.1.1.1.1.5.1", SnmpType::kInteger, "", 3);
    set(fortigate, "1.3.6.1.2.1.47.1.1.1.1.13.1", SnmpType::kOctetString, "FGT_60F");
    auto with_entity = engine_->classify(fortigate);
    ASSERT_TRUE(with_entity.model);
    EXPECT_EQ(with_entity.model->value, "60F");
}

// Product lines name their maker where the banner names no other (27- plm-), with invented model numbers.
TEST_F(ClassifyTest, ProductLinesAloneNameTheirMaker) {
    EXPECT_EQ(vendor_of("NPort 5999-8"), "Moxa");
    EXPECT_EQ(vendor_of("MGate 9999-MB"), "Moxa");
    EXPECT_EQ(vendor_of("PowerVault ME9999"), "Dell");
    EXPECT_EQ(vendor_of("ETERNUS DX999 S9"), "Fujitsu");
    EXPECT_EQ(vendor_of("Room Alert 99E"), "AVTECH");
    EXPECT_EQ(class_of("Room Alert 99E"), DeviceClass::kOther);
    EXPECT_EQ(vendor_of("GWN7999"), "Grandstream");
    EXPECT_EQ(vendor_of("Copystar CS 9999ci Printing System"), "Kyocera");
    EXPECT_EQ(class_of("Copystar CS 9999ci Printing System"), DeviceClass::kPrinter);
    EXPECT_EQ(vendor_of("ZXA10 C699"), "ZTE");
    EXPECT_EQ(model_of("ZXA10 C699"), "C699");
    EXPECT_EQ(model_of("ZXR10 M6999-8S Plus, ZTE ZXR10 Software Version V5.00.99"), "M6999-8S Plus");
    // A maker the alias table vouches for opens its own banner ("AMX", three letters).
    EXPECT_EQ(vendor_of("AMX NX-9999"), "AMX");
    EXPECT_EQ(model_of("AMX NX-9999"), "NX-9999");
    // The product line and the model: label printers, value-brand cameras, VoIP gateways.
    EXPECT_EQ(class_of("TSC TE999"), DeviceClass::kPrinter);
    EXPECT_EQ(model_of("TSC TE999"), "TE999");
    EXPECT_EQ(vendor_of("HiLook IPC-B999H"), "Hikvision");
    EXPECT_EQ(model_of("HiLook IPC-B999H"), "IPC-B999H");
    const auto smartnode = banner_verdict("SmartNode SN9999/4JS4V/EUI R6.T 2024-01-01 H323 SIP");
    EXPECT_EQ(value_or_none(smartnode.vendor), "Patton");
    EXPECT_EQ(value_or_none(smartnode.model), "SN9999/4JS4V/EUI");
    EXPECT_EQ(value_or_none(smartnode.firmware), "R6.T");
    EXPECT_EQ(smartnode.device_class, DeviceClass::kVoipPhone);
    const auto mediant = banner_verdict("Product: MEDIANT 9999 ;SW Version: 7.40A.999.001");
    EXPECT_EQ(value_or_none(mediant.vendor), "AudioCodes");
    EXPECT_EQ(value_or_none(mediant.model), "MEDIANT 9999");
    EXPECT_EQ(value_or_none(mediant.firmware), "7.40A.999.001");
}

// A line of another kind than its maker's usual one names its kind, above the maker's (or the OS's) class.
TEST_F(ClassifyTest, ProductLinesOfAnotherKindThanTheMakersUsualOne) {
    EXPECT_EQ(class_of("DrayTek VigorSwitch Q9999x"), DeviceClass::kSwitch);
    EXPECT_EQ(class_of("DrayTek VigorAP 999C"), DeviceClass::kAccessPoint);
    EXPECT_EQ(class_of("WatchGuard AP999"), DeviceClass::kAccessPoint);
    EXPECT_EQ(class_of("MOXA EDR-G999"), DeviceClass::kRouter);
    EXPECT_EQ(class_of("Teltonika TSW999 TSW999_R_00.07.99.1"), DeviceClass::kSwitch);
    EXPECT_EQ(firmware_of("Teltonika TSW999 TSW999_R_00.07.99.1"), "TSW999_R_00.07.99.1");
    // Comware and VRP run more than switches: the platform decides.
    const std::string comware =
        "H3C Comware Platform Software, Software Version 7.1.070, Release 0999P01 H3C ";
    const std::string rights = " Copyright (c) 2004-2024 New H3C Technologies Co., Ltd. All rights reserved.";
    EXPECT_EQ(class_of(comware + "MSR3699" + rights), DeviceClass::kRouter);
    EXPECT_EQ(model_of(comware + "MSR3699" + rights), "MSR3699");
    EXPECT_EQ(class_of(comware + "WX3599H" + rights), DeviceClass::kAccessPoint);
    EXPECT_EQ(class_of(comware + "SecPath F1099-AK999" + rights), DeviceClass::kFirewall);
    EXPECT_EQ(class_of(comware + "S5999V2-54P" + rights), DeviceClass::kSwitch);
    EXPECT_EQ(
        class_of("AC6999 Huawei Versatile Routing Platform Software VRP (R) software,Version 5.170 (AC6999 "
                 "V200R019C10SPC999) Copyright (C) 2011-2020 HUAWEI TECH CO., LTD"),
        DeviceClass::kAccessPoint);
    // One-word rules stay inside their word: a "VCX99" model is no 3Com VCX phone system.
    EXPECT_NE(class_of("Riverbed SteelHead-v VCX99 9.9.9a"), DeviceClass::kVoipPhone);
    // A Comet System sensor is no Eaton UPS.
    EXPECT_NE(vendor_of("Comet T9999"), "Eaton");
    EXPECT_EQ(class_of("Comet T9999"), DeviceClass::kOther);
    // Telephony words name the kind, not Avaya: other makers' gateways keep their maker.
    EXPECT_EQ(vendor_of("Widgetron WG9999-16O Media Gateway, Version 9.9.9"), "(none)");
    EXPECT_EQ(class_of("Widgetron WG9999-16O Media Gateway, Version 9.9.9"), DeviceClass::kVoipPhone);
    EXPECT_EQ(vendor_of("Avaya G999 Media Gateway"), "Avaya");
}

// OS banners that place the model their own way, and versions after a model's words.
TEST_F(ClassifyTest, CarrierBannersDocsisBlocksAndTrailingVersions) {
    EXPECT_EQ(model_of("TiMOS-B-22.10.R1 both/x86_64 Nokia 7999 IXR-e Copyright (c) 2000-2022 Nokia."),
              "7999 IXR-e");
    EXPECT_EQ(model_of("TiMOS-C-9.0.R1 cpm/hops ALCATEL SR 7999 Copyright (c) 2000-2011 Alcatel-Lucent."),
              "7999 SR");
    EXPECT_EQ(model_of("Cisco NX-OS(tm) m9700, Software (m9700-s6ek9-mz), Version 9.9(9), RELEASE SOFTWARE"),
              "MDS 9700");
    EXPECT_EQ(model_of("Ruijie Wireless Controller(WS9999) By Ruijie Networks"), "WS9999");
    const auto modem = banner_verdict(
        "<<HW_REV: 2.0; VENDOR: Acme Cable, Inc.; BOOTR: 1.0.1; SW_REV: AC1.2.3; MODEL: AC9999>>");
    EXPECT_EQ(modem.device_class, DeviceClass::kRouter);
    EXPECT_EQ(value_or_none(modem.model), "AC9999");
    EXPECT_EQ(value_or_none(modem.firmware), "AC1.2.3");
    EXPECT_THAT(value_or_none(modem.vendor), HasSubstr("Acme"));
    EXPECT_EQ(firmware_of("snom 999-SIP 8.9.9.99"), "8.9.9.99");
    EXPECT_EQ(firmware_of("Polycom Trio 9999 7.9.9.9999"), "7.9.9.9999");
}

// Kinds named by a word or a line that several makers share (96- gx-), with invented models.
TEST_F(ClassifyTest, KindWordsForManagementControllersPhonesTimeServersAndThinClients) {
    EXPECT_EQ(class_of("Widgetron iBMC"), DeviceClass::kServer);
    EXPECT_EQ(class_of("Widgetron BMC WX9999M9"), DeviceClass::kServer);
    EXPECT_EQ(class_of("Widgetron 9999G IP Deskphone 9.9.9.9"), DeviceClass::kVoipPhone);
    EXPECT_EQ(class_of("Cisco IP Conference Phone 7899"), DeviceClass::kVoipPhone);
    EXPECT_EQ(model_of("Cisco IP Conference Phone 7899"), "7899");
    EXPECT_EQ(class_of("Cisco ATA 199"), DeviceClass::kVoipPhone);
    EXPECT_EQ(class_of("Microchip TimeProvider 4999"), DeviceClass::kOther);
    EXPECT_EQ(class_of("Versa Networks FlexVNF 99.9.9"), DeviceClass::kRouter);
    EXPECT_EQ(class_of("Dell Wyse ThinOS 9.9.9999"), DeviceClass::kWorkstation);
    EXPECT_EQ(class_of("FUJIFILM Apeos C9999"), DeviceClass::kPrinter);
    EXPECT_EQ(class_of("NETASQ U99 9.9.9"), DeviceClass::kFirewall);
    // An OS banner's host name is no product word.
    EXPECT_THAT(joined(banner_verdict("Linux ibmc 5.10.0 #1 SMP x86_64").class_reasons),
                Not(HasSubstr("gx-descr-bmc-word")));
    EXPECT_EQ(model_of("KYOCERA Document Solutions TASKalfa 9999ci"), "TASKalfa 9999ci");
}

// Linux distributions by their kernel release's suffix (49-), network OS banners' models (27- plm-).
TEST_F(ClassifyTest, KernelSuffixesNameTheDistributionAndOsBannersTheirModel) {
    EXPECT_EQ(vendor_of("Linux web9 5.14.0-999.1.1.el9_9.x86_64 #1 SMP PREEMPT_DYNAMIC x86_64"), "Red Hat");
    EXPECT_EQ(vendor_of("Linux db9 5.4.17-2999.1.1.el8uek.x86_64 #2 SMP x86_64"), "Oracle");
    EXPECT_EQ(vendor_of("Linux app9 4.14.999-999.999.amzn2.x86_64 #1 SMP x86_64"), "Amazon");
    EXPECT_EQ(vendor_of("Linux sles9 5.14.21-150599.99.9-default #1 SMP PREEMPT_DYNAMIC x86_64"), "SUSE");
    EXPECT_EQ(model_of("Extreme Networks SLX-OS Software, Version 99.9.9, SLX-9999-48Y"), "SLX-9999-48Y");
    EXPECT_EQ(model_of("IBM Networking Operating System RackSwitch G9999"), "RackSwitch G9999");
    EXPECT_EQ(model_of("Hillstone StoneOS 9.5R9P9 SG-6000-E9999"), "SG-6000-E9999");
    EXPECT_EQ(firmware_of("Hillstone StoneOS 9.5R9P9 SG-6000-E9999"), "9.5R9P9");
    EXPECT_EQ(model_of("Clavister E99 cOS Core 99.00.01"), "E99");
    EXPECT_EQ(class_of("Clavister E99 cOS Core 99.00.01"), DeviceClass::kFirewall);
    EXPECT_EQ(model_of("Mellanox Onyx SN9999 9.9.9999"), "SN9999");
    EXPECT_EQ(model_of("QLogic SANbox 9999V FC Switch"), "SANbox 9999V");
    // Management controllers and storage banners name the machine they belong to.
    EXPECT_EQ(
        model_of("Cisco Integrated Management Controller(CIMC) [UCSC-C999-M9SX], Firmware Version 9.9(9a)"),
        "UCSC-C999-M9SX");
    EXPECT_EQ(model_of("iRMC S9 Fujitsu PRIMERGY RX9999 M9"), "PRIMERGY RX9999 M9");
    EXPECT_EQ(model_of("HP_3PAR 9999, serial number 4UW9999999, InForm OS version 3.9.9 (MU9)"), "3PAR 9999");
    // ExtremeWare's banner.
    const auto summit =
        banner_verdict("Summit99i - Version 7.9.9 (Build 9) by Release_Master 01/01/09 10:00:00");
    EXPECT_EQ(summit.device_class, DeviceClass::kSwitch);
    EXPECT_EQ(value_or_none(summit.vendor), "Extreme Networks");
    EXPECT_EQ(value_or_none(summit.model), "Summit99i");
    EXPECT_EQ(value_or_none(summit.firmware), "7.9.9");
}

}  // namespace
}  // namespace nd
