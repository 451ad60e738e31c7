#!/bin/bash
# Issue 7's done-when test for the package: build the .deb with CPack, install it with dpkg -i on this
# machine (CI machines are fresh; policy-rc.d blocks service starts and there is no systemd PID 1, so
# the postinst must cope), then run the INSTALLED binary as the daemon inside the lab's scanner
# namespace, as the service user with only CAP_NET_RAW and CAP_NET_ADMIN (setpriv stands in for the
# unit's User= and AmbientCapabilities=):
#   onboarding audit -> a scheduled rescan -> SIGHUP and SIGTERM in the middle of a scan
#   -> the store passes PRAGMA integrity_check and holds every completed scan
#   -> upgrade to a newer-versioned package: the store is kept and the new daemon continues it
#   -> purge: state, config and user are gone. Purge and lab teardown run also on failure.
# Usage: package_install_test.sh BUILD_DIR     (NETDOSSIER_LAB_REUSE=<prefix> uses a running lab)
set -u
build=${1:?usage: $0 BUILD_DIR}
src=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (dpkg -i, network namespaces)"; exit 77; }
for tool in cpack dpkg setpriv sqlite3 ip; do
    command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool not installed"; exit 77; }
done
if dpkg -s netdossier >/dev/null 2>&1; then
    echo "SKIP: a netdossier package is already installed on this machine; not touching it"; exit 77
fi

started=$(date +%s.%N)
work=$(mktemp -d)
prefix=${NETDOSSIER_LAB_REUSE:-ndpk$$}
prefix=${prefix:0:12}
own_lab=0
daemon_pid=
db=/var/lib/netdossier/netdossier.db
conf=/etc/netdossier/netdossier.toml
fail=0

step() { printf "[%6.1f s] %s\n" "$(awk -v now="$(date +%s.%N)" -v t0="$started" "BEGIN { print now - t0 }")" "$*"; }
bad() { echo "FAIL: $*"; fail=1; }

