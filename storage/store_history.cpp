// Attribute history and the change events worked out when a scan completes: switch port moves, low
// printer supplies, new LLDP/CDP neighbours. (Addresses and "gone" are in store_scan.cpp, verdict
// attributes in set_verdict.)
#include <set>

#include "storage/attachment.hpp"
#include "storage/snmp_read.hpp"
#include "storage/store_impl.hpp"

namespace nd {
namespace {

constexpr int kDefaultGoneAfterScans = 3;
constexpr int kDefaultSupplyLowPercent = 10;

int meta_int(sqlite::Connection& db, const char* key, int fallback, int low, int high) {
    auto& stmt = db.cached("SELECT value FROM meta WHERE key = ?1");
    stmt.bind(1, key);
    int value = fallback;
    if (stmt.step()) {
        try {
            value = std::stoi(stmt.column_text(0));
        } catch (const std::exception&) {
            value = fallback;  // a hand-edited meta value must not stop a scan
        }
    }
    stmt.reset();
    return value < low || value > high ? fallback : value;
}

std::set<std::int64_t> ids(sqlite::Connection& db, const char* sql, std::int64_t scan) {
    std::set<std::int64_t> out;
    auto stmt = db.prepare(sql);
    stmt.bind(1, scan);
    while (stmt.step()) out.insert(stmt.column_int(0));
    return out;
}

std::string port_text(const std::string& sw, const std::string& port) { return sw + " " + port; }

}  // namespace

int Store::Impl::gone_after_scans() const {
    return meta_int(db, "gone_after_scans", kDefaultGoneAfterScans, 1, 1000);
}

int Store::gone_after_scans() const { return impl_->gone_after_scans(); }

void Store::set_gone_after_scans(int scans) {
    if (scans < 1 || scans > 1000)
        throw StoreError("gone_after_scans must be between 1 and 1000 (got " + std::to_string(scans) + ")");
    set_meta("gone_after_scans", std::to_string(scans));
}

void Store::set_supply_low_percent(int percent) {
    if (percent < 1 || percent > 99)
        throw StoreError("supply_low_percent must be between 1 and 99 (got " + std::to_string(percent) + ")");
    set_meta("supply_low_percent", std::to_string(percent));
}

void Store::Impl::touch_attribute(std::int64_t device_id, const std::string& attribute,
                                  const std::string& value, std::int64_t scan_id, std::int64_t time_ms) {
    if (value.empty()) return;
    auto& stmt = db.cached(
        "INSERT INTO attributes(device_id, attribute, value, first_seen_ms, last_seen_ms, first_scan, "
        "last_scan) "
        "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5) ON CONFLICT(device_id, attribute, value) DO UPDATE SET "
        "last_seen_ms = max(last_seen_ms, excluded.last_seen_ms), last_scan = coalesce(excluded.last_scan, "
        "last_scan), first_scan = coalesce(first_scan, excluded.first_scan)");
    stmt.bind(1, device_id).bind(2, attribute).bind(3, value).bind(4, time_ms);
    if (scan_id == 0) {
        stmt.bind_null(5);
    } else {
        stmt.bind(5, scan_id);
    }
    stmt.run();
}

void Store::Impl::record_derived_changes(std::int64_t scan, std::int64_t now) {
    const auto seen = ids(db, "SELECT device_id FROM scan_devices WHERE scan_id = ?1", scan);
    if (seen.empty()) return;
    const auto walked =
        ids(db, "SELECT device_id FROM device_evidence WHERE source = 'snmp' AND scan_id = ?1", scan);
    const auto old_devices = ids(db, "SELECT id FROM devices WHERE first_scan < ?1", scan);
    const auto devices = load_devices(std::nullopt);
    const int low = meta_int(db, "supply_low_percent", kDefaultSupplyLowPercent, 1, 99);

    // Switch ports: every switch walked in this scan against every device seen in it.
    std::vector<SwitchView> switches;
    std::vector<EndpointView> endpoints;
    for (const auto& d : devices) {
        if (!seen.contains(d.id)) continue;
        if (walked.contains(d.id) && !d.evidence.snmp.empty()) {
            std::string name = snmp_read::sys_name(d.evidence.snmp);
            if (name.empty() && !d.ips.empty()) name = d.ips.front().to_string();
            switches.push_back({d.id, name, &d.evidence.snmp});
        }
        std::string previous;
        if (d.attachment) previous = d.attachment->switch_name + " " + d.attachment->port;
        endpoints.push_back({d.id, d.macs, d.ips, previous});
    }
    for (const auto& [device, a] : attach_endpoints(switches, endpoints)) {
        auto& old = db.cached("SELECT switch_name, port FROM device_ports WHERE device_id = ?1");
        old.bind(1, device);
        std::optional<std::string> before;
        if (old.step()) before = port_text(old.column_text(0), old.column_text(1));
        old.reset();
        const std::string after = port_text(a.switch_name, a.port);
        if (before && *before != after)
            add_event(scan, device, now, "port-changed", "switch-port", *before, after);
        auto& put = db.cached(
            "INSERT INTO device_ports(device_id, switch_device_id, switch_name, port, vlan, source, "
            "first_seen_ms, "
            "last_seen_ms, first_scan, last_scan) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?8) "
            "ON CONFLICT(device_id) DO UPDATE SET switch_device_id = excluded.switch_device_id, switch_name "
            "= "
            "excluded.switch_name, port = excluded.port, vlan = excluded.vlan, source = excluded.source, "
            "first_seen_ms = CASE WHEN port = excluded.port AND switch_device_id = excluded.switch_device_id "
            "THEN first_seen_ms ELSE excluded.first_seen_ms END, "
            "first_scan = CASE WHEN port = excluded.port AND switch_device_id = excluded.switch_device_id "
            "THEN first_scan ELSE excluded.first_scan END, "
            "last_seen_ms = excluded.last_seen_ms, last_scan = excluded.last_scan");
        put.bind(1, device).bind(2, a.switch_device_id).bind(3, a.switch_name).bind(4, a.port);
        if (a.vlan) {
            put.bind(5, static_cast<std::int64_t>(*a.vlan));
        } else {
            put.bind_null(5);
        }
        put.bind(6, a.source).bind(7, now).bind(8, scan);
        put.run();
        touch_attribute(device, "switch-port", after, scan, now);
    }

    for (const auto& d : devices) {
        if (!walked.contains(d.id)) continue;
        // Printer supplies: an event when one falls under the threshold (not again while it stays low).
        for (const auto& s : snmp_read::supply_levels(d.evidence.snmp)) {
            const std::string attribute = "supply:" + s.name;
            auto& prev = db.cached(
                "SELECT value FROM attributes WHERE device_id = ?1 AND attribute = ?2 AND "
                "coalesce(last_scan, 0) < ?3 "
                "ORDER BY coalesce(last_scan, 0) DESC, last_seen_ms DESC LIMIT 1");  // scans, not clock ticks
            prev.bind(1, d.id).bind(2, attribute).bind(3, scan);
            std::optional<int> before;
            if (prev.step()) before = std::atoi(prev.column_text(0).c_str());
            prev.reset();
            if (s.percent < low && (!before || *before >= low)) {
                add_event(scan, d.id, now, "supply-low", "supply",
                          before ? s.name + ": " + std::to_string(*before) + "%" : "",
                          s.name + ": " + std::to_string(s.percent) + "%");
            }
            touch_attribute(d.id, attribute, std::to_string(s.percent), scan, now);
        }
        // LLDP/CDP neighbours: new ones on a device we already knew.
        for (const auto& name : snmp_read::neighbour_names(d.evidence.snmp)) {
            auto& known = db.cached(
                "SELECT 1 FROM attributes WHERE device_id = ?1 AND attribute = 'neighbour' AND value = ?2");
            known.bind(1, d.id).bind(2, name);
            const bool had = known.step();
            known.reset();
            if (!had && old_devices.contains(d.id))
                add_event(scan, d.id, now, "new-neighbour", "neighbour", "", name);
            touch_attribute(d.id, "neighbour", name, scan, now);
        }
    }
}

std::vector<AttributeHistory> Store::history(std::int64_t device) const {
    auto stmt = impl_->db.prepare(
        "SELECT attribute, value, first_seen_ms, last_seen_ms, coalesce(first_scan, 0), coalesce(last_scan, "
        "0) "
        "FROM attributes WHERE device_id = ?1 "
        "UNION ALL SELECT 'ip', ip, first_seen_ms, last_seen_ms, coalesce(first_scan, 0), "
        "coalesce(last_scan, 0) "
        "FROM device_ips WHERE device_id = ?1 "
        "UNION ALL SELECT 'mac', mac, first_seen_ms, last_seen_ms, coalesce(first_scan, 0), "
        "coalesce(last_scan, 0) "
        "FROM device_macs WHERE device_id = ?1 ORDER BY 1, 3");
    stmt.bind(1, device);
    std::vector<AttributeHistory> out;
    while (stmt.step()) {
        AttributeHistory h;
        h.attribute = stmt.column_text(0);
        h.value = h.attribute == "ip"
                      ? Ipv4Address(static_cast<std::uint32_t>(stmt.column_int(1))).to_string()
                      : stmt.column_text(1);
        h.first_seen = from_ms(stmt.column_int(2));
        h.last_seen = from_ms(stmt.column_int(3));
        h.first_scan = stmt.column_int(4);
        h.last_scan = stmt.column_int(5);
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace nd
