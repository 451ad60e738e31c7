#include <gtest/gtest.h>

#include <string>

#include "fingerprint/engine.hpp"
#include "model/device_class.hpp"

// Makers with several product lines: each line gets its own class, and makers the probes found unnamed get
// one short name (rules 28-maker-family-classes.toml and the enterprise table). Invented model numbers.
namespace nd {
namespace {

struct Case {
    const char* sys_object_id;  // "-": none
    const char* sys_descr;
    const char* device_class;
    const char* vendor;
    const char* model;     // "-": not checked
    const char* firmware;  // "-": not checked
};

const Case kCases[] = {
    {"1.3.6.1.4.1.1182.2.1.999", "NVR9999 Rev.15.01.99 (Tue Nov 22 13:21:47 2022)", "router", "Yamaha",
     "NVR9999", "15.01.99"},
    {"-", "NVR9999 Rev.15.01.99 (Tue Nov 22 13:21:47 2022)", "router", "Yamaha", "NVR9999", "15.01.99"},
    {"1.3.6.1.4.1.1182.2.1.999", "RTX9999 Rev.16.00.01 (Mon Jan  8 10:00:00 2024)", "router", "Yamaha",
     "RTX9999", "16.00.01"},
    {"1.3.6.1.4.1.1182.2.1.999", "SWX9999-52GT Rev.2.05.01 (Fri Mar 12 10:10:02 2021)", "switch", "Yamaha",
     "SWX9999-52GT", "2.05.01"},
    {"1.3.6.1.4.1.1182.2.1.999", "WLX999 Rev.18.00.99 (Tue Sep 15 17:01:22 2020)", "access-point", "Yamaha",
     "WLX999", "18.00.99"},
    {"1.3.6.1.4.1.1182.2.1.999", "UTX999 Rev.15.10.99 (Thu Aug  6 09:12:51 2021)", "firewall", "Yamaha",
     "UTX999", "15.10.99"},
    {"1.3.6.1.4.1.1182.2.1.999", "FWX999 Rev.11.03.99 (Thu Aug  6 09:12:51 2021)", "firewall", "Yamaha",
     "FWX999", "11.03.99"},
    {"1.3.6.1.4.1.12419.1.9", "YAMAHA Rio9999-D2 V2.0", "av-conference", "Yamaha", "Rio9999-D2", "-"},
    {"1.3.6.1.4.1.211.1.127.65.99", "Fujitsu Si-R G999 V20.99 NY0015 Tue Jun 13 14:22:11 JST 2023", "router",
     "Fujitsu", "Si-R G999", "20.99"},
    {"1.3.6.1.4.1.211.1.127.70.99", "SR-S999TL1 V20.99 NY0006 Thu Mar 16 09:00:01 JST 2023", "switch",
     "Fujitsu", "SR-S999TL1", "20.99"},
    {"1.3.6.1.4.1.211.1.127.80.99", "IPCOM EX9 IN V01L01 NF0012", "firewall", "Fujitsu", "-", "-"},
    {"1.3.6.1.4.1.35265.1.99", "Eltex ESR-9999 software version 1.99.0 build 12[abcdef01]", "router", "Eltex",
     "ESR-9999", "1.99.0"},
    {"1.3.6.1.4.1.21839.1.2.99",
     "ALAXALA AX9900R AX-9908R [AX9908R] Routing software (including encryption) Ver. 12.9 [OS-SE]", "router",
     "ALAXALA", "AX9900R", "12.9"},
    {"1.3.6.1.4.1.193.81.1.99", "Ericsson MINI-LINK 9999 R1B SW CXP9026371_4 R15A", "access-point",
     "Ericsson", "-", "-"},
    {"1.3.6.1.4.1.193.218.2.99", "Ericsson IPOS-21.1.0.0-Release Router 6999", "router", "Ericsson",
     "Router 6999", "-"},
    {"1.3.6.1.4.1.52694.1.9999", "Ribbon SBC 9999 V11.00.00R000", "router", "Ribbon Communications",
     "SBC 9999", "11.00.00R000"},
    {"1.3.6.1.4.1.13465.1.2.9", "Ingate SIParator S99, Version 6.9.1", "firewall", "Ingate", "SIParator S99",
     "6.9.1"},
    {"1.3.6.1.4.1.19139.1.9999", "EdgeMarc 9999 Edgewater Networks, Firmware 15.9.9", "router",
     "Edgewater Networks", "EdgeMarc 9999", "15.9.9"},
    {"1.3.6.1.4.1.2281.1.7.9", "IP-20Z, Ceragon Networks, SW 12.9", "access-point", "Ceragon", "IP-20Z",
     "12.9"},
    {"-", "IP-20Z, Ceragon Networks, SW 12.9", "access-point", "Ceragon", "IP-20Z", "12.9"},
    {"1.3.6.1.4.1.7571.100.1.1.9", "SAF Tehnika CFIP Zeta FODU, version 2.9.99", "access-point",
     "SAF Tehnika", "-", "2.9.99"},
    {"1.3.6.1.4.1.7262.2.9", "Horizon Compact Plus, DragonWave Inc., Firmware 1.9.9", "access-point",
     "DragonWave", "-", "1.9.9"},
    {"1.3.6.1.4.1.2509.9.99", "Aviat Networks CTR 8999, SW 3.99.1", "router", "Aviat Networks", "CTR 8999",
     "3.99.1"},
    {"1.3.6.1.4.1.2509.11.1.1.99", "Aviat Networks Eclipse Packet Node, SW 9.9", "access-point",
     "Aviat Networks", "-", "9.9"},
    {"1.3.6.1.4.1.37662.1.9", "Ablerex ZZ9999 UPS Network Card V2.99", "power", "Ablerex", "-", "2.99"},
    {"1.3.6.1.4.1.6302.2.1.9", "Vertiv NetSure 9999 NCU Controller M830B", "power", "Vertiv", "NetSure 9999",
     "-"},
    {"1.3.6.1.4.1.926.1.9", "Alpha Technologies Cordex CXC HP Controller v9.99", "power",
     "Alpha Technologies", "-", "-"},
    {"1.3.6.1.4.1.3592.1.9", "Draeger Infinity M999 Telemetry", "other", "Draeger", "-", "-"},
    {"1.3.6.1.4.1.54260.1.9", "Mindray BeneVision N99 Patient Monitor 09.99.00", "other", "Mindray",
     "BeneVision N99", "09.99.00"},
    {"1.3.6.1.4.1.12514.1.9", "Abbott ZZ-9999 Analyzer 9.99", "other", "Abbott", "-", "9.99"},
    {"1.3.6.1.4.1.37268.1.9", "Gira HomeServer 9.99", "other", "Gira", "HomeServer", "9.99"},
    {"1.3.6.1.4.1.25696.1.9", "Nedap AEOS AP9999 3.9.99", "other", "Nedap", "-", "3.9.99"},
    {"1.3.6.1.4.1.56901.1.9", "SALTO CU9999 Ethernet Controller v9.31", "other", "SALTO", "CU9999", "9.31"},
    {"1.3.6.1.4.1.29312.1.9", "B&R X20CP9999 Automation Runtime", "other", "B&R", "-", "-"},
    {"1.3.6.1.4.1.21408.1.9", "Ernitec Mercury NVR 9.1.5", "camera", "Ernitec", "-", "9.1.5"},
    {"1.3.6.1.4.1.36659.1.9", "Atrust t999W Linux 4.14", "workstation", "Atrust", "-", "4.14"},
    {"1.3.6.1.4.1.38812.1.9", "Centerm C999 Linux Thin Client 5.4.26", "workstation", "Centerm", "-",
     "5.4.26"},
    {"1.3.6.1.4.1.53064.2.9", "Stratodesk NoTouch OS 9.9.999", "workstation", "Stratodesk", "-", "9.9.999"},
    {"1.3.6.1.4.1.9303.1.1.99", "Waystream iBOS ASR9999 Version 7.9.2", "switch", "Waystream", "-", "7.9.2"},
    {"1.3.6.1.4.1.10243.1.9999", "Uplogix 9999 Local Manager, Version 5.9.2", "other", "Uplogix", "-",
     "5.9.2"},
    {"1.3.6.1.4.1.30722.1.9", "ProSoft RadioLinx RLX9-IHNF Industrial Hotspot, FW 1.9.3", "access-point",
     "ProSoft", "-", "1.9.3"},
    {"1.3.6.1.4.1.17384.1.2.9", "Contemporary Controls BASrouter ZX, v2.9.2", "router",
     "Contemporary Controls", "BASrouter ZX", "2.9.2"},
    {"1.3.6.1.4.1.6307.1.1.999", "Ipanema ip|engine ax999 v9.9.4", "router", "Extreme Networks", "-",
     "9.9.4"},
    {"1.3.6.1.4.1.48797.1.1.999", "Inspur Operating System Software, INOS Version 9.9(3), CN99999PC",
     "switch", "Inspur", "-", "9.9(3)"},
    {"1.3.6.1.4.1.20738.1.9999", "Tibbo DS9999 Serial Device Server, firmware 5.99", "other", "Tibbo",
     "DS9999", "5.99"},
    {"1.3.6.1.4.1.7840.1.999", "Zelax MM-999, version 3.9", "switch", "Zelax", "MM-999", "3.9"},
    {"1.3.6.1.4.1.16838.2.9", "OMRON NJ999-1300 Ver 1.99", "other", "Omron", "NJ999-1300", "1.99"},
    {"1.3.6.1.4.1.7427.1.9", "YOKOGAWA STARDOM FCN-999", "other", "Yokogawa", "STARDOM FCN-999", "-"},
    {"1.3.6.1.4.1.3442.2.9", "Advantech WISE-9999E IoT Wireless I/O Module", "other", "Advantech", "-", "-"},
    {"1.3.6.1.4.1.35987.1.9", "Sangoma Vega 9999G 16.02.99", "voip-phone", "Sangoma", "Vega 9999G",
     "16.02.99"},
    {"1.3.6.1.4.1.188.2.9", "Ascom IPBS9 DECT Base Station 11.9.5", "voip-phone", "Ascom", "-", "11.9.5"},
    {"1.3.6.1.4.1.38111.2.9", "DINSTAR UC9999-VE-8G Gateway, Firmware 2.91.01.99", "voip-phone", "Dinstar",
     "UC9999-VE-8G", "2.91.01.99"},
    {"1.3.6.1.4.1.42421.1.9", "OpenVox VS-GW9999-20G 2.1.9", "voip-phone", "OpenVox", "VS-GW9999-20G",
     "2.1.9"},
    {"1.3.6.1.4.1.30803.1.1", "Vyatta Core 9.9R1", "router", "Vyatta", "-", "-"},
    {"1.3.6.1.4.1.30803.1.1", "VyOS 1.9.9", "router", "VyOS", "-", "1.9.9"},
};

TEST(MakerFamiliesTest, EachLineGetsItsClassAndTheMakerItsName) {
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    for (const auto& c : kCases) {
        DeviceEvidence d;
        d.snmp[*Oid::parse("1.3.6.1.2.1.1.1.0")] = SnmpValue{SnmpType::kOctetString, c.sys_descr, 0};
        if (std::string(c.sys_object_id) != "-")
            d.snmp[*Oid::parse("1.3.6.1.2.1.1.2.0")] = SnmpValue{SnmpType::kOid, c.sys_object_id, 0};
        auto v = engine.classify(d);
        EXPECT_EQ(v.device_class, device_class_from_string(c.device_class)) << c.sys_descr;
        EXPECT_EQ(v.vendor ? v.vendor->value : "(none)", c.vendor) << c.sys_descr;
        if (std::string(c.model) != "-") {
            EXPECT_EQ(v.model ? v.model->value : "(none)", c.model) << c.sys_descr;
        }
        if (std::string(c.firmware) != "-") {
            EXPECT_EQ(v.firmware ? v.firmware->value : "(none)", c.firmware) << c.sys_descr;
        }
    }
}

}  // namespace
}  // namespace nd
