#include "agent/scan_stages.hpp"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <optional>
#include <set>

#include "agent/logging.hpp"
#include "collectors/icmp/icmp_sweep.hpp"
#include "collectors/icmp/raw_icmp_channel.hpp"
#include "collectors/mdns/mdns_browser.hpp"
#include "collectors/mdns/udp_channel.hpp"
#include "collectors/passive/frame_observer.hpp"
#include "collectors/passive/passive_listener.hpp"
#include "collectors/passive/pcap_listen_channel.hpp"
#include "collectors/probes/tcp_probe.hpp"
#include "collectors/snmp/snmp_collector.hpp"

namespace nd {
namespace {

// Keeps what lies inside the scan's targets and outside its exclusions; evidence without an address
// (a MAC seen passively on the scanned link) is kept too.
class ScopedSink final : public ObservationSink {
public:
    ScopedSink(ObservationSink& inner, std::vector<Ipv4Network> scope, std::vector<Ipv4Network> exclude)
        : inner_(inner), scope_(std::move(scope)), exclude_(std::move(exclude)) {}

    void emit(Observation o) override {
        auto& ips = o.evidence.ips;
        const bool had_ips = !ips.empty();
        std::erase_if(ips, [&](Ipv4Address ip) { return !in_scope(ip); });
        if (had_ips && ips.empty()) {
            ++dropped_;
            return;
        }
        ++kept_;
        if (!o.evidence.ips.empty()) answered_.insert(o.evidence.ips.front());
        inner_.emit(std::move(o));
    }
    bool in_scope(Ipv4Address ip) const {
        for (const auto& x : exclude_)
            if (x.contains(ip)) return false;
        for (const auto& s : scope_)
            if (s.contains(ip)) return true;
        return false;
    }
    std::uint64_t kept() const { return kept_; }
    const std::set<Ipv4Address>& answered() const { return answered_; }

private:
    ObservationSink& inner_;
    std::vector<Ipv4Network> scope_, exclude_;
    std::uint64_t kept_ = 0, dropped_ = 0;
    std::set<Ipv4Address> answered_;
};

bool cancelled(const std::atomic<bool>* cancel) { return cancel != nullptr && cancel->load(); }

}  // namespace

PassiveCapture::PassiveCapture(const std::vector<std::string>& interfaces, ObservationSink& sink,
                               std::int64_t scan_id)
    : started_(std::chrono::steady_clock::now()) {
    const auto log = module_logger("collector.passive");
    for (const auto& name : interfaces) {
        std::shared_ptr<FrameChannel> channel;
        try {
            channel = std::make_shared<PcapListenChannel>(name, passive_filter());
        } catch (const std::exception& e) {
            warnings_.push_back("passive listening on " + name + " is off: " + e.what());
            log->warn("{}", warnings_.back());
            continue;
        }
        threads_.emplace_back([this, channel, &sink, scan_id] {
            PassiveOptions options;
            options.scan_id = scan_id;
            PassiveListener listener(*channel, sink, options);
            while (!stop_) {
                try {
                    observations_ +=
                        listener.poll_until(FrameChannel::Clock::now() + std::chrono::milliseconds(100));
                } catch (const std::exception& e) {
                    module_logger("collector.passive")->warn("passive capture stopped: {}", e.what());
                    return;
                }
            }
        });
    }
}

PassiveCapture::~PassiveCapture() { stop(); }

void PassiveCapture::stop(double min_seconds) {
    const auto until = started_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(min_seconds));
    while (!stop_ && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stop_ = true;
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
}

namespace {

// The follow-up stages as Collectors: each runs over its context's targets and reports what answered.
// They share the scan's RateLimit and HostSlots through the context.
class IcmpStage final : public Collector {
public:
    IcmpStage(const ScanPlan& plan, const ScanOptions& options, std::vector<Ipv4Network> on_link,
              const std::atomic<bool>* cancel)
        : plan_(plan), options_(options), on_link_(std::move(on_link)), cancel_(cancel) {}
    std::string_view name() const override { return "icmp"; }
    void start(const CollectorContext& ctx) override {
        boost::asio::io_context io;
        RawIcmpChannel channel(io, std::nullopt);
        IcmpSweepOptions icmp;
        icmp.rate_pps = options_.rate_pps;
        icmp.scan_id = ctx.scan_id;
        icmp.cancel = cancel_;
        // Routed targets: nothing is known about them; the full timeout and a retry.
        if (const auto routed = icmp_sweep_addresses(plan_.off_link, options_.exclude); !routed.empty()) {
            icmp.on_link = on_link_;
            add(IcmpSweep(channel, icmp, ctx.rate).run(routed, *ctx.sink));
        }
        // On-link hosts that answered ARP: alive and one hop away, asked only for their TTL. They answer
        // within their ARP round trip, so the wait is adaptive (4 x the slowest ARP reply, 50 ms ..
        // reply_timeout) and a lost echo costs a TTL, not a host: no retry. The kernel resolves them at
        // once (they just answered ARP), so the unresolved-in-flight cap for dead addresses doesn't apply.
        if (!ctx.targets.empty() && !stop_requested_) {
            icmp.on_link.clear();
            icmp.retries = 0;
            icmp.reply_timeout =
                std::clamp(std::chrono::ceil<std::chrono::milliseconds>(4 * slowest_arp_rtt_),
                           std::chrono::milliseconds(50),
                           std::max(std::chrono::milliseconds(50), options_.reply_timeout));
            add(IcmpSweep(channel, icmp, ctx.rate).run(ctx.targets, *ctx.sink));
        }
    }
    void set_slowest_arp_rtt(std::chrono::microseconds rtt) { slowest_arp_rtt_ = rtt; }
    std::uint64_t answered_count = 0;

private:
    void add(const IcmpSweepResult& r) {
        answered_count += r.answered;
        stats_.sent += r.stats.sent;
        stats_.received += r.stats.received;
        stats_.malformed += r.stats.malformed;
        stats_.timeouts += r.stats.timeouts;
        stats_.send_errors += r.stats.send_errors;
        module_logger("scan")->debug("icmp: {} answered of {} in {:.2f} s; {}", r.answered, r.targets,
                                     r.elapsed.count(), to_string(r.stats));
    }

