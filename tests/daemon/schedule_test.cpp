#include "agent/daemon/schedule.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace nd {
namespace {

using namespace std::chrono_literals;
using SystemClock = std::chrono::system_clock;

// Local-time arithmetic is checked in a fixed zone so the test means the same on every machine.
class ScheduleTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (const char* tz = std::getenv("TZ")) saved_ = tz;
        setenv("TZ", "UTC", 1);
        tzset();
    }
    void TearDown() override {
        if (saved_) {
            setenv("TZ", saved_->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
    static SystemClock::time_point utc(int year, int month, int day, int hour, int minute, int second = 0) {
        std::tm tm{};
        tm.tm_year = year - 1900;
        tm.tm_mon = month - 1;
        tm.tm_mday = day;
        tm.tm_hour = hour;
        tm.tm_min = minute;
        tm.tm_sec = second;
        return SystemClock::from_time_t(timegm(&tm));
    }

private:
    std::optional<std::string> saved_;
};

TEST_F(ScheduleTest, ParsesTimesOfDay) {
    EXPECT_EQ(parse_time_of_day("02:00"), (std::pair{2, 0}));
    EXPECT_EQ(parse_time_of_day("2:30"), (std::pair{2, 30}));
    EXPECT_EQ(parse_time_of_day("23:59"), (std::pair{23, 59}));
    for (const char* bad : {"", "24:00", "02:60", "2", "02:0", "02:000", "-1:00", "aa:bb", "02:00 ", "1:2:3"})
        EXPECT_FALSE(parse_time_of_day(bad)) << bad;
}

TEST_F(ScheduleTest, NightlyRunsLaterTodayWhenTheTimeIsAhead) {
    Schedule s;  // 02:00
    s.jitter = 0s;
    EXPECT_EQ(next_run(s, utc(2026, 3, 10, 1, 15), std::nullopt, 0.0), utc(2026, 3, 10, 2, 0));
}

TEST_F(ScheduleTest, NightlyRunsTomorrowWhenTheTimeHasPassed) {
    Schedule s;
    s.jitter = 0s;
    EXPECT_EQ(next_run(s, utc(2026, 3, 10, 2, 0), std::nullopt, 0.0), utc(2026, 3, 11, 2, 0));
    EXPECT_EQ(next_run(s, utc(2026, 12, 31, 23, 0), std::nullopt, 0.0), utc(2027, 1, 1, 2, 0));
}

TEST_F(ScheduleTest, JitterDelaysWithinItsBound) {
    Schedule s;
    s.hour = 4;
    s.minute = 30;
    s.jitter = 1800s;
    const auto now = utc(2026, 3, 10, 12, 0);
    EXPECT_EQ(next_run(s, now, std::nullopt, 0.0), utc(2026, 3, 11, 4, 30));
    EXPECT_EQ(next_run(s, now, std::nullopt, 0.5), utc(2026, 3, 11, 4, 45));
    EXPECT_LE(next_run(s, now, std::nullopt, 0.999999), utc(2026, 3, 11, 5, 0));
    EXPECT_EQ(next_run(s, now, std::nullopt, 7.0), utc(2026, 3, 11, 5, 0));  // clamped
}

TEST_F(ScheduleTest, IntervalCountsFromTheLastStart) {
    Schedule s;
    s.every = 300s;
    s.jitter = 0s;
    const auto now = utc(2026, 3, 10, 12, 0);
    EXPECT_EQ(next_run(s, now, std::nullopt, 0.0), now + 300s);
    EXPECT_EQ(next_run(s, now, now - 100s, 0.0), now + 200s);
    // A scan longer than the interval: the next one starts at once, not in a burst of catch-ups.
    EXPECT_EQ(next_run(s, now, now - 1000s, 0.0), now + 1s);
}

TEST_F(ScheduleTest, Describes) {
    Schedule s;
    EXPECT_EQ(s.describe(), "nightly at 02:00 local time (+ up to 1800 s jitter)");
    s.every = 5s;
    s.jitter = 0s;
    EXPECT_EQ(s.describe(), "every 5 s");
}

}  // namespace
}  // namespace nd
