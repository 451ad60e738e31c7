#pragma once
// The store's schema as an ordered list of migrations; PRAGMA user_version holds how many ran.
#include <string_view>

#include "storage/sqlite.hpp"

namespace nd {

// The schema version this binary writes.
int current_schema_version();

// Brings the database to current_schema_version(), each migration in its own transaction.
// Refuses (StoreError) a store newer than this binary or a SQLite file that is not a netdossier store.
void migrate(sqlite::Connection& db);

// The SQL of one migration (1-based), for upgrade tests that build an old store.
std::string_view migration_sql(int version);

// PRAGMA user_version; also the first read of a file, so a non-SQLite file fails here untouched.
int read_schema_version(sqlite::Connection& db);

}  // namespace nd
