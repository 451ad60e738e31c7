#!/usr/bin/env bash
# Regenerates the capture files in this folder from real peers (lldpd, avahi-daemon) running in two
# throw-away network namespaces (198.18.99.0/24, no link to the root namespace). Needs root.
# usage: tests/captures/make_captures.sh   (writes lldp-med-cdp.pcap and mdns-printer.pcap here)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lab="$(cd "$here/../../lab" && pwd)"
A=nd-disc-cap-a
B=nd-disc-cap-b
tmp="$(mktemp -d /tmp/nd-disc-cap.XXXXXX)"
chmod 755 "$tmp"  # lldpd drops privileges to _lldpd and must reach its socket
pids=()

cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.3
    ip netns del "$A" 2>/dev/null || true
    ip netns del "$B" 2>/dev/null || true
    [ -n "${KEEP:-}" ] && cp -r "$tmp" /tmp/nd-disc-keep; rm -rf "$tmp"
}
trap cleanup EXIT

ip netns add "$A"
ip netns add "$B"
ip -n "$A" link add eth0 address 00:04:f2:64:16:7f type veth peer name eth0 netns "$B"
ip -n "$A" addr add 198.18.99.41/24 dev eth0
ip -n "$B" addr add 198.18.99.2/24 dev eth0
for ns in "$A" "$B"; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
done
# Isolation check: nothing of ours may be visible from the root namespace.
if ip link show eth0 2>/dev/null | grep -q "00:04:f2:64:16:7f"; then echo "isolation broken" >&2; exit 1; fi

# 1. A Polycom phone: lldpd as an LLDP-MED class III endpoint, then (restarted) speaking CDPv2 only.
#    lldpd sends only the forced protocol when one is forced, hence two runs.
ip netns exec "$B" python3 "$here/pcap_capture.py" eth0 8 "$tmp/lldp.pcap" 12 &
cap=$!
pids+=($cap)
sleep 0.5
for proto in "" "-ccc"; do
    # shellcheck disable=SC2086
    ip netns exec "$A" lldpd -d -M 3 $proto -I eth0 -m 198.18.99.41 -u "$tmp/lldpd.sock" \
        -O "$lab/lldp/polycom-vvx411.conf" </dev/null >>"$tmp/lldpd.log" 2>&1 &
    lldpd_pid=$!
    pids+=($lldpd_pid)
    sleep 3
    kill "$lldpd_pid" 2>/dev/null || true
    wait "$lldpd_pid" 2>/dev/null || true
done
wait "$cap"
cp "$tmp/lldp.pcap" "$here/lldp-med-cdp.pcap"

# 2. An HP printer: avahi-daemon announcing the lab's service file, its own /etc/avahi/services.
mkdir -p "$tmp/services" "$tmp/run"
cp "$lab/avahi/hp-m130nw.service" "$tmp/services/"
cat >"$tmp/avahi.conf" <<CONF
[server]
host-name=NPI952EA0
use-ipv4=yes
use-ipv6=no
allow-interfaces=eth0
enable-dbus=no
[publish]
publish-hinfo=no
publish-workstation=no
CONF
ip netns exec "$B" python3 "$here/pcap_capture.py" eth0 6 "$tmp/mdns.pcap" 40 &
cap=$!
pids+=($cap)
sleep 0.5
ip netns exec "$A" unshare --mount sh -c "mount --bind '$tmp/services' /etc/avahi/services && \
    mount --bind '$tmp/run' /run && exec avahi-daemon -f '$tmp/avahi.conf' --no-drop-root --no-chroot --no-rlimits" \
    </dev/null >"$tmp/avahi.log" 2>&1 &
pids+=($!)
wait "$cap"
cp "$tmp/mdns.pcap" "$here/mdns-printer.pcap"
echo "wrote $here/lldp-med-cdp.pcap $here/mdns-printer.pcap"
