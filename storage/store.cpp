#include "storage/store.hpp"

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <system_error>

#include "model/evidence_json.hpp"
#include "storage/schema.hpp"
#include "storage/store_impl.hpp"

namespace nd {
namespace {

std::unique_ptr<Store::Impl> open_impl(const std::filesystem::path& path, bool create) {
    const std::string name = path.string();
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists) {
        if (!create) throw StoreError("store " + name + ": does not exist (run a scan first, or pass --db)");
        const auto parent = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
        if (!std::filesystem::is_directory(parent, ec)) {
            throw StoreError("store " + name + ": directory " + parent.string() + " does not exist");
        }
    } else if (std::filesystem::is_directory(path, ec)) {
        throw StoreError("store " + name + ": is a directory, not a store file");
    }
    auto impl = std::make_unique<Store::Impl>(path, create);
    auto& db = impl->db;
    if (sqlite3_db_readonly(db.handle(), "main") == 1)
        throw StoreError("store " + name + ": is not writable");
    // Wait for other writers from the very first read: a store another process is checkpointing or
    // closing answers SQLITE_BUSY for a moment, which must not read as "damaged" (a flaky parallel test).
    db.exec("PRAGMA busy_timeout = 5000");
    // The first read: a file that is not SQLite (or is damaged) fails here, before anything is written.
    int version = 0;
    try {
        version = read_schema_version(db);
        db.exec("SELECT count(*) FROM sqlite_master");
    } catch (const StoreError&) {
        throw StoreError("store " + name + ": not a netdossier store or damaged (" +
                         sqlite3_errmsg(db.handle()) + "); left untouched");
    }
    db.exec("PRAGMA foreign_keys = ON");
    if (version <= current_schema_version()) {
        auto mode = db.prepare("PRAGMA journal_mode = WAL");
        const std::string journal = mode.step() ? mode.column_text(0) : std::string();
        mode.reset();
        if (journal != "wal")
            throw StoreError("store " + name + ": cannot switch to WAL mode (got " + journal + ")");
        db.exec("PRAGMA synchronous = NORMAL");
    }
    migrate(db);
    return impl;
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::open(const std::filesystem::path& path) { return Store(open_impl(path, true)); }
Store Store::open_existing(const std::filesystem::path& path) { return Store(open_impl(path, false)); }

int Store::schema_version() const { return read_schema_version(impl_->db); }
const std::string& Store::path() const { return impl_->db.path(); }

void Store::set_meta(const std::string& key, const std::string& value) {
    impl_->db
        .cached(
            "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = "
            "excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

std::optional<std::string> Store::meta(const std::string& key) const {
    auto& stmt = impl_->db.cached("SELECT value FROM meta WHERE key = ?1");
    stmt.bind(1, key);
    std::optional<std::string> value;
    if (stmt.step()) value = stmt.column_text(0);
    stmt.reset();
    return value;
}

std::int64_t Store::begin_scan(const std::vector<std::string>& targets) {
    impl_->db.cached("INSERT INTO scans(started_ms, targets) VALUES (?1, ?2)")
        .bind(1, to_ms(Clock::now()))
        .bind(2, nlohmann::json(targets).dump())
        .run();
    impl_->open_scan = impl_->db.last_insert_rowid();
    return impl_->open_scan;
}

std::int64_t Store::record(const Observation& observation) {
    sqlite::Transaction tx(impl_->db);
    const auto id = impl_->record_one(observation);
    tx.commit();
    return id;
}

std::vector<std::int64_t> Store::record(const std::vector<Observation>& observations) {
    std::vector<std::int64_t> ids;
    ids.reserve(observations.size());
    sqlite::Transaction tx(impl_->db);
    for (const auto& o : observations) ids.push_back(impl_->record_one(o));
    tx.commit();
    return ids;
}

void Store::annotate(std::int64_t device_id, const std::string& key, const std::string& value) {
    auto& db = impl_->db;
    if (value.empty()) {
        db.cached("DELETE FROM annotations WHERE device_id = ?1 AND key = ?2")
            .bind(1, device_id)
            .bind(2, key)
            .run();
        return;
    }
    db.cached(
          "INSERT INTO annotations(device_id, key, value, updated_ms) VALUES (?1, ?2, ?3, ?4) "
          "ON CONFLICT(device_id, key) DO UPDATE SET value = excluded.value, updated_ms = "
          "excluded.updated_ms")
        .bind(1, device_id)
        .bind(2, key)
        .bind(3, value)
        .bind(4, to_ms(Clock::now()))
        .run();
}

std::int64_t Store::prune_observations(Clock::time_point before) {
    impl_->db.cached("DELETE FROM observations WHERE time_ms < ?1").bind(1, to_ms(before)).run();
    return impl_->db.changes();
}

}  // namespace nd
