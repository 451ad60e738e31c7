// record() must keep up with a /16 sweep: thousands of observations per scan.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "storage/store.hpp"
#include "tests/storage/store_fixture.hpp"

namespace nd {
namespace {

Observation host(std::int64_t scan, int i) {
    Observation o;
    o.source = "arp";
    o.time = Clock::now();
    o.scan_id = scan;
    o.evidence.mac =
        MacAddress({0x00, 0x1b, 0xa9, 0x01, static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i)});
    o.evidence.ips = {Ipv4Address(0xc6120000U + static_cast<std::uint32_t>(i))};
    o.evidence.oui_registrant = "Brother Industries, LTD.";
    return o;
}

TEST(StorePerf, BatchOfFiveThousandObservationsIsQuick) {
    test::TempDir dir;
    auto store = Store::open(dir.path() / "nd.db");
    constexpr int kHosts = 5000;
    for (int round = 0; round < 2; ++round) {
        const auto scan = store.begin_scan({"198.18.0.0/16"});
        std::vector<Observation> batch;
        for (int i = 0; i < kHosts; ++i) batch.push_back(host(scan, i));
        const auto start = std::chrono::steady_clock::now();
        const auto ids = store.record(batch);
        const auto summary = store.finish_scan(scan, kHosts);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("round %d: %d observations recorded and scan finished in %.3f s (%.0f/s)\n", round,
                    kHosts, seconds, kHosts / seconds);
        EXPECT_EQ(ids.size(), static_cast<std::size_t>(kHosts));
        EXPECT_EQ(summary.devices_seen, kHosts);
        EXPECT_EQ(summary.devices_new, round == 0 ? kHosts : 0);
        // Generous bound (sanitizer builds are slow); a release build takes a fraction of this.
        EXPECT_LT(seconds, 20.0);
    }
    EXPECT_EQ(store.devices().size(), static_cast<std::size_t>(kHosts));
}

}  // namespace
}  // namespace nd
