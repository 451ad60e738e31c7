#include "storage/schema.hpp"

#include <array>
#include <string>
#include <string_view>

namespace nd {
namespace {

// Times are milliseconds since the Unix epoch (UTC). MACs are lower-case colon text, IPs integers
// in host order (so they sort and range-match). ADD MIGRATIONS AT THE END; never edit a released one.
constexpr std::array<std::string_view, 2> kMigrations{
    // 1: scans, devices merged by identity keys, their addresses, evidence, history and annotations.
    R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE scans (
  id           INTEGER PRIMARY KEY,
  started_ms   INTEGER NOT NULL,
  finished_ms  INTEGER,
  targets      TEXT NOT NULL DEFAULT '[]',
  devices_seen INTEGER NOT NULL DEFAULT 0,
  devices_new  INTEGER NOT NULL DEFAULT 0,
  devices_gone INTEGER NOT NULL DEFAULT 0,
  packets_sent INTEGER NOT NULL DEFAULT 0,
  completed    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE devices (
  id                  INTEGER PRIMARY KEY,
  first_seen_ms       INTEGER NOT NULL,
  last_seen_ms        INTEGER NOT NULL,
  first_scan          INTEGER REFERENCES scans(id),
  last_scan           INTEGER REFERENCES scans(id),
  oui_registrant      TEXT,
  class               TEXT NOT NULL DEFAULT 'unknown',
  class_confidence    REAL NOT NULL DEFAULT 0,
  vendor              TEXT, vendor_confidence   REAL,
  model               TEXT, model_confidence    REAL,
  firmware            TEXT, firmware_confidence REAL,
  serial              TEXT, serial_confidence   REAL,
  os                  TEXT, os_confidence       REAL,
  hostname            TEXT, hostname_confidence REAL,
  verdict_json        TEXT,
  verdict_updated_ms  INTEGER
);
-- What identifies a device: kind 'mac' (globally administered), 'mac-la' (locally administered,
-- trusted only together with its address), 'ip' (devices without a MAC); later 'serial',
-- 'engine-id', 'chassis-id', 'hostname'. Merge and split corrections rewrite device_id.
CREATE TABLE device_keys (
  kind          TEXT NOT NULL,
  value         TEXT NOT NULL,
  device_id     INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  source        TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms  INTEGER NOT NULL,
  PRIMARY KEY (kind, value)
);
CREATE INDEX device_keys_device ON device_keys(device_id);
CREATE TABLE device_macs (
  device_id     INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  mac           TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms  INTEGER NOT NULL,
  first_scan    INTEGER,
  last_scan     INTEGER,
  PRIMARY KEY (device_id, mac)
);
CREATE INDEX device_macs_mac ON device_macs(mac);
CREATE TABLE device_ips (
  device_id     INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  ip            INTEGER NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms  INTEGER NOT NULL,
  first_scan    INTEGER,
  last_scan     INTEGER,
  PRIMARY KEY (device_id, ip)
);
CREATE INDEX device_ips_ip ON device_ips(ip, last_seen_ms);
-- The latest evidence of each collector for each device.
CREATE TABLE device_evidence (
  device_id  INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  source     TEXT NOT NULL,
  scan_id    INTEGER,
  updated_ms INTEGER NOT NULL,
  evidence   TEXT NOT NULL,
  PRIMARY KEY (device_id, source)
);
-- Which devices each scan saw: the base of new/gone counts and per-scan history.
CREATE TABLE scan_devices (
  scan_id   INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  PRIMARY KEY (scan_id, device_id)
) WITHOUT ROWID;
CREATE INDEX scan_devices_device ON scan_devices(device_id);
-- Every observation as received; pruned by age or scan count (prune_observations).
CREATE TABLE observations (
  id        INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  scan_id   INTEGER,
  source    TEXT NOT NULL,
  time_ms   INTEGER NOT NULL,
  evidence  TEXT NOT NULL
);
CREATE INDEX observations_time ON observations(time_ms);
CREATE INDEX observations_device ON observations(device_id, time_ms);
CREATE TABLE events (
  id        INTEGER PRIMARY KEY,
  scan_id   INTEGER,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  time_ms   INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  attribute TEXT,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX events_scan ON events(scan_id);
CREATE INDEX events_device ON events(device_id, time_ms);
CREATE TABLE annotations (
  device_id  INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (device_id, key)
);
)sql",
    // 2: scored identity (why each device was matched or merged, engineer's merge/split rules),
    // attribute history, switch ports, virtual router addresses.
    R"sql(
CREATE TABLE identity_log (
  id              INTEGER PRIMARY KEY,
  time_ms         INTEGER NOT NULL,
  scan_id         INTEGER,
  device_id       INTEGER NOT NULL,
  other_device_id INTEGER,
  action          TEXT NOT NULL,
  score           INTEGER,
  reason          TEXT NOT NULL
);
CREATE INDEX identity_log_device ON identity_log(device_id, id);
CREATE INDEX identity_log_other ON identity_log(other_device_id);
-- 'distinct': devices holding key a and key b are never merged (a split); 'same': an engineer's merge.
CREATE TABLE identity_rules (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('same', 'distinct')),
  a_kind     TEXT NOT NULL,
  a_value    TEXT NOT NULL,
  b_kind     TEXT NOT NULL,
  b_value    TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT ''
);
CREATE TABLE attributes (
  device_id     INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  attribute     TEXT NOT NULL,
  value         TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms  INTEGER NOT NULL,
  first_scan    INTEGER,
  last_scan     INTEGER,
  PRIMARY KEY (device_id, attribute, value)
);
CREATE TABLE device_ports (
  device_id        INTEGER PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
  switch_device_id INTEGER NOT NULL,
  switch_name      TEXT NOT NULL,
  port             TEXT NOT NULL,
  vlan             INTEGER,
  source           TEXT NOT NULL,
  first_seen_ms    INTEGER NOT NULL,
  last_seen_ms     INTEGER NOT NULL,
  first_scan       INTEGER,
  last_scan        INTEGER
);
CREATE TABLE virtual_addresses (
  ip            INTEGER PRIMARY KEY,
  mac           TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms  INTEGER NOT NULL
);
-- History starts from what version 1 knew: each device's current values.
INSERT INTO attributes SELECT id, 'class', class, first_seen_ms, last_seen_ms, first_scan, last_scan
  FROM devices WHERE class IS NOT NULL AND class != 'unknown';
INSERT INTO attributes SELECT id, 'vendor', vendor, first_seen_ms, last_seen_ms, first_scan, last_scan
  FROM devices WHERE vendor IS NOT NULL;
INSERT INTO attributes SELECT id, 'model', model, first_seen_ms, last_seen_ms, first_scan, last_scan
  FROM devices WHERE model IS NOT NULL;
INSERT INTO attributes SELECT id, 'firmware', firmware, first_seen_ms, last_seen_ms, first_scan, last_scan
  FROM devices WHERE firmware IS NOT NULL;
INSERT INTO attributes SELECT id, 'serial', serial, first_seen_ms, last_seen_ms, first_scan, last_scan
  FROM devices WHERE serial IS NOT NULL;
INSERT INTO attributes SELECT id, 'os', os, first_seen_ms, last_seen_ms, first_scan, last_scan
  FROM devices WHERE os IS NOT NULL;
INSERT INTO attributes SELECT id, 'hostname', hostname, first_seen_ms, last_seen_ms, first_scan, last_scan
  FROM devices WHERE hostname IS NOT NULL;
)sql",
};

}  // namespace

