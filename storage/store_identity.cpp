// Identity corrections: merging two device records into one (automatic or by an engineer), splitting
// keys off into a new device, the rules that keep those corrections, and the log of why.
#include <set>

#include "storage/store_impl.hpp"

namespace nd {
namespace {

using sqlite::Connection;

void bind_opt(sqlite::Statement& stmt, int index, std::int64_t value) {
    if (value == 0) {
        stmt.bind_null(index);
    } else {
        stmt.bind(index, value);
    }
}

// Every key of a device as "kind value", addresses included (rules may name an address).
std::set<std::string> keys_of(Connection& db, std::int64_t device) {
    std::set<std::string> out;
    auto& keys = db.cached("SELECT kind, value FROM device_keys WHERE device_id = ?1");
    keys.bind(1, device);
    while (keys.step()) out.insert(keys.column_text(0) + " " + keys.column_text(1));
    auto& ips = db.cached("SELECT ip FROM device_ips WHERE device_id = ?1");
    ips.bind(1, device);
    while (ips.step())
        out.insert("ip " + Ipv4Address(static_cast<std::uint32_t>(ips.column_int(0))).to_string());
    auto& macs = db.cached("SELECT mac FROM device_macs WHERE device_id = ?1");
    macs.bind(1, device);
    while (macs.step()) out.insert("mac " + macs.column_text(0));
    return out;
}

bool device_exists(Connection& db, std::int64_t id) {
    auto& stmt = db.cached("SELECT 1 FROM devices WHERE id = ?1");
    stmt.bind(1, id);
    const bool found = stmt.step();
    stmt.reset();
    return found;
}

}  // namespace

void Store::Impl::log_identity(std::int64_t scan_id, std::int64_t device_id, std::int64_t other_device_id,
                               const std::string& action, int score, const std::string& reason) {
    auto& stmt = db.cached(
        "INSERT INTO identity_log(time_ms, scan_id, device_id, other_device_id, action, score, reason) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    stmt.bind(1, to_ms(Clock::now()));
    bind_opt(stmt, 2, scan_id);
    stmt.bind(3, device_id);
    bind_opt(stmt, 4, other_device_id);
    stmt.bind(5, action).bind(6, static_cast<std::int64_t>(score)).bind(7, reason);
    stmt.run();
}

bool Store::Impl::has_strong_keys(std::int64_t device) {
    auto& stmt = db.cached(
        "SELECT 1 FROM device_keys WHERE device_id = ?1 AND kind IN ('mac', 'serial', 'engine-id', "
        "'chassis-id') LIMIT 1");
    stmt.bind(1, device);
    const bool found = stmt.step();
    stmt.reset();
    return found;
}

bool Store::Impl::kept_apart(std::int64_t a, std::int64_t b) {
    auto& rules = db.cached(
        "SELECT a_kind || ' ' || a_value, b_kind || ' ' || b_value FROM identity_rules WHERE kind = "
        "'distinct'");
    std::vector<std::pair<std::string, std::string>> pairs;
    while (rules.step()) pairs.emplace_back(rules.column_text(0), rules.column_text(1));
    if (pairs.empty()) return false;
    const auto ka = keys_of(db, a);
    const auto kb = keys_of(db, b);
    for (const auto& [x, y] : pairs) {
        if ((ka.contains(x) && kb.contains(y)) || (ka.contains(y) && kb.contains(x))) return true;
    }
    return false;
}

void Store::Impl::merge_devices(std::int64_t into, std::int64_t from, std::int64_t scan_id,
                                const std::string& action, const std::string& reason) {
    if (into == from) return;
    sqlite::Transaction tx(db);
    auto run = [&](const char* sql) { db.cached(sql).bind(1, into).bind(2, from).run(); };
    run("UPDATE device_keys SET device_id = ?1 WHERE device_id = ?2");
    run("INSERT INTO device_macs SELECT ?1, mac, first_seen_ms, last_seen_ms, first_scan, last_scan FROM "
        "device_macs WHERE device_id = ?2 AND true ON CONFLICT(device_id, mac) DO UPDATE SET "
        "first_seen_ms = min(first_seen_ms, excluded.first_seen_ms), last_seen_ms = max(last_seen_ms, "
        "excluded.last_seen_ms), first_scan = min(coalesce(first_scan, excluded.first_scan), "
        "coalesce(excluded.first_scan, first_scan)), last_scan = max(coalesce(last_scan, 0), "
        "coalesce(excluded.last_scan, 0))");
    run("INSERT INTO device_ips SELECT ?1, ip, first_seen_ms, last_seen_ms, first_scan, last_scan FROM "
        "device_ips WHERE device_id = ?2 AND true ON CONFLICT(device_id, ip) DO UPDATE SET "
        "first_seen_ms = min(first_seen_ms, excluded.first_seen_ms), last_seen_ms = max(last_seen_ms, "
        "excluded.last_seen_ms), first_scan = min(coalesce(first_scan, excluded.first_scan), "
        "coalesce(excluded.first_scan, first_scan)), last_scan = max(coalesce(last_scan, 0), "
        "coalesce(excluded.last_scan, 0))");
    // Per collector the newer evidence wins.
    run("INSERT INTO device_evidence SELECT ?1, source, scan_id, updated_ms, evidence FROM device_evidence "
        "WHERE device_id = ?2 AND true ON CONFLICT(device_id, source) DO UPDATE SET scan_id = "
        "excluded.scan_id, "
        "updated_ms = excluded.updated_ms, evidence = excluded.evidence WHERE excluded.updated_ms > "
        "updated_ms");
    run("INSERT OR IGNORE INTO scan_devices SELECT scan_id, ?1 FROM scan_devices WHERE device_id = ?2");
    run("UPDATE observations SET device_id = ?1 WHERE device_id = ?2");
    // One device appears once: the absorbed record's "new device" is not news.
    run("DELETE FROM events WHERE kind = 'new-device' AND device_id = (CASE WHEN (SELECT first_seen_ms FROM "
        "devices WHERE id = ?1) <= (SELECT first_seen_ms FROM devices WHERE id = ?2) THEN ?2 ELSE ?1 END)");
    run("UPDATE events SET device_id = ?1 WHERE device_id = ?2");
    // Annotations: the surviving record's own win; the other's fill gaps.
    run("INSERT OR IGNORE INTO annotations SELECT ?1, key, value, updated_ms FROM annotations WHERE "
        "device_id = ?2");
    run("INSERT INTO attributes SELECT ?1, attribute, value, first_seen_ms, last_seen_ms, first_scan, "
        "last_scan "
        "FROM attributes WHERE device_id = ?2 AND true ON CONFLICT(device_id, attribute, value) DO UPDATE "
        "SET "
        "first_seen_ms = min(first_seen_ms, excluded.first_seen_ms), last_seen_ms = max(last_seen_ms, "
        "excluded.last_seen_ms)");
    run("INSERT OR IGNORE INTO device_ports SELECT ?1, switch_device_id, switch_name, port, vlan, source, "
        "first_seen_ms, last_seen_ms, first_scan, last_scan FROM device_ports WHERE device_id = ?2");
    run("UPDATE devices SET first_seen_ms = min(first_seen_ms, (SELECT first_seen_ms FROM devices WHERE id = "
        "?2)), "
        "last_seen_ms = max(last_seen_ms, (SELECT last_seen_ms FROM devices WHERE id = ?2)), "
        "first_scan = coalesce(min(first_scan, (SELECT first_scan FROM devices WHERE id = ?2)), first_scan, "
        "(SELECT first_scan FROM devices WHERE id = ?2)), "
        "last_scan = coalesce(max(last_scan, (SELECT last_scan FROM devices WHERE id = ?2)), last_scan, "
        "(SELECT last_scan FROM devices WHERE id = ?2)), "
        "verdict_json = coalesce(verdict_json, (SELECT verdict_json FROM devices WHERE id = ?2)) WHERE id = "
        "?1");
    run("UPDATE identity_log SET device_id = ?1 WHERE device_id = ?2");
    db.cached("DELETE FROM devices WHERE id = ?1").bind(1, from).run();
    log_identity(scan_id, into, from, action, 0, reason);
    tx.commit();
}

void Store::merge(std::int64_t keep, std::int64_t absorb, const std::string& note) {
    auto& db = impl_->db;
    sqlite::Transaction tx(db);
    for (auto id : {keep, absorb}) {
        if (!device_exists(db, id)) throw StoreError("no device " + std::to_string(id) + " in " + db.path());
    }
    if (keep == absorb) throw StoreError("device " + std::to_string(keep) + " cannot be merged with itself");
    // Undo splits between the two, and remember the engineer's word (the keys now point at `keep`).
    const auto a = keys_of(db, keep);
    const auto b = keys_of(db, absorb);
    auto& rules = db.cached(
        "SELECT id, a_kind || ' ' || a_value, b_kind || ' ' || b_value FROM identity_rules WHERE kind = "
        "'distinct'");
    std::vector<std::int64_t> drop;
    while (rules.step()) {
        const auto x = rules.column_text(1);
        const auto y = rules.column_text(2);
        if ((a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x)))
            drop.push_back(rules.column_int(0));
    }
    for (auto id : drop) db.cached("DELETE FROM identity_rules WHERE id = ?1").bind(1, id).run();
    if (!a.empty() && !b.empty()) {
        const auto& x = *a.begin();
        const auto& y = *b.begin();
        db.cached(
              "INSERT INTO identity_rules(kind, a_kind, a_value, b_kind, b_value, created_ms, note) VALUES "
              "('same', ?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(1, x.substr(0, x.find(' ')))
            .bind(2, x.substr(x.find(' ') + 1))
            .bind(3, y.substr(0, y.find(' ')))
            .bind(4, y.substr(y.find(' ') + 1))
            .bind(5, to_ms(Clock::now()))
            .bind(6, note)
            .run();
    }
    impl_->merge_devices(keep, absorb, 0, "merged-by-engineer",
                         note.empty() ? std::string("netdossier merge") : "netdossier merge: " + note);
    tx.commit();
}

std::int64_t Store::split(std::int64_t device, const std::vector<std::string>& keys,
                          const std::string& note) {
    auto& db = impl_->db;
    sqlite::Transaction tx(db);
    if (!device_exists(db, device))
        throw StoreError("no device " + std::to_string(device) + " in " + db.path());
    const auto held = keys_of(db, device);
    std::vector<std::pair<std::string, std::string>> moving;  // kind, value
    for (const auto& text : keys) {
        std::pair<std::string, std::string> key;
        if (auto mac = MacAddress::parse(text)) {
            key = {"mac", mac->to_string()};
        } else if (auto ip = Ipv4Address::parse(text)) {
            key = {"ip", ip->to_string()};
        } else {
            throw StoreError("'" + text + "' is neither a MAC nor an IPv4 address");
        }
        if (!held.contains(key.first + " " + key.second))
            throw StoreError("device " + std::to_string(device) + " has no " + key.first + " " + key.second);
        moving.push_back(key);
    }
    if (moving.empty()) throw StoreError("name at least one MAC or address to split off");
    std::set<std::string> moved;
    for (const auto& [k, v] : moving) moved.insert(k + " " + v);
    bool anything_left = false;
    for (const auto& k : held)
        anything_left = anything_left || (!moved.contains(k) && !k.starts_with("mac-la "));
    if (!anything_left)
        throw StoreError("that would leave device " + std::to_string(device) + " without any key");

    const std::int64_t now = to_ms(Clock::now());
    db.cached(
          "INSERT INTO devices(first_seen_ms, last_seen_ms, first_scan, last_scan) SELECT first_seen_ms, "
          "last_seen_ms, first_scan, last_scan FROM devices WHERE id = ?1")
        .bind(1, device)
        .run();
    const std::int64_t fresh = db.last_insert_rowid();
    for (const auto& [kind, value] : moving) {
        if (kind == "mac") {
            db.cached(
                  "UPDATE device_keys SET device_id = ?1 WHERE device_id = ?2 AND ((kind = 'mac' AND value = "
                  "?3) "
                  "OR (kind = 'mac-la' AND value LIKE ?3 || '@%'))")
                .bind(1, fresh)
                .bind(2, device)
                .bind(3, value)
                .run();
            db.cached("UPDATE device_macs SET device_id = ?1 WHERE device_id = ?2 AND mac = ?3")
                .bind(1, fresh)
                .bind(2, device)
                .bind(3, value)
                .run();
        } else {
            const auto ip = static_cast<std::int64_t>(Ipv4Address::parse(value)->value());
            db.cached("UPDATE device_ips SET device_id = ?1 WHERE device_id = ?2 AND ip = ?3")
                .bind(1, fresh)
                .bind(2, device)
                .bind(3, ip)
                .run();
            db.cached(
                  "UPDATE device_keys SET device_id = ?1 WHERE device_id = ?2 AND kind = 'ip' AND value = ?3")
                .bind(1, fresh)
                .bind(2, device)
                .bind(3, value)
                .run();
        }
        // The rule the matcher obeys from now on: this key and every remaining one are different devices.
        for (const auto& other : held) {
            if (moved.contains(other) || other.starts_with("mac-la ") || other.starts_with("hostname "))
                continue;
            db.cached(
                  "INSERT INTO identity_rules(kind, a_kind, a_value, b_kind, b_value, created_ms, note) "
                  "VALUES "
                  "('distinct', ?1, ?2, ?3, ?4, ?5, ?6)")
                .bind(1, kind)
                .bind(2, value)
                .bind(3, other.substr(0, other.find(' ')))
                .bind(4, other.substr(other.find(' ') + 1))
                .bind(5, now)
                .bind(6, note)
                .run();
        }
    }
    if (!impl_->has_strong_keys(fresh)) {
        // An address-only device keeps its addresses as keys so MAC-less sightings find it.
        auto& ips = db.cached("SELECT ip, first_seen_ms, last_seen_ms FROM device_ips WHERE device_id = ?1");
        ips.bind(1, fresh);
        std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> rows;
        while (ips.step()) rows.emplace_back(ips.column_int(0), ips.column_int(1), ips.column_int(2));
        for (const auto& [ip, first, last] : rows) {
            db.cached(
                  "INSERT OR REPLACE INTO device_keys(kind, value, device_id, source, first_seen_ms, "
                  "last_seen_ms) "
                  "VALUES ('ip', ?1, ?2, 'split', ?3, ?4)")
                .bind(1, Ipv4Address(static_cast<std::uint32_t>(ip)).to_string())
                .bind(2, fresh)
                .bind(3, first)
                .bind(4, last)
                .run();
        }
    }
    std::string what;
    for (const auto& [k, v] : moving) what += (what.empty() ? "" : ", ") + k + " " + v;
    impl_->log_identity(0, fresh, device, "split-by-engineer", 0,
                        "netdossier split: " + what + " split off device " + std::to_string(device) +
                            (note.empty() ? "" : " (" + note + ")"));
    impl_->log_identity(0, device, fresh, "split-by-engineer", 0,
                        "netdossier split: " + what + " moved to new device " + std::to_string(fresh));
    tx.commit();
    return fresh;
}

std::vector<IdentityLogEntry> Store::identity_log(std::optional<std::int64_t> device) const {
    auto stmt = impl_->db.prepare(
        "SELECT id, time_ms, coalesce(scan_id, 0), device_id, coalesce(other_device_id, 0), action, "
        "coalesce(score, 0), reason FROM identity_log WHERE ?1 IS NULL OR device_id = ?1 OR other_device_id "
        "= ?1 "
        "ORDER BY id");
    if (device) {
        stmt.bind(1, *device);
    } else {
        stmt.bind_null(1);
    }
    std::vector<IdentityLogEntry> out;
    while (stmt.step()) {
        IdentityLogEntry e;
        e.id = stmt.column_int(0);
        e.time = from_ms(stmt.column_int(1));
        e.scan_id = stmt.column_int(2);
        e.device_id = stmt.column_int(3);
        e.other_device_id = stmt.column_int(4);
        e.action = stmt.column_text(5);
        e.score = static_cast<int>(stmt.column_int(6));
        e.reason = stmt.column_text(7);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace nd
