#pragma once
// Retention: what a store may forget so that a year of nightly scans stays small. Raw observations
// (every answer as received) and the per-scan device lists are the bulk and grow with every scan; the
// devices, their merged evidence, addresses, annotations, change events and the scan runs themselves
// are what an engineer needs a year later, and they are never touched here.
//
// Rules (now = the time retention runs):
//   - observations older than `observation_days` go, except those of the last `keep_scans` scans;
//   - a scan's device list (scan_devices) goes when the scan is older than `scan_detail_days`, except
//     for the last `keep_scans` completed scans (the "gone" count compares against the latest);
//   - then the WAL is checkpointed, and the file is compacted when more than a quarter of it is free.
// 0 days means "keep forever" for that kind.
#include <chrono>
#include <cstdint>
#include <filesystem>

#include "model/device_record.hpp"

namespace nd {

struct RetentionPolicy {
    int observation_days = 30;
    int scan_detail_days = 180;
    int keep_scans = 14;
};

struct RetentionReport {
    std::int64_t observations_removed = 0;
    std::int64_t scan_details_removed = 0;  // scan_devices rows
    bool compacted = false;
    std::uintmax_t bytes_before = 0;  // the database file (WAL not counted)
    std::uintmax_t bytes_after = 0;
};

// Applies the policy to the store at `path` (an existing, migrated store; open it with Store::open
// first). Safe while CLI tools read the store: one short write transaction, busy timeout as the store.
// Throws StoreError naming the path.
RetentionReport apply_retention(const std::filesystem::path& path, const RetentionPolicy& policy,
                                Clock::time_point now);

}  // namespace nd
