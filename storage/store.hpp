#pragma once
// The local SQLite store: scan runs, devices merged across scans and collectors, their history.
// One Store object per thread; other processes (CLI tools) may read the same file at the same time
// (WAL mode), and writers wait for each other up to a busy timeout.
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/device_record.hpp"
#include "model/evidence.hpp"
#include "model/verdict.hpp"
#include "storage/store_error.hpp"

struct sqlite3;

namespace nd {

struct ScanSummary {
    std::int64_t scan_id = 0;
    std::int64_t devices_seen = 0;
    std::int64_t devices_new = 0;
    std::int64_t devices_gone = 0;  // seen in the previous completed scan, not in this one
};

class Store {
public:
    // Opens (creating if needed) and migrates the schema to the current version. WAL mode.
    static Store open(const std::filesystem::path& path);
    // Like open(), but a missing file is an error instead of a new store (for readers such as export).
    static Store open_existing(const std::filesystem::path& path);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schema_version() const;
    const std::string& path() const;

    // Small settings that travel with the store ("site" is the client site's name).
    void set_meta(const std::string& key, const std::string& value);
    std::optional<std::string> meta(const std::string& key) const;

    std::int64_t begin_scan(const std::vector<std::string>& targets);
    // Merges one observation into the device it belongs to, creating it if new, and returns the
    // device id. Identity: a globally administered MAC alone; a locally administered (randomised)
    // MAC only together with the same address; else the address (routed hosts seen without a MAC).
    // VRRP/HSRP virtual router MACs are no device: such observations are dropped and 0 returned.
    std::int64_t record(const Observation& observation);
    // The same for many observations in one transaction: use it for the thousands of a sweep.
    std::vector<std::int64_t> record(const std::vector<Observation>& observations);
    void set_verdict(std::int64_t device_id, const Verdict& verdict);
    // Completes the scan: counts, "gone" and address-change events. Gone devices are those seen in
    // the previous completed scan, not in this one, and with an address inside this scan's targets.
    ScanSummary finish_scan(std::int64_t scan_id, std::int64_t packets_sent);

    std::vector<DeviceRecord> devices() const;
    std::optional<DeviceRecord> device(std::int64_t id) const;
    std::vector<ScanRun> scans() const;
    // Change events, oldest first; with since_scan only those of later scans (exclusive).
    std::vector<ChangeEvent> events(std::optional<std::int64_t> since_scan = std::nullopt) const;

    // Human annotations (location, owner, ...): never touched by scans. An empty value removes the key.
    void annotate(std::int64_t device_id, const std::string& key, const std::string& value);
    // Retention: drops raw observations older than `before`; merged evidence and history stay.
    std::int64_t prune_observations(Clock::time_point before);

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace nd
