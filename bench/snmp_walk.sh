#!/usr/bin/env bash
# SNMP walk bench.
#  A) per device: netdossier vs snmpbulkwalk (-Cr10) on the same corpus recordings served by snmpsimd
#     on 127.0.0.1, (1) the same subtrees (netdossier's walk plan; snmpbulkwalk once per subtree, the way
#     an engineer would script it) and (2) the whole tree. The snmpbulkwalk columns include the per-VLAN
#     MAC-table walks netdossier does on Cisco switches (same probe wait, same tables), shown apart too.
#  A2) the whole tree again through a delay proxy (1 ms each way): the same agent as seen across a LAN.
#  B) 100 simulated devices (a delay proxy with 100 UDP ports, 2 ms each way, in front of one snmpd)
#     in a private network namespace: netdossier walking them concurrently vs one at a time.
# usage: bench/snmp_walk.sh [path/to/netdossier]      (B needs root for the namespace; skipped otherwise)
#   SNMP_BENCH_RUNS=N: runs per A measurement (median shown, default 3); SNMP_BENCH_ONLY_A=1: skip B
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
nd="${1:-$here/../build/agent/netdossier}"
corpus="$here/../../shared/corpus"
devices=(ios_2960x procurve ricoh_mpc3002 generex-ups_cs141 linux_icecast)
port=$((22000 + $$ % 5000))
work="$(mktemp -d /tmp/nd-snmp-bench.XXXXXX)"
sim_pid=""; ns=""; snmpd_pid=""; proxy_pid=""
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  [ -n "$snmpd_pid" ] && kill "$snmpd_pid" 2>/dev/null || true
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null || true
  [ -n "$ns" ] && ip netns del "$ns" 2>/dev/null || true
  # snmpd writes its persistent state on the way out: let it finish before removing the directory.
  for _ in $(seq 1 20); do [ -n "$snmpd_pid" ] && kill -0 "$snmpd_pid" 2>/dev/null && sleep 0.1 || break; done
  rm -rf "$work" "/tmp/snmprec-serve.$port"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

