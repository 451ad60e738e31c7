#include "collectors/snmp/snmp_decode.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

struct W {
    SnmpWalk walk;
    W& s(std::string_view o, std::string v) {
        walk[*Oid::parse(o)] = {SnmpType::kOctetString, std::move(v), 0};
        return *this;
    }
    W& i(std::string_view o, std::int64_t v, SnmpType t = SnmpType::kInteger) {
        walk[*Oid::parse(o)] = {t, "", v};
        return *this;
    }
    W& oid(std::string_view o, std::string v) {
        walk[*Oid::parse(o)] = {SnmpType::kOid, std::move(v), 0};
        return *this;
    }
    W& ip(std::string_view o, std::string v) {
        walk[*Oid::parse(o)] = {SnmpType::kIpAddress, std::move(v), 0};
        return *this;
    }
};

const std::string kMac1("\x00\x1b\x54\xaa\xbb\x01", 6);
const std::string kMac2("\x3c\x2a\xf4\x10\x20\x30", 6);

TEST(SnmpDecode, SystemGroup) {
    W w;
    w.s("1.3.6.1.2.1.1.1.0", "Cisco IOS Software, C2960X\r\n")
        .oid("1.3.6.1.2.1.1.2.0", "1.3.6.1.4.1.9.1.1208");
    w.i("1.3.6.1.2.1.1.3.0", 12345, SnmpType::kTimeTicks)
        .s("1.3.6.1.2.1.1.5.0", "sw-core")
        .s("1.3.6.1.2.1.1.6.0", "MDF");
    SystemFacts s = decode_system(w.walk);
    EXPECT_EQ(s.description, "Cisco IOS Software, C2960X");
    EXPECT_EQ(s.object_id, "1.3.6.1.4.1.9.1.1208");
    EXPECT_EQ(s.name, "sw-core");
    EXPECT_EQ(s.location, "MDF");
    EXPECT_EQ(s.uptime_ticks, 12345);
    EXPECT_TRUE(s.contact.empty());
}

TEST(SnmpDecode, InterfacesPreferIfNameAndHighSpeed) {
    W w;
    w.i("1.3.6.1.2.1.2.2.1.1.10101", 10101).s("1.3.6.1.2.1.2.2.1.2.10101", "GigabitEthernet1/0/1");
    w.i("1.3.6.1.2.1.2.2.1.3.10101", 6).i("1.3.6.1.2.1.2.2.1.5.10101", 4294967295LL, SnmpType::kGauge32);
    w.s("1.3.6.1.2.1.2.2.1.6.10101", kMac1)
        .i("1.3.6.1.2.1.2.2.1.7.10101", 1)
        .i("1.3.6.1.2.1.2.2.1.8.10101", 2);
    w.s("1.3.6.1.2.1.31.1.1.1.1.10101", "Gi1/0/1")
        .i("1.3.6.1.2.1.31.1.1.1.15.10101", 10000, SnmpType::kGauge32);
    w.s("1.3.6.1.2.1.31.1.1.1.18.10101", "uplink to core");
    w.i("1.3.6.1.2.1.2.2.1.1.1", 1).s("1.3.6.1.2.1.2.2.1.2.1", "lo").s("1.3.6.1.2.1.2.2.1.6.1", "");
    auto ifs = decode_interfaces(w.walk);
    ASSERT_EQ(ifs.size(), 2U);
    EXPECT_EQ(ifs[0].index, 1U);
    EXPECT_EQ(ifs[0].name, "lo");
    EXPECT_FALSE(ifs[0].mac.has_value());
    const InterfaceFacts& g = ifs[1];
    EXPECT_EQ(g.name, "Gi1/0/1");
    EXPECT_EQ(g.description, "GigabitEthernet1/0/1");
    EXPECT_EQ(g.alias, "uplink to core");
    EXPECT_EQ(g.type, 6);
    EXPECT_EQ(g.speed_bps, 10000000000ULL);
    ASSERT_TRUE(g.mac.has_value());
    EXPECT_EQ(g.mac->to_string(), "00:1b:54:aa:bb:01");
    EXPECT_EQ(g.admin_status, 1);
    EXPECT_EQ(g.oper_status, 2);
}

