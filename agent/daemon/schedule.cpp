#include "agent/daemon/schedule.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <string>

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

constexpr std::string_view kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::optional<int> parse_day(std::string_view text) {
    std::string lower(text);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (int d = 0; d < 7; ++d) {
        if (lower == kDayNames[d]) return d;
    }
    return std::nullopt;
}

// "mon-fri", "sat,sun", "mon,wed-fri": a bit per day (bit 0 = Sunday); a range may wrap ("fri-mon").
std::optional<std::uint8_t> parse_days(std::string_view text) {
    std::uint8_t days = 0;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        if (comma != std::string_view::npos && text.empty()) return std::nullopt;  // trailing comma
        const auto dash = item.find('-');
        const auto first = parse_day(item.substr(0, dash));
        const auto last = dash == std::string_view::npos ? first : parse_day(item.substr(dash + 1));
        if (!first || !last) return std::nullopt;
        for (int d = *first;; d = (d + 1) % 7) {
            days = static_cast<std::uint8_t>(days | (1U << d));
            if (d == *last) break;
        }
    }
    return days == 0 ? std::nullopt : std::optional<std::uint8_t>(days);
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    if (text.empty()) return std::nullopt;
    long long unit = 1;
    switch (text.back()) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 86400; break;
        default: unit = 0; break;
    }
    const auto digits = unit == 0 ? text : text.substr(0, text.size() - 1);
    if (unit == 0) unit = 1;
    long long value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || value < 0 ||
        value > 30LL * 86400 / unit)
        return std::nullopt;
    return std::chrono::seconds(value * unit);
}

std::optional<Schedule> parse_schedule(std::string_view text) {
    Schedule out;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const auto space = text.find(' ');
    if (space == std::string_view::npos) {
        const auto time = parse_time_of_day(text);
        if (!time) return std::nullopt;
        out.hour = time->first;
        out.minute = time->second;
        return out;
    }
    const auto head = text.substr(0, space);
    auto rest = text.substr(space + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (head == "every") {
        const auto every = parse_duration(rest);
        if (!every || every->count() == 0) return std::nullopt;
        out.every = *every;
        out.jitter = std::chrono::seconds(0);
        return out;
    }
    const auto days = parse_days(head);
    const auto time = parse_time_of_day(rest);
    if (!days || !time) return std::nullopt;
    out.weekdays = *days;
    out.hour = time->first;
    out.minute = time->second;
    return out;
}

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
        std::string days;
        for (int d = 0; d < 7; ++d) {
            if ((weekdays & (1U << d)) != 0U) days += (days.empty() ? "" : ",") + std::string(kDayNames[d]);
        }
        out = (weekdays == 0x7f ? std::string("nightly") : "on " + days) + " at " + text + " local time";
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
    const std::uint8_t days = schedule.weekdays == 0 ? std::uint8_t{0x7f} : schedule.weekdays;
    for (int ahead = 0; ahead <= 7; ++ahead) {
        std::tm day = today;
        day.tm_mday += ahead;  // mktime normalises the month and year
        day.tm_hour = 12;      // noon: far from any DST change, so the weekday is right
        day.tm_isdst = -1;
        std::mktime(&day);
        if ((days & (1U << day.tm_wday)) == 0U) continue;
        const auto at = local_time_on(day, schedule.hour, schedule.minute);
        if (at > now) return at + jitter;
    }
    return now + hours(24) + jitter;  // unreachable: some allowed day lies within the next 8
}

}  // namespace nd
