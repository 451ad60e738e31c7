// Merging one observation into the device it belongs to.
#include <nlohmann/json.hpp>

#include "model/evidence_json.hpp"
#include "storage/evidence_merge.hpp"
#include "storage/store_impl.hpp"

namespace nd {
namespace {

using sqlite::Connection;

std::optional<std::int64_t> find_key(Connection& db, std::string_view kind, const std::string& value) {
    auto& stmt = db.cached("SELECT device_id FROM device_keys WHERE kind = ?1 AND value = ?2");
    stmt.bind(1, kind).bind(2, value);
    std::optional<std::int64_t> id;
    if (stmt.step()) id = stmt.column_int(0);
    stmt.reset();
    return id;
}

void put_key(Connection& db, std::string_view kind, const std::string& value, std::int64_t device,
             const std::string& source, std::int64_t t) {
    db.cached(
          "INSERT INTO device_keys(kind, value, device_id, source, first_seen_ms, last_seen_ms) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(kind, value) DO UPDATE SET "
          "last_seen_ms = max(last_seen_ms, excluded.last_seen_ms)")
        .bind(1, kind)
        .bind(2, value)
        .bind(3, device)
        .bind(4, std::string_view(source))
        .bind(5, t)
        .run();
}

// The device that most recently held the address, whatever identifies it.
std::optional<std::int64_t> ip_holder(Connection& db, Ipv4Address ip) {
    auto& stmt =
        db.cached("SELECT device_id FROM device_ips WHERE ip = ?1 ORDER BY last_seen_ms DESC LIMIT 1");
    stmt.bind(1, static_cast<std::int64_t>(ip.value()));
    std::optional<std::int64_t> id;
    if (stmt.step()) id = stmt.column_int(0);
    stmt.reset();
    return id;
}

bool has_macs(Connection& db, std::int64_t device) {
    auto& stmt = db.cached("SELECT 1 FROM device_macs WHERE device_id = ?1 LIMIT 1");
    stmt.bind(1, device);
    const bool found = stmt.step();
    stmt.reset();
    return found;
}

void bind_scan(sqlite::Statement& stmt, int index, std::int64_t scan) {
    if (scan == 0) {
        stmt.bind_null(index);
    } else {
        stmt.bind(index, scan);
    }
}

std::string la_key(const MacAddress& mac, Ipv4Address ip) { return mac.to_string() + "@" + ip.to_string(); }

}  // namespace

std::int64_t Store::Impl::record_one(const Observation& o) {
    const DeviceEvidence& e = o.evidence;
    const std::int64_t t = to_ms(o.time);
    const std::int64_t scan = o.scan_id;
    std::optional<MacAddress> mac = e.mac;
    if (mac && mac->is_virtual_router()) return 0;  // a router's shared address, not a device
    if (mac && (mac->is_zero() || mac->is_multicast())) mac.reset();
    const bool trusted_mac = mac && !mac->is_locally_administered();

    std::optional<std::int64_t> device;
    if (trusted_mac) {
        device = find_key(db, "mac", mac->to_string());
    } else if (mac) {
        for (const auto& ip : e.ips) {
            if ((device = find_key(db, "mac-la", la_key(*mac, ip)))) break;
        }
    } else {
        for (const auto& ip : e.ips) {
            if ((device = ip_holder(db, ip))) break;
        }
    }
    if (!device && mac) {
        // A host first seen without a MAC (ICMP before ARP) gets its MAC now.
        for (const auto& ip : e.ips) {
            auto holder = find_key(db, "ip", ip.to_string());
            if (holder && !has_macs(db, *holder)) {
                device = holder;
                db.cached("DELETE FROM device_keys WHERE device_id = ?1 AND kind = 'ip'")
                    .bind(1, *device)
                    .run();
                break;
            }
        }
    }
    const bool created = !device;
    if (created) {
        auto& insert = db.cached(
            "INSERT INTO devices(first_seen_ms, last_seen_ms, first_scan, last_scan, oui_registrant) "
            "VALUES (?1, ?1, ?2, ?2, ?3)");
        insert.bind(1, t);
        bind_scan(insert, 2, scan);
        insert.bind(3, e.oui_registrant.empty() ? std::optional<std::string>() : e.oui_registrant);
        insert.run();
        device = db.last_insert_rowid();
        add_event(scan, *device, t, "new-device", "", "", "");
    } else {
        auto& update = db.cached(
            "UPDATE devices SET first_seen_ms = min(first_seen_ms, ?2), last_seen_ms = max(last_seen_ms, "
            "?2), "
            "first_scan = coalesce(first_scan, ?3), last_scan = coalesce(?3, last_scan), "
            "oui_registrant = coalesce(?4, oui_registrant) WHERE id = ?1");
        update.bind(1, *device).bind(2, t);
        bind_scan(update, 3, scan);
        update.bind(4, e.oui_registrant.empty() ? std::optional<std::string>() : e.oui_registrant);
        update.run();
    }

    if (trusted_mac) put_key(db, "mac", mac->to_string(), *device, o.source, t);
    if (mac && !trusted_mac) {
        for (const auto& ip : e.ips) put_key(db, "mac-la", la_key(*mac, ip), *device, o.source, t);
    }
    if (!mac && !has_macs(db, *device)) {
        for (const auto& ip : e.ips) put_key(db, "ip", ip.to_string(), *device, o.source, t);
    }
    if (mac) {
        auto& stmt = db.cached(
            "INSERT INTO device_macs(device_id, mac, first_seen_ms, last_seen_ms, first_scan, last_scan) "
            "VALUES (?1, ?2, ?3, ?3, ?4, ?4) ON CONFLICT(device_id, mac) DO UPDATE SET "
            "last_seen_ms = max(last_seen_ms, excluded.last_seen_ms), last_scan = "
            "coalesce(excluded.last_scan, last_scan)");
        stmt.bind(1, *device).bind(2, mac->to_string()).bind(3, t);
        bind_scan(stmt, 4, scan);
        stmt.run();
    }
    for (const auto& ip : e.ips) {
        auto& stmt = db.cached(
            "INSERT INTO device_ips(device_id, ip, first_seen_ms, last_seen_ms, first_scan, last_scan) "
            "VALUES (?1, ?2, ?3, ?3, ?4, ?4) ON CONFLICT(device_id, ip) DO UPDATE SET "
            "last_seen_ms = max(last_seen_ms, excluded.last_seen_ms), last_scan = "
            "coalesce(excluded.last_scan, last_scan), "
            "first_scan = coalesce(first_scan, excluded.first_scan)");
        stmt.bind(1, *device).bind(2, static_cast<std::int64_t>(ip.value())).bind(3, t);
        bind_scan(stmt, 4, scan);
        stmt.run();
    }

    // Latest evidence per source: fragments of the same scan accumulate, a new scan replaces them.
    DeviceEvidence merged;
    {
        auto& stmt =
            db.cached("SELECT scan_id, evidence FROM device_evidence WHERE device_id = ?1 AND source = ?2");
        stmt.bind(1, *device).bind(2, std::string_view(o.source));
        if (stmt.step()) {
            const std::int64_t previous_scan = stmt.is_null(0) ? 0 : stmt.column_int(0);
            if (previous_scan == scan) {
                try {
                    merged = nlohmann::json::parse(stmt.column_text(1)).get<DeviceEvidence>();
                } catch (const std::exception&) {
                    merged = DeviceEvidence{};  // unreadable old fragment: the new one replaces it
                }
            }
        }
        stmt.reset();
    }
    merge_evidence(merged, e);
    const std::string evidence_text = nlohmann::json(merged).dump();
    auto& put = db.cached(
        "INSERT INTO device_evidence(device_id, source, scan_id, updated_ms, evidence) VALUES (?1, ?2, ?3, "
        "?4, ?5) "
        "ON CONFLICT(device_id, source) DO UPDATE SET scan_id = excluded.scan_id, updated_ms = "
        "excluded.updated_ms, "
        "evidence = excluded.evidence");
    put.bind(1, *device).bind(2, std::string_view(o.source));
    bind_scan(put, 3, scan);
    put.bind(4, t).bind(5, std::string_view(evidence_text));
    put.run();

    auto& log = db.cached(
        "INSERT INTO observations(device_id, scan_id, source, time_ms, evidence) VALUES (?1, ?2, ?3, ?4, "
        "?5)");
    log.bind(1, *device);
    bind_scan(log, 2, scan);
    log.bind(3, std::string_view(o.source)).bind(4, t).bind(5, nlohmann::json(e).dump());
    log.run();

    if (scan != 0) {
        db.cached("INSERT OR IGNORE INTO scan_devices(scan_id, device_id) VALUES (?1, ?2)")
            .bind(1, scan)
            .bind(2, *device)
            .run();
    }
    return *device;
}

void Store::Impl::add_event(std::int64_t scan_id, std::int64_t device_id, std::int64_t time_ms,
                            const std::string& kind, const std::string& attribute,
                            const std::string& old_value, const std::string& new_value) {
    auto opt = [](const std::string& s) { return s.empty() ? std::optional<std::string>() : s; };
    auto& stmt = db.cached(
        "INSERT INTO events(scan_id, device_id, time_ms, kind, attribute, old_value, new_value) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bind_scan(stmt, 1, scan_id);
    stmt.bind(2, device_id).bind(3, time_ms).bind(4, std::string_view(kind));
    stmt.bind(5, opt(attribute)).bind(6, opt(old_value)).bind(7, opt(new_value));
    stmt.run();
}

}  // namespace nd
