#include "collectors/snmp/snmp_collector.hpp"

// clang-format off
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>
// clang-format on
#include <spdlog/spdlog.h>

#include <deque>
#include <memory>

namespace nd {
namespace {

std::shared_ptr<spdlog::logger> logger() {
    auto log = spdlog::get("collector.snmp");
    return log ? log : spdlog::default_logger();
}

// One select() round over every live session: read what arrived, let net-snmp retransmit or
// expire what timed out (which calls the hosts' callbacks).
void poll_once(const std::vector<std::unique_ptr<HostWalk>>& hosts) {
    netsnmp_large_fd_set fds;
    netsnmp_large_fd_set_init(&fds, FD_SETSIZE);
    NETSNMP_LARGE_FD_ZERO(&fds);
    int numfds = 0;
    timeval tv{0, 50000};  // wake up at least every 50 ms for stop() and time limits
    for (const auto& h : hosts) {
        if (void* s = h->session()) {
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
    for (const auto& h : hosts) {
        if (ready > 0) {
            if (void* s = h->session()) snmp_sess_read2(s, &fds);
        }
        if (void* s = h->session()) snmp_sess_timeout(s);
        h->close_retired();
        h->resume();
    }
    netsnmp_large_fd_set_cleanup(&fds);
}

}  // namespace

SnmpCollector::SnmpCollector(SnmpOptions options, WalkPlan plan)
    : options_(std::move(options)), plan_(std::move(plan)) {}

std::vector<SnmpHostResult> SnmpCollector::walk_hosts(
    const std::vector<SnmpTarget>& targets, const std::function<void(const SnmpHostResult&)>& on_done) {
    ensure_netsnmp_initialised();
    stop_requested_ = false;
    std::vector<SnmpHostResult> results(targets.size());
    std::vector<std::unique_ptr<HostWalk>> active;
    std::vector<std::size_t> active_index;
    std::size_t next = 0;
    const std::size_t limit = static_cast<std::size_t>(std::max(1, options_.max_concurrent_hosts));

    auto collect = [&](std::size_t slot) {
        SnmpHostResult r = active[slot]->take_result();
        {
            std::lock_guard lock(stats_mutex_);
            stats_.sent += r.requests;
            stats_.received += r.responses;
            stats_.timeouts += r.timeouts;
        }
        if (r.answered) {
            logger()->debug("{}: {} OIDs with credential {} in {} ms ({} requests)", r.target.to_string(),
                            r.walk.size(), r.credential, r.elapsed.count(), r.requests);
        } else {
            logger()->debug("{}: {}", r.target.to_string(), r.error);
        }
        for (const auto& w : r.warnings) logger()->warn("{}: {}", r.target.to_string(), w);
        if (on_done) on_done(r);
        results[active_index[slot]] = std::move(r);
    };

    while (next < targets.size() || !active.empty()) {
        while (!stop_requested_ && active.size() < limit && next < targets.size()) {
            active.push_back(std::make_unique<HostWalk>(targets[next], options_, plan_));
            active_index.push_back(next);
            ++next;
            active.back()->start();
        }
        if (stop_requested_) {
            for (auto& h : active) h->cancel("collector stopped");
            for (; next < targets.size(); ++next) {
                results[next].target = targets[next];
                results[next].error = "collector stopped before this host";
            }
        }
        poll_once(active);
        const auto now = HostWalk::Clock::now();
        for (std::size_t i = 0; i < active.size();) {
            active[i]->tick(now);
            if (active[i]->done()) {
                active[i]->close_retired();
                collect(i);
                active.erase(active.begin() + static_cast<std::ptrdiff_t>(i));
                active_index.erase(active_index.begin() + static_cast<std::ptrdiff_t>(i));
            } else {
                ++i;
            }
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
