// The daemon's loop with a fake scan (the seam in Daemon): onboarding, the schedule, SIGHUP with good
// and bad configs, SIGTERM during a scan, refusals. Signals are real: the fakes send them to this
// process while the daemon's signal_set owns them.
#include "agent/daemon/daemon.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "agent/daemon/store_lock.hpp"
#include "storage/sqlite.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Records one completed scan the way the runner does (begin, finish) and reports it.
ScanReport record_scan(const ScanOptions& options, bool finish = true) {
    auto store = Store::open(options.store_path);
    const auto id = store.begin_scan({"198.18.0.0/24"});
    ScanReport report;
    report.summary.scan_id = id;
    if (finish) {
        report.summary = store.finish_scan(id, 10);
    } else {
        report.cancelled = true;
    }
    return report;
}

class DaemonTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nd-daemon-" + std::to_string(getpid()));
        fs::create_directories(dir_);
        store_ = dir_ / "site.db";
        options_.store_override = store_;
        options_.schedule = Schedule{};
        options_.schedule->every = 1s;
        options_.schedule->jitter = 0s;
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write_config(const std::string& text) {
        std::ofstream(dir_ / "netdossier.toml") << text;
        options_.config_path = dir_ / "netdossier.toml";
    }
    std::vector<ScanRun> scans() const { return Store::open_existing(store_).scans(); }

    // Starts the daemon on a config with `rate = 123`, rewrites the config to `new_config` and sends
    // SIGHUP during the first scan, stops it in the second; returns the rate each scan ran with.
    std::vector<double> rates_around_a_sighup(const std::string& new_config) {
        write_config("[scan]\nrate = 123\n");
        std::vector<double> rates;
        Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
            rates.push_back(o.rate_pps);
            if (rates.size() == 1) {
                std::ofstream(options_.config_path) << new_config;
                kill(getpid(), SIGHUP);
            } else {
                kill(getpid(), SIGTERM);
            }
            return record_scan(o);
        });
        EXPECT_EQ(daemon.run(), kDaemonExitOk);
        return rates;
    }

    fs::path dir_;
    fs::path store_;
    DaemonOptions options_;
};

TEST_F(DaemonTest, OnboardsAnEmptyStoreThenRescansOnScheduleAndStopsOnSigterm) {
    std::vector<std::chrono::steady_clock::time_point> starts;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        starts.push_back(std::chrono::steady_clock::now());
        auto report = record_scan(o);
        if (starts.size() == 3) kill(getpid(), SIGTERM);
        return report;
    });
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    ASSERT_EQ(starts.size(), 3u);
    EXPECT_LT(starts[0] - started, 500ms) << "the onboarding audit starts at once";
    EXPECT_GE(starts[1] - starts[0], 900ms) << "rescans follow the schedule";
    const auto runs = scans();
    ASSERT_EQ(runs.size(), 3u);
    for (const auto& run : runs) EXPECT_TRUE(run.completed);
}

TEST_F(DaemonTest, AStoreWithACompletedScanWaitsForTheSchedule) {
    options_.schedule->every = 3s;
    ScanOptions seed;
    seed.store_path = store_;
    record_scan(seed);
    const auto started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration first{};
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        first = std::chrono::steady_clock::now() - started;
        kill(getpid(), SIGTERM);
        return record_scan(o);
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    // The next run is 3 s after the seed scan started (the store may keep whole seconds).
    EXPECT_GT(first, 1500ms) << "no onboarding audit on a store that holds a completed scan";
    EXPECT_LT(first, 3500ms);
    EXPECT_EQ(scans().size(), 2u);
}