TEST(SnmpDecode, IpAddressesArpAndMacForAddress) {
    W w;
    w.i("1.3.6.1.2.1.4.20.1.2.198.18.1.1", 5).ip("1.3.6.1.2.1.4.20.1.3.198.18.1.1", "255.255.255.0");
    w.i("1.3.6.1.2.1.2.2.1.1.5", 5).s("1.3.6.1.2.1.2.2.1.6.5", kMac1);
    // ipNetToMediaTable: one dynamic, one invalid (dropped)
    w.s("1.3.6.1.2.1.4.22.1.2.5.198.18.1.20", kMac2).i("1.3.6.1.2.1.4.22.1.4.5.198.18.1.20", 3);
    w.s("1.3.6.1.2.1.4.22.1.2.5.198.18.1.21", kMac1).i("1.3.6.1.2.1.4.22.1.4.5.198.18.1.21", 2);
    // ipNetToPhysicalTable duplicate of the first plus a new static one
    w.s("1.3.6.1.2.1.4.35.1.4.5.1.4.198.18.1.20", kMac2);
    w.s("1.3.6.1.2.1.4.35.1.4.5.1.4.198.18.1.30", kMac1).i("1.3.6.1.2.1.4.35.1.6.5.1.4.198.18.1.30", 4);
    auto addrs = decode_ip_addresses(w.walk);
    ASSERT_EQ(addrs.size(), 1U);
    EXPECT_EQ(addrs[0].address.to_string(), "198.18.1.1");
    EXPECT_EQ(addrs[0].prefix_length, 24);
    EXPECT_EQ(addrs[0].if_index, 5U);
    auto arp = decode_arp_table(w.walk);
    ASSERT_EQ(arp.size(), 2U);
    EXPECT_EQ(arp[0].ip.to_string(), "198.18.1.20");
    EXPECT_EQ(arp[0].mac.to_string(), "3c:2a:f4:10:20:30");
    EXPECT_FALSE(arp[0].is_static);
    EXPECT_EQ(arp[1].ip.to_string(), "198.18.1.30");
    EXPECT_TRUE(arp[1].is_static);
    auto m = mac_for_address(w.walk, *Ipv4Address::parse("198.18.1.1"));
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->to_string(), "00:1b:54:aa:bb:01");
}

TEST(SnmpDecode, EntityChassis) {
    W w;
    w.s("1.3.6.1.2.1.47.1.1.1.1.2.1", "Stack").i("1.3.6.1.2.1.47.1.1.1.1.5.1", 11);
    w.s("1.3.6.1.2.1.47.1.1.1.1.2.1001", "WS-C2960X-48FPS-L").i("1.3.6.1.2.1.47.1.1.1.1.4.1001", 1);
    w.i("1.3.6.1.2.1.47.1.1.1.1.5.1001", 3).s("1.3.6.1.2.1.47.1.1.1.1.8.1001", "V02");
    w.s("1.3.6.1.2.1.47.1.1.1.1.9.1001", "15.0(2a)EX5").s("1.3.6.1.2.1.47.1.1.1.1.10.1001", "15.0(2a)EX5");
    w.s("1.3.6.1.2.1.47.1.1.1.1.11.1001", "FCW1929B68S")
        .s("1.3.6.1.2.1.47.1.1.1.1.13.1001", "WS-C2960X-48FPS-L");
    w.i("1.3.6.1.2.1.47.1.1.1.1.16.1001", 1);
    auto entities = decode_entities(w.walk);
    ASSERT_EQ(entities.size(), 2U);
    const EntityFacts* chassis = main_chassis(entities);
    ASSERT_NE(chassis, nullptr);
    EXPECT_EQ(chassis->index, 1001U);
    EXPECT_EQ(chassis->model, "WS-C2960X-48FPS-L");
    EXPECT_EQ(chassis->serial, "FCW1929B68S");
    EXPECT_EQ(chassis->hardware_revision, "V02");
    EXPECT_EQ(chassis->firmware_revision, "15.0(2a)EX5");
    EXPECT_EQ(chassis->contained_in, 1U);
    EXPECT_EQ(chassis->field_replaceable, true);
}

