#pragma once
// The simulated client site (lab/site.sh) for integration tests: brings a site up in network namespaces,
// parses its ground truth, runs commands inside its namespaces and tears it down again, also when a
// test fails. Tests that use it skip with a reason when not root or when a tool the lab needs is missing.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nd::lab {

using namespace std::chrono_literals;

struct CommandResult {
    int exit_code = -1;  // -1 when killed by a signal or the timeout
    std::string out;
    std::string err;
    bool timed_out = false;
    bool ok() const { return exit_code == 0; }
};

// Runs argv (no shell), capturing stdout and stderr; the process group is killed after `timeout`.
CommandResult run_command(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);

struct SnmpAccess {
    std::string community;
    std::optional<std::string> recording;  // corpus id when served by snmpsim
    std::string agent;                     // "snmpsim" or "net-snmp"
};

struct LabDevice {
    std::string name;
    std::string netns;
    std::string ip;
    std::string mac;
    std::vector<std::string> ips;   // all of its addresses (the router has one per subnet)
    std::vector<std::string> macs;  // all of its MACs, same order
    std::string subnet;
    std::string device_class;  // export-contract spelling: router, switch, printer, voip-phone, ...
    std::optional<std::string> hostname;  // what it announces (sysName, mDNS host, LLDP system name)
    std::optional<std::string> vendor;
    std::optional<std::string> oui_vendor;  // organisation name in the IEEE registry for its MAC
    std::optional<std::string> model;
    std::vector<std::string> model_aliases;
    std::optional<std::string> serial;
    std::optional<std::string> firmware;
    std::vector<std::string>
        answers;  // what the scanner can observe: arp, icmp, snmp, mdns, lldp, tcp:N, udp:N
    std::optional<SnmpAccess> snmp;

    bool answers_to(std::string_view what) const;
};

struct LabSubnet {
    std::string cidr;
    bool on_scanner_link = false;
};

struct LabScanner {
    std::string netns;
    std::string interface;
    std::string ip;
    int prefix_length = 0;
    std::string mac;
};

struct LabTruth {
    std::string site;
    std::string size;
    std::string prefix;
    std::string arp_steering;  // "none" or "nftables"
    LabScanner scanner;
    std::vector<LabSubnet> subnets;
    std::vector<LabDevice> devices;

    // Throws std::runtime_error naming the problem (bad JSON, missing or mistyped field).
    static LabTruth parse(std::string_view json);
    const LabDevice* find(std::string_view name) const;
    std::vector<const LabDevice*> on_scanner_link() const;
};

enum class LabSize { Small, Scale };

class LabSite {
public:
    // Why a lab can't run here (not root, a tool missing), or nullopt when it can.
    static std::optional<std::string> unavailable_reason(LabSize size);
    // "nd" + the pid in base 36 + a per-process counter: unique per test binary, short enough for names.
    static std::string unique_prefix();
    static std::string script_path();

    // Brings the site up (lab/site.sh up); throws std::runtime_error with the script's output on failure.
    explicit LabSite(LabSize size, std::string prefix = unique_prefix());
    // Uses a lab someone already brought up with that prefix (read its truth, never tear it down).
    // SmallLabTest does this when NETDOSSIER_LAB_REUSE=<prefix> is set: one lab for many test processes.
    static std::unique_ptr<LabSite> attach(const std::string& prefix);
    ~LabSite();
    LabSite(const LabSite&) = delete;
    LabSite& operator=(const LabSite&) = delete;

    const LabTruth& truth() const { return truth_; }
    const std::string& prefix() const { return prefix_; }
    std::chrono::milliseconds up_time() const { return up_time_; }

    // `command` runs under sh -c inside the namespace.
    CommandResult run_in_scanner(const std::string& command, std::chrono::milliseconds timeout = 60s) const;
    CommandResult run_in(const std::string& netns, const std::string& command,
                         std::chrono::milliseconds timeout = 60s) const;
    // lab/site.sh with the given sub-command and this lab's prefix (e.g. "status", "check").
    CommandResult site(const std::string& subcommand, std::chrono::milliseconds timeout = 120s) const;

    // Tears the site down; idempotent. Throws when the script reports a failure.
    void down();

private:
    struct Attached {};
    LabSite(Attached, std::string prefix);
    void load_truth(const std::string& path);

    std::string prefix_;
    LabTruth truth_;
    std::chrono::milliseconds up_time_{0};
    bool up_ = false;  // we brought it up, so we take it down
};

// One small site shared by all tests of a suite: up in SetUpTestSuite, down in TearDownTestSuite.
// Tests skip when the lab can't run here and fail when it should have but didn't come up.
class SmallLabTest : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void SetUp() override;
    static LabSite& lab() { return *lab_; }

private:
    static inline std::unique_ptr<LabSite> lab_;
    static inline std::string skip_reason_;
    static inline std::string up_error_;
};

}  // namespace nd::lab
