# The small site (lab/small-site.conf): one namespace per device on bridge br0 (198.18.1.0/24) and, behind
# the router, bridge br1 (198.18.2.0/24). Sourced by site.sh.

SMALL_PLAN=$LAB_DIR/small-site.conf
SMALL_SCANNER_IP=198.18.1.10/24
SMALL_SCANNER_MAC=e4:54:e8:2f:9a:10 # Dell laptop
SMALL_ROUTER_LAN=198.18.1.1 SMALL_ROUTER_NET2=198.18.2.1

plan_lines() { grep -v -e '^#' -e '^$' "$SMALL_PLAN"; }

up_small() {
  local sw=$PREFIX-sw scan=$PREFIX-scan
  echo "198.18.0.0/15" >"$STATE/allowed"
  echo none >"$STATE/arp_steering"
  ns_add "$sw"
  local br
  for br in br0 br1; do
    # group_fwd_mask 0x4000 lets LLDP (01:80:c2:00:00:0e) through; no snooping so mDNS floods like a dumb switch.
    ip -n "$sw" link add "$br" type bridge stp_state 0 group_fwd_mask 0x4000 mcast_snooping 0
    ip -n "$sw" link set "$br" up
  done
  ns_add "$scan"
  attach "$sw" "$scan" br0 p-scan eth0 "$SMALL_SCANNER_MAC" "$SMALL_SCANNER_IP"
  ip -n "$scan" route add 198.18.2.0/24 via "$SMALL_ROUTER_LAN"
  # Multicast (mDNS) needs a route when there is no default route; a real host's default route covers it.
  ip -n "$scan" route add 224.0.0.0/4 dev eth0 scope link

  local name ns ip mac subnet cls vendor answers services rest
  while IFS='|' read -r name ns ip mac subnet cls vendor answers services rest; do
    small_device_net "$sw" "$PREFIX-$ns" "$ip" "$mac" "$subnet" "$services"
  done < <(plan_lines)

  "$PY" "$LAB_DIR/isolation.py" "$PREFIX" >&2 || die "isolation check failed; nothing was started"

  while IFS='|' read -r name ns ip mac subnet cls vendor answers services rest; do
    small_device_daemons "$name" "$PREFIX-$ns" "$ip" "$services" "$mac"
  done < <(plan_lines)
  small_wait_ready
  "$PY" "$LAB_DIR/truth.py" --plan "$SMALL_PLAN" --prefix "$PREFIX" --size small --out "$TRUTH" \
    --corpus "$CORPUS" --scanner "$scan,eth0,$SMALL_SCANNER_IP,$SMALL_SCANNER_MAC" \
    --subnet 198.18.1.0/24:1 --subnet 198.18.2.0/24:0 --arp-steering none --state-dir "$STATE"
}

