#!/usr/bin/env bash
# Helpers shared by the discovery benches (bench/discovery_bench.sh, bench/arp_sweep.sh); sourced, not run.
# bench_init NAME sets up: $work (a temporary directory, removed on exit), $site (lab/site.sh) and a trap that
# tears down the lab bench_lab_up brought up, also on failure or Ctrl-C.
# After bench_lab_up / bench_load_truth: $truth $ns $ifc $scanner_ip $subnet $addresses $live $steering and
# $work/live.txt (the on-link live addresses of the ground truth, one per line).
# After bench_measure: $work/out $work/err $work/time and m_rc m_wall m_tx m_cpu m_rss_mib m_note.

bench_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
site="$bench_lib_dir/../lab/site.sh"
bench_cap=${BENCH_CAP_SECONDS:-600}
bench_prefix=""

bench_die() {
  echo "$*" >&2
  exit 2
}

bench_cleanup() {
  if [ -n "$bench_prefix" ]; then "$site" down --prefix "$bench_prefix" >/dev/null 2>&1 || true; fi
  [ -n "${work:-}" ] && rm -rf "$work"
}

# bench_init NAME TOOL...: root, the tools, a work directory, the exit trap.
bench_init() {
  local name=$1 t
  shift
  [ "$(id -u)" = 0 ] || bench_die "needs root (network namespaces)"
  for t in "$@" timeout python3; do command -v "$t" >/dev/null || bench_die "needs $t"; done
  [ -x /usr/bin/time ] || bench_die "needs /usr/bin/time (package: time)"
  work="$(mktemp -d "/tmp/nd-$name.XXXXXX")"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

# bench_field TRUTH EXPR: a Python expression over the truth file's JSON (t).
bench_field() { python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"; }

# bench_load_truth TRUTH: the scanner's side of a lab and its on-link ground truth.
bench_load_truth() {
  truth=$1
  ns=$(bench_field "$truth" "t['scanner']['netns']")
  ifc=$(bench_field "$truth" "t['scanner']['interface']")
  scanner_ip=$(bench_field "$truth" "t['scanner']['ip'].split('/')[0]")
  subnet=$(bench_field "$truth" "[s['cidr'] for s in t['subnets'] if s['on_scanner_link']][0]")
  bench_field "$truth" "'\n'.join(d['ip'] for d in t['devices'] for s in t['subnets'] if s['on_scanner_link'] and s['cidr']==d['subnet'])" >"$work/live.txt"
  live=$(grep -c . "$work/live.txt")
  # Every address but the network, the broadcast and our own.
  addresses=$(python3 -c "import ipaddress,sys; print(ipaddress.ip_network(sys.argv[1]).num_addresses - 3)" "$subnet")
  steering=$(bench_field "$truth" "t.get('arp_steering','none')")
}

# bench_lab_up KIND PREFIX [VAR=VALUE...]: brings a lab up (environment for lab/site.sh), loads its truth.
bench_lab_up() {
  local kind=$1 prefix=$2 started
  shift 2
  started=$(date +%s)
  bench_prefix=$prefix
  env "$@" "$site" up "$kind" --prefix "$prefix" --truth "$work/$prefix-truth.json" --owner-pid $$ \
    >"$work/up.log" 2>&1 || {
    cat "$work/up.log" >&2
    exit 1
  }
  echo "lab up in $(($(date +%s) - started)) s"
  bench_load_truth "$work/$prefix-truth.json"
}

bench_lab_down() {
  [ -n "$bench_prefix" ] || return 0
  "$site" down --prefix "$bench_prefix" >/dev/null 2>&1 || echo "warning: tear-down of $bench_prefix reported a problem" >&2
  bench_prefix=""
}

bench_describe_lab() {
  echo "target $subnet ($addresses addresses to ask) from $ns/$ifc; $live live hosts on the scanner's link"
  echo "ARP steering in the lab: $steering$([ "$steering" = nftables ] && echo ' (the switch turns broadcast requests for live hosts into unicasts; the scanner sees a normal LAN)')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   (2 shared cores: compare rows, not runs)"
}

# bench_measure CMD...: runs CMD in the scanner namespace, capped at BENCH_CAP_SECONDS, under /usr/bin/time -v.
bench_measure() {
  local tx0 tx1 t0 t1
  tx0=$(ip netns exec "$ns" cat "/sys/class/net/$ifc/statistics/tx_packets")
  t0=$(date +%s.%N)
  m_rc=0
  ip netns exec "$ns" timeout -s INT "$bench_cap" /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>"$work/err" ||
    m_rc=$?
  t1=$(date +%s.%N)
  tx1=$(ip netns exec "$ns" cat "/sys/class/net/$ifc/statistics/tx_packets")
  m_tx=$((tx1 - tx0))
  m_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  m_cpu=$(awk '/User time/ { u = $NF } /System time/ { s = $NF } END { printf "%.2f", u + s }' "$work/time")
  m_rss_mib=$(awk '/Maximum resident/ { printf "%.1f", $NF / 1024 }' "$work/time")
  m_note=""
  if ((m_rc == 124)) || grep -q "Command terminated by signal" "$work/time" 2>/dev/null; then
    m_note="cut at ${bench_cap}s"
  fi
}

# bench_found KIND: how many ground-truth live addresses the last output names (never our own address).
bench_found() {
  case $1 in
    netdossier) sed -n 's/.*devices: *\([0-9]*\) found.*/\1/p' "$work/out" ;;
    *)
      grep -oE '([0-9]{1,3}\.){3}[0-9]{1,3}' "$work/out" | sort -u | grep -vxF "$scanner_ip" |
        grep -xcF -f "$work/live.txt" || true
      ;;
  esac
}

# bench_nd_sweep_seconds: the ARP sweep's own time from netdossier's summary ("ARP sweep 2.40 s").
bench_nd_sweep_seconds() { sed -n 's/.*(ARP sweep \([0-9.]*\) s.*/\1/p' "$work/out"; }

# bench_ideal ADDRESSES RATE TIMEOUT_MS: addresses / rate + one reply timeout, in seconds.
bench_ideal() { awk -v a="$1" -v r="$2" -v t="$3" 'BEGIN { printf "%.3f", a / r + t / 1000 }'; }

# bench_row LABEL FOUND [EXTRA]: one table row from the last bench_measure.
bench_row_header() {
  printf "%-40s %11s %8s %7s %8s %8s %9s\n" tool found "wall s" "CPU s" "peak MiB" frames "frames/s"
}
bench_row() {
  awk -v label="$1" -v found="${2:-?}" -v live="$live" -v wall="$m_wall" -v cpu="$m_cpu" -v rss="${m_rss_mib:-0}" \
    -v tx="$m_tx" -v extra="${3:-} $m_note" 'BEGIN {
      printf "%-40s %11s %8.2f %7.2f %8.1f %8d %9.0f  %s\n", label, found "/" live, wall, cpu, rss, tx,
             (wall > 0 ? tx / wall : 0), extra }'
}
