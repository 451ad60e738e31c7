#!/usr/bin/env python3
"""Check from inside a lab namespace that devices answer what the ground truth says (stdlib only).

  probe.py mdns SERVICE [TIMEOUT]     mDNS queries from port 5353 (QU bit) for SERVICE.local PTR, then
                                      the instances' SRV/TXT/A; prints "PTR name", "SRV name port host",
                                      "TXT key=value", "A name ip" lines
  probe.py lldp IFACE SECONDS [N]     listens for LLDP frames (until N senders were seen, if given);
                                      prints "MAC sysname=... med=yes|no" per sender
  probe.py sip IP                     UDP SIP OPTIONS to IP:5060; prints the reply's User-Agent
  probe.py banner IP PORT             TCP connect; prints the greeting, or for HTTP the status and Server lines
Exit 0 when something was received, 1 otherwise.
"""
import random
import socket
import struct
import sys
import time


def encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def read_name(msg, off):
    labels, jumped, end = [], False, off
    for _ in range(64):
        n = msg[off]
        if n & 0xC0 == 0xC0:
            if not jumped:
                end = off + 2
            off, jumped = ((n & 0x3F) << 8) | msg[off + 1], True
            continue
        if n == 0:
            return ".".join(labels), (end if jumped else off + 1)
        labels.append(msg[off + 1:off + 1 + n].decode("utf-8", "replace"))
        off += n + 1
    raise ValueError("name loop")


def ask(s, name, qtype, timeout):
    """One mDNS question with the unicast-response bit, sent from port 5353 (a full mDNS query, not
    legacy unicast: responders cap those at 512 bytes and drop bigger TXT records); returns the
    records of the first response that answers it."""
    query = struct.pack("!HHHHHH", 0, 0, 1, 0, 0, 0) + encode_name(name) + struct.pack("!HH", qtype, 0x8001)
    s.sendto(query, ("224.0.0.251", 5353))
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            msg, _ = s.recvfrom(9000)
        except socket.timeout:
            continue
        if not struct.unpack("!H", msg[2:4])[0] & 0x8000:
            continue  # a query (ours looped back, or someone else's)
        records = parse_records(msg)
        if any(r[1].lower() == name.lower() for r in records):
            return records
    return []


def mdns(service, timeout=3.0):
    """PTR for the service type; then SRV/TXT/A of each instance the responder did not volunteer."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 0)
    s.bind(("", 5353))
    # Responders may answer by multicast even to a QU question (RFC 6762 s5.4): listen to the group too.
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton("224.0.0.251") + bytes(4))
    s.settimeout(0.5)
    records = ask(s, service + ".local", 12, float(timeout))
    instances = [value for rtype, _, value in records if rtype == "PTR"]
    for inst in instances:
        for rtype, qtype in (("SRV", 33), ("TXT", 16)):
            if not any(r[0] == rtype and r[1] == inst for r in records):
                records += ask(s, inst, qtype, float(timeout))
    for host in {r[2].split()[-1] for r in records if r[0] == "SRV"}:
        if not any(r[0] == "A" and r[1] == host for r in records):
            records += ask(s, host, 1, float(timeout))
    for rtype, name, value in records:
        print(rtype, value if rtype in ("PTR", "TXT") else name + " " + value)
    return 0 if instances else 1


def parse_records(msg):
    _, _, qd, an, ns, ar = struct.unpack("!HHHHHH", msg[:12])
    off = 12
    for _ in range(qd):
        _, off = read_name(msg, off)
        off += 4
    out = []
    for _ in range(an + ns + ar):
        name, off = read_name(msg, off)
        rtype, _, _, rdlen = struct.unpack("!HHIH", msg[off:off + 10])
        rdata = off + 10
        if rtype == 12:
            out.append(("PTR", name, read_name(msg, rdata)[0]))
        elif rtype == 33:
            port = struct.unpack("!H", msg[rdata + 4:rdata + 6])[0]
            out.append(("SRV", name, "%d %s" % (port, read_name(msg, rdata + 6)[0])))
        elif rtype == 16:
            i = rdata
            while i < rdata + rdlen:
                n = msg[i]
                out.append(("TXT", name, msg[i + 1:i + 1 + n].decode("utf-8", "replace")))
                i += n + 1
        elif rtype == 1:
            out.append(("A", name, socket.inet_ntoa(msg[rdata:rdata + 4])))
        off = rdata + rdlen
    return out


def lldp(iface, seconds, min_senders=0):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x88CC))
    s.bind((iface, 0))
    s.settimeout(0.5)
    seen = {}
    deadline = time.time() + float(seconds)
    while time.time() < deadline:
        try:
            frame = s.recv(2048)
        except socket.timeout:
            continue
        src = ":".join("%02x" % b for b in frame[6:12])
        off, sysname, med = 14, "", False
        while off + 2 <= len(frame):
            head = struct.unpack("!H", frame[off:off + 2])[0]
            ttype, tlen = head >> 9, head & 0x1FF
            value = frame[off + 2:off + 2 + tlen]
            if ttype == 0:
                break
            if ttype == 5:
                sysname = value.decode("utf-8", "replace")
            if ttype == 127 and value[:3] == b"\x00\x12\xbb":
                med = True
            off += 2 + tlen
        seen[src] = (sysname, med)
        if int(min_senders) and len(seen) >= int(min_senders):
            break
    for src, (sysname, med) in sorted(seen.items()):
        print(src, "sysname=" + sysname, "med=" + ("yes" if med else "no"))
    return 0 if seen else 1


def sip(ip):
    call = "%08x" % random.getrandbits(32)
    req = ("OPTIONS sip:%s SIP/2.0\r\nVia: SIP/2.0/UDP 198.18.1.10:5060;branch=z9hG4bK%s\r\n"
           "From: <sip:probe@198.18.1.10>;tag=%s\r\nTo: <sip:%s>\r\nCall-ID: %s\r\nCSeq: 1 OPTIONS\r\n"
           "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n" % (ip, call, call, ip, call))
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(2.0)
    s.sendto(req.encode(), (ip, 5060))
    try:
        reply = s.recv(4096).decode("utf-8", "replace")
    except socket.timeout:
        return 1
    for line in reply.split("\r\n"):
        if line.lower().startswith("user-agent:"):
            print(line.split(":", 1)[1].strip())
            return 0
    return 1


def banner(ip, port):
    """A greeting if the service speaks first (ssh), else the HTTP status and Server lines of a GET."""
    with socket.create_connection((ip, int(port)), timeout=2.0) as s:
        s.settimeout(0.5)
        try:
            data = s.recv(512)
        except socket.timeout:
            s.settimeout(2.0)
            s.sendall(b"GET / HTTP/1.0\r\n\r\n")
            data = s.recv(2048)
    lines = [l.strip() for l in data.decode("utf-8", "replace").split("\n")]
    print("\n".join([lines[0]] + [l for l in lines[1:] if l.lower().startswith("server:")]))
    return 0


def main():
    cmds = {"mdns": mdns, "lldp": lldp, "sip": sip, "banner": banner}
    if len(sys.argv) < 3 or sys.argv[1] not in cmds:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return cmds[sys.argv[1]](*sys.argv[2:])
    except (OSError, ValueError, struct.error) as e:
        print("probe failed:", e, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
