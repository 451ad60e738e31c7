#pragma once
// `netdossier daemon`: one Asio event loop that owns the schedule, the signals, the passive listener's
// store writes and the systemd watchdog. A scan runs on a worker thread (the scan runner blocks), so
// the loop keeps answering the watchdog and signals during a long sweep:
//   start   -> lock the store, onboarding audit when no scan has completed yet, then the schedule
//   always  -> passive listening between scans (LLDP, CDP, mDNS, DHCP, ARP), flushed to the store
//   after a completed scan -> the retention policy (storage/retention.hpp)
//   SIGHUP  -> re-read and re-check the config; a bad file is rejected and the old config kept
//   SIGTERM -> cancel the sweep, let the runner write what it found, exit 0 (SIGINT alike)
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "agent/daemon/daemon_config.hpp"
#include "agent/daemon/daemon_passive.hpp"
#include "agent/daemon/schedule.hpp"
#include "agent/scan_runner.hpp"

namespace nd {

using DaemonOptions = DaemonOverrides;

// Exit codes of run(): the same meanings as `netdossier scan`'s where they overlap.
inline constexpr int kDaemonExitOk = 0;
inline constexpr int kDaemonExitConfig = 2;
inline constexpr int kDaemonExitCapability = 4;
inline constexpr int kDaemonExitStore = 5;

class Daemon {
public:
    // Runs one scan; the seam for tests. The default is ScanRunner with libpcap.
    using ScanFunction = std::function<ScanReport(const ScanOptions&, const std::atomic<bool>& cancel)>;

    // `passive`: the listener between scans. Default: the live capture, unless a fake `scan` is given
    // (a test with a fake scan listens only when it passes a fake listener too).
    explicit Daemon(DaemonOptions options, ScanFunction scan = {}, PassiveFactory passive = {});
    // How often the passive findings are written to the store (default 30 s).
    void set_passive_flush_interval(std::chrono::milliseconds every) { passive_flush_every_ = every; }
    // Blocks until SIGTERM/SIGINT (or a fatal error) and returns the process exit code.
    int run();

private:
    struct Loop;
    DaemonOptions options_;
    ScanFunction scan_;
    PassiveFactory passive_;
    std::chrono::milliseconds passive_flush_every_{30000};
};

}  // namespace nd
