#pragma once
// One real device as the store knows it: what exporters and the CLI read.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/address.hpp"
#include "model/evidence.hpp"
#include "model/verdict.hpp"

namespace nd {

using Clock = std::chrono::system_clock;

// Where an endpoint plugs in: the access port a switch learned its MAC on (not an uplink), or the port an
// LLDP/CDP neighbour reported. Worked out by the store from the switches' evidence; empty when unknown.
struct SwitchAttachment {
    std::int64_t switch_device_id = 0;
    std::string switch_name;  // the switch's sysName, else its management address
    std::string port;         // ifName / ifDescr as the switch names it, e.g. "Fa0/12"
    std::optional<std::uint32_t> vlan;
    std::string source;  // "fdb", "lldp" or "cdp"
};

struct DeviceRecord {
    std::int64_t id = 0;
    Verdict verdict;
    std::vector<MacAddress> macs;
    std::vector<Ipv4Address> ips;
    Clock::time_point first_seen;
    Clock::time_point last_seen;
    std::int64_t first_scan = 0;
    std::int64_t last_scan = 0;
    std::map<std::string, std::string> annotations;  // location, owner, notes, ... (human, never overwritten)
    DeviceEvidence evidence;                          // merged from every collector
    std::optional<SwitchAttachment> attachment;       // endpoints only
};

struct ScanRun {
    std::int64_t id = 0;
    Clock::time_point started;
    Clock::time_point finished;  // epoch when the scan did not complete
    std::vector<std::string> targets;
    std::int64_t devices_seen = 0;
    std::int64_t devices_new = 0;
    std::int64_t devices_gone = 0;
    std::int64_t packets_sent = 0;
    bool completed = false;
};

// One change the store noticed between scans ("ip-changed", "firmware-changed", "new-device", "gone").
struct ChangeEvent {
    std::int64_t id = 0;
    std::int64_t scan_id = 0;  // 0 when noticed outside a scan
    std::int64_t device_id = 0;
    Clock::time_point time;
    std::string kind;
    std::string attribute;  // "ip", "firmware", ...; empty for new-device and gone
    std::string old_value;  // empty when there was none
    std::string new_value;
};

}  // namespace nd
