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
    if (settled_ || round_size_ > 0) return;
    if (sent.size() < 2) {
        settled_ = true;  // one request alone shows nothing about the agent's pace
        return;
    }
    pending_ = sent;
    round_size_ = sent.size();
    const auto [earliest, latest] = std::minmax_element(
        sent.begin(), sent.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    send_spread_ = std::chrono::duration_cast<std::chrono::microseconds>(latest->second - earliest->second);
}

bool RequestWidth::answered(int reqid, Clock::time_point at) {
    auto it = pending_.find(reqid);
    if (settled_ || it == pending_.end()) return false;
    if (answers_++ == 0) {
        first_answer_ = at;
        first_trip_ = std::chrono::duration_cast<std::chrono::microseconds>(at - it->second);
    }
    last_answer_ = at;
    pending_.erase(it);
    if (!pending_.empty()) return false;
    // Answers come apart by the agent's work per request, less the time the sends themselves took
    // (a rate limit spaces them too).
    settled_ = true;
    const auto spread =
        std::chrono::duration_cast<std::chrono::microseconds>(last_answer_ - first_answer_) - send_spread_;
    const auto spacing =
        std::max(std::chrono::microseconds{0}, spread) / static_cast<std::int64_t>(round_size_ - 1);
    width_ = requests_to_keep_busy(first_trip_, spacing, most_);
    return true;
}

void RequestWidth::lost(int reqid) {
    if (settled_ || !pending_.contains(reqid)) return;
    settled_ = true;  // a lost answer spoils the timing: keep the width as it is
    pending_.clear();
}

}  // namespace nd
