#pragma once
// Terminal progress for an interactive scan: "ARP eth0  1,200/4,096 hosts  2,000 pkt/s  ETA 1.4 s",
// redrawn in place at most every `min_interval`. Shown only when stderr is a terminal and no service
// manager runs us (systemd sets INVOCATION_ID, and JOURNAL_STREAM when stderr goes to the journal).
// Formatting and the ETA are pure functions, unit-tested.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace nd {

struct ProgressSnapshot {
    std::string phase;        // "ARP eth0", "ICMP", ...
    std::uint64_t done = 0;   // hosts (addresses) done
    std::uint64_t total = 0;  // hosts in this phase
    std::uint64_t found = 0;  // hosts that answered so far
    std::uint64_t packets = 0;
    double elapsed_seconds = 0;
    double tail_seconds = 0;  // known wait after the last host (the reply timeout)
};

// "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min".
std::string format_duration(double seconds);
// "1,234,567"
std::string format_count(std::uint64_t n);
// Seconds left from the pace so far; nullopt until there is a pace to go by.
std::optional<double> estimate_eta(const ProgressSnapshot& s);
// One line, no newline or control characters.
std::string format_progress(const ProgressSnapshot& s);

// Whether to draw progress: stderr is a terminal, not quiet, not under a service manager.
bool progress_wanted(bool stderr_is_tty, bool quiet, const char* invocation_id, const char* journal_stream);
// The same from the real process state.
bool progress_wanted_here(bool quiet);

// Throttles redraws; `draw("")` clears the line.
class ProgressMeter {
public:
    using Clock = std::chrono::steady_clock;
    using Draw = std::function<void(const std::string&)>;
    explicit ProgressMeter(Draw draw, std::chrono::milliseconds min_interval = std::chrono::milliseconds(200))
        : draw_(std::move(draw)), min_interval_(min_interval) {}
    // Draws when `min_interval` passed since the last draw, or when the phase changed or is complete.
    void update(const ProgressSnapshot& s, Clock::time_point now = Clock::now());
    void clear();
    std::uint64_t draws() const { return draws_; }

private:
    Draw draw_;
    std::chrono::milliseconds min_interval_;
    std::optional<Clock::time_point> last_;
    std::string last_phase_;
    std::uint64_t draws_ = 0;
};

// The terminal writer: "\r\033[K" + line on stderr.
void draw_progress_on_stderr(const std::string& line);

}  // namespace nd
