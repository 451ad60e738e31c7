#!/usr/bin/env python3
"""Generate the scale site: HOSTS hosts spread over NETWORK (default 198.19.0.0/16; 198.19.0.0/20 for the
mid-size variant), as macvlans in CROWDS namespaces.

usage: scale_plan.py OUTDIR PREFIX [HOSTS] [CROWDS] [NETWORK]
Writes to OUTDIR:
  plan.conf          the hosts in lab/small-site.conf format (for truth.py)
  crowd-K.batch      `ip -batch` lines for crowd namespace K: macvlans, addresses, per-host policy routing
  crowd-K.nft        nftables for crowd K: its ICMP-silent hosts drop echo requests (absent if none)
  fdb.batch          `bridge -batch` lines: static FDB entries, so steered unicasts go to one port only
  steer.nft          bridge-family ARP steering in the switch namespace (see lab/README.md)
  sample.txt         a few "ip mac" lines of hosts that answer, for a post-up sanity check
Deterministic: the same arguments always give the same site.
"""
import ipaddress
import os
import random
import sys

DEFAULT_NET = "198.19.0.0/16"
SCANNER_IP = ipaddress.ip_address("198.19.0.10")
# (OUI, normalised vendor, class): registry-checked prefixes of common LAN equipment.
VENDORS = [
    ("d4bed9", "Dell", "workstation"),
    ("10c595", "Lenovo", "workstation"),
    ("9c8e99", "HP", "workstation"),
    ("aced5c", "Intel", "workstation"),
    ("f8b156", "Dell", "workstation"),
    ("34f64b", "Intel", "workstation"),
    ("240ac4", "Espressif", "other"),
    ("b827eb", "Raspberry Pi", "other"),
]
SILENT_EVERY = 10  # every 10th host ignores ICMP echo (answers ARP only)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    out, prefix = sys.argv[1], sys.argv[2]
    hosts = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
    crowds = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    net = ipaddress.ip_network(sys.argv[5] if len(sys.argv) > 5 else DEFAULT_NET)
    if SCANNER_IP not in net or not 16 <= net.prefixlen <= 24:
        raise SystemExit(f"network must be a /16../24 holding {SCANNER_IP}")
    if not 1 <= hosts <= min(60000, net.num_addresses // 2) or not 1 <= crowds <= 64:
        raise SystemExit(f"hosts must be 1..{min(60000, net.num_addresses // 2)} for {net} and crowds 1..64")
    os.makedirs(out, exist_ok=True)
    pool = [a for a in net.hosts() if a != SCANNER_IP]
    chosen = sorted(random.Random(20261122).sample(pool, hosts))

    plan = open(os.path.join(out, "plan.conf"), "w", encoding="utf-8")
    batches = [open(os.path.join(out, f"crowd-{k}.batch"), "w", encoding="utf-8") for k in range(crowds)]
    silent = [[] for _ in range(crowds)]
    fdb = open(os.path.join(out, "fdb.batch"), "w", encoding="utf-8")
    live = []
    sample = []
    for i, ip in enumerate(chosen):
        k, j = i % crowds, i // crowds
        oui, vendor, cls = VENDORS[i % len(VENDORS)]
        suffix = (i * 2654435761 + 0x5A17) & 0xFFFFFF  # odd multiplier: a bijection, so MACs are unique
        mac = ":".join([oui[0:2], oui[2:4], oui[4:6], "%02x" % (suffix >> 16), "%02x" % ((suffix >> 8) & 255),
                        "%02x" % (suffix & 255)])
        quiet = i % SILENT_EVERY == SILENT_EVERY - 1
        answers = "arp" if quiet else "arp,icmp"
        plan.write(f"h{i}|c{k}|{ip}|{mac}|{net}|{cls}|{vendor}|{answers}|{'noping' if quiet else ''}|||\n")
        b = batches[k]
        b.write(f"link add link eth0 name m{j} address {mac} type macvlan mode private\n")
        b.write(f"link set m{j} up\n")
        b.write(f"address add {ip}/{net.prefixlen} dev m{j} noprefixroute\n")
        b.write(f"rule add from {ip} lookup {1000 + j}\n")
        b.write(f"route add {net} dev m{j} table {1000 + j}\n")
        fdb.write(f"fdb add {mac} dev c{k} master static\n")
        live.append(f"{ip} : {mac}")
        if quiet:
            silent[k].append(str(ip))
        elif len(sample) < 5 and i % 797 == 0:
            sample.append(f"{ip} {mac}")
    for k in range(crowds):
        path = os.path.join(out, f"crowd-{k}.nft")
        if silent[k]:
            with open(path, "w", encoding="utf-8") as f:
                f.write("table inet ndquiet {\n  set silent { type ipv4_addr; elements = { %s } }\n"
                        "  chain input { type filter hook input priority 0; policy accept;\n"
                        "    ip daddr @silent icmp type echo-request drop\n  }\n}\n" % ", ".join(silent[k]))
    with open(os.path.join(out, "steer.nft"), "w", encoding="utf-8") as f:
        # A broadcast ARP request for a live host becomes a unicast to that host's MAC (the FDB then sends it
        # to one crowd port and the macvlan parent to one macvlan); broadcasts left over (dead addresses)
        # are not copied to the crowd ports. The scanner sees exactly what a real LAN would answer.
        f.write("table bridge ndsteer {\n  map live { type ipv4_addr : ether_addr; elements = { %s } }\n"
                "  chain arp_to_unicast { type filter hook prerouting priority -300; policy accept;\n"
                "    ether type arp ether daddr ff:ff:ff:ff:ff:ff arp operation request "
                "ether daddr set arp daddr ip map @live\n  }\n"
                "  chain spare_the_crowd { type filter hook forward priority 0; policy accept;\n"
                "    oifname \"c*\" ether type arp ether daddr ff:ff:ff:ff:ff:ff drop\n  }\n}\n" % ", ".join(live))
    with open(os.path.join(out, "sample.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sample) + "\n")
    for fh in batches + [plan, fdb]:
        fh.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
