// Closing a scan (counts, gone devices, address changes) and verdict updates with their history.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "model/evidence_json.hpp"
#include "storage/store_impl.hpp"

namespace nd {
namespace {

using sqlite::Connection;

std::int64_t count(Connection& db, const char* sql, std::int64_t a) {
    auto stmt = db.prepare(sql);
    stmt.bind(1, a);
    const std::int64_t n = stmt.step() ? stmt.column_int(0) : 0;
    stmt.reset();
    return n;
}

std::vector<Ipv4Network> scan_targets(Connection& db, std::int64_t scan_id) {
    auto stmt = db.prepare("SELECT targets FROM scans WHERE id = ?1");
    stmt.bind(1, scan_id);
    std::vector<Ipv4Network> out;
    if (stmt.step()) {
        try {
            for (const auto& t : nlohmann::json::parse(stmt.column_text(0))) {
                if (auto net = t.is_string() ? Ipv4Network::parse(t.get<std::string>()) : std::nullopt) {
                    out.push_back(*net);
                }
            }
        } catch (const nlohmann::json::exception&) {
            out.clear();
        }
    }
    stmt.reset();
    return out;
}

bool covers(const std::vector<Ipv4Network>& targets, const std::vector<Ipv4Address>& ips) {
    if (targets.empty() || ips.empty()) return true;  // nothing says where to look: every scan looked
    for (const auto& ip : ips) {
        for (const auto& net : targets) {
            if (net.contains(ip)) return true;
        }
    }
    return false;
}

// Devices missed by the last N completed scans (this one included) that looked where they were,
// and not yet reported gone since their last sighting.
std::int64_t record_gone(Store::Impl& impl, std::int64_t scan_id, std::int64_t now) {
    const int needed = impl.gone_after_scans();
    std::vector<std::pair<std::int64_t, std::vector<Ipv4Network>>> runs;  // completed scans, newest first
    runs.emplace_back(scan_id, scan_targets(impl.db, scan_id));
    {
        auto stmt = impl.db.prepare("SELECT id FROM scans WHERE completed = 1 AND id < ?1 ORDER BY id DESC");
        stmt.bind(1, scan_id);
        std::vector<std::int64_t> ids;
        while (stmt.step()) ids.push_back(stmt.column_int(0));
        for (auto id : ids) runs.emplace_back(id, scan_targets(impl.db, id));
    }
    auto stmt = impl.db.prepare(
        "WITH seen AS (SELECT device_id, max(scan_id) AS last FROM scan_devices GROUP BY device_id) "
        "SELECT s.device_id, s.last, (SELECT group_concat(ip) FROM device_ips i WHERE i.device_id = "
        "s.device_id "
        "AND i.last_scan = s.last) FROM seen s WHERE s.last < ?1 AND NOT EXISTS (SELECT 1 FROM events e "
        "WHERE e.device_id = s.device_id AND e.kind = 'gone' AND e.scan_id > s.last)");
    stmt.bind(1, scan_id);
    std::vector<std::int64_t> gone;
    while (stmt.step()) {
        const std::int64_t last = stmt.column_int(1);
        std::vector<Ipv4Address> ips;
        const std::string text = stmt.column_text(2);
        for (std::size_t begin = 0; begin < text.size();) {
            const std::size_t end = std::min(text.find(',', begin), text.size());
            ips.emplace_back(static_cast<std::uint32_t>(std::stoll(text.substr(begin, end - begin))));
            begin = end + 1;
        }
        int missed = 0;
        for (const auto& [id, targets] : runs) {
            if (id <= last) break;
            if (covers(targets, ips)) ++missed;
        }
        if (missed >= needed) gone.push_back(stmt.column_int(0));
    }
    for (auto id : gone) impl.add_event(scan_id, id, now, "gone", "", "", "");
    return static_cast<std::int64_t>(gone.size());
}

// Per device seen again: addresses new in this scan against those of its previous sighting.
void record_address_changes(Store::Impl& impl, std::int64_t scan_id, std::int64_t now) {
    std::map<std::int64_t, std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>>> per_device;
    auto added = impl.db.prepare(
        "SELECT i.device_id, i.ip FROM device_ips i JOIN devices d ON d.id = i.device_id "
        "WHERE i.first_scan = ?1 AND d.first_scan IS NOT ?1 AND EXISTS (SELECT 1 FROM scan_devices x "
        "WHERE x.device_id = i.device_id AND x.scan_id < ?1) ORDER BY i.device_id, i.ip");
    added.bind(1, scan_id);
    while (added.step()) per_device[added.column_int(0)].first.push_back(added.column_int(1));
    auto dropped = impl.db.prepare(
        "SELECT i.device_id, i.ip FROM device_ips i JOIN scan_devices s ON s.device_id = i.device_id "
        "AND s.scan_id = ?1 WHERE i.last_scan = (SELECT max(x.scan_id) FROM scan_devices x "
        "WHERE x.device_id = i.device_id AND x.scan_id < ?1) ORDER BY i.device_id, i.ip");
    dropped.bind(1, scan_id);
    const auto targets = scan_targets(impl.db, scan_id);
    while (dropped.step()) {
        // An address this scan did not look at (a routed subnet in a scan without the ICMP stage) is
        // not gone from its device: it was not asked.
        const std::int64_t ip = dropped.column_int(1);
        if (covers(targets, {Ipv4Address(static_cast<std::uint32_t>(ip))})) {
            per_device[dropped.column_int(0)].second.push_back(ip);
        }
    }
    auto text = [](std::int64_t ip) { return Ipv4Address(static_cast<std::uint32_t>(ip)).to_string(); };
    for (const auto& [device, change] : per_device) {
        const auto& [fresh, old] = change;
        const std::size_t paired = std::min(fresh.size(), old.size());
        for (std::size_t i = 0; i < paired; ++i) {
            impl.add_event(scan_id, device, now, "ip-changed", "ip", text(old[i]), text(fresh[i]));
        }
        for (std::size_t i = paired; i < fresh.size(); ++i)
            impl.add_event(scan_id, device, now, "ip-added", "ip", "", text(fresh[i]));
        for (std::size_t i = paired; i < old.size(); ++i)
            impl.add_event(scan_id, device, now, "ip-removed", "ip", text(old[i]), "");
    }
}

}  // namespace

ScanSummary Store::finish_scan(std::int64_t scan_id, std::int64_t packets_sent) {
    auto& db = impl_->db;
    sqlite::Transaction tx(db);
    if (count(db, "SELECT count(*) FROM scans WHERE id = ?1", scan_id) == 0) {
        throw StoreError("store " + db.path() + ": no scan " + std::to_string(scan_id));
    }
    const std::int64_t now = to_ms(Clock::now());
    ScanSummary summary;
    summary.scan_id = scan_id;
    summary.devices_seen = count(db, "SELECT count(*) FROM scan_devices WHERE scan_id = ?1", scan_id);
    summary.devices_new = count(db, "SELECT count(*) FROM devices WHERE first_scan = ?1", scan_id);
    summary.devices_gone = record_gone(*impl_, scan_id, now);
    record_address_changes(*impl_, scan_id, now);
    impl_->record_derived_changes(scan_id, now);
    db.cached(
          "UPDATE scans SET finished_ms = ?2, devices_seen = ?3, devices_new = ?4, devices_gone = ?5, "
          "packets_sent = ?6, completed = 1 WHERE id = ?1")
        .bind(1, scan_id)
        .bind(2, now)
        .bind(3, summary.devices_seen)
        .bind(4, summary.devices_new)
        .bind(5, summary.devices_gone)
        .bind(6, packets_sent)
        .run();
    tx.commit();
    if (impl_->open_scan == scan_id) impl_->open_scan = 0;
    return summary;
}

void Store::set_verdict(std::int64_t device_id, const Verdict& verdict) {
    auto& db = impl_->db;
    sqlite::Transaction tx(db);
    auto& old = db.cached(
        "SELECT class, model, firmware, serial, hostname, os, last_scan FROM devices WHERE id = ?1");
    old.bind(1, device_id);
    if (!old.step()) throw StoreError("store " + db.path() + ": no device " + std::to_string(device_id));
    const std::string old_values[] = {old.column_text(0), old.column_text(1), old.column_text(2),
                                      old.column_text(3), old.column_text(4), old.column_text(5)};
    const std::int64_t last_scan = old.is_null(6) ? 0 : old.column_int(6);
    old.reset();

    auto value = [](const std::optional<Finding>& f) { return f ? f->value : std::string(); };
    const std::string cls(to_string(verdict.device_class));
    const std::string new_values[] = {cls == "unknown" ? std::string() : cls,
                                      value(verdict.model),
                                      value(verdict.firmware),
                                      value(verdict.serial),
                                      value(verdict.hostname),
                                      value(verdict.os)};
    static const char* const kAttributes[] = {"class", "model", "firmware", "serial", "hostname", "os"};
    const std::int64_t now = to_ms(Clock::now());
    const std::int64_t scan = impl_->open_scan != 0 ? impl_->open_scan : last_scan;
    for (std::size_t i = 0; i < std::size(kAttributes); ++i) {
        const std::string& before = i == 0 && old_values[0] == "unknown" ? std::string() : old_values[i];
        if (!before.empty() && !new_values[i].empty() && before != new_values[i]) {
            impl_->add_event(scan, device_id, now, std::string(kAttributes[i]) + "-changed", kAttributes[i],
                             before, new_values[i]);
        }
    }

    static const char* const kHistory[] = {"class", "model", "firmware", "serial", "hostname", "os"};
    for (std::size_t i = 0; i < std::size(kHistory); ++i)
        impl_->touch_attribute(device_id, kHistory[i], new_values[i], scan, now);
    if (verdict.vendor) impl_->touch_attribute(device_id, "vendor", verdict.vendor->value, scan, now);

    auto opt_value = [](const std::optional<Finding>& f) {
        return f && !f->value.empty() ? std::optional<std::string>(f->value) : std::nullopt;
    };
    auto& stmt = db.cached(
        "UPDATE devices SET class = ?2, class_confidence = ?3, vendor = ?4, vendor_confidence = ?5, model = "
        "?6, "
        "model_confidence = ?7, firmware = ?8, firmware_confidence = ?9, serial = ?10, serial_confidence = "
        "?11, "
        "os = ?12, os_confidence = ?13, hostname = ?14, hostname_confidence = ?15, verdict_json = ?16, "
        "verdict_updated_ms = ?17, oui_registrant = coalesce(?18, oui_registrant) WHERE id = ?1");
    stmt.bind(1, device_id).bind(2, cls).bind(3, verdict.class_confidence);
    int index = 4;
    for (const auto* f : {&verdict.vendor, &verdict.model, &verdict.firmware, &verdict.serial, &verdict.os,
                          &verdict.hostname}) {
        stmt.bind(index++, opt_value(*f));
        if (*f) {
            stmt.bind(index++, (*f)->confidence);
        } else {
            stmt.bind_null(index++);
        }
    }
    stmt.bind(16, nlohmann::json(verdict).dump()).bind(17, now);
    stmt.bind(18, verdict.oui_registrant.empty() ? std::optional<std::string>() : verdict.oui_registrant);
    stmt.run();
    tx.commit();
}

void Store::set_verdicts(const std::vector<std::int64_t>& device_ids, const std::vector<Verdict>& verdicts) {
    if (device_ids.size() != verdicts.size()) {
        throw StoreError("store " + impl_->db.path() + ": " + std::to_string(device_ids.size()) +
                         " devices but " + std::to_string(verdicts.size()) + " verdicts");
    }
    sqlite::Transaction tx(impl_->db);
    for (std::size_t i = 0; i < device_ids.size(); ++i) set_verdict(device_ids[i], verdicts[i]);
    tx.commit();
}

}  // namespace nd
