#pragma once
// Internals shared by the store's source files.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "storage/sqlite.hpp"
#include "storage/store.hpp"

namespace nd {

inline std::int64_t to_ms(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
inline Clock::time_point from_ms(std::int64_t ms) { return Clock::time_point{std::chrono::milliseconds(ms)}; }

struct Store::Impl {
    explicit Impl(const std::filesystem::path& path, bool create) : db(path, create) {}

    mutable sqlite::Connection db;  // reads prepare statements too
    std::int64_t open_scan = 0;     // the scan begun and not yet finished by this Store, 0 when none

    std::int64_t record_one(const Observation& observation);
    void add_event(std::int64_t scan_id, std::int64_t device_id, std::int64_t time_ms,
                   const std::string& kind, const std::string& attribute, const std::string& old_value,
                   const std::string& new_value);
    std::vector<DeviceRecord> load_devices(std::optional<std::int64_t> only) const;

    // Identity (store_identity.cpp).
    void log_identity(std::int64_t scan_id, std::int64_t device_id, std::int64_t other_device_id,
                      const std::string& action, int score, const std::string& reason);
    // Moves everything of `from` onto `into` and deletes `from`; the reason goes to the identity log.
    void merge_devices(std::int64_t into, std::int64_t from, std::int64_t scan_id, const std::string& action,
                       const std::string& reason);
    // True when an engineer's split says these two devices are different.
    bool kept_apart(std::int64_t a, std::int64_t b);
    bool has_strong_keys(std::int64_t device);
    int gone_after_scans() const;
    // History (store_history.cpp): one attribute value seen on a device in a scan.
    void touch_attribute(std::int64_t device_id, const std::string& attribute, const std::string& value,
                         std::int64_t scan_id, std::int64_t time_ms);
    void record_derived_changes(std::int64_t scan_id, std::int64_t now);
};

}  // namespace nd
