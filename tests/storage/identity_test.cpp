// Scored identity: one record per real device across addresses, interfaces and collectors.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "storage/identity_keys.hpp"
#include "storage/store.hpp"
#include "tests/storage/store_fixture.hpp"
#include "tests/storage/walk_builder.hpp"

namespace nd {
namespace {

using test::seen;
using test::TempDir;
using test::WalkBuilder;

Observation walked(std::int64_t scan, const char* ip, const SnmpWalk& walk, const char* mac = nullptr) {
    auto o = seen("snmp", scan, mac, {ip});
    o.evidence.snmp = walk;
    return o;
}

bool logged(const Store& store, std::int64_t device, const std::string& action, const std::string& words) {
    const auto log = store.identity_log(device);
    return std::any_of(log.begin(), log.end(), [&](const IdentityLogEntry& e) {
        return e.action == action && e.reason.find(words) != std::string::npos;
    });
}

// Every test starts with an empty store of its own.
class Identity : public ::testing::Test {
protected:
    TempDir dir;
    Store store = Store::open(dir.path() / "nd.db");
};

TEST_F(Identity, RouterAnsweringOnTwoAddressesIsOneDevice) {
    const auto scan = store.begin_scan({"198.18.1.0/24", "198.18.2.0/24"});
    const auto lan = store.record(seen("arp", scan, "70:c9:c6:cb:4e:20", {"198.18.1.1"}));
    const auto leg2 = store.record(seen("icmp", scan, nullptr, {"198.18.2.1"}));
    EXPECT_NE(lan, leg2);  // nothing ties them together yet
    WalkBuilder w;
    w.sys_name("rtr-01")
        .interface(1, "198.18.1.1", "70:c9:c6:cb:4e:20")
        .interface(2, "198.18.2.1", "70:c9:c6:cb:4e:21");
    const auto by_snmp = store.record(walked(scan, "198.18.1.1", w.walk(), "70:c9:c6:cb:4e:20"));
    EXPECT_EQ(by_snmp, lan);
    // Later ICMP and SNMP sightings of the second address land on the same record.
    EXPECT_EQ(store.record(seen("icmp", scan, nullptr, {"198.18.2.1"})), lan);
    EXPECT_EQ(store.record(walked(scan, "198.18.2.1", w.walk(), "70:c9:c6:cb:4e:21")), lan);
    store.finish_scan(scan, 0);
    ASSERT_EQ(store.devices().size(), 1U);
    const auto d = store.devices().front();
    EXPECT_EQ(d.ips.size(), 2U);
    EXPECT_TRUE(logged(store, lan, "merged", "198.18.2.1"));
    // The absorbed record's "new device" is not news.
    const auto events = store.events();
    EXPECT_EQ(std::count_if(events.begin(), events.end(),
                            [](const ChangeEvent& e) { return e.kind == "new-device"; }),
              1);
}

TEST_F(Identity, AnAgentWithoutItsMacsJoinsTheDeviceArpFoundAtItsAddress) {
    const auto scan = store.begin_scan({"198.18.1.0/24"});
    const auto arp = store.record(seen("arp", scan, "00:1b:a9:0b:a7:52", {"198.18.1.32"}));
    WalkBuilder w;  // no IP-MIB: the agent names none of its interfaces' MACs
    w.sys_name("<private>")
        .str("1.3.6.1.2.1.47.1.1.1.1.11.1", "B9J154306")
        .num("1.3.6.1.2.1.47.1.1.1.1.5.1", 3);
    EXPECT_EQ(store.record(walked(scan, "198.18.1.32", w.walk())), arp);
    store.finish_scan(scan, 0);
    EXPECT_EQ(store.devices().size(), 1U);
    // A different box (another serial) at an address whose device has a serial is not merged into it.
    const auto scan2 = store.begin_scan({"198.18.1.0/24"});
    WalkBuilder other;
    other.str("1.3.6.1.2.1.47.1.1.1.1.11.1", "ZZZ999").num("1.3.6.1.2.1.47.1.1.1.1.5.1", 3);
    EXPECT_NE(store.record(walked(scan2, "198.18.1.32", other.walk())), arp);
}

TEST_F(Identity, PlaceholderNamesAreNoIdentity) {
    EXPECT_TRUE(generic_hostname("<private>"));
    EXPECT_TRUE(generic_hostname("--"));
    EXPECT_FALSE(generic_hostname("srv-files01"));
}

TEST_F(Identity, SerialTiesANewInterfaceToTheKnownDevice) {
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    WalkBuilder w;
    w.chassis_serial("FDO2249A154");
    const auto first = store.record(walked(s1, "198.18.1.5", w.walk(), "00:1b:a9:00:00:01"));
    store.finish_scan(s1, 0);
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    // Another NIC (docking station), another address, same serial number.
    const auto second = store.record(walked(s2, "198.18.1.77", w.walk(), "00:1b:a9:00:00:02"));
    store.finish_scan(s2, 0);
    EXPECT_EQ(first, second);
    EXPECT_TRUE(logged(store, first, "key-added", "serial FDO2249A154"));
    EXPECT_EQ(store.devices().size(), 1U);
}

TEST_F(Identity, LldpChassisIdAndArpMacAreOneDevice) {
    const auto scan = store.begin_scan({"198.18.1.0/24"});
    Observation lldp = seen("lldp", scan, nullptr, {});
    LldpNeighbor n;
    n.chassis_id = "80:5e:c0:4a:21:7b";
    n.system_name = "SIP-T46S";
    lldp.evidence.lldp.push_back(n);
    const auto a = store.record(lldp);
    const auto b = store.record(seen("arp", scan, "80:5e:c0:4a:21:7b", {"198.18.1.41"}));
    EXPECT_EQ(a, b);
}

TEST_F(Identity, RandomisedMacIsNotTrustedAlone) {
    const auto scan = store.begin_scan({"198.18.1.0/24"});
    // The same randomised MAC at two addresses: no evidence it is one device.
    const auto a = store.record(seen("arp", scan, "da:a1:19:00:00:01", {"198.18.1.60"}));
    const auto b = store.record(seen("arp", scan, "da:a1:19:00:00:01", {"198.18.1.61"}));
    EXPECT_NE(a, b);
    EXPECT_EQ(store.record(seen("arp", scan, "da:a1:19:00:00:01", {"198.18.1.60"})), a);
    EXPECT_EQ(identity_keys(seen("arp", scan, "da:a1:19:00:00:01", {"198.18.1.60"}).evidence).front().kind,
              "mac-la");
}

TEST_F(Identity, RotatedRandomisedMacMatchesOnAddressAndName) {
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    auto o1 = seen("mdns", s1, "da:a1:19:00:00:01", {"198.18.1.60"});
    o1.evidence.hostnames = {"Annas-iPhone.local"};
    const auto a = store.record(o1);
    store.finish_scan(s1, 0);
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    auto o2 = seen("mdns", s2, "de:ad:19:00:00:02", {"198.18.1.60"});
    o2.evidence.hostnames = {"annas-iphone"};
    EXPECT_EQ(store.record(o2), a);
    EXPECT_TRUE(logged(store, a, "matched", "hostname annas-iphone"));
    // A third randomised MAC at the same address without the name is somebody else.
    EXPECT_NE(store.record(seen("arp", s2, "de:ad:19:00:00:03", {"198.18.1.60"})), a);
}

TEST_F(Identity, AddressHandedOnByDhcpIsANewDevice) {
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    const auto a = store.record(seen("arp", s1, "00:1b:a9:00:00:01", {"198.18.1.50"}));
    store.finish_scan(s1, 0);
    const auto s2 = store.begin_scan({"198.18.1.0/24"});
    const auto b = store.record(seen("arp", s2, "10:c5:95:00:00:02", {"198.18.1.50"}));
    EXPECT_NE(a, b);
}

TEST_F(Identity, VirtualRouterMacsAndTheirAddressesAreNoDevices) {
    const auto scan = store.begin_scan({"198.18.1.0/24"});
    for (const char* mac : {"00:00:5e:00:01:0a", "00:00:0c:07:ac:01", "00:07:b4:00:01:02"}) {
        EXPECT_EQ(store.record(seen("arp", scan, mac, {"198.18.1.254"})), 0) << mac;
    }
    // The virtual address answering ICMP is the router's, not a device of its own.
    EXPECT_EQ(store.record(seen("icmp", scan, nullptr, {"198.18.1.254"})), 0);
    EXPECT_TRUE(store.devices().empty());
}

TEST_F(Identity, ParallelWritersNeverCreateDuplicates) {
    const auto path = dir.path() / "parallel.db";  // a store of its own: one connection per thread
    const std::int64_t scan = Store::open(path).begin_scan({"198.18.0.0/16"});
    constexpr int kThreads = 4;
    constexpr int kHosts = 60;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            try {
                auto writer = Store::open(path);  // one connection per collector thread
                for (int i = 0; i < kHosts; ++i) {
                    const int h = (i * 7 + t * 13) % kHosts;  // every thread in another order
                    char mac[18];
                    std::snprintf(mac, sizeof mac, "00:1b:a9:00:01:%02x", h);
                    const std::string ip = "198.18.3." + std::to_string(h + 1);
                    writer.record(seen(t % 2 == 0 ? "arp" : "snmp", scan, mac, {ip.c_str()}));
                    // And MAC-less sightings of the same hosts racing the ARP ones.
                    writer.record(seen("icmp", scan, nullptr, {ip.c_str()}));
                }
            } catch (const std::exception& e) {
                ++failures;
                ADD_FAILURE() << "writer " << t << ": " << e.what();
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(Store::open(path).devices().size(), static_cast<std::size_t>(kHosts));
}

TEST_F(Identity, EngineerMergeSticksAcrossRescans) {
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    // A laptop's Wi-Fi and wired MACs: nothing automatic ties them together.
    const auto wired = store.record(seen("arp", s1, "00:1b:a9:00:00:10", {"198.18.1.70"}));
    const auto wifi = store.record(seen("arp", s1, "10:c5:95:00:00:11", {"198.18.1.71"}));
    store.finish_scan(s1, 0);
    ASSERT_NE(wired, wifi);
    store.annotate(wifi, "owner", "Anna");
    store.merge(wired, wifi, "same laptop");
    for (int i = 0; i < 3; ++i) {
        const auto s = store.begin_scan({"198.18.1.0/24"});
        EXPECT_EQ(store.record(seen("arp", s, "00:1b:a9:00:00:10", {"198.18.1.70"})), wired);
        EXPECT_EQ(store.record(seen("arp", s, "10:c5:95:00:00:11", {"198.18.1.71"})), wired);
        store.finish_scan(s, 0);
    }
    ASSERT_EQ(store.devices().size(), 1U);
    EXPECT_EQ(store.devices().front().annotations.at("owner"), "Anna");
    EXPECT_TRUE(logged(store, wired, "merged-by-engineer", "same laptop"));
}

TEST_F(Identity, EngineerSplitSticksAgainstEvidenceThatWouldMerge) {
    WalkBuilder w;  // an agent that (wrongly, e.g. a cluster address) lists another box's interface
    w.interface(1, "198.18.1.80", "00:1b:a9:00:00:20").interface(2, "198.18.1.81", "00:1b:a9:00:00:21");
    const auto s1 = store.begin_scan({"198.18.1.0/24"});
    const auto a = store.record(seen("arp", s1, "00:1b:a9:00:00:20", {"198.18.1.80"}));
    EXPECT_EQ(store.record(seen("arp", s1, "00:1b:a9:00:00:21", {"198.18.1.81"})), a + 1);
    EXPECT_EQ(store.record(walked(s1, "198.18.1.80", w.walk(), "00:1b:a9:00:00:20")), a);
    store.finish_scan(s1, 0);
    ASSERT_EQ(store.devices().size(), 1U);  // merged on the agent's word
    const auto other = store.split(a, {"00:1b:a9:00:00:21", "198.18.1.81"}, "cluster peer");
    EXPECT_EQ(store.devices().size(), 2U);
    for (int i = 0; i < 3; ++i) {
        const auto s = store.begin_scan({"198.18.1.0/24"});
        EXPECT_EQ(store.record(seen("arp", s, "00:1b:a9:00:00:20", {"198.18.1.80"})), a);
        EXPECT_EQ(store.record(seen("arp", s, "00:1b:a9:00:00:21", {"198.18.1.81"})), other);
        EXPECT_EQ(store.record(walked(s, "198.18.1.80", w.walk(), "00:1b:a9:00:00:20")), a);
        store.finish_scan(s, 0);
    }
    EXPECT_EQ(store.devices().size(), 2U);
    EXPECT_TRUE(logged(store, a, "merge-refused", "00:1b:a9:00:00:21"));
    EXPECT_THROW(store.split(a, {"00:1b:a9:00:00:20", "198.18.1.80"}), StoreError);  // would leave nothing
    EXPECT_THROW(store.split(a, {"not-a-key"}), StoreError);
}

TEST_F(Identity, DevicesAreFoundByIdAddressMacOrNameAndAmbiguityIsAnError) {
    const auto scan = store.begin_scan({"198.18.1.0/24"});
    auto o1 = seen("mdns", scan, "00:1b:a9:00:00:30", {"198.18.1.90"});
    o1.evidence.hostnames = {"printer-2og.local"};
    const auto a = store.record(o1);
    auto o2 = seen("mdns", scan, "00:1b:a9:00:00:31", {"198.18.1.91"});
    o2.evidence.hostnames = {"printer-2og"};  // a copy of the same name (re-imaged box)
    const auto b = store.record(o2);
    store.finish_scan(scan, 0);
    EXPECT_EQ(store.resolve_device(std::to_string(a)), a);
    EXPECT_EQ(store.resolve_device("198.18.1.91"), b);
    EXPECT_EQ(store.resolve_device("00-1B-A9-00-00-30"), a);
    try {
        store.resolve_device("printer-2og");
        ADD_FAILURE() << "ambiguous name accepted";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("ambiguous"), std::string::npos) << e.what();
    }
    EXPECT_THROW(store.resolve_device("198.18.1.200"), StoreError);
}

}  // namespace
}  // namespace nd