[ -x "$nd" ] || { echo "netdossier binary not found: $nd" >&2; exit 2; }
command -v snmpsimd >/dev/null && command -v snmpbulkwalk >/dev/null || { echo "needs snmpsim and snmp" >&2; exit 2; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   (2 shared cores: compare columns, not runs)"

# ---- A: per device, snmpsimd on 127.0.0.1 ----
"$corpus/serve-snmprec.sh" "$corpus/librenms-dev" "$port" "${devices[@]}" >/dev/null
sim_pid="$(cat "/tmp/snmprec-serve.$port/pid")"
"$nd" identify --show-plan > "$work/plan.txt"
# A fresh rule cache, built by one untimed run (as the first run of an installed netdossier does).
export NETDOSSIER_CACHE_DIR="$work/rule-cache"
"$nd" identify --from-walk /dev/null --json > /dev/null 2>&1 || true
mkdir -p "$work/no-rules"
echo
echo "A) per device, snmpsimd on 127.0.0.1:$port (max-repetitions 10 for snmpbulkwalk and for netdossier's"
echo "   subtrees, except long tables, which may fill a request's 40 varbinds alone)"
echo "   netdossier = identify (walk + fingerprint + JSON), up to 4 requests in flight (as many as the agent's"
echo "   pace is worth: snmpsimd answers one at a time, so mostly 1 here), each GETBULK carrying up"
echo "   to 16 subtrees (or ranges of the whole tree) and 40 varbinds; snmpbulkwalk = one request at a time,"
echo "   one subtree per request (once per subtree for the plan)."
echo "   Cisco switches: netdossier also reads the MAC table of every VLAN context (community@VLAN), which"
echo "   snmpbulkwalk alone does not; '+VLAN' is the time snmpbulkwalk takes to do the same (snmpget probe"
echo "   with netdossier's wait for a silent context, then the two BRIDGE-MIB tables), added to its column."
echo "   'no rules': the same full-tree identify with an empty rule folder (walk, decode, JSON; no fingerprint"
echo "   rules to load): what the walk itself costs next to snmpbulkwalk's. netdossier reads its ~4,400 rules"
echo "   from the compiled rule cache (\$NETDOSSIER_CACHE_DIR, here a fresh one the first, untimed, run builds)."
printf "%-18s | %-22s | %-22s | %-22s | %-9s | %-22s | %-9s | %s\n" device "netdossier plan" "snmpbulkwalk plan" \
  "netdossier full tree" "no rules" "snmpbulkwalk full" "+VLAN (s)" "VLAN contexts"
# OIDs are counted as `OID = value` lines without exceptions: snmpbulkwalk prints a multi-line
# value (hex strings with 0x0A) on several lines and ends a walk with up to max-repetitions
# "No more variables left in this MIB View" lines, neither of which is an OID read.
count_oids() { grep -v 'No Such\|No more variables' | grep -c '^\.[0-9][0-9.]* = ' || true; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }
# What netdossier logged about VLAN contexts: "walking the MAC tables of N VLAN contexts (10,20; 300 ms ...)".
vlan_list() { sed -n 's/.*VLAN contexts (\([0-9,]*\); \([0-9]*\) ms for a silent one).*/\1 \2/p' "$1" | tail -1; }
# snmpbulkwalk doing netdossier's VLAN work: per VLAN a probe with the same wait, the two tables if it answers.
vlan_work() {
  local d="$1" list="$2" wait_ms="$3" v wait_s
  wait_s=$(awk -v m="$wait_ms" 'BEGIN { printf "%.3f", m / 1000 }')
  for v in ${list//,/ }; do
    if snmpget -v2c -c "$d@$v" -On -t "$wait_s" -r 0 "127.0.0.1:$port" .1.3.6.1.2.1.17.1.2.0 >/dev/null 2>&1; then
      for s in .1.3.6.1.2.1.17.1.4.1.2 .1.3.6.1.2.1.17.4.3.1; do
        snmpbulkwalk -v2c -c "$d@$v" -On -Cr10 -t 5 "127.0.0.1:$port" "$s" >/dev/null 2>&1 || true
      done
    fi
  done
}
runs="${SNMP_BENCH_RUNS:-3}"
echo "(each time is the median of $runs runs; SNMP_BENCH_RUNS=N to change)"
for d in "${devices[@]}"; do
  ta=""; tb=""; tc=""; te=""; tv=""; tn=""; vlans=""
  for _ in $(seq 1 "$runs"); do
    t0=$(now); "$nd" -v identify --snmp "127.0.0.1:$port" --community "$d" --timeout-ms 5000 --json \
      2> "$work/nd.err" > /dev/null || true; t1=$(now)
    nd_oids=$(grep -o '[0-9]* OIDs with credential' "$work/nd.err" | awk '{print $1}' | tail -1)
    t2=$(now); while read -r s; do snmpbulkwalk -v2c -c "$d" -On -Cr10 -t 5 "127.0.0.1:$port" "$s" 2>/dev/null \
      || true; done < "$work/plan.txt" > "$work/bw.txt"; t3=$(now)
    bw_oids=$(count_oids < "$work/bw.txt")
    t4=$(now); "$nd" -v identify --full-walk --snmp "127.0.0.1:$port" --community "$d" --timeout-ms 5000 --json \
      2> "$work/ndf.err" > /dev/null || true; t5=$(now)
    ndf_oids=$(grep -o '[0-9]* OIDs with credential' "$work/ndf.err" | awk '{print $1}' | tail -1)
    t6=$(now); snmpbulkwalk -v2c -c "$d" -On -Cr10 -t 5 "127.0.0.1:$port" .1 2>/dev/null > "$work/bwf.txt" || true
    t7=$(now); bwf_oids=$(count_oids < "$work/bwf.txt")
    read -r vlans wait_ms <<< "$(vlan_list "$work/ndf.err")" || true
    t8=$(now); [ -n "$vlans" ] && vlan_work "$d" "$vlans" "$wait_ms"; t9=$(now)
    t10=$(now); "$nd" identify --rules "$work/no-rules" --full-walk --snmp "127.0.0.1:$port" --community "$d" \
      --timeout-ms 5000 --json > /dev/null 2>&1 || true; t11=$(now)
    ta="$ta $(secs "$t0" "$t1")"; tb="$tb $(secs "$t2" "$t3")"; tc="$tc $(secs "$t4" "$t5")"; te="$te $(secs "$t6" "$t7")"
    tv="$tv $(secs "$t8" "$t9")"; tn="$tn $(secs "$t10" "$t11")"
  done
  v=$(echo "$tv" | median); [ -n "$vlans" ] || v=0
  printf "%-18s | %6s OIDs %7s s | %6s OIDs %7s s | %6s OIDs %7s s | %7s s | %6s OIDs %7s s | %9s | %s\n" \
    "$d" "${nd_oids:-?}" "$(echo "$ta" | median)" "$bw_oids" "$(add "$(echo "$tb" | median)" "$v")" "${ndf_oids:-?}" \
    "$(echo "$tc" | median)" "$(echo "$tn" | median)" "$bwf_oids" "$(add "$(echo "$te" | median)" "$v")" "$v" \
    "${vlans:-none}"
done

# ---- A2: the whole tree again, through a delay proxy: an agent on a LAN, not on loopback ----
# On loopback snmpsimd answers in ~2 ms of its own CPU and nothing else waits, so a walk is bound by the
# agent alone; on a client's network every request also crosses the LAN. The proxy (1 ms each way, in
# front of the same snmpsimd) adds that for both tools alike.
lan_ms="${SNMP_BENCH_LAN_MS:-1}"; lan_port=$((port + 1))
python3 "$here/snmp_delay_proxy.py" "$lan_port" 1 "$port" "$lan_ms" > "$work/lan-proxy.out" 2>&1 &
proxy_pid=$!
for _ in $(seq 1 50); do grep -q ready "$work/lan-proxy.out" 2>/dev/null && break; sleep 0.1; done
echo
echo "A2) whole tree per device through a delay proxy (${lan_ms} ms each way, 127.0.0.1:$lan_port -> snmpsimd),"
echo "    median of $runs runs; SNMP_BENCH_LAN_MS=N to change the delay"
printf "%-18s | %-22s | %-22s | %s\n" device "netdossier full tree" "snmpbulkwalk full" "netdossier / snmpbulkwalk"
for d in "${devices[@]}"; do
  tl=""; tm=""
  for _ in $(seq 1 "$runs"); do
    t0=$(now); "$nd" -v identify --full-walk --snmp "127.0.0.1:$lan_port" --community "$d" --timeout-ms 5000 \
      --json 2> "$work/ndl.err" > /dev/null || true; t1=$(now)
    ndl_oids=$(grep -o '[0-9]* OIDs with credential' "$work/ndl.err" | awk '{print $1}' | tail -1)
    t2=$(now); snmpbulkwalk -v2c -c "$d" -On -Cr10 -t 5 "127.0.0.1:$lan_port" .1 2>/dev/null > "$work/bwl.txt" || true
    t3=$(now); bwl_oids=$(count_oids < "$work/bwl.txt")
    tl="$tl $(secs "$t0" "$t1")"; tm="$tm $(secs "$t2" "$t3")"
  done
  a=$(echo "$tl" | median); b=$(echo "$tm" | median)
  printf "%-18s | %6s OIDs %7s s | %6s OIDs %7s s | %s\n" "$d" "${ndl_oids:-?}" "$a" "$bwl_oids" "$b" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
echo "   (netdossier's column also holds the per-VLAN MAC tables of Cisco switches, which snmpbulkwalk's does not)"
kill "$proxy_pid" 2>/dev/null || true; proxy_pid=""
kill "$sim_pid" 2>/dev/null || true; sim_pid=""

# ---- B: 100 devices, concurrent vs sequential, in a private namespace with LAN-like delay ----
echo
[ "${SNMP_BENCH_ONLY_A:-0}" = 1 ] && { echo "B) skipped (SNMP_BENCH_ONLY_A=1)"; exit 0; }
if [ "$(id -u)" != 0 ] || ! command -v snmpd >/dev/null; then
  echo "B) skipped: needs root (network namespace) and snmpd"; exit 0
fi
ns="nd-snmpbench-$$"; delay_ms=2
ip netns add "$ns"
ip -n "$ns" link set lo up
# Isolation check: the namespace has only loopback, so nothing leaves it.
[ "$(ip -n "$ns" -o link | wc -l)" = 1 ] || { echo "namespace not isolated" >&2; exit 1; }
targets=()
for i in $(seq 1 100); do targets+=(--snmp "127.0.0.1:$((20000 + i))"); done
mkdir -p "$work/persist"
cat > "$work/snmpd.conf" <<EOF
agentAddress udp:127.0.0.1:16100
view benchview included .1.3.6.1.2.1
view benchview excluded .1.3.6.1.2.1.25.4
view benchview excluded .1.3.6.1.2.1.25.6
rocommunity ndbench 127.0.0.1 -V benchview
sysName bench-device
EOF
SNMP_PERSISTENT_DIR="$work/persist" MIBS= ip netns exec "$ns" snmpd -Lf "$work/snmpd.log" -C -c "$work/snmpd.conf" -p "$work/snmpd.pid"
for _ in $(seq 1 50); do [ -s "$work/snmpd.pid" ] && break; sleep 0.1; done
snmpd_pid="$(cat "$work/snmpd.pid")"
# Real switches answer in 1-50 ms, loopback in 80 us: 100 proxy ports add the delay in front of the
# one snmpd (tc netem's sch_netem module is not available on every kernel).
ip netns exec "$ns" python3 "$here/snmp_delay_proxy.py" 20001 100 16100 "$delay_ms" > "$work/proxy.out" 2>&1 &
proxy_pid=$!
for _ in $(seq 1 50); do grep -q ready "$work/proxy.out" 2>/dev/null && break; sleep 0.1; done
echo "B) 100 simulated devices (100 delay-proxy ports, ${delay_ms} ms each way, one snmpd), namespace $ns"
for c in 100 1; do
  t0=$(now)
  ip netns exec "$ns" "$nd" -v identify --concurrency "$c" --community ndbench --timeout-ms 2000 --json "${targets[@]}" \
    2> "$work/b.err" > "$work/b.json" || true
  t1=$(now)
  ok=$(grep -c '"class"' "$work/b.json" || true)
  oids=$(grep -o '[0-9]* OIDs with credential' "$work/b.err" | awk '{s += $1} END {print s + 0}')
  label=$([ "$c" = 1 ] && echo "sequential (1 at a time)" || echo "concurrent ($c at a time)")
  printf "   %-28s %3s devices identified, %7s OIDs, %7s s\n" "$label" "$ok" "$oids" "$(secs "$t0" "$t1")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
