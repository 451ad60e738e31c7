#include "storage/retention.hpp"

#include <string>
#include <system_error>

#include "storage/sqlite.hpp"

namespace nd {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::int64_t to_ms(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::int64_t pragma_int(sqlite::Connection& db, const char* sql) {
    auto stmt = db.prepare(sql);
    const std::int64_t value = stmt.step() ? stmt.column_int(0) : 0;
    stmt.reset();
    return value;
}

std::uintmax_t size_on_disk(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

}  // namespace

RetentionReport apply_retention(const std::filesystem::path& path, const RetentionPolicy& policy,
                                Clock::time_point now) {
    RetentionReport report;
    report.bytes_before = size_on_disk(path);
    sqlite::Connection db(path, /*create=*/false);
    db.exec("PRAGMA busy_timeout = 5000");
    db.exec("PRAGMA foreign_keys = ON");
    const std::int64_t keep = policy.keep_scans < 0 ? 0 : policy.keep_scans;
    {
        sqlite::Transaction tx(db);
        if (policy.observation_days > 0) {
            // The last `keep` scans keep their raw answers whatever their age (a daemon switched off
            // for two months still explains its latest findings).
            db.prepare(
                  "DELETE FROM observations WHERE time_ms < ?1 AND (scan_id IS NULL OR scan_id NOT IN "
                  "(SELECT id FROM scans ORDER BY id DESC LIMIT ?2))")
                .bind(1, to_ms(now) - policy.observation_days * kDayMs)
                .bind(2, keep)
                .run();
            report.observations_removed = db.changes();
        }
        if (policy.scan_detail_days > 0) {
            // Each device keeps its latest sighting: the next scan's address-change and "gone" checks
            // compare against it.
            db.prepare(
                  "DELETE FROM scan_devices WHERE scan_id IN (SELECT id FROM scans WHERE started_ms < ?1 "
                  "AND id NOT IN (SELECT id FROM scans WHERE completed = 1 ORDER BY id DESC LIMIT ?2)) "
                  "AND scan_id < (SELECT max(x.scan_id) FROM scan_devices x "
                  "WHERE x.device_id = scan_devices.device_id)")
                .bind(1, to_ms(now) - policy.scan_detail_days * kDayMs)
                .bind(2, keep)
                .run();
            report.scan_details_removed = db.changes();
        }
        tx.commit();
    }
    // Freed pages are reused by the next scans; compact only when a large share of the file is free
    // (after the first pruning of a long-unpruned store), so retention stays cheap night after night.
    const auto pages = pragma_int(db, "PRAGMA page_count");
    const auto free_pages = pragma_int(db, "PRAGMA freelist_count");
    if (pages > 64 && free_pages * 4 > pages) {
        db.exec("VACUUM");
        report.compacted = true;
    }
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    report.bytes_after = size_on_disk(path);
    return report;
}

}  // namespace nd
