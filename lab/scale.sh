# The scale site: thousands of hosts over 198.19.0.0/16 (or a smaller prefix) on the scanner's L2 segment, for ARP/ICMP sweep
# benchmarks. Hosts are macvlans spread over several "crowd" namespaces (one veth parent each) and the
# switch steers ARP with an nftables bridge rule (lab/scale_plan.py explains it). Sourced by site.sh.
#   NETDOSSIER_LAB_SCALE_HOSTS   number of hosts (default 4000)
#   NETDOSSIER_LAB_SCALE_PREFIX  prefix length of the site, 16..24 (default 16; 20 with 1000 hosts is the
#                                mid-size bench site: 198.19.0.0/20)
#   NETDOSSIER_LAB_ARP_STEERING  nftables (default) | none (every ARP broadcast fans out to every host)

SCALE_PREFIX_LEN=${NETDOSSIER_LAB_SCALE_PREFIX:-16}
SCALE_NET=198.19.0.0/$SCALE_PREFIX_LEN
SCALE_SCANNER_IP=198.19.0.10/$SCALE_PREFIX_LEN
SCALE_SCANNER_MAC=e4:54:e8:2f:9a:11 # Dell laptop
SCALE_CROWDS=8

up_scale() {
  local sw=$PREFIX-sw scan=$PREFIX-scan plan=$STATE/scale k pids=() p rc=0
  local hosts=${NETDOSSIER_LAB_SCALE_HOSTS:-4000} steering=${NETDOSSIER_LAB_ARP_STEERING:-nftables}
  [[ $SCALE_PREFIX_LEN =~ ^(1[6-9]|2[0-4])$ ]] || die "NETDOSSIER_LAB_SCALE_PREFIX must be 16..24"
  [[ $steering == nftables || $steering == none ]] || die "NETDOSSIER_LAB_ARP_STEERING must be nftables or none"
  echo "198.18.0.0/15" >"$STATE/allowed"
  "$PY" "$LAB_DIR/scale_plan.py" "$plan" "$PREFIX" "$hosts" "$SCALE_CROWDS" "$SCALE_NET"
  gc_thresh_raise

  ns_add "$sw"
  ip -n "$sw" link add br0 type bridge stp_state 0 group_fwd_mask 0x4000 mcast_snooping 0
  ip -n "$sw" link set br0 up
  ns_add "$scan"
  attach "$sw" "$scan" br0 p-scan eth0 "$SCALE_SCANNER_MAC" "$SCALE_SCANNER_IP"
  ip -n "$scan" route add 224.0.0.0/4 dev eth0 scope link
  for ((k = 0; k < SCALE_CROWDS; k++)); do
    ns_add "$PREFIX-c$k"
    # Only the owner of an address answers ARP for it, and from its own macvlan.
    ns_sysctl "$PREFIX-c$k" net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2 \
      net.ipv4.conf.default.arp_ignore=1 net.ipv4.conf.default.arp_announce=2
    attach "$sw" "$PREFIX-c$k" br0 "c$k" eth0 "02:00:5e:19:00:0$k"
  done
  for ((k = 0; k < SCALE_CROWDS; k++)); do
    ip -n "$PREFIX-c$k" -batch "$plan/crowd-$k.batch" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  ((rc == 0)) || die "creating the crowd hosts failed"
  for ((k = 0; k < SCALE_CROWDS; k++)); do
    [[ ! -e $plan/crowd-$k.nft ]] || ip netns exec "$PREFIX-c$k" nft -f "$plan/crowd-$k.nft"
  done
  bridge -n "$sw" -batch "$plan/fdb.batch"
  if [[ $steering == nftables ]]; then
    ip netns exec "$sw" nft -f "$plan/steer.nft"
  fi
  echo "$steering" >"$STATE/arp_steering"

  "$PY" "$LAB_DIR/isolation.py" "$PREFIX" >&2 || die "isolation check failed; nothing was sent"
  scale_sanity "$plan/sample.txt"
  "$PY" "$LAB_DIR/truth.py" --plan "$plan/plan.conf" --prefix "$PREFIX" --size scale --out "$TRUTH" \
    --scanner "$scan,eth0,$SCALE_SCANNER_IP,$SCALE_SCANNER_MAC" --subnet "$SCALE_NET:1" \
    --arp-steering "$steering" --state-dir "$STATE"
  log "scale site: $hosts hosts over $SCALE_NET in $SCALE_CROWDS crowd namespaces, arp_steering=$steering"
}

# A few hosts must resolve to their planned MAC from the scanner (the kernel's own ARP).
scale_sanity() {
  local ip mac got
  while read -r ip mac; do
    [[ -n $ip ]] || continue
    got=$(ip netns exec "$PREFIX-scan" bash -c "echo x > /dev/udp/$ip/9 2>/dev/null
      for i in \$(seq 30); do ip neigh show $ip | grep -q lladdr && break; sleep 0.1; done
      ip neigh show $ip" | awk '{for (i = 1; i < NF; i++) if ($i == "lladdr") print $(i + 1)}')
    [[ $got == "$mac" ]] || die "scale host $ip answered ARP with '${got:-nothing}', expected $mac"
  done <"$1"
}
