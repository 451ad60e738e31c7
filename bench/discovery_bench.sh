#!/usr/bin/env bash
# Discovery bench: netdossier's ARP+ICMP sweep next to arp-scan, nmap -sn and fping, defaults and tuned fast
# settings, on three lab sites:
#   small  the small site's on-link /24 (lab/site.sh up small)
#   mid    a /20 with 1,000 hosts      (lab/site.sh up scale, NETDOSSIER_LAB_SCALE_PREFIX=20 HOSTS=1000)
#   scale  the /16 with 4,000 hosts    (lab/site.sh up scale)
# Every tool runs inside the lab's scanner namespace (never in the root namespace). Columns: hosts found
# among the on-link ground truth (found/live), wall time, CPU (user+sys), peak RSS (/usr/bin/time -v), frames
# sent (the scanner interface's tx counter) and frames per second. For netdossier the last column splits
# its wall time: the ARP sweep against its ideal (addresses / rate + one reply timeout, which it must stay
# within 20% of), the ICMP stage (echo to the hosts ARP found, for their TTL) and the rest (start-up, store,
# fingerprinting, from its debug "timing:" line). The "sweep alone" rows run the ARP sweep without any
# follow-up stage at several rates (BENCH_RATES) and compare it with its ideal.
#
# usage: bench/discovery_bench.sh [path/to/netdossier] [small] [mid] [scale]   (root; labs torn down on exit)
# env:   BENCH_TOOLS       space-separated subset of: nd nd-fast nd-rates arp-scan arp-scan-fast nmap nmap-fast
#                          fping fping-fast (default: all)
#        BENCH_RATES       rates of the "sweep alone" rows (default "1000 5000 20000")
#        BENCH_CAP_SECONDS a run longer than this is stopped and marked "cut" (default 600; fping's default
#                          settings need ~1,100 s on the /16)
#        BENCH_PREFIX_SMALL / BENCH_PREFIX_SCALE   lab prefixes (default nddbs / nddbc)
#        BENCH_REUSE_TRUTH a running lab's truth file (lab/site.sh up ... --truth FILE): bench that lab, one
#                          size only, and leave it up
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
nd="${1:-$here/../build/agent/netdossier}"
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(small mid scale)
tools=${BENCH_TOOLS:-"nd nd-fast nd-rates arp-scan arp-scan-fast nmap nmap-fast fping fping-fast"}
rates=${BENCH_RATES:-"1000 5000 20000"}
fast_pps=20000 # tuned rate for netdossier and nmap: about arp-scan's --bandwidth=10M (19,608 frames/s)
timeout_ms=250 # netdossier's default reply timeout
bench_init disc-bench arp-scan nmap fping
[ -x "$nd" ] || bench_die "netdossier binary not found: $nd"

wanted() { [[ " $tools " == *" $1 "* ]]; }

# run LABEL KIND CMD...: one table row for a peer tool (fping exits 1 when some hosts are unreachable).
run() {
  local label=$1 kind=$2
  shift 2
  bench_measure "$@"
  if ((m_rc != 0)) && [[ -z $m_note && $kind != fping ]]; then
    m_note="exit $m_rc"
    sed 's/^/    /' "$work/err" | tail -3 >&2
  fi
  bench_row "$label" "$(bench_found "$kind")"
}

# run_nd LABEL RATE STAGES DB: one netdossier row; the last column splits its wall time.
run_nd() {
  local label=$1 rate=$2 stages=$3 db=$4 ideal arp icmp rest
  bench_measure "$nd" -v scan --target "$subnet" --interface "$ifc" --stages "$stages" --rate "$rate" --db "$db"
  if ((m_rc != 0)) && [[ -z $m_note ]]; then
    m_note="exit $m_rc"
    grep -v '\] debug\|^\[.*debug' "$work/err" | tail -3 | sed 's/^/    /' >&2
  fi
  ideal=$(bench_ideal "$addresses" "$rate" "$timeout_ms")
  arp=$(bench_nd_sweep_seconds)
  icmp=$(sed -n 's/.*ICMP \([0-9.]*\) s).*/\1/p' "$work/out")
  rest=$(sed -n 's/.*timing: start \([0-9.]*\) s.*store \([0-9.]*\) s, fingerprint \([0-9.]*\) s, finish \([0-9.]*\) s.*/start \1, store \2, fingerprint \3, finish \4/p' "$work/err")
  bench_row "$label" "$(bench_found netdossier)" "$(awk -v a="${arp:-0}" -v i="$ideal" -v c="${icmp:-0}" -v s="$stages" \
    'BEGIN { printf "ARP sweep %.2f s = ideal %.2f s %+.0f%%", a, i, (a / i - 1) * 100
             if (s != "none") printf "; ICMP %.2f s", c }'); ${rest:+$rest s}"
}

for size in "${sizes[@]}"; do
  case $size in
    small) kind=small prefix=${BENCH_PREFIX_SMALL:-nddbs} env=() ;;
    mid) kind=scale prefix=${BENCH_PREFIX_SCALE:-nddbc} env=(NETDOSSIER_LAB_SCALE_PREFIX=20 NETDOSSIER_LAB_SCALE_HOSTS=1000) ;;
    scale) kind=scale prefix=${BENCH_PREFIX_SCALE:-nddbc} env=(NETDOSSIER_LAB_SCALE_PREFIX=16 NETDOSSIER_LAB_SCALE_HOSTS=4000) ;;
    *) bench_die "unknown size $size (small, mid, scale)" ;;
  esac
  echo
  if [[ -n ${BENCH_REUSE_TRUTH:-} ]]; then
    echo "== $size site (the running lab of $BENCH_REUSE_TRUTH) =="
    cp "$BENCH_REUSE_TRUTH" "$work/reused-truth.json"
    bench_load_truth "$work/reused-truth.json"
  else
    echo "== $size site (lab/site.sh up $kind --prefix $prefix ${env[*]}) =="
    bench_lab_up "$kind" "$prefix" "${env[@]}"
  fi
  bench_describe_lab
  bench_row_header
  # netdossier: the ARP sweep and the ICMP stage (SNMP, mDNS, TCP and the passive listener off).
  wanted nd && run_nd "netdossier (defaults)" 2000 icmp "$work/$size-a.db"
  wanted nd-fast && run_nd "netdossier --rate $fast_pps" $fast_pps icmp "$work/$size-b.db"
  if wanted nd-rates; then
    for rate in $rates; do run_nd "netdossier sweep alone --rate $rate" "$rate" none "$work/$size-r$rate.db"; done
  fi
  wanted arp-scan && run "arp-scan (defaults)" arp-scan arp-scan --interface "$ifc" --quiet --plain "$subnet"
  wanted arp-scan-fast && run "arp-scan --bandwidth=10M" arp-scan \
    arp-scan --interface "$ifc" --quiet --plain --bandwidth=10M "$subnet"
  # -n: no reverse DNS (the lab has no resolver; nmap would only add time-outs).
  wanted nmap && run "nmap -sn (defaults)" nmap nmap -sn -n "$subnet"
  wanted nmap-fast && run "nmap -sn -T5 --min-rate $fast_pps" nmap \
    nmap -sn -n -T5 --min-rate $fast_pps --max-retries 1 "$subnet"
  wanted fping && run "fping -a -g (defaults)" fping fping -a -q -g "$subnet"
  wanted fping-fast && run "fping -a -g -i 1 -r 1 -t 200" fping fping -a -q -i 1 -r 1 -t 200 -g "$subnet"
  bench_lab_down
done
