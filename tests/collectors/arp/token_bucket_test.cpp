#include "collectors/arp/token_bucket.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

using Clock = TokenBucket::Clock;
using std::chrono::microseconds;
using std::chrono::milliseconds;

TEST(TokenBucket, StartsWithOneTokenNotAFullBurst) {
    const auto t0 = Clock::time_point{} + std::chrono::hours(1);
    TokenBucket bucket(1000.0, 10.0, t0);
    EXPECT_TRUE(bucket.try_take(t0));
    EXPECT_FALSE(bucket.try_take(t0));
    EXPECT_EQ(bucket.next_token(t0), t0 + milliseconds(1));
}

TEST(TokenBucket, RefillsAtTheRateAndCapsTheBurst) {
    const auto t0 = Clock::time_point{} + std::chrono::hours(1);
    TokenBucket bucket(1000.0, 5.0, t0);
    ASSERT_TRUE(bucket.try_take(t0));
    // A long idle period earns only `burst` tokens.
    const auto later = t0 + std::chrono::seconds(10);
    int taken = 0;
    while (bucket.try_take(later)) ++taken;
    EXPECT_EQ(taken, 5);
    EXPECT_FALSE(bucket.try_take(later + microseconds(999)));
    EXPECT_TRUE(bucket.try_take(later + microseconds(1000)));
}

TEST(TokenBucket, SustainedRateMatchesTheConfiguredRate) {
    const auto t0 = Clock::time_point{} + std::chrono::hours(1);
    TokenBucket bucket(19608.0, 39.0, t0);
    auto now = t0;
    int sent = 0;
    while (now < t0 + std::chrono::seconds(1)) {
        if (bucket.try_take(now)) {
            ++sent;
        } else {
            now = bucket.next_token(now);
        }
    }
    EXPECT_NEAR(sent, 19608, 40);
}

}  // namespace
}  // namespace nd