TEST(SnmpDecode, BridgeFdbPerVlanWithIfIndexAndVlanNames) {
    W w;
    w.s("1.3.6.1.2.1.17.1.1.0", kMac1);
    w.i("1.3.6.1.2.1.17.1.4.1.2.1", 10101).i("1.3.6.1.2.1.17.1.4.1.2.2", 10102);
    // Q-BRIDGE: vlan 20, mac 3c:2a:f4:10:20:30 on port 2 learned; own MAC (self) dropped
    w.i("1.3.6.1.2.1.17.7.1.2.2.1.2.20.60.42.244.16.32.48", 2)
        .i("1.3.6.1.2.1.17.7.1.2.2.1.3.20.60.42.244.16.32.48", 3);
    w.i("1.3.6.1.2.1.17.7.1.2.2.1.2.1.0.27.84.170.187.1", 0)
        .i("1.3.6.1.2.1.17.7.1.2.2.1.3.1.0.27.84.170.187.1", 4);
    // Plain BRIDGE-MIB: the same MAC again (skipped) and another on port 1
    w.i("1.3.6.1.2.1.17.4.3.1.2.60.42.244.16.32.48", 2);
    w.i("1.3.6.1.2.1.17.4.3.1.2.0.4.242.1.2.3", 1).i("1.3.6.1.2.1.17.4.3.1.3.0.4.242.1.2.3", 3);
    w.s("1.3.6.1.2.1.17.7.1.4.3.1.1.20", "VOICE").i("1.3.6.1.2.1.17.7.1.4.5.1.1.2", 20, SnmpType::kGauge32);
    w.s("1.3.6.1.4.1.9.9.46.1.3.1.1.4.1.1", "default").s("1.3.6.1.4.1.9.9.46.1.3.1.1.4.1.20", "dup");
    BridgeFacts b = decode_bridge(w.walk);
    ASSERT_TRUE(b.bridge_address.has_value());
    ASSERT_EQ(b.fdb.size(), 2U);
    EXPECT_EQ(b.fdb[0].mac.to_string(), "3c:2a:f4:10:20:30");
    EXPECT_EQ(b.fdb[0].vlan, 20U);
    EXPECT_EQ(b.fdb[0].bridge_port, 2U);
    EXPECT_EQ(b.fdb[0].if_index, 10102U);
    EXPECT_EQ(b.fdb[1].mac.to_string(), "00:04:f2:01:02:03");
    EXPECT_FALSE(b.fdb[1].vlan.has_value());
    EXPECT_EQ(b.fdb[1].if_index, 10101U);
    EXPECT_EQ(b.port_pvid.at(2), 20U);
    ASSERT_EQ(b.vlans.size(), 2U);
    EXPECT_EQ(b.vlans[0].id, 20U);
    EXPECT_EQ(b.vlans[0].name, "VOICE");
    EXPECT_EQ(b.vlans[1].id, 1U);
    EXPECT_EQ(b.vlans[1].name, "default");
}

