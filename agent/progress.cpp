#include "agent/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nd {

std::string format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
    char buf[48];
    if (seconds < 1.0) {
        std::snprintf(buf, sizeof buf, "%d ms", static_cast<int>(std::lround(seconds * 1000)));
    } else if (seconds < 60.0) {
        std::snprintf(buf, sizeof buf, "%.1f s", seconds);
    } else if (seconds < 3600.0) {
        const auto s = static_cast<long>(std::lround(seconds));
        std::snprintf(buf, sizeof buf, "%ld min %02ld s", s / 60, s % 60);
    } else {
        const auto m = static_cast<long>(std::lround(seconds / 60));
        std::snprintf(buf, sizeof buf, "%ld h %02ld min", m / 60, m % 60);
    }
    return buf;
}

std::string format_count(std::uint64_t n) {
    auto digits = std::to_string(n);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::optional<double> estimate_eta(const ProgressSnapshot& s) {
    if (s.total == 0) return std::nullopt;
    if (s.done >= s.total) return 0.0;
    if (s.done == 0 || s.elapsed_seconds <= 0) return std::nullopt;
    const double per_host = s.elapsed_seconds / static_cast<double>(s.done);
    return per_host * static_cast<double>(s.total - s.done) + std::max(0.0, s.tail_seconds);
}

std::string format_progress(const ProgressSnapshot& s) {
    std::string line = s.phase;
    line += "  " + format_count(s.done) + "/" + format_count(s.total) + " hosts";
    if (s.total > 0) {
        char pct[16];
        std::snprintf(pct, sizeof pct, " (%d%%)",
                      static_cast<int>(100.0 * static_cast<double>(std::min(s.done, s.total)) /
                                       static_cast<double>(s.total)));
        line += pct;
    }
    line += ", " + format_count(s.found) + " found";
    if (s.elapsed_seconds > 0) {
        const auto rate =
            static_cast<std::uint64_t>(std::llround(static_cast<double>(s.packets) / s.elapsed_seconds));
        line += ", " + format_count(rate) + " pkt/s";
    }
    const auto eta = estimate_eta(s);
    line += eta ? ", ETA " + format_duration(*eta) : ", ETA --";
    // Control characters from an interface name must not reach the terminal.
    for (auto& c : line)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return line;
}

bool progress_wanted(bool stderr_is_tty, bool quiet, const char* invocation_id, const char* journal_stream) {
    const auto set = [](const char* v) { return v != nullptr && *v != '\0'; };
    return stderr_is_tty && !quiet && !set(invocation_id) && !set(journal_stream);
}

bool progress_wanted_here(bool quiet) {
    return progress_wanted(isatty(STDERR_FILENO) != 0, quiet, std::getenv("INVOCATION_ID"),
                           std::getenv("JOURNAL_STREAM"));
}

void ProgressMeter::update(const ProgressSnapshot& s, Clock::time_point now) {
    const bool phase_changed = s.phase != last_phase_;
    const bool complete = s.total > 0 && s.done >= s.total;
    if (!phase_changed && !complete && last_ && now - *last_ < min_interval_) return;
    last_ = now;
    last_phase_ = s.phase;
    ++draws_;
    draw_(format_progress(s));
}

void ProgressMeter::clear() {
    if (draws_ == 0) return;
    draw_("");
    last_.reset();
    last_phase_.clear();
}

void draw_progress_on_stderr(const std::string& line) {
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
}

}  // namespace nd
