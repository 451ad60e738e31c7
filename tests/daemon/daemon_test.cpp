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
        options_.schedule.every = 1s;
        options_.schedule.jitter = 0s;
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write_config(const std::string& text) {
        std::ofstream(dir_ / "netdossier.toml") << text;
        options_.config_path = dir_ / "netdossier.toml";
    }
    std::vector<ScanRun> scans() const { return Store::open_existing(store_).scans(); }

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
    options_.schedule.every = 3s;
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
    write_config("[scan]\nrate = 123\n");
    std::vector<double> rates;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        rates.push_back(o.rate_pps);
        if (rates.size() == 1) {
            std::ofstream(options_.config_path) << "[scan]\nrate = \"fast\"\nbogus = 1\n";
            kill(getpid(), SIGHUP);
        } else {
            kill(getpid(), SIGTERM);
        }
        return record_scan(o);
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    EXPECT_EQ(rates, (std::vector<double>{123, 123}));
}

TEST_F(DaemonTest, SighupWithAGoodConfigAppliesFromTheNextScan) {
    write_config("[scan]\nrate = 123\n");
    std::vector<double> rates;
    Daemon daemon(options_, [&](const ScanOptions& o, const std::atomic<bool>&) {
        rates.push_back(o.rate_pps);
        if (rates.size() == 1) {
            std::ofstream(options_.config_path) << "[scan]\nrate = 456\n";
            kill(getpid(), SIGHUP);
        } else {
            kill(getpid(), SIGTERM);
        }
        return record_scan(o);
    });
    EXPECT_EQ(daemon.run(), kDaemonExitOk);
    EXPECT_EQ(rates, (std::vector<double>{123, 456}));
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
