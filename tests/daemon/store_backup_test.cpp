#include "agent/daemon/store_backup.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "storage/store.hpp"

namespace nd {
namespace {

namespace fs = std::filesystem;

class StoreBackupTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nd-backup-" + std::to_string(getpid()));
        fs::create_directories(dir_);
        store_ = dir_ / "site.db";
        auto store = Store::open(store_);
        for (int i = 0; i < 3; ++i) store.finish_scan(store.begin_scan({"198.18.0.0/24"}), 100);
        store.set_meta("site", "Client GmbH");
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
    fs::path store_;
};

TEST_F(StoreBackupTest, CopiesEverythingAndChecksTheCopy) {
    const auto copy = dir_ / "copy.db";
    const auto result = backup_store(store_, copy, false);
    EXPECT_EQ(result.integrity, "ok");
    EXPECT_GT(result.pages, 0u);
    EXPECT_EQ(result.bytes, fs::file_size(copy));
    EXPECT_FALSE(fs::exists(dir_ / "copy.db.partial"));
    EXPECT_FALSE(fs::exists(dir_ / "copy.db-wal")) << "the copy is one self-contained file";
    const auto restored = Store::open_existing(copy);
    EXPECT_EQ(restored.scans().size(), 3u);
    EXPECT_EQ(restored.meta("site"), "Client GmbH");
    EXPECT_EQ(check_integrity(copy), "ok");
}

TEST_F(StoreBackupTest, CopiesAConsistentSnapshotWhileAWriterHoldsATransaction) {
    sqlite3* writer = nullptr;
    ASSERT_EQ(sqlite3_open(store_.c_str(), &writer), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(writer,
                     "BEGIN IMMEDIATE; CREATE TABLE half_written(x); INSERT INTO half_written VALUES (1);",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    const auto copy = dir_ / "copy.db";
    EXPECT_EQ(backup_store(store_, copy, false).integrity, "ok");
    sqlite3_exec(writer, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(writer);

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(copy.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name = 'half_written'", -1,
                                 &stmt, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(stmt, 0), 0) << "an uncommitted transaction leaked into the copy";
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    EXPECT_EQ(Store::open_existing(copy).scans().size(), 3u);
}

TEST_F(StoreBackupTest, RefusesToOverwriteUnlessForced) {
    const auto copy = dir_ / "copy.db";
    std::ofstream(copy) << "precious";
    EXPECT_THROW(backup_store(store_, copy, false), BackupError);
    std::ifstream in(copy);
    std::string text;
    in >> text;
    EXPECT_EQ(text, "precious");
    EXPECT_EQ(backup_store(store_, copy, true).integrity, "ok");
}

TEST_F(StoreBackupTest, MissingOrCorruptSourcesAreClearErrorsAndLeaveNoFile) {
    try {
        backup_store(dir_ / "missing.db", dir_ / "a.db", false);
        FAIL();
    } catch (const BackupError& e) {
        EXPECT_NE(std::string(e.what()).find("no such store"), std::string::npos) << e.what();
    }
    const auto junk = dir_ / "junk.db";
    std::ofstream(junk) << std::string(8192, 'x');
    EXPECT_THROW(backup_store(junk, dir_ / "b.db", false), BackupError);
    EXPECT_FALSE(fs::exists(dir_ / "a.db"));
    EXPECT_FALSE(fs::exists(dir_ / "b.db"));
    EXPECT_FALSE(fs::exists(dir_ / "b.db.partial"));
}

TEST_F(StoreBackupTest, RefusesToCopyOntoItself) {
    EXPECT_THROW(backup_store(store_, store_, true), BackupError);
    EXPECT_EQ(Store::open_existing(store_).scans().size(), 3u);
}

}  // namespace
}  // namespace nd
