#!/usr/bin/env bash
# Discovery bench: netdossier's ARP+ICMP sweep next to arp-scan, nmap -sn and fping, defaults and tuned fast
# settings, on three lab sites:
#   small  the small site's on-link /24 (lab/site.sh up small)
#   mid    a /20 with 1,000 hosts      (lab/site.sh up scale, NETDOSSIER_LAB_SCALE_PREFIX=20 HOSTS=1000)
#   scale  the /16 with 4,000 hosts    (lab/site.sh up scale)
# Every tool runs inside the lab's scanner namespace (never in the root namespace). Columns: hosts found
# among the on-link ground truth (found/live), wall time, CPU (user+sys), peak RSS (/usr/bin/time -v), frames
# sent (the scanner interface's tx counter) and frames per second. For netdossier the last column splits
# its own timing: the ARP sweep against its ideal (addresses / rate + one reply timeout, which it must stay
# within 20% of) and the ICMP stage (echo to the hosts ARP found, for their TTL). Wall time is the whole
# process (start-up, store, fingerprinting included).
#
# usage: bench/discovery_bench.sh [path/to/netdossier] [small] [mid] [scale]   (root; labs torn down on exit)
# env:   BENCH_TOOLS       space-separated subset of: nd nd-fast arp-scan arp-scan-fast nmap nmap-fast fping
#                          fping-fast (default: all)
#        BENCH_CAP_SECONDS a run longer than this is stopped and marked "cut" (default 600; fping's default
#                          settings need ~1,100 s on the /16)
#        BENCH_PREFIX_SMALL / BENCH_PREFIX_SCALE   lab prefixes (default ndbs / ndbc)
#        BENCH_REUSE_TRUTH a running lab's truth file (lab/site.sh up ... --truth FILE): bench that lab, one
#                          size only, and leave it up
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
nd="${1:-$here/../build/agent/netdossier}"
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(small mid scale)
tools=${BENCH_TOOLS:-"nd nd-fast arp-scan arp-scan-fast nmap nmap-fast fping fping-fast"}
cap=${BENCH_CAP_SECONDS:-600}
site="$here/../lab/site.sh"
fast_pps=20000 # tuned rate for netdossier and nmap: about arp-scan's --bandwidth=10M (19,608 frames/s)
work="$(mktemp -d /tmp/nd-disc-bench.XXXXXX)"
prefix=""
cleanup() {
  [ -n "$prefix" ] && "$site" down --prefix "$prefix" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 2; }
[ -x "$nd" ] || { echo "netdossier binary not found: $nd" >&2; exit 2; }
for t in arp-scan nmap fping timeout; do command -v $t >/dev/null || { echo "needs $t" >&2; exit 2; }; done
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (package: time)" >&2; exit 2; }

field() { python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"; }
wanted() { [[ " $tools " == *" $1 "* ]]; }

# found OUTPUT_KIND: prints how many ground-truth live addresses the output names (never our own address).
found() {
  case $1 in
    netdossier) sed -n 's/.*devices: *\([0-9]*\) found.*/\1/p' "$work/out" ;;
    *)
      grep -oE '([0-9]{1,3}\.){3}[0-9]{1,3}' "$work/out" | sort -u | grep -vxF "$scanner_ip" |
        grep -xcF -f "$work/live.txt" || true
      ;;
  esac
}

# run LABEL KIND IDEAL CMD...: one table row. IDEAL is "-" or seconds.
run() {
  local label=$1 kind=$2 ideal=$3
  shift 3
  local tx0 tx1 t0 t1 n note=""
  tx0=$(ip netns exec "$ns" cat "/sys/class/net/$ifc/statistics/tx_packets")
  t0=$(date +%s.%N)
  local rc=0
  ip netns exec "$ns" timeout -s INT "$cap" /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>"$work/err" || rc=$?
  t1=$(date +%s.%N)
  tx1=$(ip netns exec "$ns" cat "/sys/class/net/$ifc/statistics/tx_packets")
  if ((rc == 124)) || grep -q "Command terminated by signal" "$work/time" 2>/dev/null; then
    note="cut at ${cap}s"
  elif ((rc != 0)) && [[ $kind != fping ]]; then # fping exits 1 when some hosts are unreachable
    note="exit $rc"
    sed 's/^/    /' "$work/err" | tail -3 >&2
  fi
  n=$(found "$kind")
  local arp_s="" icmp_s=""
  if [[ $kind == netdossier ]]; then
    arp_s=$(sed -n 's/.*(ARP sweep \([0-9.]*\) s.*/\1/p' "$work/out")
    icmp_s=$(sed -n 's/.*ICMP \([0-9.]*\) s).*/\1/p' "$work/out")
  fi
  awk -v label="$label" -v found="${n:-?}" -v live="$live" -v t0="$t0" -v t1="$t1" -v tx="$((tx1 - tx0))" \
    -v ideal="$ideal" -v note="$note" -v arp="${arp_s:-0}" -v icmp="${icmp_s:-0}" '
    /User time/ { user = $NF } /System time/ { sys = $NF } /Maximum resident/ { rss = $NF }
    END { wall = t1 - t0
          extra = ideal == "-" ? "" : sprintf("ARP sweep %.2f s = ideal %.2f s %+.0f%%; ICMP %.2f s", arp, ideal,
                                              (arp / ideal - 1) * 100, icmp)
          printf "%-40s %11s %8.2f %7.2f %8.1f %8d %9.0f  %s %s\n", label, found "/" live, wall, user + sys,
                 rss / 1024, tx, tx / wall, extra, note }' "$work/time"
}

