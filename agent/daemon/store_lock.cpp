#include "agent/daemon/store_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nd {
namespace {

std::string read_holder(int fd) {
    char buffer[32] = {};
    const auto n = pread(fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0) return {};
    std::string text(buffer, static_cast<std::size_t>(n));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text.find_first_not_of("0123456789") == std::string::npos ? text : std::string{};
}

}  // namespace

std::filesystem::path StoreLock::lock_path_for(const std::filesystem::path& store_path) {
    auto lock = store_path;
    lock += ".lock";
    return lock;
}

StoreLock::StoreLock(const std::filesystem::path& store_path) : path_(lock_path_for(store_path)) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        throw StoreLockError(path_.string() +
                             ": cannot create the daemon's lock file: " + std::strerror(errno));
    }
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        const auto holder = read_holder(fd_);
        ::close(fd_);
        fd_ = -1;
        if (error == EWOULDBLOCK) {
            throw StoreLockError("another netdossier daemon" +
                                 (holder.empty() ? "" : " (pid " + holder + ")") + " is already running on " +
                                 store_path.string() + "; refusing to start a second one");
        }
        throw StoreLockError(path_.string() + ": cannot lock: " + std::strerror(error));
    }
    const auto pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd_, 0) == 0) {
        // The pid is only for the message above; failing to write it doesn't weaken the lock.
        [[maybe_unused]] const auto written = pwrite(fd_, pid.data(), pid.size(), 0);
    }
}

StoreLock::~StoreLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock; the file stays (removing it would race)
}

}  // namespace nd
