// Reading devices, scans and events back as model types, in a few bulk queries.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "model/evidence_json.hpp"
#include "storage/evidence_merge.hpp"
#include "storage/store_impl.hpp"

namespace nd {
namespace {

// Addresses shown as current: those seen within this window before the device's last sighting
// (older ones are history, e.g. previous DHCP leases).
constexpr std::int64_t kCurrentAddressWindowMs = 60LL * 60 * 1000;

std::string where_device(std::optional<std::int64_t> only, const char* column) {
    return only ? std::string(" WHERE ") + column + " = " + std::to_string(*only) : std::string();
}

}  // namespace

std::vector<DeviceRecord> Store::Impl::load_devices(std::optional<std::int64_t> only) const {
    auto& conn = db;
    std::vector<DeviceRecord> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    std::unordered_map<std::int64_t, std::int64_t> last_seen_ms;
    {
        // Built in place: growing the vector moved every (large) record about twice, a third of the load
        // time of 10,000 devices.
        auto count = conn.prepare("SELECT count(*) FROM devices" + where_device(only, "id"));
        if (count.step()) out.reserve(static_cast<std::size_t>(count.column_int(0)));
        auto stmt = conn.prepare(
            "SELECT id, first_seen_ms, last_seen_ms, coalesce(first_scan, 0), coalesce(last_scan, 0), "
            "oui_registrant, class, class_confidence, verdict_json FROM devices" +
            where_device(only, "id") + " ORDER BY id");
        while (stmt.step()) {
            DeviceRecord& d = out.emplace_back();
            d.id = stmt.column_int(0);
            d.first_seen = from_ms(stmt.column_int(1));
            d.last_seen = from_ms(stmt.column_int(2));
            d.first_scan = stmt.column_int(3);
            d.last_scan = stmt.column_int(4);
            if (!stmt.is_null(8)) {
                try {
                    d.verdict = nlohmann::json::parse(stmt.column_text(8)).get<Verdict>();
                } catch (const std::exception&) {
                    // Unreadable verdict: fall back to the typed class column below.
                }
            }
            if (d.verdict.device_class == DeviceClass::kUnknown) {
                d.verdict.device_class =
                    device_class_from_string(stmt.column_text(6)).value_or(DeviceClass::kUnknown);
                d.verdict.class_confidence = stmt.column_double(7);
            }
            d.evidence.oui_registrant = stmt.column_text(5);
            if (d.verdict.oui_registrant.empty()) d.verdict.oui_registrant = d.evidence.oui_registrant;
            index[d.id] = out.size() - 1;
            last_seen_ms[d.id] = stmt.column_int(2);
        }
    }
    auto each = [&](const std::string& sql, auto&& fn) {
        auto stmt = conn.prepare(sql);
        while (stmt.step()) {
            auto it = index.find(stmt.column_int(0));
            if (it != index.end()) fn(out[it->second], stmt);
        }
    };
    each("SELECT device_id, mac FROM device_macs" + where_device(only, "device_id") +
             " ORDER BY device_id, first_seen_ms, mac",
         [](DeviceRecord& d, sqlite::Statement& s) {
             if (auto mac = MacAddress::parse(s.column_text(1))) d.macs.push_back(*mac);
         });
    // Current addresses: those of the device's last scan (a readdressed printer shows only its new one);
    // for sightings outside scans, those seen shortly before the last sighting.
    each("SELECT device_id, ip, last_seen_ms, coalesce(last_scan, 0) FROM device_ips" +
             where_device(only, "device_id") + " ORDER BY device_id, ip",
         [&](DeviceRecord& d, sqlite::Statement& s) {
             const bool current = d.last_scan != 0 && s.column_int(3) != 0
                                      ? s.column_int(3) == d.last_scan
                                      : s.column_int(2) >= last_seen_ms[d.id] - kCurrentAddressWindowMs;
             if (current) d.ips.emplace_back(static_cast<std::uint32_t>(s.column_int(1)));
         });
    each("SELECT device_id, evidence FROM device_evidence" + where_device(only, "device_id") +
             " ORDER BY device_id, updated_ms",
         [](DeviceRecord& d, sqlite::Statement& s) {
             try {
                 merge_evidence(d.evidence, nlohmann::json::parse(s.column_text(1)).get<DeviceEvidence>());
             } catch (const std::exception&) {
                 // One unreadable fragment must not hide the device; the next scan rewrites it.
             }
         });
    each("SELECT device_id, key, value FROM annotations" + where_device(only, "device_id"),
         [](DeviceRecord& d, sqlite::Statement& s) { d.annotations[s.column_text(1)] = s.column_text(2); });
    each("SELECT device_id, switch_device_id, switch_name, port, vlan, source FROM device_ports" +
             where_device(only, "device_id"),
         [](DeviceRecord& d, sqlite::Statement& s) {
             SwitchAttachment a;
             a.switch_device_id = s.column_int(1);
             a.switch_name = s.column_text(2);
             a.port = s.column_text(3);
             if (!s.is_null(4)) a.vlan = static_cast<std::uint32_t>(s.column_int(4));
             a.source = s.column_text(5);
             d.attachment = std::move(a);
         });
    return out;
}

std::vector<DeviceRecord> Store::devices() const { return impl_->load_devices(std::nullopt); }

std::optional<DeviceRecord> Store::device(std::int64_t id) const {
    auto found = impl_->load_devices(id);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<ScanRun> Store::scans() const {
    auto stmt = impl_->db.prepare(
        "SELECT id, started_ms, coalesce(finished_ms, 0), targets, devices_seen, devices_new, devices_gone, "
        "packets_sent, completed FROM scans ORDER BY id");
    std::vector<ScanRun> out;
    while (stmt.step()) {
        ScanRun run;
        run.id = stmt.column_int(0);
        run.started = from_ms(stmt.column_int(1));
        run.finished = from_ms(stmt.column_int(2));
        try {
            for (const auto& t : nlohmann::json::parse(stmt.column_text(3))) {
                if (t.is_string()) run.targets.push_back(t.get<std::string>());
            }
        } catch (const nlohmann::json::exception&) {
            run.targets.clear();
        }
        run.devices_seen = stmt.column_int(4);
        run.devices_new = stmt.column_int(5);
        run.devices_gone = stmt.column_int(6);
        run.packets_sent = stmt.column_int(7);
        run.completed = stmt.column_int(8) != 0;
        out.push_back(std::move(run));
    }
    return out;
}

std::vector<ChangeEvent> Store::events(std::optional<std::int64_t> since_scan) const {
    auto stmt = impl_->db.prepare(
        "SELECT id, coalesce(scan_id, 0), device_id, time_ms, kind, coalesce(attribute, ''), "
        "coalesce(old_value, ''), coalesce(new_value, '') FROM events WHERE ?1 IS NULL OR scan_id > ?1 ORDER "
        "BY id");
    if (since_scan) {
        stmt.bind(1, *since_scan);
    } else {
        stmt.bind_null(1);
    }
    std::vector<ChangeEvent> out;
    while (stmt.step()) {
        ChangeEvent e;
        e.id = stmt.column_int(0);
        e.scan_id = stmt.column_int(1);
        e.device_id = stmt.column_int(2);
        e.time = from_ms(stmt.column_int(3));
        e.kind = stmt.column_text(4);
        e.attribute = stmt.column_text(5);
        e.old_value = stmt.column_text(6);
        e.new_value = stmt.column_text(7);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace nd

namespace nd {

bool is_annotation_key(std::string_view key) {
    return std::find(std::begin(kAnnotationKeys), std::end(kAnnotationKeys), key) !=
           std::end(kAnnotationKeys);
}

std::vector<std::int64_t> Store::find_devices(const std::string& name) const {
    auto& db = impl_->db;
    std::set<std::int64_t> out;
    auto collect = [&](const std::string& sql, auto&& bind) {
        auto stmt = db.prepare(sql);
        bind(stmt);
        while (stmt.step()) out.insert(stmt.column_int(0));
    };
    if (!name.empty() &&
        std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c); })) {
        collect("SELECT id FROM devices WHERE id = ?1",
                [&](sqlite::Statement& s) { s.bind(1, static_cast<std::int64_t>(std::stoll(name))); });
        if (!out.empty()) return {out.begin(), out.end()};
    }
    if (auto ip = Ipv4Address::parse(name)) {
        // The device holding the address now (an old DHCP lease of another device does not count).
        collect(
            "SELECT i.device_id FROM device_ips i JOIN devices d ON d.id = i.device_id WHERE i.ip = ?1 AND "
            "(i.last_scan IS d.last_scan OR i.last_seen_ms >= d.last_seen_ms - 3600000)",
            [&](sqlite::Statement& s) { s.bind(1, static_cast<std::int64_t>(ip->value())); });
        return {out.begin(), out.end()};
    }
    if (auto mac = MacAddress::parse(name)) {
        collect("SELECT device_id FROM device_macs WHERE mac = ?1",
                [&](sqlite::Statement& s) { s.bind(1, mac->to_string()); });
        return {out.begin(), out.end()};
    }
    std::string wanted = name;
    std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (wanted.ends_with(".local")) wanted.resize(wanted.size() - 6);
    collect(
        "SELECT device_id FROM attributes WHERE attribute IN ('hostname', 'hostname-seen') AND (lower(value) "
        "= ?1 "
        "OR lower(value) LIKE ?1 || '.%')",
        [&](sqlite::Statement& s) { s.bind(1, wanted); });
    collect("SELECT id FROM devices WHERE lower(hostname) = ?1 OR lower(hostname) LIKE ?1 || '.%'",
            [&](sqlite::Statement& s) { s.bind(1, wanted); });
    return {out.begin(), out.end()};
}

std::int64_t Store::resolve_device(const std::string& name) const {
    const auto found = find_devices(name);
    if (found.empty())
        throw StoreError("no device '" + name + "' in " + path() + " (give an id, IP, MAC or host name)");
    if (found.size() > 1) {
        std::string list;
        for (auto id : found) list += (list.empty() ? "" : ", ") + std::to_string(id);
        throw StoreError("'" + name + "' is ambiguous: it names devices " + list + "; give one id");
    }
    return found.front();
}

}  // namespace nd
