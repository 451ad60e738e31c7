// The daemon's readiness and watchdog messages reach the socket systemd names ($NOTIFY_SOCKET), and the
// watchdog interval follows $WATCHDOG_USEC / $WATCHDOG_PID.
#include "agent/daemon/systemd_notify.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace nd {
namespace {

// An abstract-namespace datagram socket standing in for systemd's, named in $NOTIFY_SOCKET meanwhile.
class FakeSystemd {
public:
    FakeSystemd() {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const std::string name = "@nd-notify-test-" + std::to_string(::getpid());
        std::memcpy(address.sun_path, name.data(), name.size());
        address.sun_path[0] = '\0';
        const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
        bound_ = ::bind(fd_, reinterpret_cast<const sockaddr*>(&address), length) == 0;
        timeval wait{2, 0};  // a lost message fails the test instead of hanging it
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
        ::setenv("NOTIFY_SOCKET", name.c_str(), 1);
    }
    ~FakeSystemd() {
        ::unsetenv("NOTIFY_SOCKET");
        ::close(fd_);
    }
    bool bound() const { return bound_; }
    std::string receive() const {
        char buffer[512];
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }

private:
    int fd_ = -1;
    bool bound_ = false;
};

TEST(SystemdNotifyTest, MessagesReachTheNotifySocket) {
    if (!SystemdNotifier::compiled_in()) GTEST_SKIP() << "built without libsystemd";
    FakeSystemd systemd;
    ASSERT_TRUE(systemd.bound());
    SystemdNotifier notifier;
    notifier.ready("onboarding audit done");
    EXPECT_EQ(systemd.receive(), "READY=1\nSTATUS=onboarding audit done");
    notifier.watchdog();
    EXPECT_EQ(systemd.receive(), "WATCHDOG=1");
    notifier.stopping();
    EXPECT_EQ(systemd.receive(), "STOPPING=1");
}

TEST(SystemdNotifyTest, WithoutSystemdEveryCallIsANoOp) {
    ::unsetenv("NOTIFY_SOCKET");
    SystemdNotifier notifier;
    notifier.ready("x");
    ::setenv("NOTIFY_SOCKET", "vsock:2:1234", 1);  // not a socket this daemon can use: ignored
    notifier.status("y");
    ::unsetenv("NOTIFY_SOCKET");
}

TEST(SystemdNotifyTest, WatchdogIntervalIsHalfOfWatchdogSecForThisProcess) {
    if (!SystemdNotifier::compiled_in()) GTEST_SKIP() << "built without libsystemd";
    SystemdNotifier notifier;
    ::unsetenv("WATCHDOG_PID");
    ::unsetenv("WATCHDOG_USEC");
    EXPECT_FALSE(notifier.watchdog_interval().has_value());
    ::setenv("WATCHDOG_USEC", "30000000", 1);  // WatchdogSec=30
    EXPECT_EQ(notifier.watchdog_interval(), std::chrono::milliseconds(15000));
    ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
    EXPECT_EQ(notifier.watchdog_interval(), std::chrono::milliseconds(15000));
    ::setenv("WATCHDOG_PID", std::to_string(::getpid() + 1).c_str(), 1);  // meant for another process
    EXPECT_FALSE(notifier.watchdog_interval().has_value());
    ::unsetenv("WATCHDOG_PID");
    ::setenv("WATCHDOG_USEC", "soon", 1);
    EXPECT_FALSE(notifier.watchdog_interval().has_value());
    ::unsetenv("WATCHDOG_USEC");
}

}  // namespace
}  // namespace nd
