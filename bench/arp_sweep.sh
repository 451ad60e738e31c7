#!/usr/bin/env bash
# ARP sweep bench: netdossier vs arp-scan on the lab, side by side.
#   small: the small site's /24;  scale: the scale site's /16 (4,000 hosts, lab/scale.sh).
# For each: netdossier at its default rate, netdossier at arp-scan's --bandwidth=10M packet rate,
# arp-scan default (256 kbit/s = 500 frames/s, 2 attempts) and arp-scan --bandwidth=10M.
# arp-scan paces by bandwidth: 42-byte request -> 46-byte minimum + 18 bytes of layer-2 overhead = 64 bytes
# = 512 bits per frame, so 10 Mbit/s is an interval of 51 us = 19,608 frames/s (see arp-scan.h).
# Columns: hosts found (on-link truth after the slash), wall time, CPU (user+sys), peak RSS (/usr/bin/time -v),
# frames sent (the scanner interface's tx counter) and frames per second. bench/discovery_bench.sh is the
# fuller comparison (nmap, fping, ICMP, several rates).
# usage: bench/arp_sweep.sh [path/to/netdossier] [small] [scale]     (root; each lab is torn down on exit)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
nd="${1:-$here/../build/agent/netdossier}"
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(small scale)
arpscan_10m_pps=19608
bench_init arp-bench arp-scan
[ -x "$nd" ] || bench_die "netdossier binary not found: $nd"

# run LABEL KIND CMD...: one table row.
run() {
  local label=$1 kind=$2
  shift 2
  bench_measure "$@"
  if ((m_rc != 0)) && [[ -z $m_note ]]; then
    m_note="exit $m_rc"
    tail -3 "$work/err" | sed 's/^/    /' >&2
  fi
  bench_row "$label" "$(bench_found "$kind")"
}

for size in "${sizes[@]}"; do
  case $size in small | scale) ;; *) bench_die "unknown size $size (small, scale)" ;; esac
  prefix="ndda${size:0:2}$(printf '%x' $$ | tail -c 4)"
  echo
  echo "== $size site (lab/site.sh up $size --prefix $prefix) =="
  bench_lab_up "$size" "$prefix"
  bench_describe_lab
  bench_row_header
  run "netdossier (default 2000 pps)" netdossier \
    "$nd" -q scan --target "$subnet" --interface "$ifc" --stages none --db "$work/$size-a.db"
  run "netdossier --rate $arpscan_10m_pps" netdossier \
    "$nd" -q scan --target "$subnet" --interface "$ifc" --stages none --rate "$arpscan_10m_pps" --db "$work/$size-b.db"
  run "arp-scan (default)" arp-scan arp-scan --interface "$ifc" --quiet --plain "$subnet"
  run "arp-scan --bandwidth=10M" arp-scan arp-scan --interface "$ifc" --quiet --plain --bandwidth=10M "$subnet"
  bench_lab_down
done
