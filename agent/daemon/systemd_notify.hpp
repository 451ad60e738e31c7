#pragma once
// sd_notify(3) for Type=notify units: readiness, watchdog pings, stopping and a status line.
// Without libsystemd at build time, or when not started by systemd ($NOTIFY_SOCKET unset), every
// call is a no-op, so the daemon runs the same from a shell.
#include <chrono>
#include <optional>
#include <string>

namespace nd {

class SystemdNotifier {
public:
    void ready(const std::string& status);
    void stopping();
    void status(const std::string& status);
    void watchdog();
    // The interval at which to ping (half of WatchdogSec), when the unit asked for a watchdog.
    std::optional<std::chrono::milliseconds> watchdog_interval() const;
    static bool compiled_in();

private:
    void send(const std::string& state);
};

}  // namespace nd
