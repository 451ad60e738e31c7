#include <gtest/gtest.h>

#include <string>

#include "fingerprint/engine.hpp"
#include "model/device_class.hpp"

// Banners of families the labelled corpora lack, with invented model numbers: what each rule file promises.
namespace nd {
namespace {

struct Case {
    const char* sys_object_id;  // "-": none
    const char* sys_descr;      // "": none
    const char* device_class;   // "-": not checked, as the vendor, model and firmware
    const char* vendor;
    const char* model;
    const char* firmware;
};

// Makers with several product lines: each line gets its own class, and makers the probes found unnamed get
// one short name (28-maker-family-classes.toml and the enterprise table).
const Case kMakerFamilies[] = {
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

// Releases in a maker's own form, and models between the maker and a phrase, before a company name or after
// an OS phrase (29-release-grammars.toml).
const Case kReleaseGrammars[] = {
    {"1.3.6.1.4.1.2509.9.99", "Aviat Networks CTR 8711 Microwave Router, SW 4.2.7", "router",
     "Aviat Networks", "CTR 8711", "4.2.7"},
    {"1.3.6.1.4.1.1271.1.1.77", "Ciena 3977 Service Aggregation Switch, SAOS 8.2.1", "switch", "Ciena",
     "3977", "8.2.1"},
    {"1.3.6.1.4.1.22420.1.9", "QX-9Z,Accedian Networks,8.1.4_20417", "other", "Accedian", "QX-9Z",
     "8.1.4_20417"},
    {"1.3.6.1.4.1.2544.1.12.1.1.9", "FSP 150-XG417, ADVA Optical Networking, Software Version 9.3.2", "other",
     "ADVA", "FSP 150-XG417", "9.3.2"},
    {"1.3.6.1.4.1.36141.1.10.9", "Ubiquoss Switch Operating System UBOS V4.1.7, E7248Q", "switch", "Ubiquoss",
     "E7248Q", "4.1.7"},
    {"1.3.6.1.4.1.193.81.1.9", "Ericsson MINI-LINK 6699 R2A SW CXP9010021_1 R17B", "access-point", "Ericsson",
     "MINI-LINK 6699", "R17B"},
    {"1.3.6.1.4.1.13191.1.100.9", "ONE427 OneOS-pCPE-ARM_pi2-6.5.1m4", "router", "OneAccess", "ONE427",
     "6.5.1m4"},
    {"1.3.6.1.4.1.15983.1.1.7700", "Meru MC7700 Wireless LAN Controller, System Director 8.6-2-1",
     "access-point", "Fortinet", "MC7700", "8.6-2-1"},
    {"1.3.6.1.4.1.19849.1.3.9", "NSFOCUS NIPS NX5-N3300B V6.1R12F02", "firewall", "NSFOCUS",
     "NIPS NX5-N3300B", "V6.1R12F02"},
    {"1.3.6.1.4.1.1397.1.8677", "Tellabs 8677 Smart Router, FP5.2", "router", "Tellabs", "8677", "FP5.2"},
    {"1.3.6.1.4.1.7427.1.9", "YOKOGAWA STARDOM FCN-770 R5.10.02", "other", "Yokogawa", "STARDOM FCN-770",
     "R5.10.02"},
    {"1.3.6.1.4.1.29312.1.9", "B&R X20CP3687 Automation Runtime B4.87", "other", "B&R", "X20CP3687", "B4.87"},
    {"1.3.6.1.4.1.6666.1.9", "innovaphone IP9011 14r1 sr7", "voip-phone", "innovaphone", "IP9011",
     "14r1 sr7"},
    {"1.3.6.1.4.1.55315.1.9", "Auerswald COMpact 7700R 8.2D", "voip-phone", "Auerswald", "COMpact 7700R",
     "8.2D"},
    {"1.3.6.1.4.1.2294.1.9", "Dot Hill AssuredSAN 5977 GL310R014", "storage", "Dot Hill", "AssuredSAN 5977",
     "GL310R014"},
    {"1.3.6.1.4.1.5053.1.9", "Agilent 9110Q GC B.02.05.3", "other", "Agilent", "9110Q GC", "B.02.05.3"},
    {"1.3.6.1.4.1.7293.1.9", "POWERCOM MACAN MRT-9000 NetAgent 9 v3.1d", "power", "Powercom",
     "MACAN MRT-9000 NetAgent 9", "3.1d"},
    {"1.3.6.1.4.1.18954.1.7300", "Brandywine Communications NTS-7300 NTP Time Server v4.1", "other",
     "Brandywine", "NTS-7300", "4.1"},
    {"1.3.6.1.4.1.2634.1.2900", "WTI CPM-2900 Console/Power Manager v8.12", "power", "WTI", "CPM-2900",
     "8.12"},
    {"1.3.6.1.4.1.21091.1.9173", "Exinda 9173 WAN Optimization Appliance, 7.6.2", "other", "Exinda", "9173",
     "7.6.2"},
    {"1.3.6.1.4.1.32182.1.77100", "Cubro EXA77100 Network Packet Broker, Version 3.1.4", "other", "Cubro",
     "EXA77100", "3.1.4"},
    {"1.3.6.1.4.1.20095.1.2.99", "Positron GAM-36-X G.fast Access Multiplexer, Version 2.0.3", "other",
     "Positron", "GAM-36-X", "2.0.3"},
    {"1.3.6.1.4.1.52573.1.9917", "Keenetic Omni (KN-9917), KeeneticOS 4.1.2", "router", "Keenetic",
     "Omni (KN-9917)", "4.1.2"},
    {"1.3.6.1.4.1.11946.1.7731", "QuantaMesh T7731-ZQ9, FASTPATH Routing 4.2.1", "switch", "Quanta",
     "QuantaMesh T7731-ZQ9", "4.2.1"},
    {"1.3.6.1.4.1.35098.1.9", "PicOS 4.4.1 Pica8 AS9977-48Y", "switch", "Pica8", "AS9977-48Y", "4.4.1"},
    {"1.3.6.1.4.1.259.6.10.99", "48 Port Gigabit Managed Standalone Switch ES4799YQ", "switch", "Edgecore",
     "ES4799YQ", "-"},
    {"1.3.6.1.4.1.8255.1.1877", "Tejas TJ1877 Packet Optical Transport, SW R11.3", "other", "Tejas Networks",
     "TJ1877", "R11.3"},
    {"1.3.6.1.4.1.31823.1.2799", "SEL-2799X Managed 24-Port Ethernet Switch, firmware R317", "switch", "SEL",
     "SEL-2799X", "R317"},
    {"1.3.6.1.4.1.35265.1.22.1.9", "LTP-16Z rev.B 3.44.1 build 1402", "switch", "Eltex", "LTP-16Z", "3.44.1"},
    {"1.3.6.1.4.1.53058.1.471", "Baicells Nova471 eNB, BaiBS_RTS_4.1.2", "access-point", "Baicells",
     "Nova471", "4.1.2"},
    {"1.3.6.1.4.1.34086.1.780", "Talari Networks APN Appliance E780, APN 8.1 GA P3", "router", "Talari",
     "E780", "8.1"},
    {"1.3.6.1.4.1.3942.1.1.9", "R5000-Lmx9 WANFleX H19S12-v2.03.17", "access-point", "InfiNet Wireless",
     "R5000-Lmx9", "2.03.17"},
    {"1.3.6.1.4.1.25696.1.9", "Nedap AEOS AP7129 3.6.2", "other", "Nedap", "AEOS AP7129", "3.6.2"},
    {"1.3.6.1.4.1.188.1.9", "Ascom IPBS7 R13.1.4", "voip-phone", "Ascom", "IPBS7", "R13.1.4"},
    {"1.3.6.1.4.1.54260.1.9", "Mindray BeneVision N27 Patient Monitor 05.01.02", "other", "Mindray",
     "BeneVision N27", "05.01.02"},
    {"1.3.6.1.4.1.6894.1.9", "DDN SFA9944X SFAOS 12.1.0", "storage", "DataDirect Networks", "SFA9944X",
     "12.1.0"},
    {"1.3.6.1.4.1.38812.1.9", "Centerm C77 Linux Thin Client 5.6.11", "workstation", "Centerm", "C77",
     "5.6.11"},
    {"1.3.6.1.4.1.20738.1.1299", "Tibbo DS1299 Serial Device Server, firmware 5.11", "other", "Tibbo",
     "DS1299", "5.11"},
    {"1.3.6.1.4.1.14525.3.1.9", "Trapeze Networks MXR-7 Mobility Exchange, Version 7.2.1.4", "access-point",
     "Juniper Networks", "MXR-7", "7.2.1.4"},
    {"1.3.6.1.4.1.20540.1.7944", "Sixnet SN-7944 Industrial Ethernet Switch Firmware v5.4.1", "switch",
     "Red Lion", "SN-7944", "5.4.1"},
    {"1.3.6.1.4.1.35904.1.9", "MacroSAN MS7711G3 ODSP V3.1.12T05", "storage", "MacroSAN", "MS7711G3",
     "V3.1.12T05"},
    {"1.3.6.1.4.1.890.1.5.8.99", "ZyXEL GS1977-24", "switch", "Zyxel", "GS1977-24", "-"},
    {"1.3.6.1.4.1.119.1.84.99", "NEC IX2398 Ver 10.4.17", "router", "NEC", "IX2398", "10.4.17"},
    {"-", "TEG1099D V3.0", "-", "-", "TEG1099D", "-"},
    {"1.3.6.1.4.1.1271.1.1.99", "Ciena 5199 Packet Networking Platform, SAOS 10.7.3", "switch", "Ciena",
     "5199", "10.7.3"},
    {"1.3.6.1.4.1.2011.2.224.99", "Huawei AR6677 Enterprise Router V200R003C10", "router", "Huawei", "AR6677",
     "V200R003C10"},
    {"1.3.6.1.4.1.21696.1.1.2744", "KEYMILE MileGate 2744 R6D", "other", "Keymile", "MileGate 2744", "R6D"},
};

// A sysObjectID alone, in a product line's branch of its maker's registration MIB
// (83-product-line-branches-more.toml).
const Case kProductBranches[] = {
    {"1.3.6.1.4.1.2011.2.50", "", "firewall", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.117.1", "", "firewall", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.114", "", "firewall", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.2.1.7508", "", "router", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.31", "", "router", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.48", "", "router", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.45", "", "router", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.58", "", "router", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.80.8", "", "other", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.24.1", "", "other", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.133", "", "other", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.190", "", "other", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.43", "", "access-point", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.12.1", "", "voip-phone", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.13.1", "", "power", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.890.1.5.8.46", "", "switch", "Zyxel", "-", "-"},
    {"1.3.6.1.4.1.890.1.5.13.5", "", "other", "Zyxel", "-", "-"},
    {"1.3.6.1.4.1.890.1.5.12.19", "", "other", "Zyxel", "-", "-"},
    {"1.3.6.1.4.1.890.1.5.15.3", "", "other", "Zyxel", "-", "-"},
    {"1.3.6.1.4.1.890.1.5.5.2", "", "other", "Zyxel", "-", "-"},
    {"1.3.6.1.4.1.890.1.5.11.13", "", "other", "Zyxel", "-", "-"},
    {"1.3.6.1.4.1.890.1.5.17.2", "", "other", "Zyxel", "-", "-"},
};

// Makers the other enterprise tables lack, by their enterprise number (15-enterprises-breadth-more.toml).
const Case kEnterpriseBreadth[] = {
    {"1.3.6.1.4.1.18848.1", "", "power", "Ablerex", "-", "-"},
    {"1.3.6.1.4.1.22894.1", "", "power", "UNIPOWER", "-", "-"},
    {"1.3.6.1.4.1.38969.1", "", "power", "Intellipower", "-", "-"},
    {"1.3.6.1.4.1.29298.1", "", "power", "Ador Powertron", "-", "-"},
    {"1.3.6.1.4.1.51334.1", "", "power", "Polar Power", "-", "-"},
    {"1.3.6.1.4.1.60673.1", "", "power", "Chint Power", "-", "-"},
    {"1.3.6.1.4.1.54945.1", "", "power", "Solectria", "-", "-"},
    {"1.3.6.1.4.1.61120.1", "Kempower Satellite charger", "power", "Kempower", "-", "-"},
    {"1.3.6.1.4.1.59176.1", "", "server", "PowerLeader", "-", "-"},
    {"1.3.6.1.4.1.47191.1", "", "switch", "Bulat", "-", "-"},
    {"1.3.6.1.4.1.47191.1.2", "BS2500-24G", "switch", "Bulat", "-", "-"},
    {"1.3.6.1.4.1.51212.1", "", "firewall", "iboss", "-", "-"},
    {"1.3.6.1.4.1.22999.1", "", "access-point", "Furuno", "-", "-"},
    {"1.3.6.1.4.1.22999.1", "ACERA 1320 Ver.02.01", "access-point", "Furuno", "-", "-"},
    {"1.3.6.1.4.1.2976.1", "", "router", "Sphairon", "-", "-"},
    {"1.3.6.1.4.1.22649.1", "", "router", "Astoria Networks", "-", "-"},
    {"1.3.6.1.4.1.12338.1", "", "router", "Netcore", "-", "-"},
    {"1.3.6.1.4.1.31496.1", "", "router", "NetModule", "-", "-"},
    {"1.3.6.1.4.1.31496.1", "NetModule Router NB1601 4.3.0.110", "router", "NetModule", "-", "-"},
    {"1.3.6.1.4.1.48770.1", "", "router", "Tosibox", "-", "-"},
    {"1.3.6.1.4.1.52610.1", "", "switch", "Kemyond", "-", "-"},
    {"1.3.6.1.4.1.42861.1", "", "other", "Ophylink", "-", "-"},
    {"1.3.6.1.4.1.21369.1", "", "other", "Terrasat", "-", "-"},
    {"1.3.6.1.4.1.30220.1", "", "other", "Wavestream", "-", "-"},
    {"1.3.6.1.4.1.20938.1", "", "other", "ETL Systems", "-", "-"},
    {"1.3.6.1.4.1.19443.1", "", "other", "Egatel", "-", "-"},
    {"1.3.6.1.4.1.59155.1", "", "other", "Kiloview", "-", "-"},
    {"1.3.6.1.4.1.5083.1", "", "av-conference", "Daktronics", "-", "-"},
    {"1.3.6.1.4.1.24603.1", "", "av-conference", "Peavey", "-", "-"},
    {"1.3.6.1.4.1.43130.1", "", "av-conference", "Amplesky", "-", "-"},
    {"1.3.6.1.4.1.24951.1", "", "camera", "Industrial Video & Control", "-", "-"},
    {"1.3.6.1.4.1.4509.1", "", "voip-phone", "Nakayo", "-", "-"},
    {"1.3.6.1.4.1.31877.1", "", "voip-phone", "Karel", "-", "-"},
    {"1.3.6.1.4.1.41933.1", "", "voip-phone", "Aligera", "-", "-"},
    {"1.3.6.1.4.1.4206.1", "", "printer", "Kyocera", "-", "-"},
    {"1.3.6.1.4.1.961.1", "", "printer", "Toshiba", "-", "-"},
    {"1.3.6.1.4.1.51960.1", "", "storage", "actidata", "-", "-"},
    {"1.3.6.1.4.1.52149.1", "", "storage", "NGX Storage", "-", "-"},
    {"1.3.6.1.4.1.43116.1", "", "other", "Berghof", "-", "-"},
    {"1.3.6.1.4.1.32481.1", "", "other", "Unitronics", "-", "-"},
    {"1.3.6.1.4.1.4473.1", "", "other", "Opto 22", "-", "-"},
    {"1.3.6.1.4.1.26509.1", "", "other", "Pro-face", "-", "-"},
    {"1.3.6.1.4.1.10829.1", "", "other", "Andover Controls", "-", "-"},
    {"1.3.6.1.4.1.37718.1", "", "other", "Fresenius", "-", "-"},
    {"1.3.6.1.4.1.23670.1", "", "other", "Nihon Kohden", "-", "-"},
    {"1.3.6.1.4.1.4071.1", "", "workstation", "Praim", "-", "-"},
    {"1.3.6.1.4.1.4071.1", "Praim ThinOX 12.2", "workstation", "Praim", "-", "-"},
    {"1.3.6.1.4.1.31874.1", "", "unknown", "Alpha Networks", "-", "-"},
    {"1.3.6.1.4.1.35522.1", "", "unknown", "Comelit", "-", "-"},
};

// A sysObjectID alone, named from its maker's product registry (69-products-arista / -paloalto.toml and
// 69-product-registry-names-more.toml).
const Case kProductRegistries[] = {
    {"1.3.6.1.4.1.30065.1.3011.7050.3741.64", "", "-", "Arista Networks", "DCS-7050SX-64", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7050.3741.64.761", "", "-", "Arista Networks", "DCS-7050SX-64-SSD", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7050.3095.2.32.3282", "", "-", "Arista Networks", "DCS-7050QX2-32S", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7050.2733.3.32.3282", "", "-", "Arista Networks", "DCS-7050CX3-32S", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7050.3741.3.48.1654.12", "", "-", "Arista Networks", "DCS-7050SX3-48YC12",
     "-"},
    {"1.3.6.1.4.1.30065.1.3011.7050.1958.128", "", "-", "Arista Networks", "DCS-7050TX-128", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7280.3735.48.2878.6", "", "-", "Arista Networks", "DCS-7280SR-48C6", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7280.1347.48.2878.6", "", "-", "Arista Networks", "DCS-7280SRA-48C6", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7280.3735.2.48.1654.6.972", "", "-", "Arista Networks", "DCS-7280SR2-48YC6-M",
     "-"},
    {"1.3.6.1.4.1.30065.1.3011.7280.3101.2878.36", "", "-", "Arista Networks", "DCS-7280QR-C36", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7280.2727.2.3648.60", "", "-", "Arista Networks", "DCS-7280CR2A-60", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7160.32.2726", "", "-", "Arista Networks", "DCS-7160-32CQ", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7060.3741.2.48.1654.6", "", "-", "Arista Networks", "DCS-7060SX2-48YC6", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7020.3735.24.2878.2", "", "-", "Arista Networks", "DCS-7020SR-24C2", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7010.427.48", "", "-", "Arista Networks", "DCS-7010T-48", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7048.427.3648", "", "-", "Arista Networks", "DCS-7048T-A", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7150.3282.24.2745.761", "", "-", "Arista Networks", "DCS-7150S-24-CL-SSD",
     "-"},
    {"1.3.6.1.4.1.30065.1.3011.7124.3741", "", "-", "Arista Networks", "DCS-7124SX", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7508.1359", "", "-", "Arista Networks", "DCS-7508N", "-"},
    {"1.3.6.1.4.1.30065.1.3011.7504", "", "-", "Arista Networks", "DCS-7504", "-"},
    {"1.3.6.1.4.1.30065.1.2759", "", "-", "Arista Networks", "vEOS", "-"},
    {"1.3.6.1.4.1.25461.2.3.24", "", "-", "Palo Alto Networks", "PA-5220", "-"},
    {"1.3.6.1.4.1.25461.2.3.36", "", "-", "Palo Alto Networks", "PA-820", "-"},
    {"1.3.6.1.4.1.25461.2.3.37", "", "-", "Palo Alto Networks", "PA-850", "-"},
    {"1.3.6.1.4.1.25461.2.3.38", "", "-", "Palo Alto Networks", "PA-220", "-"},
    {"1.3.6.1.4.1.25461.2.3.18", "", "-", "Palo Alto Networks", "PA-3020", "-"},
    {"1.3.6.1.4.1.25461.2.3.43", "", "-", "Palo Alto Networks", "PA-3220", "-"},
    {"1.3.6.1.4.1.25461.2.3.29", "", "-", "Palo Alto Networks", "PA-VM", "-"},
    {"1.3.6.1.4.1.25461.2.3.31", "", "-", "Palo Alto Networks", "PA-7050", "-"},
    {"1.3.6.1.4.1.25461.2.3.7", "", "-", "Palo Alto Networks", "Panorama", "-"},
    {"1.3.6.1.4.1.25461.2.3.35", "", "-", "Palo Alto Networks", "M-500", "-"},
    {"1.3.6.1.4.1.25461.2.3.33", "", "-", "Palo Alto Networks", "WF-500", "-"},
};

// Makers and product kinds two probe rounds found unnamed (16-enterprises-probed-makers.toml,
// 99-probed-family-classes.toml).
const Case kProbedFamilies[] = {
    {"-", "Star Micronics TSP847IILAN IFBD-HE09 Ver 2.1.4", "printer", "Star Micronics",
     "TSP847IILAN IFBD-HE09", "2.1.4"},
    {"-", "GoDEX RT863i Label Printer FW V1.022", "printer", "GoDEX", "RT863i", "1.022"},
    {"-", "Brady i5300 Industrial Label Printer 600dpi", "printer", "Brady", "i5300", "-"},
    {"-", "Primera LX2100 Color Label Printer", "printer", "Primera", "LX2100", "-"},
    {"-", "Yeastar P570 38.4.0.11", "voip-phone", "Yeastar", "P570", "38.4.0.11"},
    {"-", "NComputing RX330 firmware 2.5.1", "workstation", "NComputing", "RX330", "2.5.1"},
    {"-", "GE Critical Power Galaxy Pulsar Edge Controller, SW 8.1.2", "power", "GE", "-", "8.1.2"},
    {"1.3.6.1.4.1.52588.7", "Spacelabs Xprezzon 91480 Patient Monitor 4.01.02", "other", "Spacelabs",
     "Xprezzon 91480", "4.01.02"},
    {"1.3.6.1.4.1.2505.2700", "Contivity 2700, V04_85.112", "firewall", "Nortel", "2700", "V04_85.112"},
    {"1.3.6.1.4.1.43398.1.7", "-", "voip-phone", "Wildix", "-", "-"},
    {"1.3.6.1.4.1.32358.3", "Epiphan Pearl-mini 4.21.2", "av-conference", "Epiphan", "Pearl-mini", "4.21.2"},
    {"1.3.6.1.4.1.17290.4", "Key Digital KD-MLV8x8 Matrix Switcher v3.1", "av-conference", "Key Digital",
     "KD-MLV8x8", "3.1"},
    {"1.3.6.1.4.1.56783.2", "AC-MX-44X", "av-conference", "AVPro", "AC-MX-44X", "-"},
    {"1.3.6.1.4.1.53995.3", "ZyPer4K-HDR Decoder Encoder 3.0.2", "av-conference", "ZeeVee", "ZyPer4K-HDR",
     "3.0.2"},
    {"1.3.6.1.4.1.900.4", "Matrox Monarch HDX Encoder 3.11", "av-conference", "Matrox", "-", "3.11"},
    {"1.3.6.1.4.1.41744.5", "Z3-MVE-22 Encoder 4.0.7", "other", "Z3 Technology", "Z3-MVE-22", "4.0.7"},
    {"1.3.6.1.4.1.7824.9", "LG webOS Signage 65XS4J-B 05.11.20", "av-conference", "LG", "-", "05.11.20"},
    {"1.3.6.1.4.1.314.1.2.9", "KODAK Scan Station 710 Plus", "printer", "Kodak", "Scan Station 710 Plus",
     "-"},
    {"1.3.6.1.4.1.49532.4", "Plustek eScan A280 Pro Network Scanner v2.0.11", "printer", "Plustek", "-",
     "2.0.11"},
    {"1.3.6.1.4.1.11.2.3.2.5", "HP-UX dbhost7 B.11.23 U 9000/800 1234567890", "server", "HP", "-", "B.11.23"},
    {"1.3.6.1.4.1.32985.4", "IntelliVue MX550 Rev N.01.02", "other", "Philips", "-", "N.01.02"},
    {"1.3.6.1.4.1.38966.3", "SDC4 HD Information Management System", "other", "Stryker", "-", "-"},
    {"1.3.6.1.4.1.409.1.7", "MELSEC iQ-F FX5-ENET", "other", "Mitsubishi Electric", "MELSEC iQ-F FX5-ENET",
     "-"},
    {"1.3.6.1.4.1.409.2.4", "MITSUBISHI ELECTRIC AE-50E Centralized Controller Ver 8.10", "other",
     "Mitsubishi Electric", "AE-50E", "8.10"},
    {"1.3.6.1.4.1.11031.2", "PM175", "power", "SATEC", "PM175", "-"},
    {"1.3.6.1.4.1.40334.3", "Mercury Security LP4502 Intelligent Controller 1.31.2", "other",
     "Mercury Security", "LP4502", "1.31.2"},
    {"1.3.6.1.4.1.36013.1.4", "SMA Sunny Central Storage 3000-EV, Firmware 04.01.02.R", "power", "SMA Solar",
     "-", "04.01.02.R"},
    {"1.3.6.1.4.1.34492.2", "Aryaka ANAP-3000 Network Access Point, Version 4.1.2", "router", "Aryaka",
     "ANAP-3000", "4.1.2"},
    {"1.3.6.1.4.1.3807.1.1.4", "FiberHome AN5506-02-F GPON ONU, Software Version RP2711", "router",
     "FiberHome", "AN5506-02-F", "-"},
    {"1.3.6.1.4.1.6296.1.1.1.977", "DASAN Networks H665GW GPON ONT, Version 2.03.11", "router", "DASAN",
     "H665GW", "2.03.11"},
    {"1.3.6.1.4.1.25167.1.17", "Genexis FiberTwist-G2110 ONT, firmware 4.1.0", "router", "Genexis",
     "FiberTwist-G2110", "4.1.0"},
    {"-", "Acme GPON ONU with dual-band Wi-Fi, Software 1.2.3", "router", "-", "-", "1.2.3"},
    {"-", "Calix ONT 844GE 11.2.0.5 platform 3(C7)", "other", "Calix", "-", "-"},
    {"1.3.6.1.4.1.5227.27.9", "BS-GS2024P", "switch", "Buffalo", "BS-GS2024P", "-"},
};

// More makers a blind probe round found unnamed, and kinds of equipment named in plain words
// (17-enterprises-more-makers.toml, 99b-family-classes-more.toml).
const Case kMoreMakers[] = {
    {"-", "Milesight MS-C8175-PE Network Camera, Firmware 51.7.0.2", "camera", "Milesight", "MS-C8175-PE",
     "51.7.0.2"},
    {"-", "Reolink RLC-1240A IP Camera, firmware 3.1.0.920", "camera", "Reolink", "RLC-1240A", "3.1.0.920"},
    {"-", "Sunell SN-IPR8020DUAN-B Network Camera, V2.4.7", "camera", "Sunell", "SN-IPR8020DUAN-B", "2.4.7"},
    {"-", "Vaddio RoboSHOT 30E NDI, 3.1.4", "camera", "Vaddio", "RoboSHOT 30E NDI", "3.1.4"},
    {"-", "Brickcom OB-540Ap-V5 Network Camera, firmware 3.2.1", "camera", "Brickcom", "OB-540Ap-V5",
     "3.2.1"},
    {"1.3.6.1.4.1.52328.1", "HiTRON NFX-22053B2 IP Camera, Version 2.8.1", "camera", "Hitron Systems",
     "NFX-22053B2", "2.8.1"},
    {"-", "Konftel 330 Conference Phone, SW 2.3.7", "voip-phone", "Konftel", "330", "2.3.7"},
    {"-", "Synway SMG3016 VoIP Gateway, firmware 5.2.1", "voip-phone", "Synway", "SMG3016", "5.2.1"},
    {"-", "Escene ES395-PN IP Phone, firmware 395.2.14.7", "voip-phone", "Escene", "ES395-PN", "395.2.14.7"},
    {"-", "Symetrix Prism 8x12, firmware 8.2.3", "av-conference", "Symetrix", "Prism 8x12", "8.2.3"},
    {"-", "Atlona AT-UHD-SW-61 Switcher, FW 2.1.9", "av-conference", "Atlona", "AT-UHD-SW-61", "2.1.9"},
    {"1.3.6.1.4.1.59650.1", "Neat Bar Pro 2, Software 2024.3.1", "av-conference", "Neat", "Bar Pro 2",
     "2024.3.1"},
    {"-", "Sennheiser TCC4 Ceiling Microphone, firmware 1.9.2", "av-conference", "Sennheiser", "TCC4",
     "1.9.2"},
    {"-", "Tuncmatik Digital Plus 3kVA UPS", "power", "Tuncmatik", "Digital Plus 3kVA", "-"},
    {"-", "Effekta MTD 6000 UPS, firmware 3.4", "power", "Effekta", "MTD 6000", "3.4"},
    {"1.3.6.1.4.1.935", "ORVALDI 2000RT LCD UPS", "power", "Orvaldi", "2000RT", "-"},
    {"1.3.6.1.2.1.33", "Borri B5600 UPS, SNMP Agent 1.2", "power", "Borri", "B5600", "-"},
    {"-", "WattBox WB-650-IPV-9 firmware 2.7.0.3", "power", "WattBox", "WB-650-IPV-9", "2.7.0.3"},
    {"1.3.6.1.4.1.34097.1", "Racktivity EnergySwitch ES5210, firmware 3.6.1", "power", "Racktivity",
     "EnergySwitch ES5210", "3.6.1"},
    {"-", "Fideltronik Lupus KR2000 UPS, firmware 1.1", "power", "Fideltronik", "Lupus KR2000", "1.1"},
    {"1.3.6.1.4.1.57619.1", "Carl Valentin Vario 407/6, firmware 2.11", "printer", "Carl Valentin", "-",
     "2.11"},
    {"-", "Novexx XLP 615, Version 8.02", "printer", "Novexx", "XLP 615", "8.02"},
    {"-", "Videojet 1880 Continuous Inkjet Printer, firmware 6.4.2", "printer", "Videojet", "1880", "6.4.2"},
    {"-", "Rongta RP421 Receipt Printer, firmware 1.03", "printer", "Rongta", "RP421", "1.03"},
    {"1.3.6.1.4.1.9615.1", "Danfoss VLT HVAC Drive FC 113, SW 6.71", "other", "Danfoss", "-", "6.71"},
    {"-", "Lenze i550 Frequency Inverter, firmware 4.2.1", "other", "Lenze", "i550", "4.2.1"},
    {"-", "Yaskawa GA800 AC Drive, firmware 2.13", "other", "Yaskawa", "GA800", "2.13"},
    {"1.3.6.1.4.1.57686.1", "NORD SK 500P Frequency Inverter, firmware 1.4", "other", "NORD", "SK 500P",
     "1.4"},
    {"1.3.6.1.4.1.23718.1", "Esensors Websensor EM08-Tb, v2.7", "other", "Esensors", "Websensor EM08-Tb",
     "2.7"},
    {"1.3.6.1.4.1.8072.3.2.10", "GL.iNet GL-AXT3600 (Slate AX2), firmware 4.6.2", "router", "GL.iNet",
     "GL-AXT3600", "4.6.2"},
    {"-", "GL.iNet GL-BE6500 Router, firmware 4.7.1", "router", "GL.iNet", "GL-BE6500", "4.7.1"},
    {"1.3.6.1.4.1.26138.1", "Intelbras SG 3210 MR, firmware 1.4.2", "switch", "Intelbras", "-", "1.4.2"},
    {"1.3.6.1.4.1.629.22.1", "MRV OptiSwitch OS920-G, MasterOS version 5.1.3", "switch", "-", "-", "5.1.3"},
    {"1.3.6.1.4.1.2623.1", "ASUS ASMB11-iKVM, firmware 1.2.8", "server", "ASUS", "ASMB11-iKVM", "1.2.8"},
    {"1.3.6.1.4.1.4043.1", "QNX node3 7.0.0 2019/03/11-09:14:52EST x86pc x86_64", "other", "-", "-", "7.0.0"},
    {"1.3.6.1.4.1.26866.1.1", "GigaVUE-HC3, GigaVUE-OS 6.1.02", "other", "Gigamon", "GigaVUE-HC3", "6.1.02"},
    {"-", "Dell EMC Networking OS10 Enterprise, VLT peer link configured", "switch", "Dell", "-", "-"},
    {"-", "Blackmagic ATEM 2 M/E Production Switcher, 9.1", "-", "-", "-", "-"},
    {"-", "Markem-Imaje 9450 Inkjet Coder, firmware 4.1.0", "printer", "Markem-Imaje", "9450", "4.1.0"},
    {"-", "Xprinter XP-Q838L Label Printer, firmware 1.2", "printer", "Xprinter", "XP-Q838L", "1.2"},
};

// Models after a release in brackets, before "Software", after a phrase; releases with a product prefix; a
// model's closing suffix kept ("ISAM FX-8") (29b-grammars-more.toml, 29- and 21-'s maker grammars).
const Case kMoreGrammars[] = {
    {"-", "Korvex kOS Edge 9.2.1.4 (KX220)", "-", "-", "KX220", "9.2.1.4"},
    {"-", "Norhaven GateOS software version 3.1R2P1 (NG-4000-A120)", "-", "-", "NG-4000-A120", "3.1R2P1"},
    {"-", "Quill Printing System 5.1.2 (QP-880)", "-", "-", "QP-880", "5.1.2"},
    {"-", "QUANTEX(tm) Q3120-F Software, Version 4.0.2B Build 10211", "-", "-", "Q3120-F", "4.0.2B"},
    {"-", "Vortel(R) VS7208-24 Software, Version 1.1.9", "-", "-", "VS7208-24", "1.1.9"},
    {"-", "Orbix Helion 7850, hxOS 3.4.1", "-", "-", "Helion 7850", "3.4.1"},
    {"-", "Talmet Kestrel 9K20, KOS-9 Rel 2.1.7", "-", "-", "Kestrel 9K20", "2.1.7"},
    {"-", "Tarvos Pulse 220, tvSys 8.3.1", "-", "-", "Pulse 220", "8.3.1"},
    {"-", "Brennan Smart Rack PDU 2200-16B, firmware 2.4.0", "power", "-", "2200-16B", "2.4.0"},
    {"-", "Fenwick Linkmaster Y-bridge ZT4410-C, firmware 1.08", "-", "-", "ZT4410-C", "1.08"},
    {"-", "Arvion DriveLine Pro HX 450, SW 3.12", "-", "-", "HX 450", "3.12"},
    {"-", "Corvo Rack UPS 300, firmware 1.2.1", "power", "-", "-", "1.2.1"},
    {"-", "Helix NGW T2100, Version HX5.2.14", "-", "-", "-", "HX5.2.14"},
    {"-", "Polder Secure Networks VPX 3300, PolderOS VPX 6.1.0.12", "-", "-", "VPX 3300", "6.1.0.12"},
    {"-", "Marlow MK450 Badge Printer, K2.4.9-1", "printer", "-", "MK450", "K2.4.9-1"},
    {"-", "OSKAR MF 6120 2.07 / OSKAR Network Printer C model / OSKAR Network Scanner C model", "printer",
     "-", "MF 6120", "2.07"},
    {"-", "Lindqvist LinOS 4.2.0 Nimbus7 zero client", "-", "-", "Nimbus7", "4.2.0"},
    {"-", "Mirador-TS32 Linux 3.10.5 V_2.1.4-7", "-", "-", "Mirador-TS32", "2.1.4-7"},
    {"-", "Siemens 3800 KR, firmware 2.0.4", "-", "Siemens", "3800 KR", "2.0.4"},
    {"-", "Huawei 6700 X, SW Version 2.4.11", "-", "Huawei", "6700 X", "2.4.11"},
    {"-", "ZTE 5120 GPON FX-16, Release R3.1.02", "-", "ZTE", "5120 GPON FX-16", "R3.1.02"},
    {"-", "Moxa 3000 AP, firmware 1.2.3", "access-point", "Moxa", "3000", "1.2.3"},
    {"-", "Ciena 3930 Service Delivery Switch, SAOS 6.18.1", "switch", "Ciena", "3930", "6.18.1"},
    {"-", "Eaton 9130 UPS 3000, firmware 1.2.1", "power", "Eaton", "9130", "1.2.1"},
    {"-", "Nokia 7750 SR-12, Release 19.10.R3", "router", "Nokia", "7750 SR-12", "19.10.R3"},
    {"-", "Voltronic Power Axpert 9K UPS, NetAgent 3.1", "power", "Voltronic Power", "Axpert 9K", "-"},
    {"-", "Metrix Controller, Firmware B2.0", "-", "-", "-", "B2.0"},
    {"-", "Linux router1 5.10.0-21-amd64 #1 SMP Debian 5.10.162-1 (2023-01-21) x86_64", "server", "Debian",
     "Generic x86 64-bit", "5.10.0-21-amd64"},
    {"1.3.6.1.4.1.311.1.1.3.1.2",
     "Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build "
     "17763 Multiprocessor Free)",
     "server", "Microsoft", "Intel x64", "Server 2019 (1809)"},
    {"1.3.6.1.4.1.9.1.1208",
     "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(2)E7, RELEASE SOFTWARE (fc3)",
     "switch", "Cisco", "cat29xxStack", "15.2(2)E7"},
    {"1.3.6.1.4.1.9.12.3.1.3.1812",
     "Cisco NX-OS(tm) n9000, Software (n9000-dk9), Version 9.3(8), RELEASE SOFTWARE", "switch", "Cisco",
     "n9000", "9.3(8)"},
};

// Probe round H's grammars: "Maker CODE described kind", a family and its number, releases with a build,
// a maintenance update or a protocol before them, a part number after the kind, and Huawei's closing model
// (21-, 27-, 29-, 29b-, 80-, 82-, 88-, 96-).
const Case kProbeGrammarsH[] = {
    {"1.3.6.1.4.1.39221.1.24", "Pakedge SX-24P 24 Port Gigabit PoE+ Managed Switch", "switch", "Pakedge",
     "SX-24P", "-"},
    {"-", "JetNet 5428G-2C-AC Industrial 24+4G Managed Ethernet Switch, Firmware v1.5c", "switch", "Korenix",
     "JetNet 5428G-2C-AC", "1.5c"},
    {"1.3.6.1.4.1.28381.1.5", "N-Tron NT24k-16TX Industrial Ethernet Switch, Firmware 2.4.1", "switch",
     "Red Lion", "NT24k-16TX", "2.4.1"},
    {"1.3.6.1.4.1.40478.1.10", "LevelOne GES-2452 52-Port Gigabit Web Smart Switch, FW 1.0.0.12", "switch",
     "LevelOne", "GES-2452", "1.0.0.12"},
    {"1.3.6.1.4.1.19935.1", "ALLNET ALL-SG8926PM 24-Port Gigabit PoE Managed Switch", "switch", "ALLNET",
     "ALL-SG8926PM", "-"},
    {"1.3.6.1.4.1.58832.1.1", "DIGITUS DN-95342 16-Port Gigabit L2+ Managed PoE Switch, V1.0.7", "switch",
     "Digitus", "DN-95342", "1.0.7"},
    {"1.3.6.1.4.1.34774.4", "OceanStor 5310 V6 6.1.5", "storage", "Huawei", "OceanStor 5310", "6.1.5"},
    {"1.3.6.1.4.1.49730.1", "Jabra PanaCast 50 6.17.2", "av-conference", "Jabra", "PanaCast 50", "6.17.2"},
    {"1.3.6.1.4.1.37950.1.1.5.10", "V1600G1 GPON OLT, Software Version V2.1.6R", "other", "V-SOL", "V1600G1",
     "V2.1.6R"},
    {"1.3.6.1.4.1.61563.1", "EnerSys NexSys iON Battery Monitor, FW 1.4.0", "power", "EnerSys", "NexSys iON",
     "1.4.0"},
    {"1.3.6.1.4.1.12925.1",
     "HPE_3PAR 8200, ID: 123456, Serial number: 7CE812345X, InForm OS version: 3.3.1 (MU5)", "storage", "HP",
     "3PAR 8200", "3.3.1 (MU5)"},
    {"1.3.6.1.4.1.58750.1.1", "ALOHA Load Balancer 15.5.6 - HAProxy Technologies", "other", "HAProxy",
     "ALOHA", "15.5.6"},
    {"1.3.6.1.4.1.48328.1", "Veritas NetBackup Appliance 5250 4.1.0.1", "storage", "Veritas",
     "NetBackup Appliance 5250", "4.1.0.1"},
    {"1.3.6.1.4.1.1573.1.1", "McAfee Firewall Enterprise (Sidewinder) 8.3.2", "firewall", "McAfee", "-",
     "8.3.2"},
    {"1.3.6.1.4.1.6889.1.69.2.8", "Avaya 9608G IP Deskphone, H.323 6.8.5.3", "voip-phone", "Avaya", "9608G",
     "6.8.5.3"},
    {"1.3.6.1.4.1.2011.6.139", "Huawei eSpace 7910 IP Phone V200R003C30SPCb00", "voip-phone", "Huawei",
     "eSpace 7910", "V200R003C30SPCb00"},
    {"1.3.6.1.4.1.211.1.21.1.150", "Fujitsu ETERNUS DX100 S5 V11L60-0000", "storage", "Fujitsu",
     "ETERNUS DX100 S5", "V11L60-0000"},
    {"1.3.6.1.4.1.3902.2800.1", "ZXDU58 B900 V5.0R02M10", "power", "ZTE", "ZXDU58 B900", "V5.0R02M10"},
    {"1.3.6.1.4.1.15261.1", "eLux RP 6.9.0-2 Build 2201", "workstation", "Unicon", "-", "6.9.0-2"},
    {"1.3.6.1.4.1.45956.1.1", "128T Networking Platform 5.4.10-1", "router", "Juniper Networks", "-",
     "5.4.10-1"},
    {"1.3.6.1.4.1.11.10.2.1.3.25", "HPE StoreEver MSL3040 Tape Library 3350", "storage", "HP", "MSL3040",
     "3350"},
    {"1.3.6.1.4.1.60019.1", "FANUC R-30iB Plus Robot Controller V9.30P/28", "other", "FANUC", "R-30iB Plus",
     "V9.30P/28"},
    {"1.3.6.1.4.1.2011.2.239.40",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 8.191 (CE6881 V200R019C10SPC800) "
     "Copyright (C) 2012-2020 Huawei Technologies Co., Ltd. HUAWEI CE6881-48S6CQ",
     "switch", "Huawei", "CE6881-48S6CQ", "8.191 (V200R019C10SPC800)"},
    {"1.3.6.1.4.1.2011.2.240.12",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 8.190 (NE40E V800R012C10SPC300) "
     "Copyright (C) 2012-2020 Huawei Technologies Co., Ltd. HUAWEI NE40E-X8A",
     "router", "Huawei", "NE40E-X8A", "8.190 (V800R012C10SPC300)"},
    {"1.3.6.1.4.1.52956.1", "Fronius Symo GEN24 10.0 Plus, Firmware 1.24.3-1", "power", "Fronius",
     "Symo GEN24 10.0 Plus", "1.24.3-1"},
    {"1.3.6.1.4.1.232.165.7", "HPE G2 Metered/Switched PDU P9S23A, FW 2.0.0.M", "power", "HP", "P9S23A",
     "2.0.0.M"},
    {"1.3.6.1.4.1.1588.3.3.1.212", "Extreme SLX-OS Operating System Software, SLX 9150-48Y, Version 20.4.2a",
     "switch", "Extreme Networks", "SLX 9150-48Y", "20.4.2a"},
    {"1.3.6.1.4.1.28866.1.1", "TRENDnet TEG-3102WS 10-Port Gigabit Web Smart Switch, v1.0.3", "switch",
     "TRENDnet", "TEG-3102WS", "1.0.3"},
    {"1.3.6.1.4.1.890.1.15.3", "Zyxel GS1920-24HPv2 28-Port GbE Smart Managed Switch, V4.70", "switch",
     "Zyxel", "GS1920-24HPv2", "4.70"},
    {"1.3.6.1.4.1.14125.2.1", "EnGenius ECS1528P 28-Port Gigabit PoE Managed Switch", "switch", "EnGenius",
     "ECS1528P", "-"},
    {"1.3.6.1.4.1.28381.1.6", "N-Tron NT24k-14FX2 Industrial Ethernet Switch, Firmware 2.4.3", "switch",
     "Red Lion", "NT24k-14FX2", "2.4.3"},
    {"-", "JetNet 5728G-24P-AC Industrial 28-Port Managed Ethernet Switch, Firmware v1.3", "switch",
     "Korenix", "JetNet 5728G-24P-AC", "1.3"},
    {"1.3.6.1.4.1.37950.1.1.5.12", "V1600D8 EPON OLT, Software Version V1.2.5R", "other", "V-SOL", "V1600D8",
     "V1.2.5R"},
    {"1.3.6.1.4.1.49730.1", "Jabra PanaCast 20 6.18.0", "av-conference", "Jabra", "PanaCast 20", "6.18.0"},
    {"1.3.6.1.4.1.2.6.190", "IBM FlashSystem 7300 8.6.0.0", "storage", "IBM", "FlashSystem 7300", "8.6.0.0"},
    {"1.3.6.1.4.1.34774.4", "OceanStor 6810 V6 6.1.6", "storage", "Huawei", "OceanStor 6810", "6.1.6"},
    {"1.3.6.1.4.1.48328.1", "Veritas NetBackup Appliance 5350 5.1.1", "storage", "Veritas",
     "NetBackup Appliance 5350", "5.1.1"},
    {"1.3.6.1.4.1.3697.1", "Quantum Scalar i500 Tape Library 690G", "storage", "Quantum", "i500", "690G"},
    {"1.3.6.1.4.1.11.10.2.1.3.25", "HPE StoreEver MSL2024 Tape Library 5060", "storage", "HP", "MSL2024",
     "5060"},
    {"1.3.6.1.4.1.20632.1", "Barracuda Load Balancer 6.3.1 - Barracuda Networks", "other", "Barracuda",
     "Barracuda", "6.3.1"},
    {"1.3.6.1.4.1.6889.1.69.2.9", "Avaya 9611G IP Deskphone, SIP 7.1.9.0.7", "voip-phone", "Avaya", "9611G",
     "7.1.9.0.7"},
    {"1.3.6.1.4.1.1027.1", "Mitel 5320e IP Phone, SIP 4.2.0.15", "voip-phone", "Mitel", "5320e", "4.2.0.15"},
    {"1.3.6.1.4.1.60019.1", "FANUC R-30iA Mate Robot Controller V7.70P/31", "other", "FANUC", "R-30iA Mate",
     "V7.70P/31"},
    {"1.3.6.1.4.1.2011.6.139", "Huawei eSpace 7950 IP Phone V200R003C30SPCa00", "voip-phone", "Huawei",
     "eSpace 7950", "V200R003C30SPCa00"},
    {"1.3.6.1.4.1.2011.2.25", "Huawei OptiX RTN 950 V100R011C00SPC200", "access-point", "Huawei",
     "OptiX RTN 950", "V100R011C00SPC200"},
    {"1.3.6.1.4.1.1573.1.1", "McAfee Firewall Enterprise (Sidewinder) 8.3.1", "firewall", "McAfee", "-",
     "8.3.1"},
    {"1.3.6.1.4.1.45956.1.1", "128T Networking Platform 5.5.1-2", "router", "Juniper Networks", "-",
     "5.5.1-2"},
    {"-", "3CX Phone System 18.0.5", "unknown", "-", "-", "18.0.5"},
    {"1.3.6.1.4.1.15261.1", "eLux RP 6.10.0-3 Build 2301", "workstation", "Unicon", "-", "6.10.0-3"},
    {"1.3.6.1.4.1.211.1.21.1.150", "Fujitsu ETERNUS DX200 S4 V10L87-0000", "storage", "Fujitsu",
     "ETERNUS DX200 S4", "V10L87-0000"},
    {"1.3.6.1.4.1.211.1.21.1.150", "Fujitsu ETERNUS AF250 S3 V10L90-1000", "storage", "Fujitsu",
     "ETERNUS AF250 S3", "V10L90-1000"},
    {"1.3.6.1.4.1.3902.2800.1", "ZXDU68 T601 V5.1R03M05", "power", "ZTE", "ZXDU68 T601", "V5.1R03M05"},
    {"1.3.6.1.4.1.52956.1", "Fronius Primo GEN24 6.0 Plus, Firmware 1.28.7-1", "power", "Fronius",
     "Primo GEN24 6.0 Plus", "1.28.7-1"},
    {"1.3.6.1.4.1.52956.1", "Fronius Symo 20.0-3-M, Firmware 3.14.1-10", "power", "Fronius", "Symo 20.0-3-M",
     "3.14.1-10"},
    {"1.3.6.1.4.1.232.165.7", "HPE G2 Metered PDU P9Q39A, FW 2.0.0.K", "power", "HP", "P9Q39A", "2.0.0.K"},
    {"1.3.6.1.4.1.2011.2.239.41",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 8.180 (CE6857EI "
     "V200R005C10SPC800) Copyright (C) 2012-2019 Huawei Technologies Co., Ltd. HUAWEI CE6857-48S6CQ-EI",
     "switch", "Huawei", "CE6857-48S6CQ-EI", "8.180 (V200R005C10SPC800)"},
    {"1.3.6.1.4.1.2011.2.23.500",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 5.170 (S6730-H V200R019C10SPC500) "
     "Copyright (C) 2000-2020 Huawei Technologies Co., Ltd. HUAWEI S6730-H48X6C",
     "switch", "Huawei", "S6730-H48X6C", "5.170 (V200R019C10SPC500)"},
    {"1.3.6.1.4.1.1588.3.3.1.219", "Extreme SLX-OS Operating System Software, SLX 9250-32C, Version 20.3.2",
     "switch", "Extreme Networks", "SLX 9250-32C", "20.3.2"},
    {"1.3.6.1.4.1.12925.1",
     "HPE_3PAR 8400, ID: 654321, Serial number: 7CE823456Y, InForm OS version: 3.3.2 (MU1)", "storage", "HP",
     "3PAR 8400", "3.3.2 (MU1)"},
    {"1.3.6.1.4.1.61563.1", "EnerSys NexSys iON Battery Monitor, FW 1.5.2", "power", "EnerSys", "NexSys iON",
     "1.5.2"},
    {"1.3.6.1.4.1.476.1.42", "Vertiv SmartAisle Controller", "power", "Vertiv", "SmartAisle", "-"},
    {"1.3.6.1.4.1.61563.1", "EnerSys NexSys iON Charger Controller", "power", "EnerSys", "NexSys iON", "-"},
};

// Probe round H's kinds and makers: presentation systems, time servers, backup appliances, thin-client OSes,
// telecom DC power, building automation, session-smart routers; short trade names (17-, 27-, 99c-).
const Case kProbeKindsH[] = {
    {"1.3.6.1.4.1.39221.1.24", "Pakedge SX-24P 24 Port Gigabit PoE+ Managed Switch", "switch", "Pakedge", "-",
     "-"},
    {"-", "JetNet 5428G-2C-AC Industrial 24+4G Managed Ethernet Switch, Firmware v1.5c", "switch", "Korenix",
     "-", "1.5c"},
    {"1.3.6.1.4.1.45956.1.1", "128T Networking Platform 5.4.10-1", "router", "Juniper Networks", "-", "-"},
    {"1.3.6.1.4.1.37950.1.1.5.10", "V1600G1 GPON OLT, Software Version V2.1.6R", "other", "V-SOL", "-",
     "V2.1.6R"},
    {"1.3.6.1.4.1.3902.2800.1", "ZXDU58 B900 V5.0R02M10", "power", "ZTE", "ZXDU58 B900", "-"},
    {"1.3.6.1.4.1.61563.1", "EnerSys NexSys iON Battery Monitor, FW 1.4.0", "power", "EnerSys", "-", "1.4.0"},
    {"1.3.6.1.4.1.48328.1", "Veritas NetBackup Appliance 5250 4.1.0.1", "storage", "Veritas", "-", "4.1.0.1"},
    {"1.3.6.1.4.1.26408.1", "WolfVision Cynap Pure, Firmware 1.52j", "av-conference", "WolfVision",
     "Cynap Pure", "1.52j"},
    {"1.3.6.1.4.1.52502.1", "Nureva HDL300 audio conferencing system, firmware 2.8.1", "av-conference",
     "Nureva", "HDL300", "2.8.1"},
    {"-", "Mersive Solstice Pod Gen3 5.5.2", "av-conference", "Mersive", "Solstice Pod Gen3", "5.5.2"},
    {"-", "Lightware UCX-4x2-HC40 Universal Matrix Switcher, FW 1.4.0b3", "av-conference", "Lightware",
     "UCX-4x2-HC40", "1.4.0b3"},
    {"-", "Illustra Flex3 IFS03D1ICWIT 1.6.2.0", "camera", "Illustra", "-", "1.6.2.0"},
    {"1.3.6.1.4.1.8072.3.2.10", "Distech Controls ECLYPSE APEX, v1.19.22000.1", "other", "Distech Controls",
     "ECLYPSE APEX", "1.19.22000.1"},
    {"1.3.6.1.4.1.15261.1", "eLux RP 6.9.0-2 Build 2201", "workstation", "Unicon", "-", "-"},
    {"1.3.6.1.4.1.10048.1", "VXL Itona IQ-L Thin Client, Fusion 7.0.13", "workstation", "VXL", "-", "7.0.13"},
    {"1.3.6.1.4.1.39849.1", "Arbiter Systems 1088B Satellite-Controlled Clock, Firmware 1.4.2", "other",
     "Arbiter", "1088B", "1.4.2"},
    {"1.3.6.1.4.1.45986.1",
     "Kramer VIA Connect PRO Wireless Presentation and Collaboration System, firmware 4.0.0.1032",
     "av-conference", "Kramer", "-", "-"},
    {"-", "Airtame 2 wireless screen sharing device, firmware 4.6.0", "av-conference", "Airtame", "-", "-"},
    {"1.3.6.1.4.1.3212.1", "Crestron AirMedia AM-3200 Wireless Presentation System, v3.10.0", "av-conference",
     "Crestron", "-", "-"},
    {"1.3.6.1.4.1.12827.1", "Barco ClickShare CX-50 Gen2 wireless conferencing system, firmware 2.14.0.11",
     "av-conference", "Barco", "-", "-"},
    {"-", "Solstice Pod Gen2i 4.6.1", "av-conference", "Mersive", "-", "-"},
    {"1.3.6.1.4.1.52502.1", "Nureva HDL410 audio conferencing system, firmware 3.1.2", "av-conference",
     "Nureva", "-", "-"},
    {"-", "WolfVision Cynap Core Pro wireless presentation system, Firmware 1.60a", "av-conference",
     "WolfVision", "-", "-"},
    {"-", "Lightware MX2-8x8-HDMI20 Matrix Switcher, FW 2.5.1", "av-conference", "Lightware", "-", "-"},
    {"-", "Lightware Taurus UCX-2x1-HC30 USB-C switcher, FW 1.3.2", "av-conference", "Lightware", "-", "-"},
    {"1.3.6.1.4.1.5597.3", "Meinberg LANTIME M300/GPS NTP Time Server V6.24.025", "other", "Meinberg", "-",
     "-"},
    {"1.3.6.1.4.1.45561.1", "Masterclock GMR1000 Network Time Server, v2.2.1", "other", "Masterclock", "-",
     "-"},
    {"1.3.6.1.4.1.13827.1", "EndRun Sonoma D12 GPS Network Time Server, 4.00", "other", "EndRun Technologies",
     "-", "-"},
    {"1.3.6.1.4.1.5551.1", "Oscilloquartz OSA 5401 PTP Grandmaster Clock, 12.1.2", "other", "ADVA", "-", "-"},
    {"-", "Microchip SyncServer S650 Time Server, 4.1.3", "other", "Microsemi", "-", "-"},
    {"1.3.6.1.4.1.19746.3.1", "Dell EMC PowerProtect DD6900 backup appliance, DDOS 7.10.1.0", "storage",
     "Dell EMC", "-", "-"},
    {"1.3.6.1.4.1.2036.2.1", "Quantum DXi4800 backup appliance, 4.2.1", "storage", "Quantum", "-", "-"},
    {"1.3.6.1.4.1.48328.1", "Veritas NetBackup Flex Appliance 5360 2.1.1", "storage", "Veritas", "-", "-"},
    {"-", "Arcserve UDP Appliance 9240DR, 8.1", "storage", "-", "-", "-"},
    {"-", "ExaGrid EX84 tiered backup storage, 6.3.0", "storage", "ExaGrid", "-", "-"},
    {"-", "eLux RP6 6.12.0 Build 1003", "workstation", "Unicon", "-", "-"},
    {"-", "Unicon eLux RP 6.10.0", "workstation", "Unicon", "-", "-"},
    {"-", "Stratodesk NoTouch OS 3.4.501 x64", "workstation", "Stratodesk", "-", "-"},
    {"-", "IGEL UD3 M340C, IGEL OS 12.3.1", "workstation", "IGEL", "-", "-"},
    {"-", "10ZiG 7500q PeakOS 7.3.2", "workstation", "10ZiG", "-", "-"},
    {"1.3.6.1.4.1.3902.2800.1", "ZXDU68 S301 V5.0R01M08", "power", "ZTE", "-", "-"},
    {"1.3.6.1.4.1.12148.10", "Eltek Smartpack2 Touch Controller, SW 2.11", "power", "Eltek", "-", "-"},
    {"1.3.6.1.4.1.6302.2.1", "Vertiv NetSure 7100 DC Power System, ACU+ 5.20", "power", "Vertiv", "-", "-"},
    {"-", "Delta Orion DC power system controller, V2.4", "power", "-", "-", "-"},
    {"-", "Emerson NetSure 731 A41 rectifier system, SCU+ 3.01", "power", "Emerson", "-", "-"},
    {"-", "Distech Controls ECLYPSE Connected System Controller ECY-S1000, v1.18", "other",
     "Distech Controls", "-", "-"},
    {"1.3.6.1.4.1.4131.1", "Niagara 4 JACE-8000 4.12.1.16", "other", "Tridium", "-", "-"},
    {"-", "Siemens Desigo PXC7.E400S, V6.0", "other", "Siemens", "-", "-"},
    {"-", "Johnson Controls Metasys NAE5510, 12.0", "other", "Johnson Controls", "-", "-"},
    {"1.3.6.1.4.1.15255.1", "Reliable Controls MACH-ProWebCom BACnet building controller, v3.10", "other",
     "Reliable Controls", "-", "-"},
    {"1.3.6.1.4.1.7061.1", "Automated Logic OptiFlex G5RE building automation controller", "other",
     "Automated Logic", "-", "-"},
    {"-", "Juniper Session Smart Router 6.1.5-8", "router", "Juniper Networks", "-", "-"},
    {"1.3.6.1.4.1.42359.1", "Versa FlexVNF 21.2.3 SD-WAN branch appliance", "router", "Versa Networks", "-",
     "-"},
    {"1.3.6.1.4.1.45346.1", "VeloCloud Edge 540, 4.5.1", "router", "VMware", "-", "-"},
    {"1.3.6.1.4.1.23867.1", "Silver Peak EdgeConnect EC-XS 9.1.2", "router", "Silver Peak", "-", "-"},
    {"-", "128T Networking Platform 6.0.3-2", "router", "Juniper Networks", "-", "-"},
    {"-", "Illustra Flex 2MP Bullet IFS02B1ONWIT 1.4.2", "camera", "Illustra", "-", "-"},
    {"-", "Illustra Pro4 IPS08-D12-OI04 2.0.1", "camera", "Illustra", "-", "-"},
    {"-", "JetNet 3008G Industrial Ethernet Switch, Firmware v1.2", "switch", "Korenix", "-", "-"},
    {"-", "JetWave 2660 Industrial Cellular Router, Firmware v1.3", "router", "Korenix", "-", "-"},
    {"-", "Arbiter Systems 1094B GPS Substation Clock, Firmware 2.0.1", "other", "Arbiter", "-", "-"},
    {"-", "Pakedge WK-1 Wireless Access Point, v2.3", "access-point", "Pakedge", "-", "-"},
    {"-", "EnerSys NexSys iON Battery Monitor, FW 1.4.0", "power", "EnerSys", "-", "-"},
    {"-", "VXL Itona XL Thin Client, Fusion 7.1.2", "workstation", "VXL", "-", "-"},
    {"-", "V1600D8 EPON OLT, Software Version V1.1.6R", "other", "V-SOL", "-", "-"},
    {"-", "BenQ InstaShow WDC20 wireless presentation system, v2.0.4", "av-conference", "BenQ", "-", "-"},
    {"1.3.6.1.4.1.18837.3.1", "Spectracom SecureSync 2400, 5.8.1", "other", "Orolia", "-", "-"},
    {"-", "Delta Controls enteliBUS eBMGR, v3.40", "other", "Delta Controls", "-", "-"},
    {"-", "Honeywell WEBs-N4 JACE-8000 4.10.1", "other", "Honeywell", "-", "-"},
    {"-", "Trane Tracer SC+ building automation controller 5.7", "other", "-", "-", "-"},
    {"1.3.6.1.4.1.12148.9", "Eltek Flatpack2 rectifier system, Compack controller 1.03", "power", "Eltek",
     "-", "-"},
    {"-", "ThinLinX TLXOS 6.2.0 thin client", "workstation", "-", "-", "-"},
    {"1.3.6.1.4.1.2036.2.2", "Quantum DXi9000 4.3.0", "storage", "Quantum", "-", "-"},
    {"-", "Siemens APOGEE PXC Modular, firmware 3.5.4", "other", "Siemens", "-", "-"},
    {"-", "Linux timeserver01 5.4.0-42-generic #46-Ubuntu SMP x86_64", "server", "Ubuntu", "-", "-"},
    {"-", "Hirschmann RSP35 PTP boundary clock industrial switch 09.0.04", "switch", "Hirschmann", "-", "-"},
    {"-", "Apogee Symphony I/O audio interface 2.1", "unknown", "-", "-", "-"},
    {"-", "V1600GS-F GPON OLT, Software Version V2.0.9R", "other", "V-SOL", "-", "-"},
};

// Probe round I's kinds and brands: protection relays, signage displays, RFID readers, patient monitors,
// access control, receipt printers, voice gateways, PLCs, solar loggers, AV over IP; a current brand over its
// old owner's enterprise number (99d-).
const Case kProbeKindsI[] = {
    {"1.3.6.1.4.1.4329.1", "SIPROTEC 5 7SJ82 V9.50", "other", "Siemens", "-", "-"},
    {"1.3.6.1.4.1.25761.1", "ABB Relion REF615 Feeder Protection Relay, Version 5.0 FP1", "other", "ABB", "-",
     "-"},
    {"1.3.6.1.4.1.31823.1.2", "SEL-751 Feeder Protection Relay, FID=SEL-751-R400", "other", "SEL", "-", "-"},
    {"1.3.6.1.4.1.13248.1.1", "GE Multilin 850 Feeder Protection System 3.10", "other", "GE", "-", "-"},
    {"-", "MiCOM P545 Line Differential Protection", "other", "MICOM", "-", "-"},
    {"1.3.6.1.4.1.119.2.3.226.1", "NEC MultiSync P435", "av-conference", "NEC", "-", "-"},
    {"1.3.6.1.4.1.236.11.5.1", "Samsung Smart Signage QM55R", "av-conference", "Samsung", "-", "-"},
    {"1.3.6.1.4.1.7824.1.2", "LG webOS Signage 55UH5F", "av-conference", "LG", "-", "-"},
    {"1.3.6.1.4.1.2385.3.1", "SHARP PN-HW861 Professional Display", "av-conference", "Sharp", "-", "-"},
    {"-", "BrightSign XT1144 8.5.42", "av-conference", "BrightSign", "-", "-"},
    {"1.3.6.1.4.1.25882.2.700", "Impinj R700 RAIN RFID Reader, firmware 8.0.1", "other", "Impinj", "-", "-"},
    {"1.3.6.1.4.1.25882.2.420", "Impinj Speedway Revolution R420 5.12.2", "other", "Impinj", "-", "-"},
    {"1.3.6.1.4.1.10642.1.9", "Zebra FX9600 RFID Reader 3.10.30", "other", "Zebra", "-", "-"},
    {"1.3.6.1.4.1.59615.1.1", "GE Healthcare CARESCAPE Monitor B650 VSW 3.2", "other", "GE", "-", "-"},
    {"-", "Philips IntelliVue MX800 Patient Monitor Rev M.00.03", "other", "Philips", "-", "-"},
    {"-", "Mindray BeneVision N17 Patient Monitor 02.10.00", "other", "Mindray", "-", "-"},
    {"1.3.6.1.4.1.23670.1.1", "Nihon Kohden Life Scope G7 Bedside Monitor", "other", "Nihon Kohden", "-",
     "-"},
    {"1.3.6.1.4.1.5342.1.5", "iSTAR Ultra, Firmware 6.8.5", "other", "Software House", "-", "-"},
    {"1.3.6.1.4.1.40334.1.1", "Mercury LP4502 Intelligent Controller 1.30.1", "other", "Mercury Security",
     "-", "-"},
    {"1.3.6.1.4.1.15714.1.1", "Lenel LNL-X4420 Access Control Panel 1.29", "other", "Lenel", "-", "-"},
    {"-", "Star mC-Print3 MCP31L Ver 3.0", "printer", "Star Micronics", "-", "-"},
    {"-", "Star TSP143IV-UE 2.1", "printer", "Star Micronics", "-", "-"},
    {"1.3.6.1.4.1.1248.1.1.2", "EPSON TM-T88VI Receipt Printer 1.30", "printer", "Epson", "-", "-"},
    {"1.3.6.1.4.1.33550.1.1", "BIXOLON SRP-350plusIII 1.00", "printer", "Bixolon", "-", "-"},
    {"1.3.6.1.4.1.33241.1.1", "CITIZEN CT-S4000 Receipt Printer", "printer", "Citizen", "-", "-"},
    {"-", "ATND1061 Beamforming Ceiling Array Microphone, Ver.1.1.4", "av-conference", "Audio-Technica", "-",
     "-"},
    {"-", "Shure MXA910 Ceiling Array Microphone 5.2.8", "av-conference", "Shure", "-", "-"},
    {"-", "Sennheiser TeamConnect Ceiling 2 1.6.2", "av-conference", "Sennheiser", "-", "-"},
    {"1.3.6.1.4.1.8942.1.2412", "AMX N2400 Series Encoder N2412A, firmware 1.6.12", "av-conference", "AMX",
     "-", "-"},
    {"1.3.6.1.4.1.3212.1.1", "Crestron DM-NVX-360 AV over IP Encoder/Decoder 6.2.1", "av-conference",
     "Crestron", "-", "-"},
    {"1.3.6.1.4.1.18026.1.1", "Extron NAV E 101 Encoder 1.2.0", "av-conference", "Extron", "-", "-"},
    {"-", "Atlona OmniStream AT-OMNI-121 Encoder 1.5.4", "av-conference", "Atlona", "-", "-"},
    {"1.3.6.1.4.1.2011.2.235.1.1", "SmartLogger3000A V300R023C00SPC130", "power", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.36013.1.1", "SMA Data Manager M 2.13.33.R", "power", "SMA Solar", "-", "-"},
    {"-", "Fronius Datamanager 3.26.1-3", "power", "Fronius", "-", "-"},
    {"1.3.6.1.4.1.3833.1.7.255.580", "Schneider Electric BMEP582040 Ethernet CPU V4.10", "other",
     "Schneider Electric", "-", "-"},
    {"1.3.6.1.4.1.3833.1.7.255.340", "Schneider Electric BMXP342020 V3.20", "other", "Schneider Electric",
     "-", "-"},
    {"1.3.6.1.4.1.3833.1.7.255.140", "Schneider Electric 140CPU65150 Quantum V3.6", "other",
     "Schneider Electric", "-", "-"},
    {"1.3.6.1.4.1.16838.1.1", "OMRON NJ501-1300 CPU Unit 1.49", "other", "Omron", "-", "-"},
    {"1.3.6.1.4.1.2011.2.338.16",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 5.170 (USG6525E "
     "V600R007C20SPC500)",
     "firewall", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.239",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 5.160 (Eudemon8000E-X8 "
     "V300R001C01)",
     "firewall", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.400",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 8.200 (HiSecEngine USG12004 "
     "V600R022C00)",
     "firewall", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.2011.2.23.100",
     "Huawei Versatile Routing Platform Software VRP (R) software, Version 5.170 (S5720 V200R019C10SPC500)",
     "switch", "Huawei", "-", "-"},
    {"1.3.6.1.4.1.9.1.1523",
     "Cisco IOS Software, VG3x0 Software (VG3X0-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE SOFTWARE (fc2)",
     "voip-phone", "Cisco", "-", "-"},
    {"1.3.6.1.4.1.9.1.1083",
     "Cisco IOS Software, VG224 Software (vg224-I6K9S-M), Version 15.1(4)M12a, RELEASE SOFTWARE (fc1)",
     "voip-phone", "Cisco", "-", "-"},
    {"1.3.6.1.4.1.5003.8.1.1.1", "AudioCodes MediaPack MP-124 FXS 6.60A.361", "voip-phone", "AudioCodes", "-",
     "-"},
    {"1.3.6.1.4.1.42397.1.1", "Grandstream HT812 1.0.43.11", "voip-phone", "Grandstream", "-", "-"},
    {"1.3.6.1.4.1.2011.2.23.200",
     "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, RELEASE SOFTWARE (fc2)",
     "switch", "Cisco", "-", "-"},
    {"1.3.6.1.4.1.1963.1", "Honeywell PD45S 203dpi Fingerprint 12.1.0", "printer", "Honeywell", "-", "-"},
    {"1.3.6.1.4.1.1963.1", "Honeywell PM45 300dpi Fingerprint 10.3.0", "printer", "Honeywell", "-", "-"},
    {"1.3.6.1.4.1.1963.1", "Intermec PM43 Fingerprint 10.1.0", "printer", "Intermec", "-", "-"},
    {"1.3.6.1.4.1.13742.6", "Legrand PDU - Firmware Version 4.0.20.5-49165", "power", "Legrand", "-", "-"},
    {"1.3.6.1.4.1.13742.6", "Raritan PDU, MD:PX3-5493U-K2 HW:0x10 FW:4.2.0.5-50274", "power", "Raritan", "-",
     "-"},
    {"1.3.6.1.4.1.1718.4", "Legrand PRO4X PDU 8.0m", "power", "Legrand", "-", "-"},
    {"1.3.6.1.4.1.10734.1.3.21", "TippingPoint 440T, TOS v5.5.4.6520", "firewall", "Trend Micro", "-", "-"},
    {"-", "TippingPoint Core Controller", "firewall", "HP", "-", "-"},
    {"-", "Tracer SC+ v5.10.4532", "other", "Trane", "-", "-"},
    {"-", "Trane Tracer Summit BMTX 18.0", "other", "Trane", "-", "-"},
    {"1.3.6.1.4.1.5227.27", "Linux LS720D5E0 4.4.120 #1 SMP Thu Jun 15 11:05:22 JST 2023 aarch64", "storage",
     "Buffalo", "-", "-"},
    {"1.3.6.1.4.1.8072.3.2.10",
     "Linux t740 5.10.0-25-hpthinpro #1 SMP Debian 5.10.191-1+hp1 (2023-09-01) x86_64", "workstation", "HP",
     "-", "-"},
    {"1.3.6.1.4.1.8072.3.2.10", "Linux mt645 6.1.0-13-hpthinpro #1 SMP Debian 6.1.55-1+hp1 x86_64",
     "workstation", "HP", "-", "-"},
    {"1.3.6.1.4.1.1429.3940.3.2.1.1.0", "Cisco EPC3940L EuroDocsis 3.0 2-PORT Voice Gateway <<HW>>", "other",
     "Cisco", "-", "-"},
};

// Probe round I's grammars: an OS edition and release after the model (HiOS-2A-09.0.04), labelled build
// names, patch and build words, a VRP-style release after a model, a print-server card's printer, a family,
// sub-line, number and generation (27-, 29b-, 46-, 80-, 82-, 99-).
const Case kProbeGrammarsI[] = {
    {"1.3.6.1.4.1.2636.10.1", "SSR Networking Platform 6.1.5-1.r2", "router", "Juniper Networks", "SSR",
     "6.1.5-1.r2"},
    {"1.3.6.1.4.1.248.11.2.1.1", "Hirschmann BOBCAT Switch BRS40-0012OOOO-STCZ99HHSES HiOS-2A-09.0.04",
     "switch", "Hirschmann", "BOBCAT Switch BRS40-0012OOOO-STCZ99HHSES", "HiOS-2A-09.0.04"},
    {"1.3.6.1.4.1.11.2.3.9.1", "HP DesignJet T1700dr PostScript, FW:ZJDP_02_12_14_4", "printer", "HP",
     "DesignJet T1700dr", "ZJDP_02_12_14_4"},
    {"1.3.6.1.4.1.2011.2.235.1.1", "SmartLogger3000A V300R023C00SPC130", "-", "Huawei", "SmartLogger3000A",
     "V300R023C00SPC130"},
    {"1.3.6.1.4.1.34774.4.1", "OceanStor Dorado 5000 V6 6.1.5", "storage", "Huawei",
     "OceanStor Dorado 5000 V6", "6.1.5"},
    {"1.3.6.1.4.1.40482.4", "Pure Storage FlashBlade Purity//FB 4.1.6", "storage", "Pure Storage",
     "FlashBlade", "4.1.6"},
    {"1.3.6.1.4.1.12925.1",
     "HPE_Primera A630, ID: 123456, Serial number: 4UW0001234, Primera OS version: 4.5.1", "storage", "-",
     "Primera A630", "4.5.1"},
    {"1.3.6.1.4.1.9148.1.1.3900", "Acme Packet 3900 SCZ9.1.0 Patch 2 (Build 421)", "voip-phone", "Oracle",
     "3900", "SCZ9.1.0 Patch 2"},
    {"1.3.6.1.4.1.1531.2.32", "Q-SYS NV-32-H (Core Capable) 9.8.0", "av-conference", "QSC", "NV-32-H",
     "9.8.0"},
    {"1.3.6.1.4.1.5596.150.6.4.1",
     "Cisco Codec SoftW: RoomOS 11.14.1.6 bd61df4b62c MCU: Cisco Webex Desk Pro Date: 2024-05-02 S/N: "
     "FOC2447N0AB",
     "av-conference", "Cisco", "Webex Desk Pro", "RoomOS 11.14.1.6"},
    {"1.3.6.1.4.1.10781.5.1", "SmartX Server AS-P 4.0.3.176", "other", "Schneider Electric", "AS-P",
     "4.0.3.176"},
    {"1.3.6.1.4.1.4196.1.1.5.2.100",
     "Siemens, SIMATIC S7, CPU 1215C DC/DC/DC, 6ES7 215-1AG40-0XB0, HW: Version 5, FW: Version V4.5.2, S "
     "C-H2K12345",
     "other", "Siemens", "CPU 1215C DC/DC/DC", "4.5.2"},
    {"1.3.6.1.4.1.31823.1.3530", "SEL-3530 RTAC, firmware R151-V3", "other", "SEL", "SEL-3530", "R151-V3"},
    {"1.3.6.1.4.1.8942.1.2412", "AMX N2400 Series Encoder N2412A, firmware 1.6.12", "-", "AMX", "N2412A",
     "1.6.12"},
    {"1.3.6.1.4.1.248.11.2.1.3", "Hirschmann EAGLE40-07 HiSecOS-3S-04.1.00", "firewall", "Hirschmann",
     "EAGLE40-07", "HiSecOS-3S-04.1.00"},
    {"1.3.6.1.4.1.248.14.10.10", "Hirschmann MACH4002-48G+3X L3P-09.0.07", "switch", "Hirschmann",
     "MACH4002-48G+3X", "L3P-09.0.07"},
    {"1.3.6.1.4.1.11.2.3.9.1", "HP DesignJet Z6 PostScript, FW:ZJDP_05_21_10_2", "printer", "HP",
     "DesignJet Z6", "ZJDP_05_21_10_2"},
    {"1.3.6.1.4.1.2699.1", "Epson SureColor T5470, Firmware: AXP_5_0_12", "printer", "Epson",
     "SureColor T5470", "AXP_5_0_12"},
    {"1.3.6.1.4.1.31823.1.2440", "SEL-2440 DPAC, firmware R148-V2", "other", "SEL", "SEL-2440", "R148-V2"},
    {"1.3.6.1.4.1.9148.1.1.4600", "Acme Packet 4600 SCZ8.4.0 Patch 3 (Build 211)", "voip-phone", "Oracle",
     "4600", "SCZ8.4.0 Patch 3"},
    {"1.3.6.1.4.1.9148.1.1.4500", "Acme Packet Net-Net 4500 SCX6.3.0 MR-5 Patch 2 (Build 510)", "voip-phone",
     "Oracle", "4500", "SCX6.3.0 MR-5 Patch 2"},
    {"1.3.6.1.4.1.1531.2.8", "Q-SYS Core 110f (Core) 9.4.1", "av-conference", "QSC", "Core 110f", "9.4.1"},
    {"1.3.6.1.4.1.6876.4.8", "VMware-NSX-Manager 4.1.0.2 build-21761691", "server", "VMware", "NSX-Manager",
     "4.1.0.2"},
    {"1.3.6.1.4.1.6876.4.7", "VMware-vCenter-Server-Appliance 7.0.3.01500 build-22357613", "server", "VMware",
     "vCenter", "7.0.3.01500"},
    {"1.3.6.1.4.1.2636.10.1", "SSR Conductor 6.2.0-12.r1", "router", "Juniper Networks", "SSR",
     "6.2.0-12.r1"},
    {"1.3.6.1.4.1.2636.10.1", "128T Networking Platform 5.4.10-1", "router", "Juniper Networks", "128T",
     "5.4.10-1"},
    {"1.3.6.1.4.1.10781.5.1", "SmartX Server AS-B 3.2.1.1020", "other", "Schneider Electric", "AS-B",
     "3.2.1.1020"},
    {"1.3.6.1.4.1.5376.1", "Niagara Station JACE-8000 4.10.1.36", "other", "Tridium", "JACE-8000",
     "4.10.1.36"},
    {"1.3.6.1.4.1.2011.2.25", "OptiX RTN 950 V100R011C00SPC200", "access-point", "Huawei", "OptiX RTN 950",
     "V100R011C00SPC200"},
    {"1.3.6.1.4.1.2011.6.1", "eSpace U1960 V200R003C00SPC100", "-", "Huawei", "eSpace U1960",
     "V200R003C00SPC100"},
    {"1.3.6.1.4.1.34774.4.1", "OceanStor Dorado 18000 V6 6.1.2", "storage", "Huawei",
     "OceanStor Dorado 18000 V6", "6.1.2"},
    {"1.3.6.1.4.1.34774.4.1", "OceanStor Pacific 9950 8.1.5", "storage", "Huawei", "OceanStor Pacific 9950",
     "8.1.5"},
    {"1.3.6.1.4.1.34774.4", "OceanStor 5310 V6 6.1.5", "storage", "Huawei", "OceanStor 5310", "6.1.5"},
    {"1.3.6.1.4.1.40482.4", "Pure Storage FlashArray Purity//FA 6.5.6", "storage", "Pure Storage",
     "FlashArray", "6.5.6"},
    {"1.3.6.1.4.1.41112.1.5", "Ubiquiti EdgeRouter EdgeOS v2.0.9", "router", "Ubiquiti", "EdgeRouter",
     "2.0.9"},
    {"1.3.6.1.4.1.12925.1",
     "HPE_Alletra 9060, ID: 99812, Serial number: 4UW0003321, Alletra OS version: 9.5.2", "storage", "-",
     "Alletra 9060", "9.5.2"},
    {"1.3.6.1.4.1.12925.1",
     "HPE_3PAR 8200, ID: 123456, Serial number: 4UW0002222, InForm OS version: 3.3.1 (MU5)", "storage", "-",
     "3PAR 8200", "3.3.1 (MU5)"},
    {"1.3.6.1.4.1.8942.1.2200", "AMX N2300 Series Decoder N2322D, firmware 1.5.3", "-", "AMX", "N2322D",
     "1.5.3"},
    {"1.3.6.1.4.1.2745.1", "Crestron DM NVX Series Encoder DM-NVX-E30, firmware 6.1.5", "-", "Crestron",
     "DM-NVX-E30", "6.1.5"},
    {"1.3.6.1.4.1.5596.150.6.4.1",
     "Cisco Codec SoftW: RoomOS 10.19.1.2 a1b2c3d4e5f MCU: Cisco Webex Room Kit Mini Date: 2023-02-10 S/N: "
     "FOC2351N0XY",
     "av-conference", "Cisco", "Webex Room Kit Mini", "RoomOS 10.19.1.2"},
    {"1.3.6.1.4.1.4196.1.1.5.2.100",
     "Siemens, SIMATIC S7, CPU 1516-3 PN/DP, 6ES7 516-3AN02-0AB0, HW: Version 3, FW: Version V2.9.4, S "
     "C-J7V12345",
     "other", "Siemens", "CPU 1516-3 PN/DP", "2.9.4"},
    {"1.3.6.1.4.1.4196.1.1.5.2.100",
     "Siemens, SIMATIC S7, CPU315-2 PN/DP, 6ES7 315-2EH13-0AB0 , HW: 3, FW: V2.5.0, S C-V4P07826200", "other",
     "Siemens", "CPU315-2 PN/DP", "2.5.0"},
};

// Probe round J: Junos SRX firewalls, Cisco CGR routers, a current brand opening the banner under an old
// owner's enterprise number, PLC / KVM / weighing / public-address / switched-outlet lines, RFID readers,
// BACnet routers, and their models (99e-).
const Case kProbeRoundJ[] = {
    {"1.3.6.1.4.1.2636.1.1.1.2.129",
     "Juniper Networks, Inc. vsrx internet router, kernel JUNOS 22.4R2.8, Build date: 2023-06-14 07:21:45 "
     "UTC Copyright (c) 1996-2023 Juniper Networks, Inc.",
     "firewall", "Juniper Networks", "vsrx", "22.4R2.8"},
    {"1.3.6.1.4.1.2636.1.1.1.2.170",
     "Juniper Networks, Inc. srx2300 Secure Services Gateway, kernel JUNOS 23.4R1.9, Build date: 2024-01-12 "
     "03:18:09 UTC Copyright (c) 1996-2024 Juniper Networks, Inc.",
     "firewall", "Juniper Networks", "srx2300", "23.4R1.9"},
    {"1.3.6.1.4.1.9.1.1566",
     "Cisco IOS Software, cgr1000 Software (cgr1000-UNIVERSALK9-M), Version 15.9(3)M4, RELEASE SOFTWARE "
     "(fc2)",
     "router", "Cisco", "-", "15.9(3)M4"},
    {"1.3.6.1.4.1.1991.1.3.62.2.4",
     "Ruckus ICX8200-24P Switch, IronWare Version 10.0.10aT213 Compiled on Jan 10 2024 at 13:45:02 labeled "
     "as RDR10010a",
     "switch", "Ruckus", "ICX8200-24P", "10.0.10aT213"},
    {"1.3.6.1.4.1.1963", "Honeywell PM45 Fingerprint 10.1.0 ", "printer", "Honeywell", "PM45", "10.1.0"},
    {"1.3.6.1.4.1.37447.3.1", "HPE Alletra 6010, NimbleOS 6.1.1.200-1020304-opt", "storage", "HP",
     "Alletra 6010", "-"},
    {"1.3.6.1.4.1.388.14", "AP7532 Access Point, Version 5.9.1.4-006R MIB=01a", "access-point",
     "Extreme Networks", "AP7532", "5.9.1.4-006R"},
    {"1.3.6.1.4.1.248.14.10.17",
     "Schneider Electric ConneXium TCSESM083F23F1, SW: L2P-09.0.06 CH: 1.00 BP: 005", "switch",
     "Schneider Electric", "-", "09.0.06"},
    {"-", "ABB AC500 PM5650-2ETH V3.4.2", "other", "ABB", "PM5650-2ETH", "3.4.2"},
    {"-", "Lenovo GCM32 Global Console Manager, Version 2.6.0.1", "other", "Lenovo", "-", "2.6.0.1"},
    {"1.3.6.1.4.1.8390.1", "METTLER TOLEDO IND780 Terminal 8.1.04", "other", "Mettler Toledo", "IND780",
     "8.1.04"},
    {"1.3.6.1.4.1.3967.1.2", "PRAESENSA System Controller PRA-SCL 2.10.5201", "av-conference", "Bosch",
     "PRA-SCL", "2.10.5201"},
    {"-", "Lindy IPower Control 2x6XM, FW 1.4", "power", "Lindy", "IPower Control 2x6XM", "1.4"},
    {"1.3.6.1.4.1.10642.11", "Zebra FX9600 Fixed RFID Reader 3.21.17", "other", "Zebra", "FX9600", "3.21.17"},
    {"-", "KMC Controls BAC-5901C BACnet Router v2.2", "other", "KMC Controls", "BAC-5901C", "2.2"},
    {"1.3.6.1.4.1.6486.800.1.1.2.2.4.1.5", "AOS-W (MODEL: OAW-4650), Version 8.10.0.6 (86400)",
     "access-point", "Alcatel-Lucent Enterprise", "OAW-4650", "8.10.0.6"},
    {"1.3.6.1.4.1.3902.3.100.5960",
     "ZXR10 ROS Version V5.00.10 ZXR10 5960-52TM-HD Software, Version V5.00.10.55, RELEASE SOFTWARE "
     "Copyright (c) 2019 by ZTE Corporation",
     "switch", "ZTE", "5960-52TM-HD", "V5.00.10.55"},
    {"1.3.6.1.4.1.111.1", "StorageTek SL150 Modular Tape Library 2.60 (03.17)", "storage", "Oracle", "SL150",
     "2.60"},
    {"1.3.6.1.4.1.19746.3.1.43", "PowerProtect DD6400 - Data Domain OS 7.10.1.0-1016743", "storage",
     "Dell EMC", "DD6400", "-"},
    {"1.3.6.1.4.1.211.1.31.1", "PRIMEQUEST 3800E MMB, Firmware BB23051", "server", "Fujitsu",
     "PRIMEQUEST 3800E", "BB23051"},
    {"1.3.6.1.4.1.2636.1.1.1.2.133",
     "Juniper Networks, Inc. srx300 internet router, kernel JUNOS 21.4R3-S5.4, Build date: 2023-09-27 "
     "12:11:09 UTC Copyright (c) 1996-2023 Juniper Networks, Inc.",
     "firewall", "Juniper Networks", "srx300", "21.4R3-S5.4"},
    {"1.3.6.1.4.1.2636.1.1.1.2.105",
     "Juniper Networks, Inc. srx5400 internet router, kernel JUNOS 20.4R3.8, Build date: 2021-09-14 08:31:42 "
     "UTC Copyright (c) 1996-2021 Juniper Networks, Inc.",
     "firewall", "Juniper Networks", "srx5400", "20.4R3.8"},
    {"1.3.6.1.4.1.2636.1.1.1.2.172",
     "Juniper Networks, Inc. srx4700 Secure Services Gateway, kernel JUNOS 24.2R1.17, Build date: 2024-06-20 "
     "10:11:12 UTC Copyright (c) 1996-2024 Juniper Networks, Inc.",
     "firewall", "Juniper Networks", "srx4700", "24.2R1.17"},
    {"1.3.6.1.4.1.2636.1.1.1.2.57",
     "Juniper Networks, Inc. mx80 internet router, kernel JUNOS 16.2R2.8, Build date: 2017-07-06 04:21:20 "
     "UTC Copyright (c) 1996-2017 Juniper Networks, Inc.",
     "router", "Juniper Networks", "mx80", "16.2R2.8"},
    {"1.3.6.1.4.1.2636.1.1.1.2.63",
     "Juniper Networks, Inc. ex4200-48t Ethernet Switch, kernel JUNOS 12.3R12.4, Build date: 2016-01-20 "
     "05:03:13 UTC Copyright (c) 1996-2016 Juniper Networks, Inc.",
     "switch", "Juniper Networks", "ex4200-48t", "12.3R12.4"},
    {"1.3.6.1.4.1.3224.1.51", "SSG5-Serial-WLAN version 6.3.0r19.0 (SN: 0168092008001234, Firewall+VPN)",
     "firewall", "Juniper Networks", "SSG5-Serial-WLAN", "6.3.0r19.0"},
    {"-", "Juniper SRX240", "router", "Juniper Networks", "SRX240", "-"},
    {"1.3.6.1.4.1.9.1.2279",
     "Cisco IOS Software [Gibraltar], IR1101 Software (ARMV8EB_LINUX_IOSD-UNIVERSALK9_IOT-M), Version "
     "16.12.4, RELEASE SOFTWARE (fc5)",
     "router", "Cisco", "-", "16.12.4"},
    {"1.3.6.1.4.1.9.1.2011",
     "Cisco IOS Software, ir800 Software (ir800-UNIVERSALK9-M), Version 15.9(3)M6, RELEASE SOFTWARE (fc1)",
     "router", "Cisco", "-", "15.9(3)M6"},
    {"1.3.6.1.4.1.9.1.3140",
     "Cisco IOS Software [Cupertino], IR8340 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.9.4a, "
     "RELEASE SOFTWARE (fc3)",
     "router", "Cisco", "-", "17.9.4a"},
    {"1.3.6.1.4.1.9.1.1270",
     "Cisco IOS Software, CGR2010 Software (CGR2010-UNIVERSALK9-M), Version 15.4(3)M8, RELEASE SOFTWARE "
     "(fc2)",
     "router", "Cisco", "-", "15.4(3)M8"},
    {"1.3.6.1.4.1.9.1.1470",
     "Cisco IOS Software, IE2000 Software (IE2000-UNIVERSALK9-M), Version 15.2(7)E7, RELEASE SOFTWARE (fc1)",
     "switch", "Cisco", "-", "15.2(7)E7"},
    {"1.3.6.1.4.1.9.1.2137",
     "Cisco IOS Software, IE4000 Software (IE4000-UNIVERSALK9-M), Version 15.2(8)E2, RELEASE SOFTWARE (fc1)",
     "switch", "Cisco", "-", "15.2(8)E2"},
    {"1.3.6.1.4.1.9.1.2674",
     "Cisco IOS Software [Bengaluru], IE3x00 Switch Software (IE3x00-UNIVERSALK9-M), Version 17.6.5, RELEASE "
     "SOFTWARE (fc2)",
     "switch", "Cisco", "-", "17.6.5"},
    {"1.3.6.1.4.1.1991.1.3.61.1.1",
     "Ruckus ICX7150-48P Switch, IronWare Version 08.0.95kT213 Compiled on Feb 22 2023 at 12:10:33 labeled "
     "as SPS08095k",
     "switch", "Ruckus", "ICX7150-48P", "08.0.95kT213"},
    {"1.3.6.1.4.1.1963", "Honeywell PX940 Fingerprint 12.1.0", "printer", "Honeywell", "PX940", "12.1.0"},
    {"1.3.6.1.4.1.37447.3.1", "HPE Alletra 5010, NimbleOS 6.1.2.100-1045218-opt", "storage", "HP",
     "Alletra 5010", "-"},
    {"1.3.6.1.4.1.388.14", "AP 8533 Access Point, Version 5.9.7.0-011R MIB=01a", "access-point",
     "Extreme Networks", "AP 8533", "5.9.7.0-011R"},
    {"1.3.6.1.4.1.248.14.10.17",
     "Schneider Electric ConneXium TCSESM163F23F0, SW: L2P-09.0.12 CH: 1.00 BP: 005", "switch",
     "Schneider Electric", "-", "09.0.12"},
    {"1.3.6.1.4.1.1991.1.3.52.2.4.1.1",
     "Foundry Networks, Inc. FWS648G-POE, IronWare Version 04.3.03T7e1 Compiled on Oct 29 2009 at 15:36:10 "
     "labeled as FGS04303",
     "switch", "Foundry Networks", "FWS648G-POE", "04.3.03T7e1"},
    {"-", "ABB AC500 PM5670-2ETH V3.5.0", "other", "ABB", "PM5670-2ETH", "3.5.0"},
    {"-", "ABB AC800M PM866A Controller, Version 6.1.1", "other", "ABB", "AC800M", "6.1.1"},
    {"-", "MELSEC iQ-R R04ENCPU Ethernet Module Ver 1.08", "other", "-", "-", "1.08"},
    {"1.3.6.1.4.1.3833.1.7", "Schneider Electric BMENOC0311 Ethernet Communication Module V3.10", "other",
     "Schneider Electric", "BMENOC0311", "3.10"},
    {"1.3.6.1.4.1.10418.24", "Avocent AutoView 3108 KVM over IP, Version 2.10.0.11", "other", "Vertiv",
     "AutoView 3108", "2.10.0.11"},
    {"-", "Dell Remote Console Switch 2161DS-2, Version 1.18.0.9", "other", "Dell", "-", "1.18.0.9"},
    {"1.3.6.1.4.1.21317", "ATEN KVM over IP Switch KN2132v, Firmware v1.5.148", "other", "ATEN", "-",
     "1.5.148"},
    {"-", "IBM Global Console Manager 16 Port GCM16, Version 1.20.0.22730", "other", "IBM", "-",
     "1.20.0.22730"},
    {"1.3.6.1.4.1.8390.1", "METTLER TOLEDO IND570 Weighing Terminal 3.02.0012", "other", "Mettler Toledo",
     "IND570", "3.02.0012"},
    {"-", "Rice Lake 920i Programmable Weight Indicator Version 5.02.03", "other", "-", "-", "5.02.03"},
    {"-", "Bosch PAVIRO Router PVA-4R24 1.50.0133", "av-conference", "Bosch", "-", "1.50.0133"},
    {"-", "Honeywell VARIODYN D1 Public Address System, V2.3", "av-conference", "Honeywell", "VARIODYN D1",
     "2.3"},
    {"-", "NETIO PowerPDU 4C, Firmware 3.3.1", "power", "NETIO", "PowerPDU 4C", "3.3.1"},
    {"1.3.6.1.4.1.28507.38", "Expert Power Control 8220-1, Version 1.2.3", "power", "Gude",
     "Expert Power Control 8220-1", "1.2.3"},
    {"1.3.6.1.4.1.10642.11", "Zebra ATR7000 RFID Reader 3.10.30", "other", "Zebra", "ATR7000", "3.10.30"},
    {"1.3.6.1.4.1.25882.2", "Impinj Speedway Revolution R420, Octane 7.6.0.240", "other", "Impinj",
     "Speedway Revolution R420", "7.6.0.240"},
    {"1.3.6.1.4.1.6486.800.1.1.2.2.4.1.3", "AOS-W (MODEL: OAW-AP535), Version 8.10.0.2 (85765)",
     "access-point", "Alcatel-Lucent Enterprise", "OAW-AP535", "8.10.0.2"},
    {"1.3.6.1.4.1.3902.3.100.5250",
     "ZXR10 ROS Version V4.08.23 ZXR10 5250-52TM-H Software, Version V4.08.23.10, RELEASE SOFTWARE Copyright "
     "(c) 2016 by ZTE Corporation",
     "switch", "ZTE", "5250-52TM-H", "V4.08.23.10"},
    {"1.3.6.1.4.1.111.1", "StorageTek SL3000 Modular Library System 4.60 (02.11)", "storage", "Oracle",
     "SL3000", "4.60"},
    {"1.3.6.1.4.1.19746.3.1.43", "PowerProtect DD9400 - Data Domain OS 7.7.5.1-1045231", "storage",
     "Dell EMC", "DD9400", "-"},
    {"1.3.6.1.4.1.211.1.31.1", "PRIMEQUEST 2800E MMB, Firmware BA19042", "server", "Fujitsu",
     "PRIMEQUEST 2800E", "BA19042"},
    {"-", "KMC Controls BAC-5051E BACnet Router, Firmware 1.2.3", "other", "KMC Controls", "BAC-5051E",
     "1.2.3"},
    {"-", "Loytec LGATE-902 BACnet Gateway 7.2.4", "other", "LOYTEC", "LGATE-902", "7.2.4"},
};

// Leftovers of probe rounds H-J: makers the name table lacked, AV / access-control / medical / genset makers
// and words, a part number after a maker's line words, no whole-banner model when a release or OS name closes
// it (99f-).
const Case kProbeLeftovers[] = {
    {"1.3.6.1.4.1.248.14.10.17",
     "Schneider Electric ConneXium TCSESM083F23F1, SW: L2P-09.0.06 CH: 1.00 BP: 005", "switch",
     "Schneider Electric", "ConneXium TCSESM083F23F1", "09.0.06"},
    {"1.3.6.1.4.1.253.8.62.1.28.4.1",
     "Xerox C235 Color Multifunction Printer version CXLBL.081.225 kernel 5.4.180 All-N-1", "printer",
     "Xerox", "C235", "CXLBL.081.225"},
    {"-", "Galaxy Pulsar Plus Controller Ver 1.6.2", "power", "GE", "Pulsar Plus", "1.6.2"},
    {"1.3.6.1.4.1.26360.1", "easYgen-3500XT Woodward", "power", "Woodward", "easYgen-3500XT", "-"},
    {"1.3.6.1.4.1.2.3.51.3", "IBM Storage Scale System 3500, ESS 6.1.9.1", "storage", "IBM",
     "Storage Scale System 3500", "6.1.9.1"},
    {"1.3.6.1.4.1.9.6.1.23.3.6841", "Cisco IP Phone 6841, sip68xx.12-0-1MPP-455", "voip-phone", "Cisco",
     "6841", "12-0-1MPP-455"},
    {"-", "Optoma Projector ZU720T", "av-conference", "Optoma", "ZU720T", "-"},
    {"-", "Vivitek DU8090Z Network Projector FW 1.10", "av-conference", "Vivitek", "DU8090Z", "1.10"},
    {"-", "Blustream IP500UHD-TX Encoder 2.04", "av-conference", "Blustream", "IP500UHD-TX", "2.04"},
    {"-", "Xilica Solaro FR1 Digital Signal Processor v1.8.3", "av-conference", "Xilica", "Solaro FR1",
     "1.8.3"},
    {"1.3.6.1.4.1.17491.1", "Barix Exstreamer 205 v1.14", "av-conference", "Barix", "Exstreamer 205", "1.14"},
    {"-", "Lumens VC-A71P PTZ Camera, FW: 1.0.60", "camera", "Lumens", "VC-A71P", "1.0.60"},
    {"-", "DWC-MV82DiVT MEGApix IP Camera 3.2.1", "camera", "Digital Watchdog", "DWC-MV82DiVT", "3.2.1"},
    {"-", "B. Braun SpaceCom 2 Vers. 0L41", "other", "B. Braun", "SpaceCom 2", "0L41"},
    {"-", "Masimo Root Patient Monitoring and Connectivity Hub", "other", "Masimo", "-", "-"},
    {"-", "ZKTeco InBio460 Pro, Ver 5.7.0.9", "other", "ZKTeco", "InBio460 Pro", "5.7.0.9"},
    {"-", "Paxton Net2 Plus ACU 4.23", "other", "Paxton", "Net2 Plus", "4.23"},
    {"-", "Suprema BioStation 3 V1.2.0", "other", "Suprema", "BioStation 3", "1.2.0"},
    {"1.3.6.1.4.1.231", "FUTRO S9011 eLux RP6 2310", "workstation", "Fujitsu", "FUTRO S9011", "-"},
    {"1.3.6.1.4.1.58506.1", "Sapling SMA Master Clock 4.2", "other", "Sapling", "SMA", "4.2"},
    {"-", "Illustra Flex3 IFS03D1ICWIT 1.6.2.0", "camera", "Illustra", "IFS03D1ICWIT", "1.6.2.0"},
    {"-", "Blustream IP250UHD-RX Decoder 1.12", "av-conference", "Blustream", "IP250UHD-RX", "1.12"},
    {"-", "Xilica Neutrino A0808 Digital Signal Processor v2.1.4", "av-conference", "Xilica",
     "Neutrino A0808", "2.1.4"},
    {"-", "Optoma Projector ZH406", "av-conference", "Optoma", "ZH406", "-"},
    {"-", "Vivitek DK10000Z Network Projector FW 2.03", "av-conference", "Vivitek", "DK10000Z", "2.03"},
    {"-", "Suprema BioEntry 2 V1.5.1", "other", "Suprema", "BioEntry 2", "1.5.1"},
    {"-", "ZKTeco C3-400 Pro, Ver 2.4.6", "other", "ZKTeco", "C3-400 Pro", "2.4.6"},
    {"-", "B. Braun SpaceStation 3 Vers. 1K22", "other", "B. Braun", "SpaceStation 3", "1K22"},
    {"-", "easYgen-2500 Woodward", "power", "Woodward", "easYgen-2500", "-"},
    {"-", "InteliGen 500 Genset Controller 1.4.0", "power", "ComAp", "-", "1.4.0"},
    {"-", "IBM Elastic Storage System 5000, ESS 6.1.2.0", "storage", "IBM", "Elastic Storage System 5000",
     "6.1.2.0"},
    {"-", "Barix Annuncicom 200 v2.06", "av-conference", "Barix", "Annuncicom 200", "2.06"},
    {"-", "Barix Instreamer 100 v3.15", "av-conference", "Barix", "Instreamer 100", "3.15"},
    {"-", "MEGApix IVA DWC-MB45WiAT 4.1.7", "camera", "Digital Watchdog", "-", "4.1.7"},
    {"-", "Galaxy Millennium II Controller Ver 2.1.3", "power", "GE", "Millennium II", "2.1.3"},
    {"-", "Sapling SMA Wireless Clock 3.1", "other", "Sapling", "SMA", "3.1"},
    {"-", "Bosch PAVIRO Router PVA-4R24", "av-conference", "Bosch", "PVA-4R24", "-"},
    {"-", "Bosch PRAESENSA Amplifier PRA-AD608, 1.91", "av-conference", "Bosch", "PRA-AD608", "1.91"},
    {"-", "Hirschmann Rail Switch RSP35-08033O6TT-SK9V9HSE2S, 08.7.01", "switch", "Hirschmann",
     "RSP35-08033O6TT-SK9V9HSE2S", "08.7.01"},
    {"-", "Moxa EtherDevice Switch EDS-408A, Firmware 3.8", "switch", "Moxa", "EDS-408A", "3.8"},
    {"-", "Schneider Electric ConneXium TCSESM163F23F0, SW: L2P-08.0.03 CH: 1.00 BP: 005", "switch",
     "Schneider Electric", "ConneXium TCSESM163F23F0", "08.0.03"},
    {"-", "Xerox B235 Multifunction Printer version CXLBB.081.225 kernel 5.4.180 All-N-1", "printer", "Xerox",
     "B235", "CXLBB.081.225"},
    {"-", "Lexmark MX432adwe version MXTGW.081.228 kernel 5.4.180 All-N-1", "printer", "Lexmark", "MX432adwe",
     "MXTGW.081.228"},
    {"-", "Cisco IP Phone 8851, sip88xx.14-2-1MPP-0001", "voip-phone", "Cisco", "8851", "14-2-1MPP-0001"},
    {"-", "Cisco IP Phone 7841, sip78xx.12-8-1MPP-10", "voip-phone", "Cisco", "7841", "12-8-1MPP-10"},
    {"-", "UD3 IGEL OS 11.08.330", "workstation", "-", "UD3", "11.08.330"},
    {"-", "FUTRO S5011 eLux RP6 2209", "workstation", "Fujitsu", "FUTRO S5011", "-"},
    {"-", "Siemens SCALANCE XC208, FW: V4.1", "switch", "Siemens", "SCALANCE XC208", "4.1"},
    {"-", "SIPROTEC 5 7SJ82 V9.50", "other", "-", "SIPROTEC 5 7SJ82", "9.50"},
};

void expect_verdicts(const FingerprintEngine& engine, const Case* begin, const Case* end) {
    auto checked = [](const char* expected) { return std::string(expected) != "-"; };
    for (const Case* c = begin; c != end; ++c) {
        DeviceEvidence d;
        if (*c->sys_descr != '\0')
            d.snmp[*Oid::parse("1.3.6.1.2.1.1.1.0")] = SnmpValue{SnmpType::kOctetString, c->sys_descr, 0};
        if (checked(c->sys_object_id))
            d.snmp[*Oid::parse("1.3.6.1.2.1.1.2.0")] = SnmpValue{SnmpType::kOid, c->sys_object_id, 0};
        auto v = engine.classify(d);
        auto value = [](const std::optional<Finding>& f) { return f ? f->value : "(none)"; };
        if (checked(c->device_class)) {
            EXPECT_EQ(v.device_class, device_class_from_string(c->device_class)) << c->sys_descr;
        }
        if (checked(c->vendor)) {
            EXPECT_EQ(value(v.vendor), c->vendor) << c->sys_descr;
        }
        if (checked(c->model)) {
            EXPECT_EQ(value(v.model), c->model) << c->sys_descr;
        }
        if (checked(c->firmware)) {
            EXPECT_EQ(value(v.firmware), c->firmware) << c->sys_descr;
        }
    }
}

class BannerCasesTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        engine_ = new FingerprintEngine(FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"}));
    }
    static void TearDownTestSuite() { delete engine_; }
    static FingerprintEngine* engine_;
};
FingerprintEngine* BannerCasesTest::engine_ = nullptr;

TEST_F(BannerCasesTest, EachMakersLineGetsItsClassAndTheMakerItsName) {
    expect_verdicts(*engine_, std::begin(kMakerFamilies), std::end(kMakerFamilies));
}

TEST_F(BannerCasesTest, ReleasesInMakersFormsAndModelsBeforeAPhrase) {
    expect_verdicts(*engine_, std::begin(kReleaseGrammars), std::end(kReleaseGrammars));
}

TEST_F(BannerCasesTest, ProductLineBranchesNameTheirKind) {
    expect_verdicts(*engine_, std::begin(kProductBranches), std::end(kProductBranches));
}

TEST_F(BannerCasesTest, MoreMakersByTheirEnterpriseNumber) {
    expect_verdicts(*engine_, std::begin(kEnterpriseBreadth), std::end(kEnterpriseBreadth));
}

TEST_F(BannerCasesTest, ProductRegistriesNameTheModel) {
    expect_verdicts(*engine_, std::begin(kProductRegistries), std::end(kProductRegistries));
}

// A white-box switch or BMC on a Net-SNMP agent: its chassis row names the maker, the Linux banner only the
// distribution.
TEST_F(BannerCasesTest, TheChassisMakerOutranksTheLinuxDistribution) {
    DeviceEvidence d;
    auto set = [&](const char* oid, SnmpType type, std::string text, std::int64_t number = 0) {
        d.snmp[*Oid::parse(oid)] = SnmpValue{type, std::move(text), number};
    };
    set("1.3.6.1.2.1.1.1.0", SnmpType::kOctetString,
        "Linux leaf-9 5.10.0-18-2-amd64 #1 SMP Debian 5.10.140-1 (2022-09-02) x86_64");
    set("1.3.6.1.2.1.1.2.0", SnmpType::kOid, "1.3.6.1.4.1.8072.3.2.10");
    set("1.3.6.1.2.1.47.1.1.1.1.5.1", SnmpType::kInteger, "", 3);
    set("1.3.6.1.2.1.47.1.1.1.1.12.1", SnmpType::kOctetString, "Widgetron");
    set("1.3.6.1.2.1.47.1.1.1.1.13.1", SnmpType::kOctetString, "WX-9932");
    auto v = engine_->classify(d);
    ASSERT_TRUE(v.vendor);
    EXPECT_EQ(v.vendor->value, "Widgetron");
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "WX-9932");
}

// A maker no table knows (Araknis, IANA 46419), named by its registration: its banner's model is read as
// a known maker's would be, past a "<n>-Port ... Switch" phrase.
TEST_F(BannerCasesTest, AMakerKnownOnlyToTheRegistryGetsItsModelRead) {
    const Case cases[] = {{"1.3.6.1.4.1.46419.1.1",
                           "Araknis Networks AN-999-SW-F-24 24-Port Gigabit Managed Switch, Firmware 9.2.06",
                           "switch", "Araknis Networks", "AN-999-SW-F-24", "9.2.06"}};
    expect_verdicts(*engine_, std::begin(cases), std::end(cases));
}

// Lines of a maker whose enterprise class does not fit them, and a brand the banner names.
TEST_F(BannerCasesTest, PowerLinesLabelPrintersAndTheH3CBrand) {
    const Case cases[] = {
        {"1.3.6.1.4.1.2011.6.174", "Huawei UPS9000-G-6KRTL, V100R001C01SPC120", "power", "Huawei",
         "UPS9000-G-6KRTL", "V100R001C01SPC120"},
        {"1.3.6.1.4.1.2011.6.180", "Huawei ETP48999-C5A1 Embedded Power, SMU02C V500R001C20", "power",
         "Huawei", "ETP48999-C5A1", "-"},
        {"1.3.6.1.4.1.40979.1.9", "DYMO LabelWriter Wireless", "printer", "-", "-", "-"},
        {"1.3.6.1.4.1.25506.1.2277",
         "H3C Comware Platform Software, Software Version 7.1.070, Release 6328P03 H3C S9130S-28S-EI "
         "Copyright (c) "
         "2004-2021 New H3C Technologies Co., Ltd. All rights reserved.",
         "switch", "H3C", "S9130S-28S-EI", "-"},
        {"1.3.6.1.4.1.25506.11.1.100",
         "HPE Comware Platform Software, Software Version 7.1.045, Release 2432P01 HPE 5130 24G 4SFP+ EI "
         "Switch JG932A "
         "Copyright (c) 2010-2017 Hewlett Packard Enterprise Development LP",
         "switch", "HP", "-", "-"}};
    expect_verdicts(*engine_, std::begin(cases), std::end(cases));
}

// "Phaser" inside "AlphaServer" is no Xerox printer.
TEST_F(BannerCasesTest, AWordInsideAnotherNamesNoProductLine) {
    const Case cases[] = {{"1.3.6.1.4.1.36.2.15.2.1",
                           "OpenVMS V8.4-2L1 on node ALPHA9 HP AlphaServer ES99 Model 2", "server", "HP", "-",
                           "-"}};
    expect_verdicts(*engine_, std::begin(cases), std::end(cases));
}

// A model rule that reads the banner's last word, on a banner that ends with the release: no model.
TEST_F(BannerCasesTest, AModelThatRepeatsTheReleaseIsNoModel) {
    const Case cases[] = {{"1.3.6.1.4.1.28557.1.1", "Hillstone Networks StoneOS software version 5.9R9P99",
                           "firewall", "Hillstone", "(none)", "5.9R9P99"}};
    expect_verdicts(*engine_, std::begin(cases), std::end(cases));
}

// A UPS network card answers with its own maker's sysObjectID; the UPS-MIB names the UPS's maker.
TEST_F(BannerCasesTest, AUpsCardsMakerIsNotTheUpsMaker) {
    for (const char* card : {"1.3.6.1.4.1.935", "1.3.6.1.4.1.1356.1"}) {
        DeviceEvidence d;
        d.snmp[*Oid::parse("1.3.6.1.2.1.1.2.0")] = SnmpValue{SnmpType::kOid, card, 0};
        d.snmp[*Oid::parse("1.3.6.1.2.1.33.1.1.1.0")] = SnmpValue{SnmpType::kOctetString, "Widgetron", 0};
        d.snmp[*Oid::parse("1.3.6.1.2.1.33.1.1.2.0")] = SnmpValue{SnmpType::kOctetString, "WX-3000", 0};
        auto v = engine_->classify(d);
        EXPECT_EQ(v.device_class, DeviceClass::kPower) << card;
        ASSERT_TRUE(v.vendor) << card;
        EXPECT_EQ(v.vendor->value, "Widgetron") << card;
    }
}

TEST_F(BannerCasesTest, ProbedMakersAndKindsAreNamed) {
    expect_verdicts(*engine_, std::begin(kProbedFamilies), std::end(kProbedFamilies));
}

TEST_F(BannerCasesTest, MoreMakersAndKindsAreNamed) {
    expect_verdicts(*engine_, std::begin(kMoreMakers), std::end(kMoreMakers));
}

TEST_F(BannerCasesTest, MoreModelAndReleaseGrammars) {
    expect_verdicts(*engine_, std::begin(kMoreGrammars), std::end(kMoreGrammars));
}

TEST_F(BannerCasesTest, ProbeRoundHGrammars) {
    expect_verdicts(*engine_, std::begin(kProbeGrammarsH), std::end(kProbeGrammarsH));
}

TEST_F(BannerCasesTest, ProbeRoundHKindsAndMakers) {
    expect_verdicts(*engine_, std::begin(kProbeKindsH), std::end(kProbeKindsH));
}

TEST_F(BannerCasesTest, ProbeRoundIKindsAndBrands) {
    expect_verdicts(*engine_, std::begin(kProbeKindsI), std::end(kProbeKindsI));
}

TEST_F(BannerCasesTest, ProbeRoundIGrammars) {
    expect_verdicts(*engine_, std::begin(kProbeGrammarsI), std::end(kProbeGrammarsI));
}

TEST_F(BannerCasesTest, ProbeRoundJKindsBrandsAndModels) {
    expect_verdicts(*engine_, std::begin(kProbeRoundJ), std::end(kProbeRoundJ));
}

TEST_F(BannerCasesTest, ProbeLeftoversMakersKindsAndPartNumbers) {
    expect_verdicts(*engine_, std::begin(kProbeLeftovers), std::end(kProbeLeftovers));
}

// A printer that names itself only in the HOST-RESOURCES device list.
TEST_F(BannerCasesTest, APrinterNamedInItsDeviceListGetsMakerAndModel) {
    DeviceEvidence d;
    d.snmp[*Oid::parse("1.3.6.1.2.1.25.3.2.1.3.1")] = SnmpValue{SnmpType::kOctetString, "Deli P9999DNW", 0};
    d.snmp[*Oid::parse("1.3.6.1.2.1.43.5.1.1.17.1")] = SnmpValue{SnmpType::kOctetString, "DL99A0001", 0};
    auto v = engine_->classify(d);
    EXPECT_EQ(v.device_class, DeviceClass::kPrinter);
    ASSERT_TRUE(v.vendor);
    EXPECT_EQ(v.vendor->value, "Deli");
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "P9999DNW");
}

}  // namespace
}  // namespace nd