TEST(SnmpDecode, LldpAndCdpNeighbors) {
    W w;
    const std::string rem = "1.0.8802.1.1.2.1.4.1.1.";
    w.i(rem + "4.0.3.1", 4).s(rem + "5.0.3.1", kMac2).i(rem + "6.0.3.1", 5).s(rem + "7.0.3.1", "Gi0/2");
    w.s(rem + "9.0.3.1", "phone-12").s(rem + "10.0.3.1", "Cisco IP Phone 8845");
    w.s(rem + "11.0.3.1", std::string("\x24\x00", 2)).s(rem + "12.0.3.1", std::string("\x04\x00", 2));
    w.i("1.0.8802.1.1.2.1.4.2.1.3.0.3.1.1.4.198.18.1.50", 2);
    w.s("1.0.8802.1.1.2.1.3.7.1.4.3", "GigabitEthernet1/0/3");
    auto lldp = decode_lldp(w.walk);
    ASSERT_EQ(lldp.size(), 1U);
    EXPECT_EQ(lldp[0].local_port, 3U);
    EXPECT_EQ(lldp[0].local_port_id, "GigabitEthernet1/0/3");
    EXPECT_EQ(lldp[0].neighbor.chassis_id, "3c:2a:f4:10:20:30");
    EXPECT_EQ(lldp[0].neighbor.port_id, "Gi0/2");
    EXPECT_EQ(lldp[0].neighbor.system_name, "phone-12");
    EXPECT_EQ(lldp[0].neighbor.capabilities, (1U << 2) | (1U << 5));  // bridge + telephone
    EXPECT_EQ(lldp[0].neighbor.enabled_capabilities, 1U << 5);
    ASSERT_TRUE(lldp[0].neighbor.management_address.has_value());
    EXPECT_EQ(lldp[0].neighbor.management_address->to_string(), "198.18.1.50");

    const std::string cdp = "1.3.6.1.4.1.9.9.23.1.2.1.1.";
    w.i(cdp + "3.10103.1", 1).s(cdp + "4.10103.1", std::string("\xc6\x12\x01\x33", 4));
    w.s(cdp + "5.10103.1", "SIP 12.8").s(cdp + "6.10103.1", "SEP3C2AF4102030").s(cdp + "7.10103.1", "Port 1");
    w.s(cdp + "8.10103.1", "Cisco IP Phone 8845").s(cdp + "9.10103.1", std::string("\x00\x00\x04\x90", 4));
    auto cdps = decode_cdp(w.walk);
    ASSERT_EQ(cdps.size(), 1U);
    EXPECT_EQ(cdps[0].if_index, 10103U);
    EXPECT_EQ(cdps[0].neighbor.device_id, "SEP3C2AF4102030");
    EXPECT_EQ(cdps[0].neighbor.platform, "Cisco IP Phone 8845");
    EXPECT_EQ(cdps[0].neighbor.address->to_string(), "198.18.1.51");
    EXPECT_EQ(cdps[0].neighbor.capabilities, 0x490U);
}

