#pragma once
// The SNMP collector: walks many hosts concurrently from one poller loop (the calling thread)
// over net-snmp single-API sessions. Scan wiring:
//     SnmpCollector snmp(options);                 // options from [snmp] + --community flags
//     snmp.walk_hosts(targets, sink, scan_id);      // blocks until every host is done
// Each answering host becomes one Observation{source "snmp"} with evidence.snmp filled, its
// sysName as hostname and the name of the credential that worked. A Cisco switch's per-VLAN MAC
// tables (vlan_context.hpp) are walked as soon as its own walk has read the VLAN list, alongside the
// rest of its walk and the other hosts.
#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

#include "collectors/collector.hpp"
#include "collectors/snmp/host_walk.hpp"
#include "collectors/snmp/snmp_config.hpp"
#include "collectors/snmp/walk_plan.hpp"

namespace nd {

class SnmpCollector {
public:
    explicit SnmpCollector(SnmpOptions options, WalkPlan plan = default_walk_plan());

    std::string_view name() const { return "snmp"; }
    // Walks every target, at most options.max_concurrent_hosts at a time, and returns one result
    // per target in the order given. `on_done` (optional) sees each result as soon as it is ready.
    std::vector<SnmpHostResult> walk_hosts(const std::vector<SnmpTarget>& targets,
                                           const std::function<void(const SnmpHostResult&)>& on_done = {});
    // `callback` sees the system scalars of each target as soon as one of its credentials is answered
    // (on the calling thread, before that target's walk goes on): `identify` classifies ahead with them.
    // Set before walk_hosts().
    void on_answered(std::function<void(const SnmpTarget&, const SnmpWalk& system_scalars)> callback) {
        on_answered_ = std::move(callback);
    }
    // Same, emitting an Observation for each host that answered.
    void walk_hosts(const std::vector<SnmpTarget>& targets, ObservationSink& sink, std::int64_t scan_id);
    // From any thread: the running walk_hosts() stops soon, keeping partial results; later calls
    // return at once ("collector stopped before this host"). Idempotent.
    void stop() { stop_requested_ = true; }
    // Also stop when `flag` turns true (a scan's Ctrl-C flag; checked every poll round, <= 50 ms).
    void stop_when(const std::atomic<bool>* flag) { cancel_flag_ = flag; }
    CollectorStats stats() const;

private:
    SnmpOptions options_;
    WalkPlan plan_;
    WalkPlan vlan_plan_;  // what each VLAN context of a Cisco switch is asked for
    std::vector<HostWalk::Clock::time_point> started_at_;
    std::atomic<bool> stop_requested_{false};
    const std::atomic<bool>* cancel_flag_ = nullptr;
    std::function<void(const SnmpTarget&, const SnmpWalk&)> on_answered_;
    mutable std::mutex stats_mutex_;
    CollectorStats stats_;
};

// The evidence of one walked host (IP, walk, sysName as hostname, credential name).
Observation to_observation(const SnmpHostResult& result, std::int64_t scan_id);

}  // namespace nd
