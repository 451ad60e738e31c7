#include "agent/daemon/systemd_notify.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#ifdef NETDOSSIER_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>

#include "collectors/shared_library.hpp"
#endif

namespace nd {
namespace {

#ifdef NETDOSSIER_HAVE_SYSTEMD
// libsystemd is opened by the daemon on its first message, not linked: the other commands start
// without it and its five dependencies. Null functions when it is missing: notifications are off.
struct SystemdLibrary {
    decltype(&::sd_notify) notify = nullptr;
    decltype(&::sd_watchdog_enabled) watchdog_enabled = nullptr;
};

const SystemdLibrary& systemd_library() {
    static const SystemdLibrary api = [] {
        SystemdLibrary loaded;
        try {
            const SharedLibrary lib({"libsystemd.so.0"});
            loaded.notify = lib.function<decltype(loaded.notify)>("sd_notify");
            loaded.watchdog_enabled = lib.function<decltype(loaded.watchdog_enabled)>("sd_watchdog_enabled");
        } catch (const SharedLibraryError& e) {
            // Started by systemd (Type=notify), a missing READY=1 gets the service killed: say why loudly.
            if (std::getenv("NOTIFY_SOCKET") != nullptr)
                spdlog::error("cannot tell systemd the daemon is ready: {}", e.what());
            return SystemdLibrary{};
        }
        return loaded;
    }();
    return api;
}
#endif

}  // namespace

bool SystemdNotifier::compiled_in() {
#ifdef NETDOSSIER_HAVE_SYSTEMD
    return true;
#else
    return false;
#endif
}

void SystemdNotifier::send([[maybe_unused]] const std::string& state) {
#ifdef NETDOSSIER_HAVE_SYSTEMD
    if (const auto& sd = systemd_library(); sd.notify != nullptr) sd.notify(0, state.c_str());
#endif
}

void SystemdNotifier::ready(const std::string& status) { send("READY=1\nSTATUS=" + status); }
void SystemdNotifier::stopping() { send("STOPPING=1"); }
void SystemdNotifier::status(const std::string& status) { send("STATUS=" + status); }
void SystemdNotifier::watchdog() { send("WATCHDOG=1"); }

std::optional<std::chrono::milliseconds> SystemdNotifier::watchdog_interval() const {
#ifdef NETDOSSIER_HAVE_SYSTEMD
    const auto& sd = systemd_library();
    std::uint64_t usec = 0;
    if (sd.watchdog_enabled != nullptr && sd.watchdog_enabled(0, &usec) > 0 && usec > 0)
        return std::chrono::milliseconds(std::max<std::uint64_t>(usec / 2000, 100));
#endif
    return std::nullopt;
}

}  // namespace nd
