// How many walk requests a host gets in flight, from the timing of the walk's first round.
#include "collectors/snmp/request_width.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using Clock = RequestWidth::Clock;

TEST(RequestsToKeepBusy, RoundTripOverThePaceOfAnswers) {
    EXPECT_EQ(requests_to_keep_busy(milliseconds(10), milliseconds(10), 4), 1U);  // one at a time
    EXPECT_EQ(requests_to_keep_busy(milliseconds(18), milliseconds(10), 4), 1U);  // some overhead
    EXPECT_EQ(requests_to_keep_busy(milliseconds(30), milliseconds(10), 4), 3U);  // a path 20 ms long
    EXPECT_EQ(requests_to_keep_busy(milliseconds(100), milliseconds(1), 4), 4U);  // never above the most
    EXPECT_EQ(requests_to_keep_busy(milliseconds(5), microseconds(0), 4), 4U);    // answers all at once
    EXPECT_EQ(requests_to_keep_busy(milliseconds(1), milliseconds(10), 4), 1U);   // never below one
    EXPECT_EQ(requests_to_keep_busy(milliseconds(10), milliseconds(1), 0), 1U);
}

// Four requests sent at t0; the answers arrive at the given offsets (ms).
std::size_t width_after(std::initializer_list<int> answers_ms,
                        std::initializer_list<int> sent_ms = {0, 0, 0, 0}) {
    RequestWidth width(4);
    const auto t0 = Clock::now();
    std::map<int, Clock::time_point> sent;
    int reqid = 1;
    for (int at : sent_ms) sent[reqid++] = t0 + milliseconds(at);
    width.first_round(sent);
    EXPECT_EQ(width.width(), 4U) << "until the round has answered";
    reqid = 1;
    bool settled = false;
    for (int at : answers_ms) settled = width.answered(reqid++, t0 + milliseconds(at));
    EXPECT_TRUE(settled);
    EXPECT_TRUE(width.settled());
    return width.width();
}

TEST(RequestWidth, AgentAnsweringOneAtATimeGetsOneRequest) { EXPECT_EQ(width_after({10, 20, 30, 40}), 1U); }

TEST(RequestWidth, LongPathKeepsAllRequestsInFlight) { EXPECT_EQ(width_after({50, 50, 51, 51}), 4U); }

TEST(RequestWidth, PathAndBusyAgentTogether) { EXPECT_EQ(width_after({12, 14, 16, 18}), 4U); }

TEST(RequestWidth, SendsSpacedByTheRateLimitAreNotTheAgentsPace) {
    // Sent 10 ms apart, each answered 12 ms later: the path, not the agent, sets the pace.
    EXPECT_EQ(width_after({12, 22, 32, 42}, {0, 10, 20, 30}), 4U);
}

// One late look at the socket (the poller busy with other hosts) moves one answer, not the estimate.
TEST(RequestWidth, OneLateAnswerDoesNotWidenTheWalk) { EXPECT_LE(width_after({30, 30, 45, 60}), 2U); }

TEST(RequestWidth, ALostAnswerLeavesOneRequest) {
    RequestWidth width(4);
    const auto t0 = Clock::now();
    width.first_round({{1, t0}, {2, t0}, {3, t0}});
    EXPECT_FALSE(width.answered(1, t0 + milliseconds(10)));
    width.lost(2);
    EXPECT_FALSE(width.answered(3, t0 + milliseconds(30)));
    EXPECT_TRUE(width.settled());
    EXPECT_EQ(width.width(), 1U);
}

TEST(RequestWidth, OneRequestAloneDecidesNothing) {
    RequestWidth width(3);
    width.first_round({{7, Clock::now()}});
    EXPECT_TRUE(width.settled());
    EXPECT_EQ(width.width(), 3U);
    EXPECT_FALSE(width.answered(7, Clock::now()));
    EXPECT_EQ(RequestWidth(0).width(), 1U);
}

TEST(RequestWidth, AnswersToOtherRequestsAreIgnored) {
    RequestWidth width(4);
    const auto t0 = Clock::now();
    width.first_round({{1, t0}, {2, t0}});
    EXPECT_FALSE(width.answered(99, t0 + milliseconds(1)));
    EXPECT_FALSE(width.answered(1, t0 + milliseconds(10)));
    EXPECT_TRUE(width.answered(2, t0 + milliseconds(20)));
    EXPECT_EQ(width.width(), 1U);
    EXPECT_FALSE(width.answered(2, t0 + milliseconds(30)));  // settled once
}

}  // namespace
}  // namespace nd
