#pragma once
// The local SQLite store: scan runs, devices merged across scans and collectors, their history.
// API sketch agreed between modules; implementation in store.cpp and friends.
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/device_record.hpp"
#include "model/evidence.hpp"
#include "model/verdict.hpp"

struct sqlite3;

namespace nd {

// A store that can't be opened, is corrupt, or is newer than this binary. The message names the
// path and the problem, one line.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

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
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schema_version() const;

    std::int64_t begin_scan(const std::vector<std::string>& targets);
    // Merges one observation into the device it belongs to (by MAC, else by IP), creating it if new.
    // Returns the device id.
    std::int64_t record(const Observation& observation);
    void set_verdict(std::int64_t device_id, const Verdict& verdict);
    ScanSummary finish_scan(std::int64_t scan_id, std::int64_t packets_sent);

    std::vector<DeviceRecord> devices() const;
    std::optional<DeviceRecord> device(std::int64_t id) const;
    std::vector<ScanRun> scans() const;

private:
    explicit Store(sqlite3* db);
    sqlite3* db_ = nullptr;
};

}  // namespace nd
