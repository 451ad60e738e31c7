# Shared helpers of site.sh: namespaces, links, daemons, tear-down. Sourced, not run.
# Expects PREFIX, STATE, RUN_ROOT, LAB_DIR, PY, log, die from site.sh.

lab_namespaces() {
  ip netns list | awk '{print $1}' | grep -E "^${PREFIX}-" || true
}

# Create a namespace: loopback up, IPv6 off (no link-local addresses, no DAD/RS/MLD chatter), no rp_filter.
ns_add() {
  local ns=$1
  ip netns add "$ns"
  echo "$ns" >>"$STATE/namespaces"
  ns_sysctl "$ns" net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
    net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
  ip -n "$ns" link set lo up
}

# Set sysctls inside a namespace with a single exec (key=value ...).
ns_sysctl() {
  local ns=$1 script="" kv key
  shift
  for kv in "$@"; do
    key=${kv%%=*}
    script+="echo ${kv#*=} > /proc/sys/${key//.//};"
  done
  ip netns exec "$ns" sh -c "$script"
}

# Plug namespace $2 into bridge $3 of the switch namespace: the veth is created inside the switch
# namespace with its peer born directly in the host namespace, so it never exists in the root namespace.
# attach SWNS HOSTNS BRIDGE PORTNAME HOSTIF MAC [IP/LEN]
attach() {
  local sw=$1 ns=$2 br=$3 port=$4 ifname=$5 mac=$6 addr=${7:-}
  ip -n "$sw" link add "$port" type veth peer name "$ifname" netns "$ns"
  ip -n "$sw" link set "$port" master "$br" up
  ip -n "$ns" link set "$ifname" address "$mac" up
  [[ -z $addr ]] || ip -n "$ns" addr add "$addr" dev "$ifname"
}

# Start a daemon in a namespace, foreground, detached from us: new session, stdio to a log file and every
# other inherited fd closed (a daemon holding our lock fd or a caller's pipe would stall tear-down).
# The PID file records "pid netns" so `down` kills only what it started, and only if it still is that.
# launch NAME NETNS CMD...
launch() {
  local name=$1 ns=$2
  shift 2
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      ((fd > 2)) && eval "exec $fd>&-"
    done
    exec setsid ip netns exec "$ns" "$@" </dev/null >>"$STATE/log/$name.log" 2>&1
  ) &
  echo "$! $ns" >"$STATE/pids/$name.pid"
}

pid_in_ns() {
  local pid=$1 ns=$2
  [[ -e /proc/$pid/ns/net && -e /run/netns/$ns ]] || return 1
  [[ $(stat -L -c %i "/proc/$pid/ns/net" 2>/dev/null) == $(stat -L -c %i "/run/netns/$ns" 2>/dev/null) ]]
}

# Poll `cmd` until it succeeds or `secs` pass. wait_for SECS DESCRIPTION CMD...
wait_for() {
  local secs=$1 what=$2 deadline
  shift 2
  deadline=$(($(date +%s) + secs))
  until "$@" >/dev/null 2>&1; do
    (($(date +%s) < deadline)) || {
      log "timed out after ${secs}s waiting for $what"
      return 1
    }
    sleep 0.3
  done
}

