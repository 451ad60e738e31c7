#include "agent/scan_runner.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <set>

#include "agent/logging.hpp"
#include "agent/progress.hpp"
#include "agent/snmp_rule_plan.hpp"
#include "collectors/arp/pcap_channel.hpp"
#include "collectors/oui/oui_registry.hpp"
#include "fingerprint/engine.hpp"

namespace nd {
namespace {

// Keeps a sweep's observations in memory: the sweep's timing must not wait on SQLite; they are
// written in one transaction once the sweep is done.
struct BufferSink : ObservationSink {
    std::vector<Observation> observations;
    void emit(Observation o) override { observations.push_back(std::move(o)); }
};

std::unique_ptr<FrameChannel> open_pcap(const ArpEndpoint& endpoint) {
    return std::make_unique<PcapChannel>(endpoint.interface, arp_reply_filter(endpoint.mac));
}

void check_store_path(const std::filesystem::path& path) {
    const auto parent = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(parent, ec)) {
        throw ScanError(ScanError::Kind::kStore,
                        path.string() + ": directory " + parent.string() + " does not exist");
    }
    const bool exists = std::filesystem::exists(path, ec);
    if (access(exists ? path.c_str() : parent.c_str(), W_OK) != 0) {
        throw ScanError(ScanError::Kind::kStore, path.string() + ": not writable");
    }
}

}  // namespace

ScanRunner::ScanRunner(ScanOptions options)
    : ScanRunner(std::move(options), open_pcap, list_local_interfaces, true) {
    live_network_ = true;
}

ScanRunner::ScanRunner(ScanOptions options, ChannelFactory channels, InterfaceLister interfaces,
                       bool check_capability)
    : options_(std::move(options)),
      channels_(std::move(channels)),
      interfaces_(std::move(interfaces)),
      check_capability_(check_capability) {}

