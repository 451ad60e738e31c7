#!/usr/bin/env bash
# The simulated client site: an isolated LAN in network namespaces, all in 198.18.0.0/15, nothing linked
# to the root namespace. See lab/README.md for the site plan and the ground-truth format.
#
#   site.sh up small|scale [--prefix P] [--truth FILE] [--owner-pid PID] [--corpus DIR]
#   site.sh down [--prefix P]          site.sh status [--prefix P]          site.sh check [--prefix P]
#   site.sh reap                       (tear down labs whose --owner-pid process is gone)
#
# Needs root. `up` tears down a stale lab of the same prefix first, verifies isolation before any daemon
# starts, tears itself down on any failure, and returns only when every agent answers from the scanner.
set -euo pipefail
umask 022

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$LAB_DIR")
RUN_ROOT=${NETDOSSIER_LAB_RUN:-/run/netdossier-lab}
CORPUS=${NETDOSSIER_CORPUS_DIR:-$REPO_DIR/../shared/corpus}
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)

log() { printf '[site %s] %s\n' "$(date +%T)" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}
usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# shellcheck source=lab/lib.sh
source "$LAB_DIR/lib.sh"
# shellcheck source=lab/small.sh
source "$LAB_DIR/small.sh"
# shellcheck source=lab/scale.sh
source "$LAB_DIR/scale.sh"

cmd=${1:-}
[[ -n $cmd ]] || usage
shift
size=""
if [[ $cmd == up ]]; then
  size=${1:-}
  [[ $size == small || $size == scale ]] || die "up needs a size: small or scale"
  shift
fi
PREFIX="" TRUTH="" OWNER_PID=""
while (($#)); do
  case $1 in
    --prefix) PREFIX=${2:?--prefix needs a value}; shift 2 ;;
    --truth) TRUTH=${2:?--truth needs a file}; shift 2 ;;
    --owner-pid) OWNER_PID=${2:?--owner-pid needs a pid}; shift 2 ;;
    --corpus) CORPUS=${2:?--corpus needs a directory}; shift 2 ;;
    -h | --help) usage ;;
    *) die "unknown argument: $1" ;;
  esac
done
[[ -n $PREFIX ]] || PREFIX=$([[ $size == scale ]] && echo ndscale || echo ndlab)
[[ $PREFIX =~ ^[a-z][a-z0-9]{0,11}$ ]] || die "prefix '$PREFIX' must be 1-12 lowercase letters/digits, starting with a letter"
[[ -z $OWNER_PID || $OWNER_PID =~ ^[0-9]+$ ]] || die "--owner-pid must be a number"
[[ $(id -u) == 0 ]] || die "needs root (network namespaces)"
STATE=$RUN_ROOT/$PREFIX
mkdir -p "$RUN_ROOT"
chmod 755 "$RUN_ROOT"

# One site.sh at a time per prefix. The lock fd is closed in every daemon we start (see launch).
exec 9>"$RUN_ROOT/.$PREFIX.lock"
flock -w 300 9 || die "another site.sh holds the lock for $PREFIX"

case $cmd in
  up)
    reap_orphans
    if [[ -d $STATE ]] || [[ -n $(lab_namespaces) ]]; then
      log "a lab with prefix $PREFIX exists; tearing it down first"
      do_down
    fi
    UP_DONE=0
    trap 'rc=$?; if [[ $UP_DONE != 1 ]]; then log "up failed (exit $rc); tearing down"; do_down || true; fi' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    started=$(date +%s.%N)
    mkdir -p "$STATE/pids" "$STATE/log" "$STATE/dev"
    chmod 755 "$STATE" "$STATE/dev"
    echo "$size" >"$STATE/size"
    [[ -n $OWNER_PID ]] && echo "$OWNER_PID" >"$STATE/owner"
    [[ -n $TRUTH ]] || TRUTH=$STATE/ground-truth.json
    echo "$TRUTH" >"$STATE/truth-path"
    "up_$size"
    UP_DONE=1
    trap - EXIT INT TERM
    log "$size site $PREFIX up in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}') s; truth: $TRUTH"
    echo "$TRUTH"
    ;;
  down)
    do_down
    rm -f "$RUN_ROOT/.$PREFIX.lock"
    ;;
  status) do_status ;;
  check) "$PY" "$LAB_DIR/isolation.py" "$PREFIX" ;;
  reap) reap_orphans ;;
  *) usage ;;
esac
