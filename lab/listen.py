#!/usr/bin/env python3
"""Tiny TCP/UDP listeners that make a lab device look like the real thing to a port or banner probe.

usage: listen.py --user nobody BIND_IP SPEC...   SPEC = tcp:PORT:PROFILE | sip:PROFILE (TCP+UDP 5060)
Binds every port as root, then drops to --user; one process, one select loop, stdlib only.
Profiles say what the port answers: a greeting banner (ssh), an HTTP response, a SIP response, or nothing.
"""
import argparse
import os
import pwd
import selectors
import socket

BANNERS = {
    "ssh-debian": b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n",
}
HTTP_SERVERS = {
    "http-hp": "HP HTTP Server; HP LaserJet MFP M129-M134 - G3Q47A; Serial Number: VNCRC48198; Built: Fri Oct 23, 2020",
    "ipp-hp": "HP HTTP Server; HP LaserJet MFP M129-M134 - G3Q47A; Serial Number: VNCRC48198",
    "http-brother": "debut/1.20",
    "http-axis": "Apache/2.4.54 (Unix) OpenSSL/1.1.1q",
}
SIP_AGENTS = {
    "yealink-t46s": "Yealink SIP-T46S 66.86.0.15",
    "polycom-vvx411": "PolycomVVX-VVX_411-UA/6.3.1.8427",
}


def http_reply(server):
    body = b"<html><head><title>Device</title></head><body></body></html>"
    head = ("HTTP/1.1 200 OK\r\nServer: %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\n"
            "Connection: close\r\n\r\n" % (server, len(body)))
    return head.encode() + body


def sip_reply(request, agent):
    """Answer any SIP request (OPTIONS probes) with 200 OK, echoing the dialog headers."""
    lines = request.decode("utf-8", "replace").split("\r\n")
    keep = [l for l in lines[1:] if l.split(":", 1)[0].strip().lower() in ("via", "from", "to", "call-id", "cseq")]
    out = ["SIP/2.0 200 OK"] + keep + ["User-Agent: " + agent, "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY",
                                      "Content-Length: 0", "", ""]
    return "\r\n".join(out).encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--user", default="nobody")
    ap.add_argument("ip")
    ap.add_argument("specs", nargs="+")
    args = ap.parse_args()
    sel = selectors.DefaultSelector()
    for spec in args.specs:
        kind, _, rest = spec.partition(":")
        if kind == "tcp":
            port, _, profile = rest.partition(":")
            ports = [(socket.SOCK_STREAM, int(port), profile)]
        elif kind == "sip":
            ports = [(socket.SOCK_STREAM, 5060, "sip-" + rest), (socket.SOCK_DGRAM, 5060, "sip-" + rest)]
        else:
            raise SystemExit("unknown listener spec: " + spec)
        for stype, port, profile in ports:
            s = socket.socket(socket.AF_INET, stype)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((args.ip, port))
            if stype == socket.SOCK_STREAM:
                s.listen(16)
            sel.register(s, selectors.EVENT_READ, (stype, profile))
    user = pwd.getpwnam(args.user)
    os.setgroups([])
    os.setgid(user.pw_gid)
    os.setuid(user.pw_uid)
    print("listening on", args.ip, " ".join(args.specs), flush=True)
    while True:
        for key, _ in sel.select():
            stype, profile = key.data
            try:
                serve(key.fileobj, stype, profile)
            except OSError:
                pass  # a probe that hung up early is not our problem


def serve(sock, stype, profile):
    if stype == socket.SOCK_DGRAM:
        data, peer = sock.recvfrom(4096)
        if profile.startswith("sip-") and data[:4] != b"SIP/":
            sock.sendto(sip_reply(data, SIP_AGENTS[profile[4:]]), peer)
        return
    conn, _ = sock.accept()
    with conn:
        conn.settimeout(1.0)
        if profile in BANNERS:
            conn.sendall(BANNERS[profile])
        elif profile in HTTP_SERVERS:
            try:
                conn.recv(4096)
            except OSError:
                pass
            conn.sendall(http_reply(HTTP_SERVERS[profile]))
        elif profile.startswith("sip-"):
            try:
                data = conn.recv(4096)
            except OSError:
                data = b""
            if data:
                conn.sendall(sip_reply(data, SIP_AGENTS[profile[4:]]))


if __name__ == "__main__":
    main()
