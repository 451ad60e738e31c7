#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "collectors/collector.hpp"

namespace nd {
namespace {

using Clock = RateLimit::Clock;

TEST(RateLimit, SharedByThreadsItIsAHardCap) {
    // Four threads take 200 tokens in all at 2,000/s: at least 100 ms however they interleave.
    RateLimit rate(2000.0);
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) ASSERT_TRUE(rate.take());
        });
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_EQ(rate.taken(), 200U);
    EXPECT_GE(elapsed, (200 - 20) / 2000.0);  // a 10 ms burst (20 tokens) may go at once
    EXPECT_LT(elapsed, 1.0);
}

TEST(RateLimit, VirtualClockPacing) {
    const auto t0 = Clock::time_point{} + std::chrono::hours(1);
    RateLimit rate(1000.0, std::chrono::milliseconds(5), t0);
    EXPECT_TRUE(rate.try_take(t0));
    EXPECT_FALSE(rate.try_take(t0));
    const auto next = rate.next_token(t0);
    EXPECT_GE(next, t0 + std::chrono::microseconds(999));
    EXPECT_LE(next, t0 + std::chrono::microseconds(1001));
    EXPECT_FALSE(rate.try_take(t0 + std::chrono::microseconds(500)));
    EXPECT_TRUE(rate.try_take(t0 + std::chrono::milliseconds(2)));
    // A long pause earns at most the burst (5 tokens), not a flood.
    int got = 0;
    while (rate.try_take(t0 + std::chrono::seconds(1))) ++got;
    EXPECT_EQ(got, 5);
}

TEST(RateLimit, TakeGivesUpWhenCancelled) {
    RateLimit rate(1.0);
    ASSERT_TRUE(rate.take());
    std::atomic<bool> cancel{true};
    EXPECT_FALSE(rate.take(&cancel));
}

TEST(HostSlots, LimitsRequestsInFlightPerHost) {
    HostSlots slots(2);
    const Ipv4Address a{0xc6120101}, b{0xc6120102};
    EXPECT_TRUE(slots.try_acquire(a));
    EXPECT_TRUE(slots.try_acquire(a));
    EXPECT_FALSE(slots.try_acquire(a));
    EXPECT_TRUE(slots.try_acquire(b));  // another host is independent
    EXPECT_EQ(slots.in_flight(a), 2);
    slots.release(a);
    EXPECT_TRUE(slots.try_acquire(a));
    slots.release(b);
    slots.release(b);  // an extra release is harmless
    EXPECT_EQ(slots.in_flight(b), 0);
    EXPECT_EQ(HostSlots(0).limit(), 1);
}

TEST(Pacer, UsesTheSharedLimitWhenGiven) {
    const auto t0 = Clock::time_point{} + std::chrono::hours(1);
    RateLimit shared(100.0, std::chrono::milliseconds(10), t0);
    Pacer a(&shared, 1e6, 1000, t0), b(&shared, 1e6, 1000, t0);
    EXPECT_TRUE(a.try_take(t0));
    EXPECT_FALSE(b.try_take(t0));  // a took the one token both share
    Pacer own(nullptr, 1000.0, 1, t0);
    EXPECT_TRUE(own.try_take(t0));
}

}  // namespace
}  // namespace nd
