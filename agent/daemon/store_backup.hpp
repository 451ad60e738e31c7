#pragma once
// A consistent copy of a store that may be in use: SQLite's online backup API reads one snapshot
// (a WAL read transaction, so the daemon keeps writing meanwhile), the copy is checked with
// PRAGMA integrity_check and only then renamed into place. A failed backup leaves no file behind.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace nd {

class BackupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct BackupResult {
    std::uint64_t pages = 0;
    std::uint64_t bytes = 0;
    std::string integrity;  // "ok"
};

// Throws BackupError naming the file and the problem: missing source, existing target without
// `overwrite`, a busy store beyond the timeout, a copy that fails its integrity check.
BackupResult backup_store(const std::filesystem::path& source, const std::filesystem::path& target,
                          bool overwrite);

// PRAGMA integrity_check on a store file: "ok" or SQLite's first complaints.
std::string check_integrity(const std::filesystem::path& path);

}  // namespace nd
