#pragma once
// The local SQLite store: scan runs, devices merged across scans and collectors, their history.
// One Store object per thread; other processes (CLI tools) may read the same file at the same time
// (WAL mode), and writers wait for each other up to a busy timeout.
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

// Why the store matched, merged or split device records (`netdossier explain`/`changes` show it).
struct IdentityLogEntry {
    std::int64_t id = 0;
    Clock::time_point time;
    std::int64_t scan_id = 0;
    std::int64_t device_id = 0;
    std::int64_t other_device_id = 0;  // the merged-away or split-off record, 0 when none
    std::string action;  // "created", "matched", "key-added", "merged", "merge-refused", "merged-by-engineer",
                         // "split-by-engineer"
    int score = 0;
    std::string reason;
};

// One value an attribute of a device had, and when (firmware, model, ip, mac, switch-port, supply:NAME, ...).
struct AttributeHistory {
    std::string attribute;
    std::string value;
    Clock::time_point first_seen;
    Clock::time_point last_seen;
    std::int64_t first_scan = 0;
    std::int64_t last_scan = 0;
};

// The annotation keys an engineer may set (`netdossier annotate`).
inline constexpr std::string_view kAnnotationKeys[] = {"location", "owner", "role", "vip", "responsible", "notes"};
bool is_annotation_key(std::string_view key);

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
    // verdicts[i] for device_ids[i], all in one transaction (a /16's 4,000 devices: one commit, not 4,000).
    void set_verdicts(const std::vector<std::int64_t>& device_ids, const std::vector<Verdict>& verdicts);
    // Completes the scan: counts and change events (gone, address, switch port, supply low, new
    // neighbour). A device is gone once N completed scans (set_gone_after_scans) covering its address
    // missed it; the event is written once.
    ScanSummary finish_scan(std::int64_t scan_id, std::int64_t packets_sent);

    std::vector<DeviceRecord> devices() const;
    std::optional<DeviceRecord> device(std::int64_t id) const;
    std::vector<ScanRun> scans() const;
    // Change events, oldest first; with since_scan only those of later scans (exclusive).
    std::vector<ChangeEvent> events(std::optional<std::int64_t> since_scan = std::nullopt) const;

    // Human annotations (location, owner, ...): never touched by scans. An empty value removes the key.
    void annotate(std::int64_t device_id, const std::string& key, const std::string& value);

    // Identity corrections by an engineer; both stick across rescans. merge() folds `absorb` into
    // `keep`; split() moves the given MACs/addresses to a new device and returns its id, and the matcher
    // never merges those keys with the rest again.
    void merge(std::int64_t keep, std::int64_t absorb, const std::string& note = "");
    std::int64_t split(std::int64_t device, const std::vector<std::string>& keys, const std::string& note = "");
    std::vector<IdentityLogEntry> identity_log(std::optional<std::int64_t> device = std::nullopt) const;
    std::vector<AttributeHistory> history(std::int64_t device) const;
    // Devices named by an id, IP, MAC or host name (several when the name is ambiguous).
    std::vector<std::int64_t> find_devices(const std::string& name) const;
    // Exactly one device for the name, else a StoreError saying none or which ones are meant.
    std::int64_t resolve_device(const std::string& name) const;
    // A device is "gone" after this many completed scans that looked where it was without seeing it
    // (default 3); printer supplies under this percentage are "low" (default 10). Kept in the store.
    void set_gone_after_scans(int scans);
    int gone_after_scans() const;
    void set_supply_low_percent(int percent);
    // Retention: drops raw observations older than `before`; merged evidence and history stay.
    std::int64_t prune_observations(Clock::time_point before);

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace nd
