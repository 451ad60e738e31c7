// The daemon on the small lab site (issue 7): `kill -9` in the middle of a scan loses no completed
// scan and the next start opens the store and continues; the command-line tools (export, explain,
// changes, annotate) work against the store while the daemon scans (WAL, busy timeouts). The daemon
// is the built binary run inside the scanner namespace; every process is ended by PID.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "storage/sqlite.hpp"
#include "storage/store.hpp"
#include "tests/integration/lab_fixture.hpp"

namespace nd {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

// A background process in its own process group, killed (whole group) when the test leaves early.
class Background {
public:
    Background(const std::vector<std::string>& argv, const fs::path& log) {
        pid_ = fork();
        if (pid_ == 0) {
            setpgid(0, 0);
            const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            execvp(args[0], args.data());
            _exit(127);
        }
        if (pid_ > 0) setpgid(pid_, pid_);
    }
    ~Background() {
        if (pid_ > 0 && !exited_) {
            kill(-pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    pid_t pid() const { return pid_; }
    void signal(int sig) const { kill(-pid_, sig); }  // `ip netns exec` execs, so the group is the daemon
    // The exit status, or nullopt when still running after `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout) {
        const auto end = SteadyClock::now() + timeout;
        while (true) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exited_ = true;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            if (SteadyClock::now() > end) return std::nullopt;
            std::this_thread::sleep_for(50ms);
        }
    }

private:
    pid_t pid_ = -1;
    bool exited_ = false;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class DaemonLabTest : public lab::SmallLabTest {
protected:
    void SetUp() override {
        lab::SmallLabTest::SetUp();
        if (IsSkipped()) return;
        dir_ = fs::temp_directory_path() / ("nd-daemon-lab-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        db_ = dir_ / "site.db";
        config_ = dir_ / "netdossier.toml";
        std::ofstream(config_) << "[site]\nname = \"daemon lab\"\n[scan]\ntargets = [\"198.18.1.0/24\"]\n"
                               << "[store]\npath = \"" << db_.string() << "\"\n"
                               << "[daemon]\nschedule = \"every 2s\"\njitter = 0\n";
        fs::permissions(config_, fs::perms::owner_read | fs::perms::owner_write);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::unique_ptr<Background> start_daemon(const std::string& log_name) {
        return std::make_unique<Background>(
            std::vector<std::string>{"ip", "netns", "exec", lab().truth().scanner.netns, NETDOSSIER_BINARY,
                                     "daemon", "--config", config_.string()},
            dir_ / log_name);
    }

    struct Runs {
        int completed = 0;
        bool running = false;  // the newest run is unfinished
        std::vector<std::int64_t> completed_ids;
    };
    Runs runs() const {
        Runs r;
        if (!fs::exists(db_)) return r;
        try {
            const auto scans = Store::open_existing(db_).scans();
            for (const auto& s : scans) {
                if (s.completed) {
                    ++r.completed;
                    r.completed_ids.push_back(s.id);
                }
            }
            r.running = !scans.empty() && !scans.back().completed;
        } catch (const std::exception&) {
            // the store is being created: not yet readable
        }
        return r;
    }
    // Polls until `done` or `timeout`.
    template <typename Predicate>
    bool wait_until(Predicate done, std::chrono::milliseconds timeout) const {
        const auto end = SteadyClock::now() + timeout;
        while (SteadyClock::now() < end) {
            if (done(runs())) return true;
            std::this_thread::sleep_for(100ms);
        }
        return false;
    }
    std::string integrity() const {
        sqlite::Connection db(db_, false);
        auto stmt = db.prepare("PRAGMA integrity_check");
        const std::string out = stmt.step() ? stmt.column_text(0) : "";
        stmt.reset();
        return out;
    }

    fs::path dir_;
    fs::path db_;
    fs::path config_;
};

TEST_F(DaemonLabTest, KillNineDuringAScanLosesNoCompletedScanAndTheNextStartContinues) {
    const auto began = SteadyClock::now();
    auto daemon = start_daemon("daemon1.log");
    ASSERT_TRUE(wait_until([](const Runs& r) { return r.completed >= 2; }, 180s))
        << "no onboarding audit and rescan within 180 s:\n"
        << read_file(dir_ / "daemon1.log");
    ASSERT_TRUE(wait_until([](const Runs& r) { return r.running; }, 30s)) << "no scan started";
    const auto before = runs();
    daemon->signal(SIGKILL);
    ASSERT_TRUE(daemon->wait(10s).has_value());
    const auto after_kill = runs();
    std::printf(
        "killed -9 during scan #%lld with %d completed scans\n",
        static_cast<long long>(after_kill.completed_ids.empty() ? 0 : after_kill.completed_ids.back() + 1),
        after_kill.completed);
    EXPECT_EQ(integrity(), "ok");
    EXPECT_GE(after_kill.completed, before.completed) << "a completed scan was lost";
    for (auto id : before.completed_ids) {
        EXPECT_NE(std::find(after_kill.completed_ids.begin(), after_kill.completed_ids.end(), id),
                  after_kill.completed_ids.end())
            << "completed scan #" << id << " lost";
    }
    // The store lock died with the process: the next daemon starts, continues the store, stops cleanly.
    daemon = start_daemon("daemon2.log");
    EXPECT_TRUE(wait_until([&](const Runs& r) { return r.completed >= after_kill.completed + 1; }, 120s))
        << read_file(dir_ / "daemon2.log");
    daemon->signal(SIGTERM);
    EXPECT_EQ(daemon->wait(30s), std::optional<int>(0)) << read_file(dir_ / "daemon2.log");
    const auto log = read_file(dir_ / "daemon2.log");
    EXPECT_NE(log.find("store holds completed scans"), std::string::npos) << log;
    EXPECT_EQ(integrity(), "ok");
    std::printf("kill -9 test: %.1f s\n", std::chrono::duration<double>(SteadyClock::now() - began).count());
}

TEST_F(DaemonLabTest, CommandLineToolsWorkWhileTheDaemonScans) {
    const auto began = SteadyClock::now();
    auto daemon = start_daemon("daemon.log");
    ASSERT_TRUE(wait_until([](const Runs& r) { return r.completed >= 1; }, 180s))
        << read_file(dir_ / "daemon.log");
    const std::string bin = NETDOSSIER_BINARY;
    const std::string db = db_.string();
    const std::vector<std::vector<std::string>> tools = {
        {bin, "export", "--db", db, "--format", "json", "--out", "-"},
        {bin, "explain", "--db", db, "198.18.1.2"},
        {bin, "changes", "--db", db, "--since", "0"},
        {bin, "annotate", "--db", db, "198.18.1.20", "location=Server room"},
    };
    int during_scan = 0;
    int runs_done = 0;
    double slowest = 0;
    const auto end = SteadyClock::now() + 40s;
    while (SteadyClock::now() < end && during_scan < 8) {
        if (!runs().running) {
            std::this_thread::sleep_for(50ms);
            continue;
        }
        for (const auto& argv : tools) {
            const auto t0 = SteadyClock::now();
            const auto result = lab::run_command(argv, 20s);
            const double took = std::chrono::duration<double>(SteadyClock::now() - t0).count();
            slowest = std::max(slowest, took);
            ++runs_done;
            EXPECT_TRUE(result.ok()) << argv[1] << " failed while the daemon scans (exit " << result.exit_code
                                     << "): " << result.err;
        }
        ++during_scan;
    }
    std::printf("%d tool runs in %d rounds started during a daemon scan; slowest %.2f s\n", runs_done,
                during_scan, slowest);
    EXPECT_GE(during_scan, 2) << "the tools never ran while a scan was in progress";
    EXPECT_LT(slowest, 10.0) << "a tool waited too long for the store";
    daemon->signal(SIGTERM);
    EXPECT_EQ(daemon->wait(30s), std::optional<int>(0)) << read_file(dir_ / "daemon.log");
    EXPECT_EQ(integrity(), "ok");
    const auto store = Store::open_existing(db_);
    bool annotated = false;
    for (const auto& d : store.devices()) {
        const auto it = d.annotations.find("location");
        annotated = annotated || (it != d.annotations.end() && it->second == "Server room");
    }
    EXPECT_TRUE(annotated) << "the annotation written during a scan was lost";
    std::printf("concurrent tools test: %.1f s\n",
                std::chrono::duration<double>(SteadyClock::now() - began).count());
}

}  // namespace
}  // namespace nd
