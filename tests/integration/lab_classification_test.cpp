// Classification of every small-site device after a full scan from the scanner namespace: each ground-truth
// device gets its class, including the ones without SNMP (workstations known only from ARP/ICMP, the silent
// Espressif / Raspberry Pi boards, the Axis camera behind the router, the phones from LLDP-MED + SIP).
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "storage/store.hpp"
#include "tests/integration/lab_fixture.hpp"

namespace nd::lab {
namespace {

using LabClassification = SmallLabTest;

// The audit's config (scripts/audit-demo.sh): both subnets, both SNMP communities of the site.
std::filesystem::path write_config(const std::filesystem::path& dir, const LabTruth& truth,
                                   const std::filesystem::path& db) {
    const auto path = dir / "netdossier.toml";
    std::ofstream out(path);
    out << "[site]\nname = \"lab classification\"\n\n[scan]\ntargets = [";
    for (std::size_t i = 0; i < truth.subnets.size(); ++i)
        out << (i ? ", " : "") << '"' << truth.subnets[i].cidr << '"';
    out << "]\n\n[store]\npath = \"" << db.string() << "\"\n\n[snmp]\n"
        << "[[snmp.credentials]]\nname = \"a\"\nversion = \"v2c\"\ncommunity = \"public\"\n\n"
        << "[[snmp.credentials]]\nname = \"b\"\nversion = \"v2c\"\ncommunity = \"s3cret-ro\"\n";
    out.close();
    std::filesystem::permissions(path,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
    return path;
}

TEST_F(LabClassification, EveryGroundTruthDeviceGetsItsClass) {
    const auto& t = lab().truth();
    const auto dir = std::filesystem::temp_directory_path() / (lab().prefix() + "-classification");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto db = dir / "netdossier.db";
    const auto config = write_config(dir, t, db);
    const auto result =
        lab().run_in_scanner(std::string(NETDOSSIER_BINARY) + " -q scan --config " + config.string(), 240s);
    ASSERT_TRUE(result.ok()) << result.err << result.out;

    auto store = Store::open(db);
    const auto devices = store.devices();
    auto holding = [&](const std::string& ip) -> const DeviceRecord* {
        const auto want = *Ipv4Address::parse(ip);
        for (const auto& d : devices)
            if (std::find(d.ips.begin(), d.ips.end(), want) != d.ips.end()) return &d;
        return nullptr;
    };
    std::size_t checked = 0;
    for (const auto& d : t.devices) {
        const auto* rec = holding(d.ip);
        ASSERT_NE(rec, nullptr) << d.name << " " << d.ip << " not recorded";
        const auto& v = rec->verdict;
        EXPECT_EQ(to_string(v.device_class), d.device_class)
            << d.name << " (" << d.ip << ") classified " << to_string(v.device_class) << " at "
            << v.class_confidence
            << "; reasons: " << (v.class_reasons.empty() ? std::string("none") : v.class_reasons.front());
        EXPECT_FALSE(v.class_reasons.empty()) << d.name << " classified without a reason";
        // Known only from ARP/ICMP: the guess must say it is a guess.
        if (d.answers.size() <= 2 && !d.answers_to("snmp") && d.device_class == "workstation") {
            EXPECT_LT(v.class_confidence, 0.5) << d.name << " is a weak guess, not a certainty";
        }
        if (v.hostname) {
            EXPECT_NE(v.hostname->value, "<private>") << d.name;
        }
        ++checked;
    }
    EXPECT_EQ(checked, t.devices.size());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nd::lab
