#pragma once
// When the daemon rescans: at a local wall-clock time on chosen weekdays (default nightly at 02:00)
// or every N seconds (for tests and short-lived sites), plus a random delay up to `jitter` so that
// many agents installed from the same package don't all sweep at the same second. Pure: `now` and
// the random draw are passed in, so every case is unit-tested without waiting.
//
// The config's spelling (a cron-like subset, parse_schedule):
//   "02:00"              every day at 02:00 local time
//   "mon-fri 02:00"      weekdays only; also "sat,sun 03:30", "mon,wed-fri 01:15"
//   "every 6h"           a fixed interval: "every 90s", "every 30m", "every 1d"
#include <cstdint>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace nd {

struct Schedule {
    using SystemClock = std::chrono::system_clock;

    int hour = 2;  // local time of the nightly rescan
    int minute = 0;
    std::chrono::seconds every{0};         // > 0: a fixed interval instead of the nightly time
    std::chrono::seconds jitter{30 * 60};  // random extra delay, 0..jitter
    std::uint8_t weekdays = 0x7f;          // bit d = tm_wday d (0 = Sunday): the days a timed rescan runs

    bool interval() const { return every.count() > 0; }
    std::string describe() const;  // "nightly at 02:00 local time (+ up to 1800 s jitter)"
};

// Parses "HH:MM" (24-hour); nullopt for anything else ("2:00" is fine, "24:00" and "02:60" are not).
std::optional<std::pair<int, int>> parse_time_of_day(std::string_view text);

// Parses the config spelling above (the time, days and interval; jitter stays the default).
std::optional<Schedule> parse_schedule(std::string_view text);
// "90s", "30m", "6h", "1d" or a plain number of seconds; nullopt for anything else or > 30 days.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// The next rescan strictly after `now`. `jitter_fraction` in [0, 1) picks the random delay.
// Timed: the next local HH:MM after now on an allowed weekday (DST gaps resolve through mktime).
// Interval: `last_start + every` when a scan has run, else `now + every`.
Schedule::SystemClock::time_point next_run(const Schedule& schedule, Schedule::SystemClock::time_point now,
                                           std::optional<Schedule::SystemClock::time_point> last_start,
                                           double jitter_fraction);

}  // namespace nd
