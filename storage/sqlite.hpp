#pragma once
// Thin RAII over the sqlite3 C API: a connection, prepared statements, and transactions that nest
// (BEGIN IMMEDIATE outside, SAVEPOINT inside). Errors become StoreError naming the database path.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/store_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace nd::sqlite {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql, const std::string& path);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds are 1-based, like SQLite's. An empty optional binds NULL.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind_null(int index);

    // Advances to the next row; false when done. Resets itself at the end so it can be reused.
    bool step();
    // Runs to completion (for statements without rows) and resets.
    void run();
    void reset();

    bool is_null(int column) const;
    std::int64_t column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;

private:
    [[noreturn]] void fail(int rc) const;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    const std::string* path_;
};

class Connection {
public:
    // Opens (creating when `create`) the file; throws StoreError naming the path.
    Connection(const std::filesystem::path& path, bool create);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql, path_); }
    // Prepared once per connection and reset before each use: for statements run per observation.
    Statement& cached(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    int changes() const;
    bool in_transaction() const;
    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }
    [[noreturn]] void fail(std::string_view what) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// Commits on commit(), rolls back if destroyed first. Nests through savepoints.
class Transaction {
public:
    explicit Transaction(Connection& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace nd::sqlite
