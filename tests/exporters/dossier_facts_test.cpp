#include "exporters/dossier_facts.hpp"

#include <gtest/gtest.h>

#include "exporters/device_cells.hpp"
#include "tests/exporters/dossier_fixture.hpp"

namespace nd {
namespace {

std::string sentence(const std::string& kind, const std::string& attribute, const std::string& was,
                     const std::string& now) {
    const auto in = test::sample_site();
    return change_sentence(ChangeEvent{9, 2, 2, in.generated, kind, attribute, was, now},
                           DeviceIndex(in.devices));
}

TEST(ChangeSentence, PlainWordsForEveryKind) {
    EXPECT_EQ(sentence("new-device", "", "", ""), "198.18.0.20: new device");
    EXPECT_EQ(sentence("gone", "", "", ""), "198.18.0.20: not seen any more");
    EXPECT_EQ(sentence("ip-changed", "ip", "198.18.0.21", "198.18.0.20"),
              "198.18.0.20: address changed from 198.18.0.21 to 198.18.0.20");
    EXPECT_EQ(sentence("firmware-changed", "firmware", "1.0", "1.1"),
              "198.18.0.20: firmware changed from 1.0 to 1.1");
    EXPECT_EQ(sentence("port-changed", "port", "core-sw1 Fa0/1", "core-sw1 Fa0/7"),
              "198.18.0.20: moved from switch port core-sw1 Fa0/1 to core-sw1 Fa0/7");
    EXPECT_EQ(sentence("supply-low", "Black Toner", "", "8 %"), "198.18.0.20: Black Toner is low (8 %)");
    EXPECT_EQ(sentence("new-neighbour", "lldp", "", "far-switch"), "198.18.0.20: new neighbour far-switch");
    EXPECT_EQ(sentence("something-new", "colour", "red", ""), "198.18.0.20: colour red no longer seen");
}

TEST(ChangeSentence, NamesTheDeviceByItsDossierName) {
    const auto in = test::sample_site();
    const DeviceIndex index(in.devices);
    EXPECT_EQ(change_sentence(ChangeEvent{1, 2, 1, in.generated, "gone", "", "", ""}, index),
              "core-sw1 (198.18.0.2): not seen any more");
    EXPECT_EQ(change_sentence(ChangeEvent{1, 2, 77, in.generated, "gone", "", "", ""}, index),
              "device 77: not seen any more");
}

TEST(PrinterConnections, FromWhatWasSeen) {
    auto p = test::device(9, DeviceClass::kPrinter, "14:cb:19:95:2e:a0", "198.18.1.31");
    EXPECT_TRUE(printer_connections(p).empty());
    p.evidence.open_tcp_ports = {515};
    EXPECT_EQ(printer_connections(p), (std::vector<std::string>{"lpd://198.18.1.31/queue"}));
    p.evidence.mdns.push_back(MdnsService{"x", "_printer._tcp", "NPI.local.", 515, {{"rp", "BINPS"}}});
    p.evidence.mdns.push_back(MdnsService{"x", "_ipp._tcp", "NPI.local.", 631, {{"rp", "ipp/print"}}});
    p.evidence.mdns.push_back(MdnsService{"x", "_pdl-datastream._tcp", "NPI.local.", 9100, {}});
    EXPECT_EQ(printer_connections(p),
              (std::vector<std::string>{"ipp://198.18.1.31:631/ipp/print", "socket://198.18.1.31:9100",
                                        "lpd://198.18.1.31/BINPS"}));
}

TEST(DeviceCells, AnnotationWinsAndKeepsTheDiscoveredValue) {
    auto d = test::device(9, DeviceClass::kPrinter, nullptr, "198.18.1.31");
    EXPECT_EQ(location_cell(d).text, "");
    test::put(d.evidence.snmp, "1.3.6.1.2.1.1.6.0", "Server room ");
    EXPECT_EQ(location_cell(d).text, "Server room");
    d.annotations["location"] = "Floor 2";
    EXPECT_EQ(location_cell(d).text, "Floor 2");
    EXPECT_EQ(location_cell(d).note, "discovered: Server room");
    d.annotations["location"] = "Server room";
    EXPECT_EQ(location_cell(d).note, "");  // agreeing values: nothing to point out
    d.annotations["owner"] = "Accounting";
    d.annotations["notes"] = "leased";
    EXPECT_EQ(notes_cell(d).text, "owner: Accounting; leased");
}

TEST(DeviceCells, SuppliesBatteryAndResources) {
    PrinterFacts p;
    p.supplies.push_back(PrinterSupply{1, "Black Toner", 3, "toner", "black", 19, 100, 45, 45});
    p.supplies.push_back(PrinterSupply{2, "Drum", 9, "opc", "", 19, 100, 5, 5});
    const auto s = supplies_cell(p);
    EXPECT_EQ(s.text, "Black Toner 45 %, Drum 5 %");
    EXPECT_TRUE(s.alert);
    UpsFacts u;
    u.battery_status = 2;
    u.battery_status_name = "normal";
    u.charge_percent = 100;
    u.minutes_remaining = 42;
    EXPECT_EQ(battery_cell(u).text, "normal, 100 %, 42 min left");
    EXPECT_FALSE(battery_cell(u).alert);
    u.battery_status = 3;
    EXPECT_TRUE(battery_cell(u).alert);
    HostFacts h;
    h.cpu_count = 4;
    h.memory_kib = 16LL * 1024 * 1024;
    h.storage.push_back(StorageFacts{1, "fixedDisk", "/", 500000000000ULL, 120000000000ULL});
    EXPECT_EQ(resources_cell(h).text, "4 CPUs, 16 GiB RAM, disks 500 GB");
    EXPECT_EQ(resources_cell(h).note, "120 GB used");
}

}  // namespace
}  // namespace nd
