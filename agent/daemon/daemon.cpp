#include "agent/daemon/daemon.hpp"

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/system_timer.hpp>
#include <csignal>
#include <ctime>
#include <random>
#include <thread>

#include "agent/daemon/store_lock.hpp"
#include "agent/daemon/systemd_notify.hpp"
#include "agent/logging.hpp"
#include "model/config_error.hpp"
#include "storage/retention.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

using SystemClock = std::chrono::system_clock;
constexpr std::chrono::seconds kRetryDelay{10 * 60};

ScanReport run_scan_runner(const ScanOptions& options, const std::atomic<bool>& cancel) {
    ScanRunner runner(options);
    runner.set_cancel_flag(&cancel);
    return runner.run();
}

std::string local_time(SystemClock::time_point at) {
    const auto t = SystemClock::to_time_t(at);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
    return text;
}

// The outcome of one scan, handed from the worker thread back to the loop.
struct ScanOutcome {
    std::optional<ScanReport> report;
    std::optional<ScanError::Kind> error_kind;
    std::string error;
    std::optional<RetentionReport> retention;
    std::string retention_error;
};

}  // namespace

struct Daemon::Loop {
    Loop(const DaemonOptions& options, const ScanFunction& scan, const PassiveFactory& passive_factory,
         DaemonConfig config)
        : options(options),
          scan(scan),
          passive_factory(passive_factory),
          config(std::move(config)),
          signals(io, SIGHUP, SIGTERM, SIGINT),
          schedule_timer(io),
          watchdog_timer(io),
          flush_timer(io),
          random(std::random_device{}()) {}

    ~Loop() {
        if (worker.joinable()) worker.join();
        passive.reset();
    }

    const DaemonOptions& options;
    const ScanFunction& scan;
    const PassiveFactory& passive_factory;
    DaemonConfig config;
    std::shared_ptr<spdlog::logger> log = module_logger("daemon");
    SystemdNotifier notifier;
    boost::asio::io_context io;
    boost::asio::signal_set signals;
    boost::asio::system_timer schedule_timer;  // wall clock: "02:00" follows the local clock
    boost::asio::steady_timer watchdog_timer;
    boost::asio::steady_timer flush_timer;  // writes the passive findings to the store
    std::chrono::milliseconds flush_every{30000};
    PassiveRecorder recorder;
    std::unique_ptr<PassiveHandle> passive;
    std::string passive_problem;  // the last reason listening could not start (logged once per change)
    std::optional<std::chrono::milliseconds> watchdog_every;
    std::mt19937 random;
    std::thread worker;
    // Keeps io.run() alive while a scan runs even when nothing else is pending (no watchdog, stopping).
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> scan_work;
    bool completed_any = false;
    std::atomic<bool> cancel{false};
    bool scanning = false;
    bool stopping = false;
    int exit_code = kDaemonExitOk;
    std::optional<SystemClock::time_point> last_start;

    void wait_signals() {
        signals.async_wait([this](const boost::system::error_code& ec, int signal) {
            if (ec) return;
            if (signal == SIGHUP) {
                reload();
            } else {
                log->info("{} received: {}", signal == SIGTERM ? "SIGTERM" : "SIGINT",
                          scanning ? "stopping the sweep and writing what it found" : "stopping");
                stop(kDaemonExitOk);
            }
            if (!stopping) wait_signals();
        });
    }

    void reload() {
        const auto path =
            options.config_path.empty() ? std::string("(defaults)") : options.config_path.string();
        try {
            auto fresh = load_daemon_config(options);
            for (const auto& w : fresh.agent.warnings) module_logger("config")->warn("{}", w);
            if (fresh.scan.store_path != config.scan.store_path) {
                log->warn("SIGHUP: store.path changed to {}; the daemon keeps {} until it is restarted",
                          fresh.scan.store_path.string(), config.scan.store_path.string());
                fresh.scan.store_path = config.scan.store_path;
                fresh.agent.store_path = config.agent.store_path;
            }
            const bool schedule_changed = fresh.settings.schedule.describe() != config.settings.schedule.describe();
            config = std::move(fresh);
            log->info("SIGHUP: reloaded {}{}", path, scanning ? " (applies from the next scan)" : "");
            if (!scanning) {
                stop_passive();  // the targets or interfaces may have changed
                start_passive();
                if (schedule_changed) schedule_next();
            }
        } catch (const std::exception& e) {
            log->error("SIGHUP: rejected the new config, keeping the previous one: {}", e.what());
        }
    }

