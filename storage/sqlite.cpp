#include "storage/sqlite.hpp"

#include <sqlite3.h>

namespace nd::sqlite {

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& path) : db_(db), path_(&path) {
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_), path_(other.path_) {
    other.stmt_ = nullptr;
}

void Statement::fail(int rc) const {
    const std::string general = sqlite3_errstr(rc);
    const std::string detail = sqlite3_errmsg(db_);
    throw StoreError("store " + *path_ + ": " +
                     (general == detail ? general : general + " (" + detail + ")"));
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (const int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) fail(rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc =
        sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(rc);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
    if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    sqlite3_reset(stmt_);
    if (rc == SQLITE_DONE) {
        sqlite3_clear_bindings(stmt_);
        return false;
    }
    sqlite3_clear_bindings(stmt_);
    fail(rc);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::column_text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_text(column);
}

Connection::Connection(const std::filesystem::path& path, bool create) : path_(path.string()) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (create) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StoreError("store " + path_ + ": cannot open: " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() {
    cache_.clear();
    sqlite3_close_v2(db_);
}

Statement& Connection::cached(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it == cache_.end()) {
        it = cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql, path_)).first;
    } else {
        it->second->reset();
    }
    return *it->second;
}

void Connection::fail(std::string_view what) const {
    throw StoreError("store " + path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

void Connection::exec(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw StoreError("store " + path_ + ": " + message);
    }
}

std::int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Connection::changes() const { return sqlite3_changes(db_); }
bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Transaction::Transaction(Connection& db) : db_(db), nested_(db.in_transaction()) {
    // IMMEDIATE takes the write lock up front, so the busy timeout applies instead of a failed upgrade.
    db_.exec(nested_ ? "SAVEPOINT nd_tx" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec(nested_ ? "ROLLBACK TO nd_tx; RELEASE nd_tx" : "ROLLBACK");
    } catch (const StoreError&) {
        // The connection already rolled back (e.g. after SQLITE_FULL); nothing more to undo.
    }
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE nd_tx" : "COMMIT");
    done_ = true;
}

}  // namespace nd::sqlite
