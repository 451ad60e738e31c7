#pragma once
// One daemon per store: an exclusive flock on "<store>.lock" beside the store, held for the daemon's
// life. The kernel drops the lock when the process dies (also on kill -9), so a crashed daemon never
// blocks the next start. The holder's pid is written into the file for the refusal message.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace nd {

class StoreLockError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class StoreLock {
public:
    // Throws StoreLockError naming the store (and the holder's pid when known) if another process
    // holds the lock, or if the lock file can't be created.
    explicit StoreLock(const std::filesystem::path& store_path);
    ~StoreLock();
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

    const std::filesystem::path& path() const { return path_; }
    static std::filesystem::path lock_path_for(const std::filesystem::path& store_path);

private:
    std::filesystem::path path_;
    int fd_ = -1;
};

}  // namespace nd
