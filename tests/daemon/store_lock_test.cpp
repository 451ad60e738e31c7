#include "agent/daemon/store_lock.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

namespace nd {
namespace {

namespace fs = std::filesystem;

class StoreLockTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nd-lock-" + std::to_string(getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(StoreLockTest, SecondHolderIsRefusedWithThePidOfTheFirst) {
    const auto store = dir_ / "site.db";
    StoreLock first(store);
    EXPECT_EQ(first.path(), dir_ / "site.db.lock");
    try {
        StoreLock second(store);
        FAIL() << "a second lock on the same store was granted";
    } catch (const StoreLockError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("already running on " + store.string()), std::string::npos) << message;
        EXPECT_NE(message.find("pid " + std::to_string(getpid())), std::string::npos) << message;
    }
}

TEST_F(StoreLockTest, ReleasedOnDestruction) {
    const auto store = dir_ / "site.db";
    { StoreLock first(store); }
    EXPECT_NO_THROW(StoreLock again(store));
}

TEST_F(StoreLockTest, DifferentStoresDoNotConflict) {
    StoreLock a(dir_ / "a.db");
    EXPECT_NO_THROW(StoreLock b(dir_ / "b.db"));
}

TEST_F(StoreLockTest, ReleasedWhenTheHolderDies) {
    const auto store = dir_ / "site.db";
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        try {
            StoreLock held(store);
            _exit(0);  // dies holding the lock, like kill -9: no destructor runs
        } catch (...) {
            _exit(1);
        }
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    EXPECT_NO_THROW(StoreLock after(store));
}

TEST_F(StoreLockTest, MissingDirectoryIsAClearError) {
    try {
        StoreLock lock(dir_ / "missing" / "site.db");
        FAIL();
    } catch (const StoreLockError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot create the daemon's lock file"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace nd
