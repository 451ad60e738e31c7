#pragma once
// How many walk requests one host gets in flight. Several in flight hide round trips (a WAN, a slow
// path), but an agent that answers one request at a time (net-snmp's snmpd, most embedded agents,
// snmpsim) only queues them: nothing is gained, and the walk cut into more, thinner requests costs
// the agent more work. So the first round of requests, sent together, is timed: the first answer's
// round trip is path + one request's work, and the spacing of the later answers is the agent's work
// per request (about zero when it answers in parallel or the path dominates). As many requests as fit
// into one round trip at that pace keep the agent busy (Little's law); more only wait in its queue.
#include <chrono>
#include <cstddef>
#include <map>
#include <vector>

namespace nd {

// Requests in flight that keep an agent busy: round trip of the first answer / spacing of the answers
// per request, rounded down, within [1, most]. A spacing of zero (all answers at once) gives `most`.
std::size_t requests_to_keep_busy(std::chrono::microseconds first_round_trip,
                                  std::chrono::microseconds spacing_per_request, std::size_t most);

class RequestWidth {
public:
    using Clock = std::chrono::steady_clock;
    explicit RequestWidth(std::size_t most) : most_(most < 1 ? 1 : most), width_(most_) {}

    std::size_t width() const { return width_; }
    bool settled() const { return settled_; }
    // The requests sent together when the walk starts (call once; fewer than two decide nothing).
    void first_round(const std::map<int, Clock::time_point>& sent);
    // An answer to request `reqid`; once the whole first round has answered, the width is settled
    // (returns true that once).
    bool answered(int reqid, Clock::time_point at);
    // A first-round request got no answer (timed out, not sent, refused): an agent that drops queued
    // requests is overloaded, so it gets one at a time.
    void lost(int reqid);

private:
    std::size_t most_;
    std::size_t width_;
    bool settled_ = false;
    std::map<int, Clock::time_point> pending_;  // first-round requests not answered yet -> sent at
    bool any_answer_ = false;
    std::chrono::microseconds first_trip_{0};  // round trip of the first answer
    Clock::time_point last_answer_{};
    Clock::time_point last_answer_sent_{};         // when the request of the last answer was sent
    std::vector<std::chrono::microseconds> gaps_;  // between answers, less the gap between their sends
};

}  // namespace nd
