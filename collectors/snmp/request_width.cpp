#include "collectors/snmp/request_width.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace nd {

std::size_t requests_to_keep_busy(std::chrono::microseconds first_round_trip,
                                  std::chrono::microseconds spacing_per_request, std::size_t most) {
    most = std::max<std::size_t>(1, most);
    if (spacing_per_request.count() <= 0) return most;
    const double fit =
        static_cast<double>(first_round_trip.count()) / static_cast<double>(spacing_per_request.count());
    // Rounded down: a request more than fits only waits in the agent's queue, and an agent that answers
    // one at a time (round trip hardly above its work) gets exactly one.
    const auto whole = static_cast<std::size_t>(std::max(1.0, std::floor(fit)));
    return std::clamp<std::size_t>(whole, 1, most);
}

void RequestWidth::first_round(const std::map<int, Clock::time_point>& sent) {
    if (settled_ || !pending_.empty()) return;
    if (sent.size() < 2) {
        settled_ = true;  // one request alone shows nothing about the agent's pace
        return;
    }
    pending_ = sent;
}

bool RequestWidth::answered(int reqid, Clock::time_point at) {
    auto it = pending_.find(reqid);
    if (settled_ || it == pending_.end()) return false;
    const Clock::time_point sent = it->second;
    if (!any_answer_) {
        any_answer_ = true;
        first_trip_ = std::chrono::duration_cast<std::chrono::microseconds>(at - sent);
    } else {
        // Answers come apart by the agent's work per request, less what the sends' own spacing explains
        // (a rate limit). The median of these gaps: one late look at the socket (a busy poller) shifts
        // one answer, not the estimate.
        const auto answers_apart = at - last_answer_;
        const auto sends_apart = std::max(Clock::duration::zero(), sent - last_answer_sent_);
        gaps_.push_back(std::chrono::duration_cast<std::chrono::microseconds>(
            std::max(Clock::duration::zero(), answers_apart - sends_apart)));
    }
    last_answer_ = at;
    last_answer_sent_ = sent;
    pending_.erase(it);
    if (!pending_.empty()) return false;
    settled_ = true;
    auto middle = gaps_.begin() + static_cast<std::ptrdiff_t>(gaps_.size() / 2);
    std::nth_element(gaps_.begin(), middle, gaps_.end());
    width_ = requests_to_keep_busy(first_trip_, *middle, most_);
    return true;
}

void RequestWidth::lost(int reqid) {
    if (settled_ || !pending_.contains(reqid)) return;
    settled_ = true;
    width_ = 1;
    pending_.clear();
}

}  // namespace nd
