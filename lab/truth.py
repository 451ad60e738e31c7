#!/usr/bin/env python3
"""Write a lab's ground truth (JSON) from its site plan, the recordings' labels and the IEEE registry.

usage: truth.py --plan FILE --prefix P --size small|scale --out FILE --corpus DIR
                --scanner NETNS,IFACE,IP/LEN,MAC --subnet CIDR:on_link(0|1)... [--arp-steering none|nftables]
The plan has the format of lab/small-site.conf. Unknown values are null, never empty strings.
"""
import argparse
import csv
import datetime
import json
import os
import sys

OUI_CSV = "/usr/share/ieee-data/oui.csv"


def load_labels(corpus):
    path = os.path.join(corpus, "librenms-dev", "labels.jsonl")
    labels = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                labels[item["id"]] = item
    return labels


def load_oui(prefixes):
    """Registry organisation names for the MA-L prefixes we use (only those, the file is big)."""
    found = {}
    if not os.path.exists(OUI_CSV):
        return found
    with open(OUI_CSV, encoding="utf-8", errors="replace") as f:
        for row in csv.reader(f):
            if len(row) > 2 and row[1].upper() in prefixes:
                found[row[1].upper()] = row[2].strip()
    return found


def known(value):
    return value if value and value != "<private>" else None


def parse_plan(path):
    devices = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("|")
            if len(fields) != 12:
                raise SystemExit(f"{path}: expected 12 fields, got {len(fields)}: {line}")
            devices.append(fields)
    return devices


def device_entry(fields, prefix, labels, oui):
    name, ns, ip, mac, subnet, cls, vendor, answers, services, model, serial, firmware = fields
    snmp = None
    recording_labels = {}
    ips, macs = [ip], [mac.lower()]
    hostname = None
    switch_port = None
    for svc in services.split():
        kind, _, rest = svc.partition(":")
        if kind == "hostname":
            hostname = rest
        elif kind == "port":  # where it plugs into the lab switch (the "fdb" device)
            port, _, vlan = rest.partition(":")
            switch_port = {"switch": "switch", "port": port, "vlan": int(vlan) if vlan else None}
        elif kind == "leg2":  # the router's interface on the routed subnet
            leg_ip, leg_mac = rest.split(":", 1)
            ips.append(leg_ip)
            macs.append(leg_mac.replace("-", ":").lower())
        if kind == "snmpsim":
            recording, community = rest.split(":", 1)
            snmp = {"community": community, "recording": recording, "agent": "snmpsim"}
            recording_labels = labels.get(recording, {}).get("expected", {})
        elif kind == "snmpd":
            snmp = {"community": "public", "recording": None, "agent": "net-snmp"}
    models = [m for m in model.split(";") if m]
    entry = {
        "name": name,
        "netns": f"{prefix}-{ns}",
        "ip": ip,
        "mac": mac.lower(),
        "subnet": subnet,
        "ips": ips,
        "macs": macs,
        "class": cls,
        "hostname": hostname,
        "vendor": vendor or None,
        "oui_vendor": oui.get(mac.replace(":", "")[:6].upper()),
        "model": models[0] if models else known(recording_labels.get("hardware")),
        "model_aliases": models[1:],
        "serial": serial or known(recording_labels.get("serial")),
        "firmware": firmware or known(recording_labels.get("version")),
        "answers": [a for a in answers.split(",") if a],
        "snmp": snmp,
        "switch_port": switch_port,
    }
    return entry


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plan", required=True)
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--size", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--corpus", default="")
    ap.add_argument("--scanner", required=True)
    ap.add_argument("--subnet", action="append", default=[])
    ap.add_argument("--arp-steering", default="none")
    ap.add_argument("--state-dir", default=None)
    args = ap.parse_args()

    plan = parse_plan(args.plan)
    labels = load_labels(args.corpus) if args.corpus else {}
    oui = load_oui({f[3].replace(":", "")[:6].upper() for f in plan})
    scan_ns, scan_if, scan_ip, scan_mac = args.scanner.split(",")
    truth = {
        "site": f"netdossier lab {args.size} ({args.prefix})",
        "size": args.size,
        "prefix": args.prefix,
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "arp_steering": args.arp_steering,
        "state_dir": args.state_dir,
        "scanner": {"netns": scan_ns, "interface": scan_if, "ip": scan_ip.split("/")[0],
                    "prefix_length": int(scan_ip.split("/")[1]), "mac": scan_mac.lower()},
        "subnets": [{"cidr": s.rsplit(":", 1)[0], "on_scanner_link": s.rsplit(":", 1)[1] == "1"}
                    for s in args.subnet],
        "devices": [device_entry(f, args.prefix, labels, oui) for f in plan],
    }
    tmp = args.out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1 if args.size == "small" else None)
        f.write("\n")
    os.replace(tmp, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