ScanReport ScanRunner::run() {
    const auto log = module_logger("scan");
    const auto started = std::chrono::steady_clock::now();
    // The OUI registry and the fingerprint rules take tens to hundreds of milliseconds to read: read them
    // on a thread of their own while the plan is checked and the sweep runs (which mostly waits).
    const OuiRegistry registry;
    auto engine_loading = std::async(std::launch::async, [&registry] {
                              registry.size();
                              return FingerprintEngine::load_default(FingerprintEngine::default_cache_dir());
                          }).share();
    // The SNMP stage asks each device for what the rules read from its maker (snmp_rule_plan.hpp); rules
    // that do not load leave it the standard MIBs (the fingerprint step reports the error).
    auto snmp_plan = [engine_loading] {
        try {
            return rule_driven_walk_plan(engine_loading.get().snmp_reads());
        } catch (const std::exception& e) {
            module_logger("scan")->warn("SNMP walks read the standard MIBs only: {}", e.what());
            return default_walk_plan();
        }
    };
    ScanPlan plan;
    try {
        plan = plan_scan(options_, interfaces_());
    } catch (const ScanPlanError& e) {
        throw ScanError(e.kind() == ScanPlanError::Kind::kInterface ? ScanError::Kind::kInterface
                                                                    : ScanError::Kind::kTarget,
                        e.what());
    }
    if (check_capability_ && !has_cap_net_raw()) {
        throw ScanError(ScanError::Kind::kCapability,
                        "the ARP sweep needs CAP_NET_RAW: run as root or grant it with "
                        "`setcap cap_net_raw,cap_net_admin+ep netdossier`");
    }
    check_store_path(options_.store_path);
    std::optional<Store> store;
    try {
        store.emplace(Store::open(options_.store_path));
    } catch (const std::exception& e) {
        throw ScanError(ScanError::Kind::kStore, e.what());
    }
    if (!options_.site_name.empty()) store->set_meta("site", options_.site_name);
    if (options_.gone_after_scans) store->set_gone_after_scans(*options_.gone_after_scans);

    ScanReport report;
    report.targets = plan.target_list;
    report.warnings = plan.warnings;
    report.addresses = plan.address_count;
    for (const auto& w : plan.warnings) log->warn("{}", w);

    // Known addresses from earlier scans get retries first when the retry budget is tight.
    std::vector<Ipv4Address> known;
    for (const auto& device : store->devices())
        known.insert(known.end(), device.ips.begin(), device.ips.end());

    const auto scan_id = store->begin_scan(swept_targets(plan, options_.stages));
    BufferSink buffer;
    LockedSink sink(buffer);  // the passive listener's threads emit too
    std::optional<PassiveCapture> passive;
    if (options_.stages.passive && live_network_) {
        std::vector<std::string> names;
        for (const auto& arp : plan.arp) names.push_back(arp.endpoint.interface);
        passive.emplace(names, sink, scan_id);
    }
    // One packet rate and one per-host limit for every collector of this scan.
    ScanLimits limits(options_);
    ProgressMeter meter([this](const std::string& line) {
        if (progress_) progress_(line);
    });
    const auto t_sweep = std::chrono::steady_clock::now();
    for (const auto& arp : plan.arp) {
        report.interfaces.push_back(arp.endpoint.interface);
        std::unique_ptr<FrameChannel> channel;
        try {
            channel = channels_(arp.endpoint);
        } catch (const std::exception& e) {
            // The scan run stays unfinished: finishing it would declare every known device gone.
            throw ScanError(ScanError::Kind::kCapture, e.what());
        }
        ArpSweepOptions sweep_options;
        sweep_options.rate_pps = options_.rate_pps;
        sweep_options.retries = options_.retries;
        sweep_options.reply_timeout = options_.reply_timeout;
        sweep_options.likely_alive = known;
        sweep_options.scan_id = scan_id;
        sweep_options.cancel = cancel_;
        // Real channels share the scan's rate (a fake channel in tests runs on a virtual clock).
        sweep_options.shared_rate = live_network_ ? &limits.rate : nullptr;
        const auto addresses = arp_sweep_addresses(arp.targets, options_.exclude, arp.endpoint);
        ArpSweep sweep(*channel, arp.endpoint, sweep_options, registry);
        const auto sweep_started = std::chrono::steady_clock::now();
        const auto result = sweep.run(addresses, sink, [&](const ArpSweepProgress& p) {
            if (!progress_) return;
            ProgressSnapshot s;
            s.phase = "ARP " + arp.endpoint.interface;
            s.done = p.first_pass_sent;
            s.total = p.targets;
            s.found = p.answered;
            s.packets = p.first_pass_sent + p.retries_sent;
            s.elapsed_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - sweep_started).count();
            s.tail_seconds = std::chrono::duration<double>(options_.reply_timeout).count();
            meter.update(s);
        });
        meter.clear();
        log->debug(
            "arp {}: {} answered of {}, {} retries, {} unsolicited, {} duplicates, {} conflicts, {} dropped, "
            "budget {}; {}",
            arp.endpoint.interface, result.answered, result.targets, result.retries_sent, result.unsolicited,
            result.duplicates, result.conflicts, result.capture_dropped,
            result.retry_budget_lifted ? "lifted" : "kept", to_string(result.stats));
        if (result.conflicts > 0) log->warn("{} address(es) answered by more than one MAC", result.conflicts);
        if (result.capture_dropped > 0) log->warn("the capture dropped {} frames", result.capture_dropped);
        report.packets_sent += result.stats.sent;
        report.replies += result.stats.received;
        report.malformed += result.stats.malformed;
        report.retries += result.retries_sent;
        report.sweep_seconds += result.elapsed.count();
        report.cancelled = report.cancelled || result.cancelled;
        if (result.cancelled) break;
    }

    if (!report.cancelled && live_network_) {
        std::vector<Ipv4Address> answered;
        double slowest_ms = 0;
        {
            const auto held = sink.hold();  // the passive listener's threads emit into the buffer too
            // Only what the sweep asked: a passive observation may name an address outside the scope.
            for (const auto& o : buffer.observations) {
                if (o.source != "arp") continue;
                answered.insert(answered.end(), o.evidence.ips.begin(), o.evidence.ips.end());
                if (o.evidence.rtt_ms) slowest_ms = std::max(slowest_ms, *o.evidence.rtt_ms);
            }
        }
        if (progress_)
            progress_("probing " + format_count(answered.size()) + " hosts (ICMP, SNMP, mDNS, TCP)");
        report.stages = run_followup_stages(
            plan, options_, scan_id, answered, sink, cancel_, &limits,
            std::chrono::microseconds(static_cast<std::int64_t>(slowest_ms * 1000)), snmp_plan);
        if (progress_) progress_("");
        report.packets_sent += report.stages.packets_sent;
        report.warnings.insert(report.warnings.end(), report.stages.warnings.begin(),
                               report.stages.warnings.end());
        report.cancelled = cancel_ != nullptr && cancel_->load();
    }
    if (passive) {
        passive->stop(options_.stages.passive_min_seconds);
        report.passive_observations = passive->observations();
    }

    report.observations = buffer.observations.size();
    const auto t_store = std::chrono::steady_clock::now();
    const auto ids = store->record(buffer.observations);
    const auto t_fp = std::chrono::steady_clock::now();
    std::set<std::int64_t> devices(ids.begin(), ids.end());
    devices.erase(0);  // observations the store declined (virtual router MACs)
    try {
        const auto& engine = engine_loading.get();
        const auto t_engine = std::chrono::steady_clock::now();
        std::vector<std::pair<std::int64_t, DeviceEvidence>> evidence;
        // One bulk read of the store's devices instead of one query set per device (1,000 devices:
        // 181 ms -> see the debug line), keeping those this scan saw.
        for (auto& device : store->devices()) {
            if (devices.count(device.id) != 0) evidence.emplace_back(device.id, std::move(device.evidence));
        }
        const auto t_read = std::chrono::steady_clock::now();
        std::vector<const DeviceEvidence*> to_classify;
        to_classify.reserve(evidence.size());
        for (const auto& [id, e] : evidence) to_classify.push_back(&e);
        const auto verdicts = engine.classify_all(to_classify);
        const auto t_classify = std::chrono::steady_clock::now();
        std::vector<std::int64_t> verdict_devices;
        verdict_devices.reserve(evidence.size());
        for (const auto& [id, e] : evidence) verdict_devices.push_back(id);
        store->set_verdicts(verdict_devices, verdicts);
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        log->debug("fingerprint: engine wait {:.0f} ms, read {:.0f} ms, classify {:.0f} ms, write {:.0f} ms",
                   ms(t_fp, t_engine), ms(t_engine, t_read), ms(t_read, t_classify),
                   ms(t_classify, std::chrono::steady_clock::now()));
        report.fingerprinted = true;
    } catch (const std::exception& e) {
        log->warn("devices recorded without a verdict: the fingerprint rules did not load ({})", e.what());
    }
    const auto t_finish = std::chrono::steady_clock::now();
    if (report.cancelled) {
        // An interrupted sweep proves nothing about absent devices: the run stays unfinished, no "gone".
        report.summary.scan_id = scan_id;
        report.summary.devices_seen = static_cast<std::int64_t>(devices.size());
    } else {
        report.summary = store->finish_scan(scan_id, static_cast<std::int64_t>(report.packets_sent));
    }
    const auto t_end = std::chrono::steady_clock::now();
    report.elapsed_seconds = std::chrono::duration<double>(t_end - started).count();
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    log->debug(
        "timing: start {:.3f} s, sweep+stages {:.3f} s, store {:.3f} s, fingerprint {:.3f} s, finish {:.3f} "
        "s",
        secs(started, t_sweep), secs(t_sweep, t_store), secs(t_store, t_fp), secs(t_fp, t_finish),
        secs(t_finish, t_end));
    return report;
}

}  // namespace nd
