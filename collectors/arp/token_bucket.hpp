#pragma once
// Packet pacing: a token bucket that allows `rate` packets per second on average and bursts of at
// most `burst` packets (a few milliseconds' worth), so a sweep never floods the client's network.
#include <algorithm>
#include <chrono>

namespace nd {

class TokenBucket {
public:
    using Clock = std::chrono::steady_clock;

    // Starts with one token, not a full bucket: the first burst is earned, not granted.
    TokenBucket(double rate_per_second, double burst, Clock::time_point start)
        : rate_(rate_per_second), burst_(std::max(1.0, burst)), tokens_(1.0), last_(start) {}

    bool try_take(Clock::time_point now) {
        refill(now);
        if (tokens_ < 1.0) return false;
        tokens_ -= 1.0;
        return true;
    }

    // The earliest time a token is available (now when one already is).
    Clock::time_point next_token(Clock::time_point now) {
        refill(now);
        if (tokens_ >= 1.0) return now;
        const auto wait = std::chrono::duration<double>((1.0 - tokens_) / rate_);
        return now + std::chrono::ceil<Clock::duration>(wait);
    }

    double rate() const { return rate_; }
    double burst() const { return burst_; }

private:
    void refill(Clock::time_point now) {
        if (now <= last_) return;
        const double elapsed = std::chrono::duration<double>(now - last_).count();
        tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
        last_ = now;
    }

    double rate_;
    double burst_;
    double tokens_;
    Clock::time_point last_;
};

}  // namespace nd