    void stop(int code) {
        if (stopping) return;
        stopping = true;
        exit_code = code;
        notifier.stopping();
        cancel = true;
        schedule_timer.cancel();
        signals.cancel();
        flush_timer.cancel();
        stop_passive();
        // A running scan finishes its store write first; its completion handler lets the loop end.
        if (!scanning) watchdog_timer.cancel();
    }

    void ping_watchdog() {
        if (!watchdog_every) return;
        notifier.watchdog();
        watchdog_timer.expires_after(*watchdog_every);
        watchdog_timer.async_wait([this](const boost::system::error_code& ec) {
            if (!ec && !(stopping && !scanning)) ping_watchdog();
        });
    }

    void start_passive() {
        if (stopping || scanning || passive || !config.settings.passive || !passive_factory) return;
        try {
            passive = passive_factory(config.scan, recorder);
            std::string names;
            for (const auto& n : passive->interfaces()) names += (names.empty() ? "" : ", ") + n;
            log->info("passive listening on {} (LLDP, CDP, mDNS, DHCP, ARP)", names);
            passive_problem.clear();
        } catch (const std::exception& e) {
            // Not fatal: the interface may come up later; the next scan's end tries again.
            if (passive_problem != e.what()) log->warn("passive listening is off for now: {}", e.what());
            passive_problem = e.what();
        }
    }

    // Stops the listener (bounded: its threads poll every 100 ms) and writes what it heard.
    void stop_passive() {
        passive.reset();
        flush_passive();
    }

    void flush_passive() {
        if (recorder.pending() == 0) return;
        try {
            const auto flushed = recorder.flush(config.scan.store_path);
            log->debug("passive: {} observations of {} devices stored", flushed.observations, flushed.devices);
        } catch (const std::exception& e) {
            log->warn("passive findings not stored yet, retrying: {}", e.what());
        }
    }

    void wait_flush() {
        if (!passive_factory) return;
        flush_timer.expires_after(flush_every);
        flush_timer.async_wait([this](const boost::system::error_code& ec) {
            if (ec || stopping) return;
            flush_passive();
            wait_flush();
        });
    }

    void schedule_next() {
        if (stopping) return;
        std::uniform_real_distribution<double> fraction(0.0, 1.0);
        const auto at = next_run(config.settings.schedule, SystemClock::now(), last_start, fraction(random));
        log->info("next scan at {}", local_time(at));
        notifier.status("idle; next scan at " + local_time(at));
        schedule_timer.expires_at(at);
        schedule_timer.async_wait([this](const boost::system::error_code& ec) {
            if (!ec) start_scan("scheduled rescan");
        });
    }

    void start_scan(const std::string& why) {
        if (stopping || scanning) return;
        stop_passive();  // the scan's own listener takes over, so what it hears counts for the scan
        scanning = true;
        scan_work.emplace(io.get_executor());
        last_start = SystemClock::now();
        log->info("{} started", why);
        notifier.status(why + " running since " + local_time(*last_start));
        worker = std::thread([this, options = config.scan, retention = config.settings.retention] {
            ScanOutcome outcome;
            try {
                outcome.report = scan(options, cancel);
            } catch (const ScanError& e) {
                outcome.error_kind = e.kind();
                outcome.error = e.what();
            } catch (const std::exception& e) {
                outcome.error = e.what();
            }
            // Retention after each completed scan, here on the worker: the loop keeps pinging the watchdog.
            if (outcome.report && !outcome.report->cancelled && !cancel) {
                try {
                    outcome.retention = apply_retention(options.store_path, retention, SystemClock::now());
                } catch (const std::exception& e) {
                    outcome.retention_error = e.what();
                }
            }
            boost::asio::post(io, [this, outcome = std::move(outcome)] { finish_scan(outcome); });
        });
    }

