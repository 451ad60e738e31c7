#!/usr/bin/env python3
"""Verify that a lab is sealed off from the root namespace before anything in it may send a packet.

usage: isolation.py PREFIX [ALLOWED_CIDR...]     (default allowed: 198.18.0.0/15)
Checks, for every namespace named PREFIX-*:
  * every veth peer lives in another namespace of this lab (never in the root namespace),
  * no route named "default" in any table, of any type (unicast, blackhole, unreachable, prohibit), v4 or v6,
  * every address is loopback or inside the allowed ranges;
and in the root namespace: no link whose peer is in a lab namespace.
Exit 0 and print "isolation ok" when all hold; otherwise print each violation and exit 1.
"""
import ipaddress
import json
import subprocess
import sys


def ip_json(*args, netns=None):
    cmd = ["ip"] + (["-n", netns] if netns else []) + ["-j"] + list(args)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out) if out.strip() else []


def lab_namespaces(prefix):
    names = []
    for entry in ip_json("netns", "list"):
        if entry["name"].startswith(prefix + "-"):
            names.append(entry["name"])
    return names


def nsid_names(netns=None):
    """nsid -> namespace name, as seen from inside `netns` (None = root)."""
    return {e["nsid"]: e.get("name") for e in ip_json("netns", "list-id", netns=netns)}


def check_namespace(ns, lab, allowed, problems):
    ids = nsid_names(ns)
    for link in ip_json("-d", "link", "show", netns=ns):
        if "link_netnsid" in link:
            peer_ns = ids.get(link["link_netnsid"])
            if peer_ns not in lab:
                problems.append(f"{ns}: {link['ifname']} is linked to a namespace outside the lab "
                                f"(nsid {link['link_netnsid']} = {peer_ns or 'unnamed/root'})")
    for family in ("-4", "-6"):
        for route in ip_json(family, "route", "show", "table", "all", netns=ns):
            if route.get("dst") == "default":
                problems.append(f"{ns}: default route present: {json.dumps(route)}")
    for link in ip_json("addr", "show", netns=ns):
        for a in link.get("addr_info", []):
            addr = ipaddress.ip_address(a["local"])
            if addr.is_loopback:
                continue
            if not any(addr in net for net in allowed):
                problems.append(f"{ns}: {link['ifname']} carries non-lab address {addr}")


def check_root(lab, problems):
    ids = nsid_names(None)
    lab_ids = {nsid for nsid, name in ids.items() if name in lab}
    for link in ip_json("-d", "link", "show"):
        if link.get("link_netnsid") in lab_ids:
            problems.append(f"root namespace: {link['ifname']} is linked into lab namespace "
                            f"{ids[link['link_netnsid']]}")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    prefix = sys.argv[1]
    allowed = [ipaddress.ip_network(c) for c in (sys.argv[2:] or ["198.18.0.0/15"])]
    lab = set(lab_namespaces(prefix))
    if not lab:
        print(f"no namespaces named {prefix}-*")
        return 1
    problems = []
    for ns in sorted(lab):
        check_namespace(ns, lab, allowed, problems)
    check_root(lab, problems)
    for p in problems:
        print("isolation violation:", p)
    if problems:
        return 1
    print(f"isolation ok: {len(lab)} namespaces, no root link, no default route, only lab/loopback addresses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
