// The ARP slice on the small site: `netdossier scan` run inside the scanner's namespace finds every host
// on the scanner's subnet in the ground truth, no more, names each MAC's registrant as the IEEE registry
// does, and a second scan adds no device but moves every device's last-seen forward.
#include <filesystem>
#include <map>
#include <set>

#include "collectors/oui/oui_registry.hpp"
#include "storage/store.hpp"
#include "tests/integration/lab_fixture.hpp"

namespace nd::lab {
namespace {

class ArpScanTest : public SmallLabTest {
protected:
    void SetUp() override {
        SmallLabTest::SetUp();
        if (IsSkipped()) return;
        db_ = std::filesystem::temp_directory_path() / (lab().prefix() + "-arp-scan-test.db");
        remove_db();
    }
    void TearDown() override { remove_db(); }
    void remove_db() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_.string() + suffix);
    }

    CommandResult scan() const {
        const auto& s = lab().truth().scanner;
        const auto subnet = Ipv4Network(*Ipv4Address::parse(s.ip), s.prefix_length).to_string();
        return lab().run_in_scanner(
            std::string(NETDOSSIER_BINARY) + " scan --target " + subnet + " --db " + db_.string(), 120s);
    }

    std::filesystem::path db_;
};

TEST_F(ArpScanTest, FindsEveryOnLinkHostNoPhantomsAndRegistryVendors) {
    const auto result = scan();
    ASSERT_TRUE(result.ok()) << result.err << result.out;
    EXPECT_NE(result.out.find("devices:"), std::string::npos) << result.out;

    const auto expected = lab().truth().on_scanner_link();
    ASSERT_FALSE(expected.empty());
    auto store = Store::open(db_);
    const auto devices = store.devices();

    std::map<std::string, const DeviceRecord*> by_mac;
    for (const auto& d : devices) {
        for (const auto& m : d.macs) by_mac[m.to_string()] = &d;
    }
    const OuiRegistry registry;
    for (const auto* truth : expected) {
        const auto it = by_mac.find(truth->mac);
        ASSERT_NE(it, by_mac.end()) << "missed " << truth->name << " " << truth->ip << " " << truth->mac;
        const auto& ips = it->second->ips;
        EXPECT_NE(std::find(ips.begin(), ips.end(), *Ipv4Address::parse(truth->ip)), ips.end())
            << truth->name << " recorded without " << truth->ip;
        const auto registered = registry.lookup(*MacAddress::parse(truth->mac));
        ASSERT_TRUE(registered) << truth->mac << " is not in the IEEE registry";
        EXPECT_EQ(it->second->evidence.oui_registrant, *registered) << truth->name;
        if (truth->oui_vendor) {
            EXPECT_EQ(*registered, *truth->oui_vendor) << truth->name;
        }
    }
    // No phantoms: every stored device is a truth device of the scanner's subnet.
    std::set<std::string> truth_macs;
    for (const auto* truth : expected) truth_macs.insert(truth->mac);
    EXPECT_EQ(devices.size(), expected.size());
    for (const auto& d : devices) {
        ASSERT_FALSE(d.macs.empty()) << "device " << d.id << " without a MAC";
        EXPECT_TRUE(truth_macs.contains(d.macs[0].to_string())) << "phantom " << d.macs[0].to_string();
    }
    const auto scans = store.scans();
    ASSERT_EQ(scans.size(), 1U);
    EXPECT_TRUE(scans[0].completed);
    EXPECT_EQ(scans[0].devices_seen, static_cast<std::int64_t>(expected.size()));
    EXPECT_EQ(scans[0].devices_new, static_cast<std::int64_t>(expected.size()));
    EXPECT_GT(scans[0].packets_sent, 0);
}

TEST_F(ArpScanTest, ASecondScanAddsNothingAndUpdatesLastSeen) {
    ASSERT_TRUE(scan().ok());
    std::map<std::int64_t, Clock::time_point> first_seen_at;
    {
        auto store = Store::open(db_);
        for (const auto& d : store.devices()) first_seen_at[d.id] = d.last_seen;
    }
    const auto second = scan();
    ASSERT_TRUE(second.ok()) << second.err << second.out;
    EXPECT_NE(second.out.find(" 0 new, 0 gone"), std::string::npos) << second.out;

    auto store = Store::open(db_);
    const auto scans = store.scans();
    ASSERT_EQ(scans.size(), 2U);
    const auto& last = scans[0].id > scans[1].id ? scans[0] : scans[1];
    EXPECT_EQ(last.devices_new, 0);
    EXPECT_EQ(last.devices_gone, 0);
    const auto devices = store.devices();
    EXPECT_EQ(devices.size(), first_seen_at.size());
    for (const auto& d : devices) {
        ASSERT_TRUE(first_seen_at.contains(d.id)) << "new device " << d.id << " in the second scan";
        EXPECT_GT(d.last_seen, first_seen_at[d.id]) << "device " << d.id;
        EXPECT_EQ(d.last_scan, last.id);
        EXPECT_LT(d.first_seen, d.last_seen);
    }
}

}  // namespace
}  // namespace nd::lab