for size in "${sizes[@]}"; do
  case $size in
    small) kind=small prefix=${BENCH_PREFIX_SMALL:-ndbs} env=() ;;
    mid) kind=scale prefix=${BENCH_PREFIX_SCALE:-ndbc} env=(NETDOSSIER_LAB_SCALE_PREFIX=20 NETDOSSIER_LAB_SCALE_HOSTS=1000) ;;
    scale) kind=scale prefix=${BENCH_PREFIX_SCALE:-ndbc} env=(NETDOSSIER_LAB_SCALE_PREFIX=16 NETDOSSIER_LAB_SCALE_HOSTS=4000) ;;
    *) echo "unknown size $size (small, mid, scale)" >&2; exit 2 ;;
  esac
  truth="$work/$size-truth.json"
  echo
  if [[ -n ${BENCH_REUSE_TRUTH:-} ]]; then
    echo "== $size site (the running lab of $BENCH_REUSE_TRUTH) =="
    cp "$BENCH_REUSE_TRUTH" "$truth"
    prefix=""
  else
    echo "== $size site (lab/site.sh up $kind --prefix $prefix ${env[*]}) =="
    started=$(date +%s)
    env "${env[@]}" "$site" up "$kind" --prefix "$prefix" --truth "$truth" --owner-pid $$ >"$work/up.log" 2>&1 || {
      cat "$work/up.log" >&2
      exit 1
    }
    echo "lab up in $(($(date +%s) - started)) s"
  fi
  ns=$(field "$truth" "t['scanner']['netns']")
  ifc=$(field "$truth" "t['scanner']['interface']")
  scanner_ip=$(field "$truth" "t['scanner']['ip'].split('/')[0]")
  subnet=$(field "$truth" "[s['cidr'] for s in t['subnets'] if s['on_scanner_link']][0]")
  field "$truth" "'\n'.join(d['ip'] for d in t['devices'] for s in t['subnets'] if s['on_scanner_link'] and s['cidr']==d['subnet'])" >"$work/live.txt"
  live=$(grep -c . "$work/live.txt")
  addresses=$(python3 -c "import ipaddress,sys; print(ipaddress.ip_network(sys.argv[1]).num_addresses - 3)" "$subnet")
  steering=$(field "$truth" "t.get('arp_steering','none')")
  echo "target $subnet ($addresses addresses to ask) from $ns/$ifc; $live live hosts on the scanner's link"
  echo "ARP steering in the lab: $steering$([ "$steering" = nftables ] && echo ' (the switch turns broadcast requests for live hosts into unicasts; the scanner sees a normal LAN)')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   (2 shared cores: compare rows, not runs)"
  printf "%-40s %11s %8s %7s %8s %8s %9s\n" tool found "wall s" "CPU s" "peak MiB" frames "frames/s"
  # netdossier: the ARP sweep and the ICMP stage (SNMP, mDNS, TCP and the passive listener off).
  nd_ideal() { awk -v a="$addresses" -v r="$1" -v t="$2" 'BEGIN { printf "%.3f", a / r + t / 1000 }'; }
  wanted nd && run "netdossier (defaults)" netdossier "$(nd_ideal 2000 250)" \
    "$nd" -q scan --target "$subnet" --interface "$ifc" --stages icmp --db "$work/$size-a.db"
  wanted nd-fast && run "netdossier --rate $fast_pps" netdossier "$(nd_ideal $fast_pps 250)" \
    "$nd" -q scan --target "$subnet" --interface "$ifc" --stages icmp --rate $fast_pps --db "$work/$size-b.db"
  wanted arp-scan && run "arp-scan (defaults)" arp-scan - \
    arp-scan --interface "$ifc" --quiet --plain "$subnet"
  wanted arp-scan-fast && run "arp-scan --bandwidth=10M" arp-scan - \
    arp-scan --interface "$ifc" --quiet --plain --bandwidth=10M "$subnet"
  # -n: no reverse DNS (the lab has no resolver; nmap would only add time-outs).
  wanted nmap && run "nmap -sn (defaults)" nmap - nmap -sn -n "$subnet"
  wanted nmap-fast && run "nmap -sn -T5 --min-rate $fast_pps" nmap - \
    nmap -sn -n -T5 --min-rate $fast_pps --max-retries 1 "$subnet"
  wanted fping && run "fping -a -g (defaults)" fping - fping -a -q -g "$subnet"
  wanted fping-fast && run "fping -a -g -i 1 -r 1 -t 200" fping - fping -a -q -i 1 -r 1 -t 200 -g "$subnet"
  if [[ -n $prefix ]]; then
    "$site" down --prefix "$prefix" >/dev/null 2>&1 || echo "warning: tear-down of $prefix reported a problem" >&2
  fi
  prefix=""
done
