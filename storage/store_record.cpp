// Merging one observation into the device it belongs to.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "model/evidence_json.hpp"
#include "storage/evidence_merge.hpp"
#include "storage/identity_keys.hpp"
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

// Returns true when the key is new.
bool put_key(Connection& db, std::string_view kind, const std::string& value, std::int64_t device,
             const std::string& source, std::int64_t t) {
    bool fresh = false;
    {
        auto& known = db.cached("SELECT 1 FROM device_keys WHERE kind = ?1 AND value = ?2");
        known.bind(1, kind).bind(2, value);
        fresh = !known.step();
        known.reset();
    }
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
    return fresh;
}

// The one device that used this host name; none when several did (names repeat).
std::optional<std::int64_t> name_holder(Connection& db, const std::string& name) {
    auto& stmt = db.cached(
        "SELECT DISTINCT device_id FROM attributes WHERE attribute = 'hostname-seen' AND value = ?1 LIMIT 2");
    stmt.bind(1, name);
    std::vector<std::int64_t> found;
    while (stmt.step()) found.push_back(stmt.column_int(0));
    if (found.size() != 1) return std::nullopt;
    return found.front();
}

bool is_virtual_address(Connection& db, Ipv4Address ip) {
    auto& stmt = db.cached("SELECT 1 FROM virtual_addresses WHERE ip = ?1");
    stmt.bind(1, static_cast<std::int64_t>(ip.value()));
    const bool found = stmt.step();
    stmt.reset();
    return found;
}

// The device that most recently held the address, whatever identifies it.
std::optional<std::int64_t> ip_holder(Connection& db, Ipv4Address ip) {
    auto& stmt =
        db.cached("SELECT device_id FROM device_ips WHERE ip = ?1 ORDER BY last_seen_ms DESC LIMIT 1");
    stmt.bind(1, static_cast<std::int64_t>(ip.value()));
    std::optional<std::int64_t> id;
    if (stmt.step()) id = stmt.column_int(0);
    stmt.reset();
    // An address a device's agent lists (a router's other leg) before anything answered on it.
    return id ? id : find_key(db, "ip", ip.to_string());
}

// True when the device already holds a serial, engine id or chassis id other than the observation's
// (a different box now answering at that address).
bool conflicts(Connection& db, std::int64_t device, const std::vector<IdentityKey>& keys) {
    auto& stmt = db.cached(
        "SELECT kind, value FROM device_keys WHERE device_id = ?1 AND kind IN ('serial', 'engine-id', "
        "'chassis-id')");
    stmt.bind(1, device);
    bool conflict = false;
    while (!conflict && stmt.step()) {
        const auto kind = stmt.column_text(0);
        const auto value = stmt.column_text(1);
        bool same_kind = false, same_value = false;
        for (const auto& k : keys) {
            if (k.kind != kind) continue;
            same_kind = true;
            same_value = same_value || k.value == value;
        }
        conflict = same_kind && !same_value;
    }
    stmt.reset();
    return conflict;
}

void bind_scan(sqlite::Statement& stmt, int index, std::int64_t scan) {
    if (scan == 0) {
        stmt.bind_null(index);
    } else {
        stmt.bind(index, scan);
    }
}

// Scores the stored devices the observation's keys point at and decides which device it is.
struct Resolution {
    std::optional<std::int64_t> device;
    std::vector<std::int64_t> absorb;  // further devices the observation proves to be the same one
    std::map<std::int64_t, std::string> absorb_why;  // the evidence that ties each of them in
    int score = 0;
    std::string reason;
};

Resolution resolve(Store::Impl& impl, const std::vector<IdentityKey>& keys) {
    auto& db = impl.db;
    std::map<std::int64_t, int> strong, weak;
    std::map<std::int64_t, std::string> why;
    bool has_strong = false;
    bool has_la = false;
    for (const auto& k : keys) {
        has_strong = has_strong || k.strong();
        has_la = has_la || k.kind == "mac-la";
        std::optional<std::int64_t> holder;
        if (k.kind == "ip") {
            holder = ip_holder(db, *Ipv4Address::parse(k.value));
        } else if (k.kind == "hostname") {
            holder = name_holder(db, k.value);
        } else {
            holder = find_key(db, k.kind, k.value);
        }
        if (!holder) continue;
        (k.strong() ? strong : weak)[*holder] += k.weight;
        auto& w = why[*holder];
        w += (w.empty() ? "" : ", ") + describe(k) + " (" + k.why + ")";
    }
    Resolution r;
    if (!strong.empty()) {
        // Strong keys name one device each; several devices named by one observation are one device
        // (an SNMP agent listing two interfaces), unless an engineer split them.
        r.device = strong.begin()->first;  // the oldest keeps its id (annotations, links)
        r.score = strong.begin()->second;
        r.reason = why[*r.device];
        for (const auto& [id, score] : strong) {
            if (id == *r.device) continue;
            if (impl.kept_apart(*r.device, id)) {
                impl.log_identity(0, *r.device, id, "merge-refused", score,
                                  "an engineer split these devices; shared evidence: " + why[id]);
                continue;
            }
            r.absorb.push_back(id);
            r.absorb_why[id] = why[id];
        }
        // Devices known only by an address or a name (seen by ICMP before) that this one claims.
        for (const auto& [id, score] : weak) {
            if (strong.contains(id) || impl.has_strong_keys(id) || impl.kept_apart(*r.device, id)) continue;
            r.absorb.push_back(id);
            r.absorb_why[id] = why[id];
        }
        return r;
    }
    if (weak.empty()) return r;
    auto best = std::max_element(weak.begin(), weak.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (has_strong) {
        // A new MAC at a known address: the same device only if that device had no identity of its own
        // yet (ICMP saw it before ARP); else the address was handed on (DHCP). Without a MAC (an SNMP
        // agent that lists none of its interfaces), a new serial or engine id at the address belongs to
        // the device ARP found there, unless that device holds a different one.
        const bool has_mac = std::any_of(keys.begin(), keys.end(), [](const IdentityKey& k) {
            return k.kind == "mac" || k.kind == "mac-la";
        });
        for (const auto& [id, score] : weak) {
            if (impl.has_strong_keys(id) && (has_mac || conflicts(db, id, keys))) continue;
            if (!r.device) {
                r.device = id;
                r.score = score;
                r.reason = why[id];
            } else if (!impl.kept_apart(*r.device, id)) {
                r.absorb.push_back(id);
            }
        }
        return r;
    }
    // Weak evidence only. A randomised MAC needs address and name to agree; a MAC-less observation
    // (ICMP, a routed host) belongs to the device that last held the address.
    if (has_la && best->second < kMatchThreshold) return r;
    r.device = best->first;
    r.score = best->second;
    r.reason = why[best->first];
    return r;
}

}  // namespace

