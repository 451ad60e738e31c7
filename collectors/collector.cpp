#include "collectors/collector.hpp"

#include <thread>

namespace nd {

std::string to_string(const CollectorStats& s) {
    return "sent=" + std::to_string(s.sent) + " received=" + std::to_string(s.received) +
           " malformed=" + std::to_string(s.malformed) + " timeouts=" + std::to_string(s.timeouts) +
           " send_errors=" + std::to_string(s.send_errors);
}

RateLimit::RateLimit(double rate_pps, std::chrono::duration<double> burst_window, Clock::time_point start)
    : bucket_(rate_pps, rate_pps * burst_window.count(), start), rate_(rate_pps) {}

bool RateLimit::try_take(Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    if (!bucket_.try_take(now)) return false;
    ++taken_;
    return true;
}

RateLimit::Clock::time_point RateLimit::next_token(Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    return bucket_.next_token(now);
}

bool RateLimit::take(const std::atomic<bool>* cancel) {
    for (;;) {
        if (cancel != nullptr && cancel->load()) return false;
        const auto now = Clock::now();
        if (try_take(now)) return true;
        // Another thread may take the token first; then we simply wait for the next one.
        std::this_thread::sleep_until(std::min(next_token(now), now + std::chrono::milliseconds(50)));
    }
}

bool HostSlots::try_acquire(Ipv4Address host) {
    const std::lock_guard lock(mutex_);
    auto& n = busy_[host.value()];
    if (n >= limit_) return false;
    ++n;
    return true;
}

void HostSlots::release(Ipv4Address host) {
    const std::lock_guard lock(mutex_);
    const auto it = busy_.find(host.value());
    if (it == busy_.end()) return;
    if (--it->second <= 0) busy_.erase(it);
}

int HostSlots::in_flight(Ipv4Address host) const {
    const std::lock_guard lock(mutex_);
    const auto it = busy_.find(host.value());
    return it == busy_.end() ? 0 : it->second;
}

}  // namespace nd
