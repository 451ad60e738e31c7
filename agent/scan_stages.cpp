#include "agent/scan_stages.hpp"

#include <boost/asio/io_context.hpp>
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

StageReport run_followup_stages(const ScanPlan& plan, const ScanOptions& options, std::int64_t scan_id,
                                const std::vector<Ipv4Address>& answered, ObservationSink& sink,
                                const std::atomic<bool>* cancel) {
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
    auto warn = [&](const std::string& what) {
        report.warnings.push_back(what);
        log->warn("{}", what);
    };

    // ICMP: the routed targets ARP cannot reach, and the on-link hosts ARP found (their TTL is evidence).
    std::set<Ipv4Address> alive(answered.begin(), answered.end());
    if (stages.icmp && !cancelled(cancel)) {
        try {
            auto targets = icmp_sweep_addresses(plan.off_link, options.exclude);
            targets.insert(targets.end(), answered.begin(), answered.end());
            if (!targets.empty()) {
                boost::asio::io_context io;
                RawIcmpChannel channel(io, std::nullopt);
                IcmpSweepOptions icmp;
                icmp.rate_pps = options.rate_pps;
                icmp.on_link = on_link;
                icmp.scan_id = scan_id;
                icmp.cancel = cancel;
                const auto result = IcmpSweep(channel, icmp).run(targets, scoped);
                report.icmp_answered = result.answered;
                report.packets_sent += result.stats.sent;
                log->debug("icmp: {} answered of {}; {}", result.answered, result.targets, to_string(result.stats));
            }
        } catch (const std::exception& e) {
            warn(std::string("the ICMP stage was skipped: ") + e.what());
        }
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
            warn(std::string("silent addresses are not probed: ") + e.what());
        }
    }

    if (stages.snmp && !cancelled(cancel) && !probe_targets.empty()) {
        try {
            auto snmp = options.snmp;
            if (snmp.credentials.empty()) {
                // No credential configured: the read-only community most devices ship with.
                snmp.credentials.push_back(community_credential("default-public", "public"));
            }
            std::vector<SnmpTarget> targets;
            for (auto ip : probe_targets) targets.push_back(SnmpTarget{ip.to_string(), snmp.port});
            SnmpCollector collector(snmp);
            const auto results = collector.walk_hosts(targets);
            for (const auto& r : results) {
                if (!r.answered) continue;
                ++report.snmp_answered;
                for (const auto& w : r.warnings) log->warn("snmp {}: {}", r.target.to_string(), w);
                scoped.emit(to_observation(r, scan_id));
            }
            report.packets_sent += collector.stats().sent;
        } catch (const std::exception& e) {
            warn(std::string("the SNMP stage was skipped: ") + e.what());
        }
    }

    if (stages.mdns && !cancelled(cancel)) {
        for (const auto& arp : plan.arp) {
            try {
                boost::asio::io_context io;
                UdpChannel channel(io, arp.endpoint.ip, UdpChannel::Mode::kMdnsPort);
                MdnsBrowseOptions mdns;
                mdns.unicast_response = false;  // full-size multicast answers (see UdpChannel)
                mdns.scan_id = scan_id;
                const auto result = MdnsBrowser(channel, mdns).browse(scoped);
                report.mdns_responders += result.responders;
                report.packets_sent += result.stats.sent;
            } catch (const std::exception& e) {
                warn("the mDNS stage on " + arp.endpoint.interface + " was skipped: " + e.what());
            }
        }
    }

    if (stages.tcp && !cancelled(cancel) && !probe_targets.empty()) {
        try {
            TcpProbeOptions tcp;
            tcp.scan_id = scan_id;
            const auto result = TcpProbe(tcp).probe(probe_targets, scoped);
            report.tcp_hosts = result.hosts_with_open_ports;
            report.packets_sent += result.stats.sent;
        } catch (const std::exception& e) {
            warn(std::string("the TCP probe stage was skipped: ") + e.what());
        }
    }
    return report;
}

}  // namespace nd
