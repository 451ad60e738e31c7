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

TEST_F(ScheduleTest, ParsesTheConfigSpellings) {
    const auto daily = parse_schedule("03:15");
    ASSERT_TRUE(daily);
    EXPECT_EQ(daily->hour, 3);
    EXPECT_EQ(daily->minute, 15);
    EXPECT_EQ(daily->weekdays, 0x7f);
    EXPECT_FALSE(daily->interval());
    const auto weekdays = parse_schedule("mon-fri 02:00");
    ASSERT_TRUE(weekdays);
    EXPECT_EQ(weekdays->weekdays, 0b0111110);
    EXPECT_EQ(parse_schedule("sat,sun 04:00")->weekdays, 0b1000001);
    EXPECT_EQ(parse_schedule("Fri-Mon 04:00")->weekdays, 0b1100011) << "a range may wrap over Sunday";
    EXPECT_EQ(parse_schedule("mon,wed-fri 01:00")->weekdays, 0b0111010);
    const auto every = parse_schedule("every 6h");
    ASSERT_TRUE(every);
    EXPECT_EQ(every->every, 6h);
    EXPECT_EQ(every->jitter, 0s) << "an interval is exact unless jitter is asked for";
    EXPECT_EQ(parse_schedule("every 90s")->every, 90s);
    EXPECT_EQ(parse_schedule("every 1d")->every, 24h);
    for (const char* bad : {"", "25:00", "every", "every 0s", "every 6x", "every -5m", "mon-fry 02:00",
                            "mon, 02:00", "daily", "0 2 * * *", "every 31d", "mon-fri", "02:00 mon"})
        EXPECT_FALSE(parse_schedule(bad)) << bad;
}

TEST_F(ScheduleTest, ParsesDurations) {
    EXPECT_EQ(parse_duration("30m"), std::optional<std::chrono::seconds>(1800s));
    EXPECT_EQ(parse_duration("90"), std::optional<std::chrono::seconds>(90s));
    EXPECT_EQ(parse_duration("2h"), std::optional<std::chrono::seconds>(7200s));
    for (const char* bad : {"", "m", "1.5h", "-1s", "10y", "31d"}) EXPECT_FALSE(parse_duration(bad)) << bad;
}

TEST_F(ScheduleTest, WeekdaySchedulesSkipTheOtherDays) {
    auto s = *parse_schedule("mon-fri 02:00");
    s.jitter = 0s;
    // 2026-03-13 is a Friday: after Friday's run the next is Monday the 16th.
    EXPECT_EQ(next_run(s, utc(2026, 3, 13, 1, 0), std::nullopt, 0.0), utc(2026, 3, 13, 2, 0));
    EXPECT_EQ(next_run(s, utc(2026, 3, 13, 3, 0), std::nullopt, 0.0), utc(2026, 3, 16, 2, 0));
    auto weekend = *parse_schedule("sun 23:30");
    weekend.jitter = 0s;
    EXPECT_EQ(next_run(weekend, utc(2026, 3, 15, 23, 30), std::nullopt, 0.0), utc(2026, 3, 22, 23, 30))
        << "a weekly run that is due right now goes a week ahead";
}

TEST_F(ScheduleTest, Describes) {
    EXPECT_EQ(parse_schedule("mon-fri 02:00")->describe(), "on mon,tue,wed,thu,fri at 02:00 local time (+ up to 1800 s jitter)");
    Schedule s;
    EXPECT_EQ(s.describe(), "nightly at 02:00 local time (+ up to 1800 s jitter)");
    s.every = 5s;
    s.jitter = 0s;
    EXPECT_EQ(s.describe(), "every 5 s");
}

}  // namespace
}  // namespace nd
