#include "agent/daemon/systemd_notify.hpp"

#include <algorithm>
#include <cstdint>

#ifdef NETDOSSIER_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace nd {

bool SystemdNotifier::compiled_in() {
#ifdef NETDOSSIER_HAVE_SYSTEMD
    return true;
#else
    return false;
#endif
}

void SystemdNotifier::send([[maybe_unused]] const std::string& state) {
#ifdef NETDOSSIER_HAVE_SYSTEMD
    sd_notify(0, state.c_str());
#endif
}

void SystemdNotifier::ready(const std::string& status) { send("READY=1\nSTATUS=" + status); }
void SystemdNotifier::stopping() { send("STOPPING=1"); }
void SystemdNotifier::status(const std::string& status) { send("STATUS=" + status); }
void SystemdNotifier::watchdog() { send("WATCHDOG=1"); }

std::optional<std::chrono::milliseconds> SystemdNotifier::watchdog_interval() const {
#ifdef NETDOSSIER_HAVE_SYSTEMD
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        return std::chrono::milliseconds(std::max<std::uint64_t>(usec / 2000, 100));
#endif
    return std::nullopt;
}

}  // namespace nd