    const ScanPlan& plan_;
    const ScanOptions& options_;
    std::vector<Ipv4Network> on_link_;
    const std::atomic<bool>* cancel_;
    std::chrono::microseconds slowest_arp_rtt_{0};
};

class SnmpStage final : public Collector {
public:
    SnmpStage(const ScanOptions& options, const std::atomic<bool>* cancel,
              std::function<WalkPlan()> walk_plan)
        : options_(options), cancel_(cancel), walk_plan_(std::move(walk_plan)) {}
    std::string_view name() const override { return "snmp"; }
    void start(const CollectorContext& ctx) override {
        auto snmp = options_.snmp;
        if (snmp.credentials.empty()) {
            // No credential configured: the read-only community most devices ship with.
            snmp.credentials.push_back(community_credential("default-public", "public"));
        }
        // The per-host limit caps the subtrees walked at once on one agent.
        snmp.subtrees_in_flight = std::max(1, std::min(snmp.subtrees_in_flight, options_.max_per_host));
        snmp.rate = ctx.rate;  // every SNMP request and retry draws from the scan's one packet rate
        std::vector<SnmpTarget> targets;
        for (auto ip : ctx.targets) targets.push_back(SnmpTarget{ip.to_string(), snmp.port});
        SnmpCollector collector(snmp, walk_plan_ ? walk_plan_() : default_walk_plan());
        collector.stop_when(cancel_);  // Ctrl-C ends the walks within a poll round, keeping what was read
        const auto results = collector.walk_hosts(targets);
        for (const auto& r : results) {
            if (!r.answered) continue;
            ++answered_count;
            for (const auto& w : r.warnings)
                module_logger("scan")->warn("snmp {}: {}", r.target.to_string(), w);
            ctx.sink->emit(to_observation(r, ctx.scan_id));
        }
        stats_ = collector.stats();
    }
    std::uint64_t answered_count = 0;

private:
    const ScanOptions& options_;
    const std::atomic<bool>* cancel_;
    std::function<WalkPlan()> walk_plan_;
};

class MdnsStage final : public Collector {
public:
    MdnsStage(const ScanPlan& plan, std::vector<std::string>& warnings) : plan_(plan), warnings_(warnings) {}
    std::string_view name() const override { return "mdns"; }
    void start(const CollectorContext& ctx) override {
        for (const auto& arp : plan_.arp) {
            if (stop_requested_) return;
            try {
                boost::asio::io_context io;
                UdpChannel channel(io, arp.endpoint.ip, UdpChannel::Mode::kMdnsPort);
                MdnsBrowseOptions mdns;
                mdns.unicast_response = false;  // full-size multicast answers (see UdpChannel)
                mdns.scan_id = ctx.scan_id;
                mdns.rate = ctx.rate;
                const auto result = MdnsBrowser(channel, mdns).browse(*ctx.sink);
                responders += result.responders;
                stats_.sent += result.stats.sent;
                stats_.received += result.stats.received;
                stats_.malformed += result.stats.malformed;
            } catch (const std::exception& e) {
                warnings_.push_back("the mDNS stage on " + arp.endpoint.interface +
                                    " was skipped: " + e.what());
                module_logger("scan")->warn("{}", warnings_.back());
            }
        }
    }
    std::uint64_t responders = 0;

private:
    const ScanPlan& plan_;
    std::vector<std::string>& warnings_;
};

class TcpStage final : public Collector {
public:
    explicit TcpStage(const ScanOptions& options) : options_(options) {}
    std::string_view name() const override { return "tcp"; }
    void start(const CollectorContext& ctx) override {
        TcpProbeOptions tcp;
        tcp.scan_id = ctx.scan_id;
        tcp.per_host = static_cast<std::size_t>(std::max(1, options_.max_per_host));
        tcp.rate = ctx.rate;
        tcp.host_slots = ctx.per_host;
        const auto result = TcpProbe(tcp).probe(ctx.targets, *ctx.sink);
        hosts = result.hosts_with_open_ports;
        stats_ = result.stats;
    }
    std::uint64_t hosts = 0;

private:
    const ScanOptions& options_;
};

}  // namespace

StageReport run_followup_stages(const ScanPlan& plan, const ScanOptions& options, std::int64_t scan_id,
                                const std::vector<Ipv4Address>& answered, ObservationSink& sink,
                                const std::atomic<bool>* cancel, ScanLimits* limits,
                                std::chrono::microseconds slowest_arp_rtt,
                                std::function<WalkPlan()> snmp_plan) {
    const auto log = module_logger("scan");
    StageReport report;
    std::vector<Ipv4Network> scope = plan.off_link;
    std::vector<Ipv4Network> on_link;
    for (const auto& arp : plan.arp) {
        scope.insert(scope.end(), arp.targets.begin(), arp.targets.end());
        on_link.insert(on_link.end(), arp.endpoint.subnets.begin(), arp.endpoint.subnets.end());
    }
    ScopedSink scoped(sink, scope, options.exclude);
    const auto& stages = options.stages;
    std::optional<ScanLimits> own_limits;
    if (limits == nullptr) limits = &own_limits.emplace(options);
    CollectorContext ctx;
    ctx.sink = &scoped;
    ctx.scan_id = scan_id;
    ctx.rate = &limits->rate;
    ctx.per_host = &limits->per_host;

    // Runs one stage; a collector's failure skips the stage with a warning, the scan goes on.
    auto run = [&](Collector& c, const std::vector<Ipv4Address>& targets, const char* what) {
        if (cancelled(cancel)) return;
        ctx.targets = targets;
        try {
            c.start(ctx);
        } catch (const std::exception& e) {
            report.warnings.push_back(std::string("the ") + what + " stage was skipped: " + e.what());
            log->warn("{}", report.warnings.back());
        }
        report.packets_sent += c.stats().sent;
    };

    // ICMP: the routed targets ARP cannot reach, and the on-link hosts ARP found (their TTL is evidence).
    std::set<Ipv4Address> alive(answered.begin(), answered.end());
    if (stages.icmp) {
        IcmpStage icmp(plan, options, on_link, cancel);
        icmp.set_slowest_arp_rtt(slowest_arp_rtt);
        const auto icmp_started = std::chrono::steady_clock::now();
        run(icmp, answered, "ICMP");
        report.icmp_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - icmp_started).count();
        report.icmp_answered = icmp.answered_count;
    }
    alive.insert(scoped.answered().begin(), scoped.answered().end());

    std::vector<Ipv4Address> probe_targets(alive.begin(), alive.end());
    if (stages.probe_silent) {
        try {
            std::set<Ipv4Address> all(alive);
            for (const auto& net : scope)
                for (auto ip : icmp_sweep_addresses({net}, options.exclude)) all.insert(ip);
            probe_targets.assign(all.begin(), all.end());
        } catch (const std::exception& e) {
            report.warnings.push_back(std::string("silent addresses are not probed: ") + e.what());
            log->warn("{}", report.warnings.back());
        }
    }
    if (stages.snmp && !probe_targets.empty()) {
        SnmpStage snmp(options, cancel, std::move(snmp_plan));
        run(snmp, probe_targets, "SNMP");
        report.snmp_answered = snmp.answered_count;
    }
    if (stages.mdns) {
        MdnsStage mdns(plan, report.warnings);
        run(mdns, {}, "mDNS");
        report.mdns_responders = mdns.responders;
    }
    if (stages.tcp && !probe_targets.empty()) {
        TcpStage tcp(options);
        run(tcp, probe_targets, "TCP probe");
        report.tcp_hosts = tcp.hosts;
    }
    return report;
}

}  // namespace nd
