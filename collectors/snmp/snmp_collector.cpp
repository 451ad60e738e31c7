#include "collectors/snmp/snmp_collector.hpp"

// clang-format off
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>
// clang-format on
#include <spdlog/spdlog.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "collectors/snmp/vlan_context.hpp"

namespace nd {
namespace {

constexpr int kVlanTimeoutFactor = 5;
constexpr std::chrono::milliseconds kMinVlanTimeout{300};

std::shared_ptr<spdlog::logger> logger() {
    auto log = spdlog::get("collector.snmp");
    return log ? log : spdlog::default_logger();
}

// One select() round over every live session: read what arrived, let net-snmp retransmit or
// expire what timed out (which calls the hosts' callbacks).
template <typename Jobs>
void poll_once(const Jobs& jobs) {
    netsnmp_large_fd_set fds;
    netsnmp_large_fd_set_init(&fds, FD_SETSIZE);
    NETSNMP_LARGE_FD_ZERO(&fds);
    int numfds = 0;
    timeval tv{0, 50000};  // wake up at least every 50 ms for stop() and time limits
    for (const auto& j : jobs) {
        if (void* s = j.walk->session()) {
            int block = 0;
            snmp_sess_select_info2(s, &numfds, &fds, &tv, &block);
        }
    }
    const int ready = numfds > 0 ? netsnmp_large_fd_set_select(numfds, &fds, nullptr, nullptr, &tv) : 0;
    if (numfds == 0) {
        // Nothing to wait on (all hosts between states): do not spin.
        timeval nap{0, 1000};
        select(0, nullptr, nullptr, nullptr, &nap);
    }
    for (const auto& j : jobs) {
        HostWalk& h = *j.walk;
        if (ready > 0) {
            if (void* s = h.session()) snmp_sess_read2(s, &fds);
        }
        if (void* s = h.session()) snmp_sess_timeout(s);
        h.close_retired();
        h.resume();
    }
    netsnmp_large_fd_set_cleanup(&fds);
}

}  // namespace

SnmpCollector::SnmpCollector(SnmpOptions options, WalkPlan plan)
    : options_(std::move(options)), plan_(std::move(plan)), vlan_plan_(vlan_walk_plan()) {}

std::vector<SnmpHostResult> SnmpCollector::walk_hosts(
    const std::vector<SnmpTarget>& targets, const std::function<void(const SnmpHostResult&)>& on_done) {
    ensure_netsnmp_initialised();
    std::vector<SnmpHostResult> results(targets.size());
    // One running walk: a target's own walk, or one VLAN context of a switch.
    struct Job {
        std::size_t target = 0;
        std::optional<std::uint32_t> vlan;
        std::unique_ptr<SnmpOptions> options;  // VLAN jobs: the derived credential only
        std::unique_ptr<HostWalk> walk;
        bool vlans_decided = false;  // own walks: whether its VLAN contexts are known (pending or none)
    };
    // A switch with VLAN contexts to walk. They start as soon as its VLAN list is known, while its
    // own walk goes on; the result is delivered when both are done.
    struct Pending {
        std::optional<SnmpHostResult> own;  // the switch's own walk, once done
        SnmpCredential credential;
        std::deque<std::uint32_t> todo;
        int running = 0;
        std::chrono::milliseconds timeout{1000};
        SnmpWalk contexts;  // the VLAN walks, embedded under kVlanContextRoot
        std::vector<std::string> warnings;
        std::uint64_t requests = 0, responses = 0, timeouts = 0;
        bool complete = true;
    };
    std::vector<Job> active;
    std::map<std::size_t, Pending> pending;
    std::size_t next = 0;
    const std::size_t limit = static_cast<std::size_t>(std::max(1, options_.max_concurrent_hosts));
    const int vlan_limit = std::max(1, options_.vlan_walks_in_flight);

    auto deliver = [&](std::size_t index, SnmpHostResult r) {
        if (r.answered) {
            logger()->debug("{}: {} OIDs with credential {} in {} ms ({} requests, {} in flight)",
                            r.target.to_string(), r.walk.size(), r.credential, r.elapsed.count(), r.requests,
                            r.requests_in_flight);
        } else {
            logger()->debug("{}: {}", r.target.to_string(), r.error);
        }
        for (const auto& w : r.warnings) logger()->warn("{}: {}", r.target.to_string(), w);
        if (on_done) on_done(r);
        results[index] = std::move(r);
    };
    auto count = [&](const SnmpHostResult& r) {
        std::lock_guard lock(stats_mutex_);
        stats_.sent += r.requests;
        stats_.received += r.responses;
        stats_.timeouts += r.timeouts;
    };
    auto finish_pending = [&](std::size_t index) {
        auto it = pending.find(index);
        if (it == pending.end()) return;
        Pending& p = it->second;
        if (!p.own || p.running > 0 || !p.todo.empty()) return;
        SnmpHostResult r = std::move(*p.own);
        r.walk.merge(p.contexts);
        r.requests += p.requests;
        r.responses += p.responses;
        r.timeouts += p.timeouts;
        r.complete = r.complete && p.complete;
        for (auto& w : p.warnings) r.warnings.push_back(std::move(w));
        r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(HostWalk::Clock::now() -
                                                                          started_at_[index]);
        pending.erase(it);
        deliver(index, std::move(r));
    };
    // A switch's VLAN list is final (its own walk passed every subtree it is read from, or ended):
    // queue its context walks.
    auto decide_vlans = [&](Job& job, const SnmpWalk& walk, const SnmpCredential* used,
                            std::chrono::microseconds usual_answer) {
        job.vlans_decided = true;
        if (used == nullptr || stop_requested_) return;
        const auto vlans = vlans_needing_context_walk(walk, options_.max_vlan_contexts);
        if (vlans.empty()) return;
        // A VLAN the agent holds no context for is never answered (the community is simply
        // unknown): wait a few of this agent's usual round trips (90th percentile: one slow
        // answer under load must not set it) for it, not the full timeout.
        const auto timeout =
            std::clamp(std::chrono::ceil<std::chrono::milliseconds>(kVlanTimeoutFactor * usual_answer),
                       kMinVlanTimeout, std::max(kMinVlanTimeout, options_.timeout));
        std::string list;
        for (auto v : vlans) list += (list.empty() ? "" : ",") + std::to_string(v);
        logger()->debug("{}: walking the MAC tables of {} VLAN contexts ({}; {} ms for a silent one)",
                        targets[job.target].to_string(), vlans.size(), list, timeout.count());
        Pending p;
        p.credential = *used;
        p.todo.assign(vlans.begin(), vlans.end());
        p.timeout = timeout;
        pending[job.target] = std::move(p);
    };
    auto on_job_done = [&](Job& job) {
        if (!job.vlan && !job.vlans_decided) {
            decide_vlans(job, job.walk->walk_so_far(), job.walk->answered_credential(),
                         job.walk->usual_answer());
        }
        SnmpHostResult r = job.walk->take_result();
        count(r);
        if (!job.vlan) {
            if (auto it = pending.find(job.target); it != pending.end()) {
                it->second.own = std::move(r);
                finish_pending(job.target);
            } else {
                deliver(job.target, std::move(r));
            }
            return;
        }
        Pending& p = pending[job.target];
        --p.running;
        const std::string vlan = "VLAN " + std::to_string(*job.vlan) + ": ";
        p.requests += r.requests;
        p.responses += r.responses;
        p.timeouts += r.timeouts;
        if (r.answered) {
            embed_vlan_walk(p.contexts, *job.vlan, r.walk);
        } else {
            p.warnings.push_back(vlan + "MAC table not read (" + r.error + ")");
        }
        if (!r.complete) p.complete = false;
        for (auto& w : r.warnings) p.warnings.push_back(vlan + w);
        finish_pending(job.target);
    };
    auto start_vlan_jobs = [&] {
        for (auto& [index, p] : pending) {
            while (!stop_requested_ && active.size() < limit && p.running < vlan_limit && !p.todo.empty()) {
                Job job{index, p.todo.front(), std::make_unique<SnmpOptions>(options_), nullptr};
                p.todo.pop_front();
                job.options->credentials = {vlan_credential(p.credential, *job.vlan)};
                job.options->timeout = p.timeout;
                // A VLAN without a context never answers: one wait says so, a retry only doubles it.
                // A context that answered the probe keeps the normal retries for its walk.
                job.options->probe_retries = 0;
                // One request at a time per context: they run alongside the switch's own walk, and an
                // agent should see at most subtrees_in_flight + vlan_walks_in_flight requests at once.
                job.options->subtrees_in_flight = 1;
                job.walk =
                    std::make_unique<HostWalk>(targets[index], *job.options, vlan_plan_, &stop_requested_);
                ++p.running;
                active.push_back(std::move(job));
                active.back().walk->start();
            }
        }
    };
    const auto& vlan_subtrees = vlan_list_subtrees();
    auto vlan_list_known = [&](const HostWalk& w) {
        return w.walking() && std::all_of(vlan_subtrees.begin(), vlan_subtrees.end(),
                                          [&](const Oid& o) { return w.walked_past(o); });
    };

    started_at_.assign(targets.size(), HostWalk::Clock::now());
    while (next < targets.size() || !active.empty() || !pending.empty()) {
        if (cancel_flag_ != nullptr && cancel_flag_->load()) stop_requested_ = true;
        start_vlan_jobs();  // before new hosts: a switch's result waits for them
        while (!stop_requested_ && active.size() < limit && next < targets.size()) {
            started_at_[next] = HostWalk::Clock::now();
            active.push_back(
                Job{next, std::nullopt, nullptr,
                    std::make_unique<HostWalk>(targets[next], options_, plan_, &stop_requested_)});
            if (on_answered_) {
                active.back().walk->on_answered([callback = on_answered_, target = targets[next]](
                                                    const SnmpWalk& system) { callback(target, system); });
            }
            ++next;
            active.back().walk->start();
        }
        if (stop_requested_) {
            for (auto& j : active) j.walk->cancel("collector stopped");
            for (auto& [index, p] : pending) p.todo.clear();
            for (; next < targets.size(); ++next) {
                results[next].target = targets[next];
                results[next].error = "collector stopped before this host";
            }
        }
        poll_once(active);
        const auto now = HostWalk::Clock::now();
        for (std::size_t i = 0; i < active.size();) {
            Job& job = active[i];
            job.walk->tick(now);
            if (job.walk->done()) {
                job.walk->close_retired();
                Job finished = std::move(job);
                active.erase(active.begin() + static_cast<std::ptrdiff_t>(i));
                on_job_done(finished);
                continue;
            }
            if (!job.vlan && !job.vlans_decided && vlan_list_known(*job.walk)) {
                decide_vlans(job, job.walk->walk_so_far(), job.walk->answered_credential(),
                             job.walk->usual_answer());
            }
            ++i;
        }
        // Switches whose VLAN jobs were dropped by stop().
        for (auto it = pending.begin(); it != pending.end();) {
            const std::size_t index = it->first;
            ++it;
            finish_pending(index);
        }
    }
    return results;
}

void SnmpCollector::walk_hosts(const std::vector<SnmpTarget>& targets, ObservationSink& sink,
                               std::int64_t scan_id) {
    walk_hosts(targets, [&](const SnmpHostResult& r) {
        if (r.answered) sink.emit(to_observation(r, scan_id));
    });
}

CollectorStats SnmpCollector::stats() const {
    std::lock_guard lock(stats_mutex_);
    return stats_;
}

}  // namespace nd
