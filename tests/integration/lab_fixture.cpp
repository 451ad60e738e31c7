#include "tests/integration/lab_fixture.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace nd::lab {
namespace {

using Clock = std::chrono::steady_clock;

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
    return s;
}

bool executable_on_path(const std::string& tool) {
    for (const char* dir : {"/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin"}) {
        if (::access((std::string(dir) + "/" + tool).c_str(), X_OK) == 0) return true;
    }
    return false;
}

// Reads both pipes until EOF or the deadline; returns false on timeout.
bool drain(int out_fd, int err_fd, CommandResult& result, Clock::time_point deadline) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    char buf[8192];
    while (open_count > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        const int n = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (n < 0 && errno != EINTR) return false;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sinks[i]->append(buf, static_cast<size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open_count;
            }
        }
    }
    return true;
}

std::optional<std::string> opt_string(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<std::string>();
}

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return {};
    return j.at(key).get<std::vector<std::string>>();
}

LabDevice parse_device(const nlohmann::json& d) {
    LabDevice dev;
    dev.name = d.at("name").get<std::string>();
    dev.netns = d.at("netns").get<std::string>();
    dev.ip = d.at("ip").get<std::string>();
    dev.mac = d.at("mac").get<std::string>();
    dev.ips = string_list(d, "ips");
    dev.macs = string_list(d, "macs");
    if (dev.ips.empty()) dev.ips = {dev.ip};
    if (dev.macs.empty()) dev.macs = {dev.mac};
    dev.subnet = d.at("subnet").get<std::string>();
    dev.device_class = d.at("class").get<std::string>();
    dev.hostname = opt_string(d, "hostname");
    dev.vendor = opt_string(d, "vendor");
    dev.oui_vendor = opt_string(d, "oui_vendor");
    dev.model = opt_string(d, "model");
    dev.model_aliases = string_list(d, "model_aliases");
    dev.serial = opt_string(d, "serial");
    dev.firmware = opt_string(d, "firmware");
    dev.answers = string_list(d, "answers");
    if (d.contains("snmp") && !d.at("snmp").is_null()) {
        const auto& s = d.at("snmp");
        dev.snmp = SnmpAccess{s.at("community").get<std::string>(), opt_string(s, "recording"),
                              s.value("agent", std::string{})};
    }
    return dev;
}

std::atomic<int> prefix_counter{0};

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
    CommandResult result;
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        throw std::runtime_error("pipe2 failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // own group: a timeout kills it whole
    posix_spawnattr_setpgroup(&attr, 0);

    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        result.err = "cannot run " + argv[0] + ": " + std::strerror(rc);
        result.exit_code = 127;
        return result;
    }
    if (!drain(out_pipe[0], err_pipe[0], result, Clock::now() + timeout)) {
        result.timed_out = true;
        ::kill(-pid, SIGKILL);  // the group we created for this command
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = (!result.timed_out && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    return result;
}

bool LabDevice::answers_to(std::string_view what) const {
    return std::find(answers.begin(), answers.end(), what) != answers.end();
}

LabTruth LabTruth::parse(std::string_view json) {
    try {
        const auto j = nlohmann::json::parse(json);
        LabTruth t;
        t.site = j.at("site").get<std::string>();
        t.size = j.at("size").get<std::string>();
        t.prefix = j.at("prefix").get<std::string>();
        t.arp_steering = j.value("arp_steering", std::string{"none"});
        const auto& s = j.at("scanner");
        t.scanner = LabScanner{s.at("netns").get<std::string>(), s.at("interface").get<std::string>(),
                               s.at("ip").get<std::string>(), s.value("prefix_length", 0),
                               s.value("mac", std::string{})};
        for (const auto& sub : j.at("subnets")) {
            t.subnets.push_back({sub.at("cidr").get<std::string>(), sub.at("on_scanner_link").get<bool>()});
        }
        for (const auto& d : j.at("devices")) t.devices.push_back(parse_device(d));
        return t;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("lab ground truth: ") + e.what());
    }
}

const LabDevice* LabTruth::find(std::string_view name) const {
    for (const auto& d : devices) {
        if (d.name == name) return &d;
    }
    return nullptr;
}

std::vector<const LabDevice*> LabTruth::on_scanner_link() const {
    std::vector<const LabDevice*> out;
    for (const auto& d : devices) {
        for (const auto& s : subnets) {
            if (s.cidr == d.subnet && s.on_scanner_link) out.push_back(&d);
        }
    }
    return out;
}