std::int64_t Store::Impl::record_one(const Observation& o) {
    const std::int64_t t = to_ms(o.time);
    const std::int64_t scan = o.scan_id;
    DeviceEvidence e = o.evidence;
    if (e.mac && e.mac->is_virtual_router()) {
        // A router's shared address, not a device: remember it so MAC-less sightings are dropped too.
        for (const auto& ip : e.ips) {
            db.cached(
                  "INSERT INTO virtual_addresses(ip, mac, first_seen_ms, last_seen_ms) VALUES (?1, ?2, ?3, "
                  "?3) "
                  "ON CONFLICT(ip) DO UPDATE SET mac = excluded.mac, last_seen_ms = excluded.last_seen_ms")
                .bind(1, static_cast<std::int64_t>(ip.value()))
                .bind(2, e.mac->to_string())
                .bind(3, t)
                .run();
            db.cached("DELETE FROM device_keys WHERE kind = 'ip' AND value = ?1")
                .bind(1, ip.to_string())
                .run();
        }
        return 0;
    }
    if (e.mac && (e.mac->is_zero() || e.mac->is_multicast())) e.mac.reset();
    if (!e.mac && !e.ips.empty()) {
        std::erase_if(e.ips, [&](const Ipv4Address& ip) { return is_virtual_address(db, ip); });
        if (e.ips.empty() && e.snmp.empty()) return 0;  // only a virtual router address answered
    }
    const std::optional<MacAddress> mac = e.mac;
    const auto keys = identity_keys(e);
    if (keys.empty()) return 0;  // nothing to tie it to a device

    Resolution found = resolve(*this, keys);
    std::optional<std::int64_t> device = found.device;
    if (device && !found.reason.empty()) {
        auto& stmt = db.cached(
            "SELECT 1 FROM identity_log WHERE device_id = ?1 AND action = 'matched' AND reason = ?2");
        stmt.bind(1, *device).bind(2, found.reason);
        const bool logged = stmt.step();
        stmt.reset();
        if (!logged && found.score < kStrongWeight)
            log_identity(scan, *device, 0, "matched", found.score, found.reason);
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

    for (const auto& id : found.absorb) {
        const std::string& tie = found.absorb_why[id];
        merge_devices(*device, id, scan, "merged",
                      "the same device: " + (tie.empty() ? std::string("shared identity evidence") : tie) +
                          (found.reason.empty() ? "" : "; it is " + found.reason));
    }
    if (created) {
        std::string what;
        for (const auto& k : keys) what += (what.empty() ? "" : ", ") + describe(k);
        log_identity(scan, *device, 0, "created", 0, "no stored device holds " + what);
    }
    for (const auto& k : keys) {
        if (k.kind == "ip") continue;                     // addresses live in device_ips (DHCP hands them on)
        if (!k.strong() && k.kind != "mac-la") continue;  // names only support a match
        if (put_key(db, k.kind, k.value, *device, o.source, t) && !created)
            log_identity(scan, *device, 0, "key-added", k.weight,
                         describe(k) + " (" + k.why + ")" +
                             (found.reason.empty() ? "" : "; matched on " + found.reason));
    }
    if (!has_strong_keys(*device)) {
        for (const auto& ip : e.ips) put_key(db, "ip", ip.to_string(), *device, o.source, t);
    } else {
        db.cached("DELETE FROM device_keys WHERE device_id = ?1 AND kind = 'ip'").bind(1, *device).run();
    }
    for (const auto& k : keys) {
        if (k.kind == "hostname") touch_attribute(*device, "hostname-seen", k.value, scan, t);
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
