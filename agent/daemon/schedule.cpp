#include "agent/daemon/schedule.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>

namespace nd {
namespace {

std::optional<int> parse_number(std::string_view text, int max) {
    if (text.empty() || text.size() > 2) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0 || value > max)
        return std::nullopt;
    return value;
}

// Local HH:MM on the day of `day` (a local calendar day), as a time point.
Schedule::SystemClock::time_point local_time_on(std::tm day, int hour, int minute) {
    day.tm_hour = hour;
    day.tm_min = minute;
    day.tm_sec = 0;
    day.tm_isdst = -1;  // let mktime decide: the rescan stays at the local wall-clock time across DST
    return Schedule::SystemClock::from_time_t(std::mktime(&day));
}

}  // namespace

std::optional<std::pair<int, int>> parse_time_of_day(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto hour = parse_number(text.substr(0, colon), 23);
    const auto minute =
        text.size() - colon - 1 == 2 ? parse_number(text.substr(colon + 1), 59) : std::nullopt;
    if (!hour || !minute) return std::nullopt;
    return std::pair{*hour, *minute};
}

std::string Schedule::describe() const {
    std::string out;
    if (interval()) {
        out = "every " + std::to_string(every.count()) + " s";
    } else {
        char text[8];
        std::snprintf(text, sizeof text, "%02d:%02d", hour, minute);
        out = std::string("nightly at ") + text + " local time";
    }
    if (jitter.count() > 0) out += " (+ up to " + std::to_string(jitter.count()) + " s jitter)";
    return out;
}

Schedule::SystemClock::time_point next_run(const Schedule& schedule, Schedule::SystemClock::time_point now,
                                           std::optional<Schedule::SystemClock::time_point> last_start,
                                           double jitter_fraction) {
    using namespace std::chrono;
    const auto fraction = std::clamp(jitter_fraction, 0.0, 1.0);
    const auto jitter =
        duration_cast<Schedule::SystemClock::duration>(duration<double>(schedule.jitter) * fraction);
    if (schedule.interval()) {
        auto base = last_start ? *last_start + schedule.every : now + schedule.every;
        // A scan that ran longer than the interval: the next one starts now-ish, not in a burst of catch-ups.
        if (base <= now) base = now + seconds(1);
        return base + jitter;
    }
    const std::time_t now_t = Schedule::SystemClock::to_time_t(now);
    std::tm today{};
    localtime_r(&now_t, &today);
    auto at = local_time_on(today, schedule.hour, schedule.minute);
    if (at <= now) {
        std::tm tomorrow = today;
        tomorrow.tm_mday += 1;  // mktime normalises the month and year
        at = local_time_on(tomorrow, schedule.hour, schedule.minute);
    }
    return at + jitter;
}

}  // namespace nd