std::optional<std::string> LabSite::unavailable_reason(LabSize size) {
    if (::geteuid() != 0) return "needs root (network namespaces)";
    std::vector<std::string> tools = {"ip", "bridge", "python3", "setsid", "flock"};
    if (size == LabSize::Small) {
        tools.insert(tools.end(), {"snmpsimd", "snmpd", "snmpget", "avahi-daemon", "lldpd", "lldpcli"});
    } else {
        tools.push_back("nft");
    }
    for (const auto& tool : tools) {
        if (!executable_on_path(tool)) return "missing tool: " + tool;
    }
    if (!std::filesystem::exists(script_path())) return "missing " + script_path();
    return std::nullopt;
}

std::string LabSite::unique_prefix() {
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string suffix;
    for (auto pid = static_cast<unsigned long>(::getpid()); pid > 0; pid /= 36)
        suffix.insert(0, 1, kDigits[pid % 36]);
    return "nd" + suffix + kDigits[prefix_counter.fetch_add(1) % 36];
}

std::string LabSite::script_path() { return std::string(NETDOSSIER_SOURCE_DIR) + "/lab/site.sh"; }

LabSite::LabSite(LabSize size, std::string prefix) : prefix_(std::move(prefix)) {
    const auto start = Clock::now();
    const auto r = run_command({"env", std::string("NETDOSSIER_CORPUS_DIR=") + NETDOSSIER_CORPUS_DIR, "bash",
                                script_path(), "up", size == LabSize::Small ? "small" : "scale", "--prefix",
                                prefix_, "--owner-pid", std::to_string(::getpid())},
                               size == LabSize::Small ? 180s : 600s);
    up_time_ = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    if (!r.ok()) {
        site("down");  // the script tears itself down on failure; this covers a timeout
        throw std::runtime_error("lab/site.sh up failed (exit " + std::to_string(r.exit_code) +
                                 (r.timed_out ? ", timed out" : "") + "):\n" + r.err);
    }
    up_ = true;
    const auto out = trim(r.out);
    try {
        load_truth(out.substr(out.find_last_of('\n') == std::string::npos ? 0 : out.find_last_of('\n') + 1));
    } catch (...) {
        down();
        throw;
    }
}

LabSite::LabSite(Attached, std::string prefix) : prefix_(std::move(prefix)) {
    std::ifstream in("/run/netdossier-lab/" + prefix_ + "/truth-path");
    std::string path;
    if (!std::getline(in, path)) throw std::runtime_error("no lab with prefix " + prefix_ + " is up");
    load_truth(path);
}

std::unique_ptr<LabSite> LabSite::attach(const std::string& prefix) {
    return std::unique_ptr<LabSite>(new LabSite(Attached{}, prefix));
}

void LabSite::load_truth(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("lab ground truth not readable: " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    truth_ = LabTruth::parse(buf.str());
}

LabSite::~LabSite() {
    try {
        down();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "lab tear-down failed: " << e.what();
    }
}

CommandResult LabSite::run_in_scanner(const std::string& command, std::chrono::milliseconds timeout) const {
    return run_in(truth_.scanner.netns, command, timeout);
}

CommandResult LabSite::run_in(const std::string& netns, const std::string& command,
                              std::chrono::milliseconds timeout) const {
    return run_command({"ip", "netns", "exec", netns, "sh", "-c", command}, timeout);
}

CommandResult LabSite::site(const std::string& subcommand, std::chrono::milliseconds timeout) const {
    return run_command({"bash", script_path(), subcommand, "--prefix", prefix_}, timeout);
}

void LabSite::down() {
    if (!up_) return;
    up_ = false;
    const auto r = site("down");
    if (!r.ok()) throw std::runtime_error("lab/site.sh down failed: " + r.err);
}

void SmallLabTest::SetUpTestSuite() {
    skip_reason_.clear();
    up_error_.clear();
    if (auto reason = LabSite::unavailable_reason(LabSize::Small)) {
        skip_reason_ = *reason;
        return;
    }
    try {
        const char* reuse = std::getenv("NETDOSSIER_LAB_REUSE");
        lab_ = (reuse != nullptr && *reuse != '\0') ? LabSite::attach(reuse)
                                                    : std::make_unique<LabSite>(LabSize::Small);
    } catch (const std::exception& e) {
        up_error_ = e.what();
    }
}

void SmallLabTest::TearDownTestSuite() { lab_.reset(); }

void SmallLabTest::SetUp() {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    ASSERT_TRUE(lab_) << "the small lab did not come up: " << up_error_;
}

}  // namespace nd::lab