# Network side of one device: namespace, link(s), addresses, routes, sysctls. No daemon yet.
small_device_net() {
  local sw=$1 ns=$2 ip=$3 mac=$4 subnet=$5 services=$6 svc len=${5#*/}
  ns_add "$ns"
  local port=p-${ns#"$PREFIX"-}
  if [[ $subnet == 198.18.1.0/24 ]]; then
    attach "$sw" "$ns" br0 "$port" eth0 "$mac" "$ip/$len"
    [[ $ip == "$SMALL_ROUTER_LAN" ]] || ip -n "$ns" route add 198.18.2.0/24 via "$SMALL_ROUTER_LAN"
  else
    attach "$sw" "$ns" br1 "$port" eth0 "$mac" "$ip/$len"
    ip -n "$ns" route add 198.18.1.0/24 via "$SMALL_ROUTER_NET2"
  fi
  for svc in $services; do
    case $svc in
      noping) ns_sysctl "$ns" net.ipv4.icmp_echo_ignore_all=1 ;;
      leg2:*)
        local rest=${svc#leg2:}
        attach "$sw" "$ns" br1 "q-${ns#"$PREFIX"-}" eth1 "$(tr - : <<<"${rest#*:}")" "${rest%%:*}/24"
        ns_sysctl "$ns" net.ipv4.ip_forward=1
        ;;
    esac
  done
}

small_device_daemons() {
  local name=$1 ns=$2 ip=$3 services=$4 mac=${5:-} svc listen=() dir=$STATE/dev/$1
  mkdir -p "$dir"
  for svc in $services; do
    case $svc in
      snmpsim:*)
        local fdb= addrs s2
        [[ " $services " == *" fdb "* ]] && fdb=fdb
        addrs="$ip=$mac"
        for s2 in $services; do  # a router's second leg is in its IP-MIB too
          [[ $s2 == leg2:* ]] && addrs+=" $(cut -d: -f2 <<<"$s2")=$(cut -d: -f3 <<<"$s2" | tr - :)"
        done
        start_snmpsim "$name" "$ns" "$ip" "$(cut -d: -f2 <<<"$svc")" "$(cut -d: -f3 <<<"$svc")" "$fdb" "$addrs"
        ;;
      snmpd) start_snmpd "$name" "$ns" "$ip" ;;
      avahi:*) start_avahi "$name" "$ns" "${svc#avahi:}" ;;
      lldp:*) start_lldpd "$name" "$ns" "${svc#lldp:}" ;;
      tcp:* | sip:*) listen+=("$svc") ;;
    esac
  done
  if ((${#listen[@]})); then
    launch "$name-listen" "$ns" "$PY" "$LAB_DIR/listen.py" --user nobody "$ip" "${listen[@]}"
  fi
  return 0
}

# Debian's snmpsim serving one recording on IP:161. Community = file name, so the recording is copied
# as <community>.snmprec (context add-ons as <community>@<ctx>.snmprec). It drops root after binding.
start_snmpsim() {
  local name=$1 ns=$2 ip=$3 rec=$4 community=$5 fdb=${6:-} addrs=${7:-} dir=$STATE/dev/$1 src f ctx
  mkdir -p "$dir/data" "$dir/cache"
  src=$CORPUS/librenms-dev/snmprec/$rec.snmprec
  if [[ -f $src ]]; then cp "$src" "$dir/data/$community.snmprec"
  elif [[ -f $src.gz ]]; then gunzip -c "$src.gz" >"$dir/data/$community.snmprec"
  else die "recording $rec not found under $CORPUS/librenms-dev/snmprec"; fi
  for f in "$CORPUS/librenms-dev/snmprec/$rec"@*.snmprec; do
    [[ -f $f ]] || continue
    ctx=${f##*@}
    cp "$f" "$dir/data/$community@$ctx"
  done
  [[ -z $fdb ]] || small_switch_fdb "$dir/data" "$community"
  [[ -z $addrs ]] || small_ip_addresses "$dir/data/$community.snmprec" "$addrs"
  chown -R nobody:nogroup "$dir"
  launch "$name-snmpsim" "$ns" snmpsimd --data-dir="$dir/data" --cache-dir="$dir/cache" \
    --agent-udpv4-endpoint="$ip:161" --process-user=nobody --process-group=nogroup \
    --logging-method="file:$dir/snmpsimd.log"
  echo "$ip $community" >>"$STATE/snmp-agents"
}

# The lab switch's forwarding table, the way a Catalyst answers: per VLAN, in the community@VLAN context
# (BRIDGE-MIB dot1dBasePortIfIndex + dot1dTpFdbTable), one access port per device with a port:IFNAME:VLAN
# token, and the uplink Gi0/1 carrying the router, the scanner and hosts further up in every VLAN.
# Bridge port numbers follow the recording (Fa0/N is bridge port N+2, ifIndex 10000+N; Gi0/1 port 1).
small_switch_fdb() {
  local data=$1 community=$2
  "$PY" - "$SMALL_PLAN" "$data" "$community" "$SMALL_SCANNER_MAC" <<'PYEOF'
import os, re, sys
plan, data, community, scanner = sys.argv[1:5]
rows = {}  # vlan -> {oid: (type, value)}
def put(vlan, oid, typ, value):
    rows.setdefault(vlan, {})[oid] = (typ, value)
def learn(vlan, mac, port, if_index):
    octets = [int(x, 16) for x in mac.split(":")]
    idx = ".".join(str(o) for o in octets)
    put(vlan, "1.3.6.1.2.1.17.1.4.1.2.%d" % port, "2", str(if_index))
    put(vlan, "1.3.6.1.2.1.17.4.3.1.1." + idx, "4x", "".join("%02x" % o for o in octets))
    put(vlan, "1.3.6.1.2.1.17.4.3.1.2." + idx, "2", str(port))
    put(vlan, "1.3.6.1.2.1.17.4.3.1.3." + idx, "2", "3")  # learned
vlans, router = set(), None
for line in open(plan, encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    f = line.rstrip("\n").split("|")
    if f[0] == "router":
        router = f[3]
    for svc in f[8].split():
        m = re.fullmatch(r"port:Fa0/(\d+):(\d+)", svc)
        if m:
            n, vlan = int(m.group(1)), int(m.group(2))
            vlans.add(vlan)
            learn(vlan, f[3].lower(), n + 2, 10000 + n)
upstream = [router, scanner] + ["00:50:56:8a:%02x:%02x" % (v % 256, i) for v in sorted(vlans) for i in range(4)]
for vlan in sorted(vlans):
    for mac in [m for m in upstream if m]:
        learn(vlan, mac.lower(), 1, 10101)
def key(oid):
    return [int(x) for x in oid.split(".")]
for vlan, table in rows.items():
    path = os.path.join(data, "%s@%d.snmprec" % (community, vlan))
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("|", 2)
                if len(parts) == 3 and parts[0] not in table:
                    table[parts[0]] = (parts[1], parts[2])
    with open(path, "w", encoding="utf-8") as f:
        for oid in sorted(table, key=key):
            f.write("%s|%s|%s\n" % (oid, table[oid][0], table[oid][1]))
PYEOF
}

# The device's lab addresses in its IP-MIB ipAddrTable, as its agent would list them: each IP=MAC goes on
# the interface whose ifPhysAddress is that MAC (recordings whose MACs the lab reuses), else is skipped.
# The recording's own (foreign) addresses stay; the file is rewritten in OID order for snmpsim.
small_ip_addresses() {
  local file=$1 addrs=$2
  "$PY" - "$file" $addrs <<'PYEOF'
import sys
path, pairs = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
table = {}
for line in open(path, encoding="utf-8", errors="surrogateescape"):
    parts = line.rstrip("\n").split("|", 2)
    if len(parts) == 3:
        table[parts[0]] = (parts[1], parts[2])
by_mac = {v[1].lower(): o.rsplit(".", 1)[1] for o, v in table.items()
          if o.startswith("1.3.6.1.2.1.2.2.1.6.") and v[0] == "4x"}
changed = False
for ip, mac in pairs:
    if_index = by_mac.get(mac.replace(":", "").lower())
    if if_index is None:
        continue
    table["1.3.6.1.2.1.4.20.1.1." + ip] = ("64", ip)
    table["1.3.6.1.2.1.4.20.1.2." + ip] = ("2", if_index)
    table["1.3.6.1.2.1.4.20.1.3." + ip] = ("64", "255.255.255.0")
    changed = True
if changed:
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        for oid in sorted(table, key=lambda o: [int(x) for x in o.split(".")]):
            f.write("%s|%s|%s\n" % (oid, table[oid][0], table[oid][1]))
PYEOF
}

# A real net-snmp agent for the Linux server. The view hides hrSWRun/hrSWRunPerf/hrSWInstalled:
# otherwise the "server" would list this machine's processes and packages.
start_snmpd() {
  local name=$1 ns=$2 ip=$3 dir=$STATE/dev/$1
  mkdir -p "$dir/persist"
  cat >"$dir/snmpd.conf" <<EOF
agentAddress udp:$ip:161
view labview included .1.3.6.1.2.1
view labview excluded .1.3.6.1.2.1.25.4
view labview excluded .1.3.6.1.2.1.25.5
view labview excluded .1.3.6.1.2.1.25.6
rocommunity public default -V labview
sysName srv-files01
sysLocation Server room, rack 2
sysContact it-support@client.example
sysServices 72
master no
EOF
  chown -R Debian-snmp:Debian-snmp "$dir"
  launch "$name-snmpd" "$ns" env SNMP_PERSISTENT_DIR="$dir/persist" snmpd -f -C -c "$dir/snmpd.conf" \
    -Lf "$dir/snmpd.log" -u Debian-snmp -g Debian-snmp -I -smux
  echo "$ip public" >>"$STATE/snmp-agents"
}

# avahi-daemon has fixed paths (/run/avahi-daemon for pid and socket, /etc/avahi/services): give this
# instance private copies with bind mounts in the mount namespace `ip netns exec` creates for it.
start_avahi() {
  local name=$1 ns=$2 profile=$3 dir=$STATE/dev/$1
  mkdir -p "$dir/avahi-run" "$dir/avahi-services" /run/avahi-daemon
  cp "$LAB_DIR/avahi/$profile.service" "$dir/avahi-services/"
  cat >"$dir/avahi-daemon.conf" <<EOF
[server]
host-name=NPI952EA0
domain-name=local
use-ipv4=yes
use-ipv6=no
allow-interfaces=eth0
enable-dbus=no
ratelimit-interval-usec=1000000
ratelimit-burst=1000
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=no
publish-workstation=no
publish-addresses=yes
[reflector]
enable-reflector=no
EOF
  chown -R avahi:avahi "$dir/avahi-run"
  launch "$name-avahi" "$ns" sh -c "mount --bind '$dir/avahi-run' /run/avahi-daemon &&
    mount --bind '$dir/avahi-services' /etc/avahi/services &&
    exec avahi-daemon -f '$dir/avahi-daemon.conf' --no-chroot --no-proc-title --no-rlimits"
  echo "$name" >>"$STATE/avahi-agents"
}

# lldpd as an LLDP-MED class III endpoint (a phone). -i: no inventory TLVs (they would describe this
# machine); -k: no kernel version; its own control socket so several instances coexist.
start_lldpd() {
  local name=$1 ns=$2 profile=$3 dir=$STATE/dev/$1
  mkdir -p /run/lldpd
  launch "$name-lldpd" "$ns" lldpd -d -I eth0 -M 3 -i -k -u "$dir/lldpd.socket" -O "$LAB_DIR/lldp/$profile.conf"
}

snmp_answers() {
  ip netns exec "$PREFIX-scan" snmpget -v2c -c "$2" -t 1 -r 0 -Oqv "$1" 1.3.6.1.2.1.1.1.0
}

small_wait_ready() {
  local ip community name pids=() rc=0 p f
  while read -r ip community; do
    wait_for 45 "SNMP agent $ip" snmp_answers "$ip" "$community" &
    pids+=($!)
  done <"$STATE/snmp-agents"
  if [[ -e $STATE/avahi-agents ]]; then
    while read -r name; do
      wait_for 30 "avahi on $name" grep -q "Server startup complete" "$STATE/log/$name-avahi.log" &
      pids+=($!)
    done <"$STATE/avahi-agents"
  fi
  for f in "$STATE"/pids/*-listen.pid; do
    name=$(basename "$f" .pid)
    wait_for 20 "$name" grep -q "^listening on" "$STATE/log/$name.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  ((rc == 0)) || die "not every agent came up; logs in $STATE/log"
  for f in "$STATE"/pids/*.pid; do
    read -r p ns <"$f"
    pid_in_ns "$p" "$ns" || die "$(basename "$f" .pid) died at start; see $STATE/log"
  done
}