int current_schema_version() { return static_cast<int>(kMigrations.size()); }

std::string_view migration_sql(int version) {
    if (version < 1 || version > current_schema_version()) return {};
    return kMigrations[static_cast<std::size_t>(version - 1)];
}

int read_schema_version(sqlite::Connection& db) {
    auto stmt = db.prepare("PRAGMA user_version");
    const int version = stmt.step() ? static_cast<int>(stmt.column_int(0)) : 0;
    stmt.reset();
    return version;
}

void migrate(sqlite::Connection& db) {
    int version = read_schema_version(db);
    if (version > current_schema_version()) {
        throw StoreError("store " + db.path() + ": schema version " + std::to_string(version) +
                         " is newer than this netdossier understands (" +
                         std::to_string(current_schema_version()) + "); upgrade netdossier");
    }
    if (version == 0) {
        // A SQLite file that already holds tables but no version is someone else's database.
        auto tables = db.prepare("SELECT count(*) FROM sqlite_master");
        const bool has_tables = tables.step() && tables.column_int(0) > 0;
        tables.reset();
        if (has_tables)
            throw StoreError("store " + db.path() + ": is a SQLite database but not a netdossier store");
    }
    while (version < current_schema_version()) {
        sqlite::Transaction tx(db);
        db.exec(kMigrations[static_cast<std::size_t>(version)]);
        ++version;
        db.exec("PRAGMA user_version = " + std::to_string(version));
        tx.commit();
    }
}

}  // namespace nd