TEST(SnmpDecode, PrinterSuppliesTraysAlertsStatus) {
    W w;
    const std::string sup = "1.3.6.1.2.1.43.11.1.1.";
    w.i(sup + "3.1.1", 1).i(sup + "5.1.1", 3).s(sup + "6.1.1", "Black Toner Cartridge HP CF259A");
    w.i(sup + "7.1.1", 19).i(sup + "8.1.1", 3000).i(sup + "9.1.1", 750);
    w.i(sup + "5.1.2", 15).s(sup + "6.1.2", "Fuser").i(sup + "8.1.2", -2).i(sup + "9.1.2", -3);
    w.s("1.3.6.1.2.1.43.12.1.1.4.1.1", "black");
    w.i("1.3.6.1.2.1.43.10.2.1.4.1.1", 48213, SnmpType::kCounter32);
    w.s("1.3.6.1.2.1.43.5.1.1.17.1", "PHBQB12345");
    w.i("1.3.6.1.2.1.43.8.2.1.2.1.2", 4)
        .i("1.3.6.1.2.1.43.8.2.1.9.1.2", 250)
        .i("1.3.6.1.2.1.43.8.2.1.10.1.2", -3);
    w.s("1.3.6.1.2.1.43.8.2.1.13.1.2", "Tray 2").s("1.3.6.1.2.1.43.8.2.1.12.1.2", "Plain");
    w.i("1.3.6.1.2.1.43.18.1.1.2.1.7", 4).i("1.3.6.1.2.1.43.18.1.1.7.1.7", 1104);
    w.s("1.3.6.1.2.1.43.18.1.1.8.1.7", "Black cartridge low");
    w.i("1.3.6.1.2.1.25.3.2.1.5.1", 3).i("1.3.6.1.2.1.25.3.5.1.1.1", 3);
    w.s("1.3.6.1.2.1.25.3.5.1.2.1", std::string("\x20", 1));  // bit 2: lowToner
    PrinterFacts p = decode_printer(w.walk);
    EXPECT_EQ(p.serial, "PHBQB12345");
    EXPECT_EQ(p.page_count, 48213);
    ASSERT_EQ(p.supplies.size(), 2U);
    EXPECT_EQ(p.supplies[0].description, "Black Toner Cartridge HP CF259A");
    EXPECT_EQ(p.supplies[0].type_name, "toner");
    EXPECT_EQ(p.supplies[0].colorant, "black");
    EXPECT_EQ(p.supplies[0].percent, 25);
    EXPECT_EQ(p.supplies[1].type_name, "fuser");
    EXPECT_FALSE(p.supplies[1].max_capacity.has_value());
    EXPECT_EQ(p.supplies[1].level, -3);  // "some remaining"
    EXPECT_FALSE(p.supplies[1].percent.has_value());
    ASSERT_EQ(p.trays.size(), 1U);
    EXPECT_EQ(p.trays[0].name, "Tray 2");
    EXPECT_EQ(p.trays[0].max_capacity, 250);
    ASSERT_EQ(p.alerts.size(), 1U);
    EXPECT_EQ(p.alerts[0].severity_name, "warning");
    EXPECT_EQ(p.alerts[0].code, 1104);
    EXPECT_EQ(p.status_text(), "idle");
    EXPECT_EQ(p.device_status, 3);
    EXPECT_EQ(p.error_states, std::vector<std::string>{"lowToner"});
}

TEST(SnmpDecode, HostResources) {
    W w;
    w.i("1.3.6.1.2.1.25.2.2.0", 8167940);
    w.i("1.3.6.1.2.1.25.3.3.1.2.196608", 3).i("1.3.6.1.2.1.25.3.3.1.2.196609", 5);
    w.oid("1.3.6.1.2.1.25.2.3.1.2.31", "1.3.6.1.2.1.25.2.1.4").s("1.3.6.1.2.1.25.2.3.1.3.31", "/");
    w.i("1.3.6.1.2.1.25.2.3.1.4.31", 4096)
        .i("1.3.6.1.2.1.25.2.3.1.5.31", 1000)
        .i("1.3.6.1.2.1.25.2.3.1.6.31", 250);
    w.oid("1.3.6.1.2.1.25.3.2.1.2.196608", "1.3.6.1.2.1.25.3.1.3")
        .s("1.3.6.1.2.1.25.3.2.1.3.196608", "Intel Xeon");
    w.i("1.3.6.1.2.1.25.3.2.1.5.196608", 2);
    HostFacts h = decode_host_resources(w.walk);
    EXPECT_EQ(h.memory_kib, 8167940);
    EXPECT_EQ(h.cpu_count, 2);
    ASSERT_EQ(h.storage.size(), 1U);
    EXPECT_EQ(h.storage[0].type, "fixedDisk");
    EXPECT_EQ(h.storage[0].size_bytes, 4096000U);
    EXPECT_EQ(h.storage[0].used_bytes, 1024000U);
    ASSERT_EQ(h.devices.size(), 1U);
    EXPECT_EQ(h.devices[0].type, "processor");
    EXPECT_EQ(h.devices[0].status, 2);
}

