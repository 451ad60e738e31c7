#!/usr/bin/env bash
# ARP sweep bench: netdossier vs arp-scan on the lab, side by side.
#   small: the small site's /24;  scale: the scale site's /16 (4,000 hosts, lab/scale.sh).
# For each: netdossier at its default rate, netdossier at arp-scan's --bandwidth=10M packet rate,
# arp-scan default (256 kbit/s = 500 frames/s, 2 attempts) and arp-scan --bandwidth=10M.
# arp-scan paces by bandwidth: 42-byte request -> 46-byte minimum + 18 bytes of layer-2 overhead = 64 bytes
# = 512 bits per frame, so 10 Mbit/s is an interval of 51 us = 19,608 frames/s (see arp-scan.h).
# Columns: hosts found (on-link truth in brackets), wall time, CPU (user+sys), peak RSS (/usr/bin/time -v),
# frames sent (the scanner interface's tx counter) and frames per second.
# usage: bench/arp_sweep.sh [path/to/netdossier] [small] [scale]     (root; each lab is torn down on exit)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
nd="${1:-$here/../build/agent/netdossier}"
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(small scale)
site="$here/../lab/site.sh"
arpscan_10m_pps=19608
work="$(mktemp -d /tmp/nd-arp-bench.XXXXXX)"
prefix=""
cleanup() {
  [ -n "$prefix" ] && "$site" down --prefix "$prefix" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 2; }
[ -x "$nd" ] || { echo "netdossier binary not found: $nd" >&2; exit 2; }
command -v arp-scan >/dev/null || { echo "needs arp-scan" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (package: time)" >&2; exit 2; }

field() { python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"; }

# run LABEL NS IFACE FOUND_PARSER CMD...: prints one table row.
run() {
  local label=$1 ns=$2 ifc=$3 parser=$4 expect=$5
  shift 5
  local tx0 tx1 t0 t1 found
  tx0=$(ip netns exec "$ns" cat "/sys/class/net/$ifc/statistics/tx_packets")
  t0=$(date +%s.%N)
  ip netns exec "$ns" /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "$label failed:" >&2
    cat "$work/err" >&2
  }
  t1=$(date +%s.%N)
  tx1=$(ip netns exec "$ns" cat "/sys/class/net/$ifc/statistics/tx_packets")
  case $parser in
    netdossier) found=$(sed -n 's/.*devices: *\([0-9]*\) found.*/\1/p' "$work/out") ;;
    arp-scan) found=$(grep -E '^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+\s' "$work/out" | awk '{print $1}' | sort -u | wc -l) ;;
  esac
  awk -v label="$label" -v found="${found:-?}" -v expect="$expect" -v t0="$t0" -v t1="$t1" -v tx="$((tx1 - tx0))" '
    /User time/ { user = $NF } /System time/ { sys = $NF } /Maximum resident/ { rss = $NF }
    END { wall = t1 - t0; printf "%-34s %8s %9.2f %9.2f %10.1f %9d %10.0f\n", label, found "/" expect, wall,
          user + sys, rss / 1024, tx, tx / wall }' "$work/time"
}

for size in "${sizes[@]}"; do
  prefix="arpb${size:0:2}$(printf '%x' $$ | tail -c 4)"
  truth="$work/$size-truth.json"
  echo
  echo "== $size site (lab/site.sh up $size --prefix $prefix) =="
  "$site" up "$size" --prefix "$prefix" --truth "$truth" --owner-pid $$ >"$work/up.log" 2>&1 || {
    cat "$work/up.log" >&2
    exit 1
  }
  ns=$(field "$truth" "t['scanner']['netns']")
  ifc=$(field "$truth" "t['scanner']['interface']")
  subnet=$(field "$truth" "[s['cidr'] for s in t['subnets'] if s['on_scanner_link']][0]")
  expect=$(field "$truth" "sum(1 for d in t['devices'] for s in t['subnets'] if s['on_scanner_link'] and s['cidr']==d['subnet'])")
  steering=$(field "$truth" "t.get('arp_steering','none')")
  echo "target $subnet from $ns/$ifc; $expect hosts on the scanner's link in the ground truth"
  echo "ARP steering in the lab: $steering$([ "$steering" = nftables ] && echo ' (the switch turns broadcast requests for live hosts into unicasts; the scanner sees a normal LAN)')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   (2 shared cores: compare rows, not runs)"
  printf "%-34s %8s %9s %9s %10s %9s %10s\n" tool found "wall s" "CPU s" "peak MiB" frames "frames/s"
  run "netdossier (default 2000 pps)" "$ns" "$ifc" netdossier "$expect" \
    "$nd" -q scan --target "$subnet" --interface "$ifc" --db "$work/$size-a.db"
  run "netdossier --rate $arpscan_10m_pps" "$ns" "$ifc" netdossier "$expect" \
    "$nd" -q scan --target "$subnet" --interface "$ifc" --rate "$arpscan_10m_pps" --db "$work/$size-b.db"
  run "arp-scan (default)" "$ns" "$ifc" arp-scan "$expect" \
    arp-scan --interface "$ifc" --quiet --plain "$subnet"
  run "arp-scan --bandwidth=10M" "$ns" "$ifc" arp-scan "$expect" \
    arp-scan --interface "$ifc" --quiet --plain --bandwidth=10M "$subnet"
  "$site" down --prefix "$prefix" >/dev/null 2>&1 || echo "warning: tear-down of $prefix reported a problem" >&2
  prefix=""
done