cleanup() {
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill -TERM "$daemon_pid" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$daemon_pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$daemon_pid" 2>/dev/null
    fi
    dpkg --purge netdossier >"$work/purge-cleanup.log" 2>&1 || true
    [ $own_lab -eq 1 ] && bash "$src/lab/site.sh" down --prefix "$prefix" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the package, and a newer-versioned one for the upgrade --------------------------------------
step "building the packages"
cmake --build "$build" --target netdossier netdossier_man >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; echo "FAIL: build"; exit 1; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")/\1/p' "$build/CPackConfig.cmake")
(cd "$build" && cpack -G DEB -B "$work/v1" >"$work/cpack1.log" 2>&1) || { cat "$work/cpack1.log"; echo "FAIL: cpack"; exit 1; }
(cd "$build" && cpack -G DEB -B "$work/v2" -D CPACK_PACKAGE_VERSION="$version+upgrade1" \
    -D CPACK_DEBIAN_PACKAGE_VERSION="$version+upgrade1" >"$work/cpack2.log" 2>&1) || { cat "$work/cpack2.log"; echo "FAIL: cpack (upgrade)"; exit 1; }
deb1=$(ls "$work"/v1/netdossier_*.deb | head -1)
deb2=$(ls "$work"/v2/netdossier_*.deb | head -1)
[ -n "$deb1" ] && [ -n "$deb2" ] || { echo "FAIL: no .deb"; exit 1; }
step "packages: $(basename "$deb1"), $(basename "$deb2")"

# --- the lab ----------------------------------------------------------------------------------------
if [ -z "${NETDOSSIER_LAB_REUSE:-}" ]; then
    step "lab up ($prefix)"
    bash "$src/lab/site.sh" up small --prefix "$prefix" --owner-pid $$ >"$work/lab.log" 2>&1 ||
        { tail -20 "$work/lab.log"; echo "FAIL: lab up"; exit 1; }
    own_lab=1
fi
ns=$prefix-scan
ip netns pids "$ns" >/dev/null 2>&1 || { echo "FAIL: no scanner namespace $ns"; exit 1; }

# --- install ---------------------------------------------------------------------------------------
step "dpkg -i $(basename "$deb1")"
dpkg -i "$deb1" >"$work/install.log" 2>&1 || { cat "$work/install.log"; echo "FAIL: dpkg -i"; exit 1; }
getent passwd netdossier >/dev/null || bad "no service user after install"
[ "$(stat -c '%U %a' /var/lib/netdossier)" = "netdossier 700" ] || bad "state dir: $(stat -c '%U %a' /var/lib/netdossier)"
[ "$(stat -c '%U %a' $conf)" = "netdossier 600" ] || bad "config: $(stat -c '%U %a' $conf)"
/usr/bin/netdossier daemon --config $conf --check-config >"$work/check.log" 2>&1 || { cat "$work/check.log"; bad "the installed config fails --check-config"; }

# The installed config adapted to the lab: its targets, a short test schedule. Mode and owner stay.
cat >$conf <<EOF
[site]
name = "package test site"
[scan]
targets = ["198.18.1.0/24"]
rate = 500
[store]
path = "$db"
[[snmp.credentials]]
name = "lab"
version = "2c"
community = "public"
[[snmp.credentials]]
name = "lab-switch"
version = "2c"
community = "s3cret-ro"
[daemon]
schedule = "every 4s"
jitter = 0
EOF

sql() { sqlite3 -cmd ".timeout 5000" "file:$db?mode=ro" "$1" 2>/dev/null; }
completed() { sql "SELECT count(*) FROM scans WHERE completed = 1" || echo 0; }
running() { sql "SELECT count(*) FROM scans WHERE completed = 0 AND id = (SELECT max(id) FROM scans)" || echo 0; }
wait_for() {  # SECONDS CONDITION...: polls every 0.2 s
    local limit=$1; shift
    local end=$(( $(date +%s) + limit ))
    while [ "$(date +%s)" -lt $end ]; do "$@" && return 0; sleep 0.2; done
    return 1
}
at_least() { [ "$(completed)" -ge "$1" ]; }
scan_running() { [ "$(running)" = 1 ]; }

start_daemon() {  # LOG: the installed binary, as the service user, only the two capabilities
    ip netns exec "$ns" setpriv --reuid=netdossier --regid=netdossier --init-groups \
        --inh-caps=-all,+net_raw,+net_admin --ambient-caps=-all,+net_raw,+net_admin \
        --bounding-set=-all,+net_raw,+net_admin --no-new-privs \
        env -C /var/lib/netdossier /usr/bin/netdossier daemon --config $conf >"$1" 2>&1 &
    daemon_pid=$!
}
stop_daemon() {  # waits up to 30 s for exit, returns its status
    kill -TERM "$daemon_pid" 2>/dev/null
    local status=1
    for _ in $(seq 150); do
        if ! kill -0 "$daemon_pid" 2>/dev/null; then wait "$daemon_pid"; status=$?; daemon_pid=; return $status; fi
        sleep 0.2
    done
    echo "daemon did not stop within 30 s"; return 1
}

# --- onboarding, scheduled rescan, SIGHUP and SIGTERM mid-scan ---------------------------------------
step "daemon (installed binary, user netdossier, CAP_NET_RAW+CAP_NET_ADMIN) in $ns"
start_daemon "$work/daemon1.log"
wait_for 120 at_least 1 || { cat "$work/daemon1.log"; bad "no onboarding audit within 120 s"; exit 1; }
step "onboarding audit done: $(sql 'SELECT devices_seen FROM scans WHERE completed = 1 ORDER BY id LIMIT 1') devices"
wait_for 120 at_least 2 || { cat "$work/daemon1.log"; bad "no scheduled rescan within 120 s"; exit 1; }
step "scheduled rescan done"
wait_for 60 scan_running || bad "no scan started after the rescan"
sed -i 's/^rate = 500/rate = 400/' $conf
kill -HUP "$daemon_pid"
sleep 0.3
scan_running || echo "note: the scan finished before SIGTERM; SIGTERM lands between scans"
before_term=$(completed)
step "SIGHUP, then SIGTERM during scan #$(sql 'SELECT max(id) FROM scans')"
if stop_daemon; then step "daemon exited 0"; else bad "daemon exit status after SIGTERM"; fi
grep -q "SIGHUP: reloaded" "$work/daemon1.log" || { bad "SIGHUP was not reloaded"; grep -i sighup "$work/daemon1.log"; }
grep -q "SIGTERM received" "$work/daemon1.log" || bad "SIGTERM not logged"
integrity=$(sql "PRAGMA integrity_check")
[ "$integrity" = ok ] || bad "integrity_check: $integrity"
after_term=$(completed)
[ "$after_term" -ge "$before_term" ] && [ "$after_term" -ge 2 ] || bad "completed scans: $after_term (before SIGTERM $before_term)"
devices=$(sql "SELECT count(*) FROM devices")
ids_before=$(sql "SELECT group_concat(id) FROM scans WHERE completed = 1")
step "store: integrity $integrity, $after_term completed scans ($ids_before), $devices devices"
[ "$devices" -ge 10 ] || bad "only $devices devices in the store"
/usr/bin/netdossier export --db $db --format json --out - >"$work/dossier.json" 2>"$work/export.log" ||
    { cat "$work/export.log"; bad "export from the installed binary"; }

# --- upgrade: the store survives, the new daemon continues it ---------------------------------------
step "upgrade to $(basename "$deb2")"
dpkg -i "$deb2" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; bad "dpkg -i (upgrade)"; }
[ "$(dpkg-query -W -f '${Version}' netdossier)" = "$version+upgrade1" ] || bad "version after upgrade: $(dpkg-query -W -f '${Version}' netdossier)"
grep -q 'every 4s' $conf || bad "the upgrade replaced the administrator's config"
[ "$(stat -c '%U %a' $conf)" = "netdossier 600" ] || bad "config after upgrade: $(stat -c '%U %a' $conf)"
[ "$(sql "SELECT group_concat(id) FROM scans WHERE completed = 1")" = "$ids_before" ] || bad "completed scans changed by the upgrade"
start_daemon "$work/daemon2.log"
wait_for 120 at_least $((after_term + 1)) || { cat "$work/daemon2.log"; bad "the upgraded daemon did not continue the store"; }
stop_daemon || bad "upgraded daemon exit status"
grep -q "store holds completed scans" "$work/daemon2.log" || bad "the upgraded daemon did not see the old scans"
[ "$(sql "PRAGMA integrity_check")" = ok ] || bad "integrity after upgrade"
[ "$(sql "SELECT count(*) FROM devices")" -ge "$devices" ] || bad "devices lost in the upgrade"
step "upgraded daemon continued: $(completed) completed scans"

# --- purge ------------------------------------------------------------------------------------------
step "dpkg --purge"
dpkg --purge netdossier >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; bad "dpkg --purge"; }
[ ! -e /var/lib/netdossier ] || bad "/var/lib/netdossier left after purge"
[ ! -e /etc/netdossier ] || bad "/etc/netdossier left after purge"
! getent passwd netdossier >/dev/null || bad "user netdossier left after purge"
[ ! -e /usr/bin/netdossier ] || bad "/usr/bin/netdossier left after purge"

step "done"
[ $fail -eq 0 ] && echo PASS || echo FAIL
exit $fail