TEST(SnmpDecode, UpsAndPoe) {
    W w;
    w.s("1.3.6.1.2.1.33.1.1.1.0", "Eaton")
        .s("1.3.6.1.2.1.33.1.1.2.0", "9PX 1500")
        .s("1.3.6.1.2.1.33.1.1.3.0", "INV: 01.14");
    w.i("1.3.6.1.2.1.33.1.2.1.0", 2).i("1.3.6.1.2.1.33.1.2.3.0", 47).i("1.3.6.1.2.1.33.1.2.4.0", 100);
    w.i("1.3.6.1.2.1.33.1.2.5.0", 545).i("1.3.6.1.2.1.33.1.4.1.0", 3);
    w.i("1.3.6.1.2.1.33.1.4.4.1.5.1", 23).i("1.3.6.1.2.1.33.1.4.4.1.5.2", 31);
    w.s("1.3.6.1.4.1.318.1.1.1.2.1.3.0", "03/14/2022");
    UpsFacts u = decode_ups(w.walk);
    EXPECT_EQ(u.manufacturer, "Eaton");
    EXPECT_EQ(u.model, "9PX 1500");
    EXPECT_EQ(u.firmware, "INV: 01.14");
    EXPECT_EQ(u.battery_status_name, "normal");
    EXPECT_EQ(u.minutes_remaining, 47);
    EXPECT_EQ(u.charge_percent, 100);
    EXPECT_DOUBLE_EQ(*u.battery_voltage, 54.5);
    EXPECT_EQ(u.output_source_name, "normal");
    EXPECT_EQ(u.output_load_percent, 31);
    EXPECT_EQ(u.battery_last_replaced, "03/14/2022");

    W p;
    p.i("1.3.6.1.2.1.105.1.1.1.3.1.3", 1)
        .i("1.3.6.1.2.1.105.1.1.1.6.1.3", 3)
        .i("1.3.6.1.2.1.105.1.1.1.10.1.3", 4);
    p.i("1.3.6.1.2.1.105.1.1.1.3.1.4", 1).i("1.3.6.1.2.1.105.1.1.1.6.1.4", 2);
    p.i("1.3.6.1.2.1.105.1.3.1.1.2.1", 740, SnmpType::kGauge32)
        .i("1.3.6.1.2.1.105.1.3.1.1.4.1", 42, SnmpType::kGauge32);
    PoeFacts poe = decode_poe(p.walk);
    ASSERT_EQ(poe.ports.size(), 2U);
    EXPECT_TRUE(poe.ports[0].delivering());
    EXPECT_EQ(poe.ports[0].port, 3U);
    EXPECT_EQ(poe.ports[0].power_class, 3);
    EXPECT_FALSE(poe.ports[1].delivering());
    EXPECT_EQ(poe.nominal_power_w, 740);
    EXPECT_EQ(poe.consumption_w, 42);
}

TEST(SnmpDecode, WrongTypesAreSkippedNotFatal) {
    W w;
    w.i("1.3.6.1.2.1.1.5.0", 42);                 // sysName as an integer
    w.s("1.3.6.1.2.1.2.2.1.6.3", "abc");          // 3-byte MAC
    w.s("1.3.6.1.2.1.17.4.3.1.2.1.2.3", "port");  // truncated MAC index, string port
    w.s("1.3.6.1.2.1.43.11.1.1.8.1.1", "lots");   // capacity as text
    w.i("1.3.6.1.2.1.4.22.1.2.5.300.1.1.1", 1);   // arc > 255 in an address
    SnmpDeviceFacts f = decode_all(w.walk);
    EXPECT_TRUE(f.system.name.empty());
    ASSERT_EQ(f.interfaces.size(), 1U);
    EXPECT_FALSE(f.interfaces[0].mac.has_value());
    EXPECT_TRUE(f.bridge.fdb.empty());
    ASSERT_EQ(f.printer.supplies.size(), 0U);
    EXPECT_TRUE(f.arp.empty());
}

}  // namespace
}  // namespace nd