kill_daemons() {
  local f pid ns alive=() left
  [[ -d $STATE/pids ]] || return 0
  for f in "$STATE"/pids/*.pid; do
    [[ -e $f ]] || continue
    read -r pid ns <"$f" || continue
    if pid_in_ns "$pid" "$ns"; then
      kill -TERM "$pid" 2>/dev/null && alive+=("$pid:$ns")
    fi
  done
  for _ in $(seq 1 50); do
    left=()
    for f in "${alive[@]}"; do pid_in_ns "${f%%:*}" "${f#*:}" && left+=("$f"); done
    ((${#left[@]})) || return 0
    sleep 0.1
  done
  for f in "${left[@]}"; do
    log "daemon ${f%%:*} ignored SIGTERM; killing it"
    kill -KILL "${f%%:*}" 2>/dev/null || true
  done
}

do_down() {
  local ns nss stray
  kill_daemons
  nss=$( (cat "$STATE/namespaces" 2>/dev/null || true; lab_namespaces) | sort -u)
  for ns in $nss; do
    [[ -e /run/netns/$ns ]] || continue
    stray=$(ip netns pids "$ns" 2>/dev/null | tr '\n' ' ')
    [[ -z $stray ]] || log "warning: processes not started by the lab still run in $ns: $stray(left alone)"
    ip netns del "$ns" || log "warning: could not delete namespace $ns"
  done
  gc_thresh_release
  rm -rf "$STATE"
  [[ -z $(lab_namespaces) ]] || die "namespaces left after down: $(lab_namespaces | tr '\n' ' ')"
  log "lab $PREFIX is down"
}

# The IPv4 neighbour table is global and its limits live in the root namespace only: raise them while
# a big lab is up. The first holder saves the original values; the last one restores them.
GC_KEYS=(gc_thresh1 gc_thresh2 gc_thresh3)
gc_thresh_raise() {
  local saved=$RUN_ROOT/.gc_thresh.saved k vals=(16384 65536 131072) i=0
  mkdir -p "$RUN_ROOT/.gc_holders"
  if [[ ! -e $saved ]]; then
    for k in "${GC_KEYS[@]}"; do cat /proc/sys/net/ipv4/neigh/default/$k; done | tr '\n' ' ' >"$saved"
    echo >>"$saved"
  fi
  touch "$RUN_ROOT/.gc_holders/$PREFIX"
  for k in "${GC_KEYS[@]}"; do
    echo "${vals[i]}" >/proc/sys/net/ipv4/neigh/default/$k
    i=$((i + 1))
  done
}

gc_thresh_release() {
  local saved=$RUN_ROOT/.gc_thresh.saved k i=0 vals
  [[ -e $RUN_ROOT/.gc_holders/$PREFIX ]] || return 0
  rm -f "$RUN_ROOT/.gc_holders/$PREFIX"
  [[ -z $(ls -A "$RUN_ROOT/.gc_holders") && -e $saved ]] || return 0
  read -ra vals <"$saved" || true
  ((${#vals[@]} == 3)) || die "cannot restore gc_thresh: $saved is damaged"
  # Lower thresholds first is refused when thresh3 < thresh2 for a moment; restore in reverse.
  for i in 2 1 0; do echo "${vals[i]}" >/proc/sys/net/ipv4/neigh/default/${GC_KEYS[i]}; done
  rm -f "$saved"
  log "restored neighbour gc_thresh to ${vals[*]}"
}

# Labs whose owner (a test binary) died without tearing down are removed by the next `up`.
reap_orphans() {
  local dir owner p
  for dir in "$RUN_ROOT"/*/; do
    [[ -e $dir/owner ]] || continue
    p=$(basename "$dir")
    owner=$(cat "$dir/owner")
    [[ $p == "$PREFIX" || -e /proc/$owner ]] && continue
    log "owner $owner of lab $p is gone; tearing it down"
    (
      exec 8>"$RUN_ROOT/.$p.lock"
      flock -w 60 8 || exit 0
      PREFIX=$p STATE=$RUN_ROOT/$p
      do_down
    ) || log "warning: reaping $p failed"
  done
}

do_status() {
  local f pid ns name nss
  nss=$(lab_namespaces)
  if [[ -z $nss ]]; then
    echo "lab $PREFIX: down"
    return 0
  fi
  echo "lab $PREFIX: up ($(cat "$STATE/size" 2>/dev/null || echo unknown size), $(echo "$nss" | wc -l) namespaces)"
  echo "truth: $(cat "$STATE/truth-path" 2>/dev/null || echo unknown)"
  echo "arp_steering: $(cat "$STATE/arp_steering" 2>/dev/null || echo none)"
  for f in "$STATE"/pids/*.pid; do
    [[ -e $f ]] || continue
    read -r pid ns <"$f"
    name=$(basename "$f" .pid)
    if pid_in_ns "$pid" "$ns"; then echo "  $name: running (pid $pid in $ns)"; else echo "  $name: NOT running"; fi
  done
  "$PY" "$LAB_DIR/isolation.py" "$PREFIX" "$(cat "$STATE/allowed" 2>/dev/null || echo 198.18.0.0/15)"
}