TEST_F(DaemonTest, SigtermDuringAScanCancelsItAndKeepsWhatWasWritten) {
    bool saw_cancel = false;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>& cancel) {
        kill(getpid(), SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        while (!cancel && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
        saw_cancel = cancel;
        return record_scan(o, /*finish=*/false);  // the runner writes its observations, leaves the run open
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    EXPECT_TRUE(saw_cancel) << "SIGTERM must reach the running sweep";
    const auto runs = scans();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_FALSE(runs[0].completed);
}

TEST_F(DaemonTest, SighupWithABadConfigKeepsTheOldOne) {
    EXPECT_EQ(rates_around_a_sighup("[scan]\nrate = \"fast\"\nbogus = 1\n"), (std::vector<double>{123, 123}));
}

TEST_F(DaemonTest, SighupWithAGoodConfigAppliesFromTheNextScan) {
    EXPECT_EQ(rates_around_a_sighup("[scan]\nrate = 456\n"), (std::vector<double>{123, 456}));
}

TEST_F(DaemonTest, TheScheduleComesFromTheDaemonSectionAndSighupRevalidatesIt) {
    options_.schedule.reset();  // no command-line schedule: the file's [daemon] section rules
    write_config("[daemon]\nschedule = \"every 1s\"\nonboarding = true\n");
    std::vector<std::chrono::steady_clock::time_point> starts;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        starts.push_back(std::chrono::steady_clock::now());
        if (starts.size() == 1) {
            std::ofstream(options_.config_path) << "[daemon]\nschedule = \"every 1s\"\njitter = \"1h\"\n";
            kill(getpid(), SIGHUP);  // rejected: jitter longer than the interval; the old schedule stays
        } else if (starts.size() == 3) {
            kill(getpid(), SIGTERM);
        }
        return record_scan(o);
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    ASSERT_EQ(starts.size(), 3u);
    EXPECT_LT(starts[2] - starts[1], 2500ms) << "the rejected reload must not change the 1 s schedule";
}

TEST_F(DaemonTest, OnboardingOffInTheFileWaitsForTheSchedule) {
    options_.schedule.reset();
    write_config("[daemon]\nschedule = \"every 2s\"\nonboarding = false\n");
    const auto started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration first{};
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        first = std::chrono::steady_clock::now() - started;
        kill(getpid(), SIGTERM);
        return record_scan(o);
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    EXPECT_GT(first, 1500ms);
}

// A listener that "hears" an LLDP phone at once and keeps count of how often it was started.
struct FakePassive final : PassiveHandle {
    std::vector<std::string> interfaces() const override { return {"eth0"}; }
};

TEST_F(DaemonTest, PassiveFindingsBetweenScansReachTheStore) {
    int listeners = 0;
    PassiveFactory passive = [&](const ScanOptions&, ObservationSink& sink) -> std::unique_ptr<PassiveHandle> {
        ++listeners;
        Observation o;
        o.source = "lldp";
        o.time = Clock::now();
        o.scan_id = 42;  // whatever the listener says, between scans it belongs to no scan
        o.evidence.mac = MacAddress::parse("80:5e:c0:4a:21:7b");
        o.evidence.ips.push_back(*Ipv4Address::parse("198.18.1.41"));
        LldpNeighbor n;
        n.system_name = "SIP-T46S";
        n.med_model = "SIP-T46S";
        o.evidence.lldp.push_back(n);
        sink.emit(o);
        return std::make_unique<FakePassive>();
    };
    int scans_run = 0;
    Daemon daemon(
        options_,
        [&](const ScanOptions& o, const std::atomic<bool>&) {
            if (++scans_run == 2) kill(getpid(), SIGTERM);
            return record_scan(o);
        },
        passive);
    daemon.set_passive_flush_interval(100ms);
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    EXPECT_GE(listeners, 1) << "the listener starts after the onboarding audit";
    const auto store = Store::open_existing(store_);
    const auto devices = store.devices();
    ASSERT_EQ(devices.size(), 1u);
    EXPECT_EQ(devices[0].macs.size(), 1u);
    EXPECT_EQ(devices[0].first_scan, 0) << "heard between scans, not by a scan";
}

TEST_F(DaemonTest, RetentionRunsAfterEachCompletedScan) {
    write_config("[daemon]\nkeep_observations_days = 1\nkeep_last_scans = 1\n");
    int calls = 0;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        auto store = Store::open(o.store_path);
        const auto id = store.begin_scan({"198.18.0.0/24"});
        Observation old;
        old.source = "arp";
        old.time = Clock::now() - std::chrono::hours(24 * 10);
        old.scan_id = id;
        old.evidence.mac = MacAddress::parse("00:1b:a9:0b:a7:52");
        store.record(old);
        ScanReport report;
        report.summary = store.finish_scan(id, 1);
        if (++calls == 3) kill(getpid(), SIGTERM);  // scan 3 is cancelled: no retention after it
        return report;
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    // Scan 1's ten-day-old observation went after scan 2; scan 2's was the last scan's then, so it stays.
    sqlite::Connection db(store_, false);
    auto stmt = db.prepare("SELECT count(*), min(scan_id) FROM observations");
    ASSERT_TRUE(stmt.step());
    EXPECT_EQ(stmt.column_int(0), 2);
    EXPECT_EQ(stmt.column_int(1), 2);
    stmt.reset();
}

TEST_F(DaemonTest, RefusesABadConfigAtStart) {
    write_config("[scan]\nrate = 0\n");
    Daemon daemon(options_, [](const ScanOptions& o, const std::atomic<bool>&) { return record_scan(o); });
    EXPECT_EQ(daemon.run(), kDaemonExitConfig);
    EXPECT_FALSE(fs::exists(store_)) << "nothing is created before the config is valid";
}

TEST_F(DaemonTest, RefusesASecondDaemonOnTheSameStore) {
    StoreLock held(store_);
    bool scanned = false;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        scanned = true;
        return record_scan(o);
    });
    EXPECT_EQ(daemon.run(), kDaemonExitStore);
    EXPECT_FALSE(scanned);
}

TEST_F(DaemonTest, RefusesAStoreThatIsNotADatabase) {
    std::ofstream(store_) << "this is not a SQLite file, it is a shopping list\n";
    Daemon daemon(options_, [](const ScanOptions& o, const std::atomic<bool>&) { return record_scan(o); });
    EXPECT_EQ(daemon.run(), kDaemonExitStore);
}

TEST_F(DaemonTest, MissingCapabilityStopsTheDaemonWithItsExitCode) {
    Daemon daemon(options_, [](const ScanOptions&, const std::atomic<bool>&) -> ScanReport {
        throw ScanError(ScanError::Kind::kCapability, "the ARP sweep needs CAP_NET_RAW");
    });
    EXPECT_EQ(daemon.run(), kDaemonExitCapability);
}

TEST_F(DaemonTest, AFailedOnboardingIsRetriedSoon) {
    int calls = 0;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) -> ScanReport {
        if (++calls == 1) throw ScanError(ScanError::Kind::kInterface, "unknown interface eth7");
        kill(getpid(), SIGTERM);
        return record_scan(o);
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(scans().size(), 1u);
}

}  // namespace
}  // namespace nd
