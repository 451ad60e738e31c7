#include "agent/daemon/store_backup.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <memory>

namespace nd {
namespace {

constexpr int kBusyTimeoutMs = 10000;

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, CloseDb>;

DbHandle open_db(const std::filesystem::path& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    DbHandle db(raw);
    if (rc != SQLITE_OK) {
        throw BackupError(path.string() + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    return db;
}

std::string integrity_of(sqlite3* db, const std::filesystem::path& path) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK)
        throw BackupError(path.string() + ": " + sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, sqlite3_finalize);
    std::string out;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0));
        if (!out.empty()) out += "; ";
        out += text ? text : "";
    }
    if (rc != SQLITE_DONE)
        throw BackupError(path.string() + ": integrity check failed: " + sqlite3_errmsg(db));
    return out;
}

}  // namespace

std::string check_integrity(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw BackupError(path.string() + ": no such store");
    const auto db = open_db(path, SQLITE_OPEN_READONLY);
    return integrity_of(db.get(), path);
}

BackupResult backup_store(const std::filesystem::path& source, const std::filesystem::path& target,
                          bool overwrite) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(source, ec)) throw BackupError(source.string() + ": no such store");
    if (std::filesystem::exists(target, ec) && !overwrite)
        throw BackupError(target.string() + ": already exists (use --force to replace it)");
    if (std::filesystem::equivalent(source, target, ec))
        throw BackupError(target.string() + ": is the store itself");
    auto partial = target;
    partial += ".partial";
    std::filesystem::remove(partial, ec);

    BackupResult result;
    try {
        // Read-write open of the source only so SQLite can use the WAL index; nothing is written to it.
        const auto from = open_db(source, SQLITE_OPEN_READWRITE);
        {
            const auto to = open_db(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
            if (!backup) throw BackupError(partial.string() + ": " + sqlite3_errmsg(to.get()));
            // All pages in one step: one read snapshot, so the copy is consistent even while the daemon
            // writes.
            int rc;
            int attempts = 0;
            while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                if (++attempts > kBusyTimeoutMs / 100) break;
                sqlite3_sleep(100);
            }
            result.pages = static_cast<std::uint64_t>(sqlite3_backup_pagecount(backup));
            sqlite3_backup_finish(backup);
            if (rc != SQLITE_DONE) {
                throw BackupError(source.string() + ": backup failed: " +
                                  (rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                                       ? std::string("store busy for too long")
                                       : std::string(sqlite3_errstr(rc))));
            }
            // The copy is a single file: no WAL beside it.
            sqlite3_exec(to.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
            result.integrity = integrity_of(to.get(), partial);
        }
        if (result.integrity != "ok")
            throw BackupError(target.string() + ": the copy failed its integrity check: " + result.integrity);
        std::filesystem::rename(partial, target);
    } catch (const std::filesystem::filesystem_error& e) {
        std::filesystem::remove(partial, ec);
        throw BackupError(target.string() + ": " + e.code().message());
    } catch (...) {
        std::filesystem::remove(partial, ec);
        throw;
    }
    result.bytes = std::filesystem::file_size(target, ec);
    return result;
}

}  // namespace nd