    void finish_scan(const ScanOutcome& outcome) {
        worker.join();
        scanning = false;
        scan_work.reset();
        bool retry_soon = false;
        if (outcome.report) {
            const auto& r = *outcome.report;
            completed_any = completed_any || !r.cancelled;
            log->info("scan #{} {}: {} devices ({} new, {} gone), {} packets in {:.1f} s", r.summary.scan_id,
                      r.cancelled ? "interrupted (kept unfinished)" : "done", r.summary.devices_seen,
                      r.summary.devices_new, r.summary.devices_gone, r.packets_sent, r.elapsed_seconds);
            if (outcome.retention) {
                const auto& k = *outcome.retention;
                log->info("retention: {} observations and {} scan details pruned{}; store {} KiB",
                          k.observations_removed, k.scan_details_removed, k.compacted ? ", compacted" : "",
                          k.bytes_after / 1024);
            }
            if (!outcome.retention_error.empty()) log->warn("retention skipped: {}", outcome.retention_error);
        } else if (outcome.error_kind == ScanError::Kind::kCapability) {
            // No scan can ever succeed: fail visibly instead of idling without a dossier.
            log->critical("scan failed: {}", outcome.error);
            stop(kDaemonExitCapability);
        } else {
            // Before the first completed scan (interface not up yet at boot, ...) retry soon, not at 02:00.
            retry_soon = !completed_any;
            log->error("scan failed, retrying {}: {}",
                       retry_soon ? "in a few minutes" : "at the next scheduled time", outcome.error);
        }
        if (stopping) {
            watchdog_timer.cancel();
            return;
        }
        start_passive();
        if (retry_soon) {
            retry_later();
        } else {
            schedule_next();
        }
    }

    void retry_later() {
        const auto& schedule = config.settings.schedule;
        const auto delay = schedule.interval() ? std::min<std::chrono::seconds>(schedule.every, kRetryDelay)
                                               : kRetryDelay;
        const auto at = SystemClock::now() + delay;
        log->info("next attempt at {}", local_time(at));
        notifier.status("last scan failed; next attempt at " + local_time(at));
        schedule_timer.expires_at(at);
        schedule_timer.async_wait([this](const boost::system::error_code& ec) {
            if (!ec) start_scan(completed_any ? "scheduled rescan" : "onboarding audit (retry)");
        });
    }
};

Daemon::Daemon(DaemonOptions options, ScanFunction scan, PassiveFactory passive)
    : options_(std::move(options)),
      scan_(scan ? std::move(scan) : ScanFunction(run_scan_runner)),
      passive_(passive ? std::move(passive) : (scan ? PassiveFactory{} : PassiveFactory(open_live_passive))) {}

int Daemon::run() {
    const auto log = module_logger("daemon");
    DaemonConfig config;
    try {
        config = load_daemon_config(options_);
    } catch (const ConfigError& e) {
        log->critical("{}", e.what());
        return kDaemonExitConfig;
    }
    for (const auto& w : config.agent.warnings) module_logger("config")->warn("{}", w);

    std::optional<StoreLock> lock;
    std::optional<SystemClock::time_point> last_completed;
    bool any_completed = false;
    try {
        lock.emplace(config.scan.store_path);
        // Opening migrates the schema once, before any scan; it also proves the store is readable.
        const auto store = Store::open(config.scan.store_path);
        for (const auto& run : store.scans()) {
            if (!run.completed) continue;
            any_completed = true;
            if (!last_completed || run.started > *last_completed) last_completed = run.started;
        }
    } catch (const std::exception& e) {
        log->critical("{}", e.what());
        return kDaemonExitStore;
    }

    Loop loop(options_, scan_, passive_, std::move(config));
    loop.flush_every = passive_flush_every_;
    loop.watchdog_every = loop.notifier.watchdog_interval();
    loop.last_start = last_completed;
    loop.completed_any = any_completed;
    log->info("started on {} ({}), schedule {}", loop.config.scan.store_path.string(),
              any_completed ? "store holds completed scans" : "empty store",
              loop.config.settings.schedule.describe());
    loop.wait_signals();
    loop.ping_watchdog();
    loop.wait_flush();
    loop.notifier.ready(any_completed ? "idle" : "onboarding audit");
    // A nightly schedule that missed a night (host powered off) catches up at once.
    const auto& settings = loop.config.settings;
    const bool missed_night = !settings.schedule.interval() && settings.schedule.weekdays == 0x7f &&
                              last_completed && SystemClock::now() - *last_completed > std::chrono::hours(26);
    if (settings.onboarding && !any_completed) {
        loop.start_scan("onboarding audit");
    } else if (missed_night) {
        loop.start_scan("catch-up scan (the last completed scan is more than a day old)");
    } else {
        loop.start_passive();
        loop.schedule_next();
    }
    loop.io.run();
    loop.stop_passive();
    log->info("stopped");
    return loop.exit_code;
}

}  // namespace nd
