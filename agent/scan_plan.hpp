#pragma once
// What a scan will do, decided before a packet leaves: which targets, swept from which interface.
// Pure (interfaces are passed in), so every refusal is unit-tested without touching the network.
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "collectors/arp/arp_sweep.hpp"
#include "collectors/arp/local_interfaces.hpp"
#include "collectors/snmp/snmp_config.hpp"
#include "model/address.hpp"

namespace nd {

// Which of the stages after the ARP sweep run (agent/scan_stages.hpp).
struct FollowupStages {
    bool icmp = true;
    bool snmp = true;
    bool mdns = true;
    bool tcp = true;
    bool passive = true;             // listen for LLDP, CDP, mDNS, DHCP, gratuitous ARP during the scan
    bool probe_silent = false;       // SNMP and TCP probes also for addresses that answered nothing
    double passive_min_seconds = 0;  // keep listening at least this long (LLDP is sent every 30 s)
};

// Everything `netdossier scan` needs: the config file with the command-line flags applied on top.
struct ScanOptions {
    std::string site_name;
    std::vector<Ipv4Network> targets;  // empty: the subnets of the up, non-loopback interfaces
    std::vector<Ipv4Network> exclude;
    std::string interface;  // empty: the interface whose subnet holds each target
    double rate_pps = 2000.0;
    int retries = 2;
    std::chrono::milliseconds reply_timeout{250};
    int max_prefix = 16;   // refuse targets larger than this unless `force`
    int max_per_host = 4;  // requests/connections in flight to one host (TCP probes, SNMP subtrees)
    bool force = false;
    std::filesystem::path store_path;
    std::optional<int> gone_after_scans;  // [store] gone_after_scans; unset keeps the store's setting
    SnmpOptions snmp;                     // for the SNMP stage: credentials from [snmp] plus --community
    bool progress = false;                // a progress line (only when stderr is a terminal)
    FollowupStages stages;
};

// A target the plan refuses, with the reason ("unknown interface eth7", "10.0.0.0/8 is larger than /16").
class ScanPlanError : public std::runtime_error {
public:
    enum class Kind { kInterface, kTarget };
    ScanPlanError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

// One interface's share of the scan.
struct ArpPlan {
    ArpEndpoint endpoint;
    std::vector<Ipv4Network> targets;
};

struct ScanPlan {
    std::vector<ArpPlan> arp;              // on-link parts, one entry per interface
    std::vector<Ipv4Network> off_link;     // not on any local subnet: for the routed (ICMP) stage
    std::vector<std::string> warnings;     // partial overlaps, skipped targets
    std::vector<std::string> target_list;  // what the scan run records as its targets
    std::uint64_t address_count = 0;       // addresses ARP will ask
};

ScanPlan plan_scan(const ScanOptions& options, const std::vector<LocalInterface>& interfaces);

// The targets a scan run records as looked at: routed ranges only when the ICMP stage sweeps them.
// The store judges "gone" devices and removed addresses only within these.
std::vector<std::string> swept_targets(const ScanPlan& plan, const FollowupStages& stages);

}  // namespace nd
