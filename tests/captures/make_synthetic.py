#!/usr/bin/env python3
"""Writes dhcp-garp.pcap: frames built by hand per the standards, for the passive listener's tests.

A Windows 10 DHCPDISCOVER, a gratuitous ARP, an ordinary ARP request (ignored), a truncated LLDPDU
(malformed), a VLAN-tagged LLDPDU, and the same gratuitous ARP again 1 s later (a repeat).
"""
import os
import struct


def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def mac(text):
    return bytes.fromhex(text.replace(":", ""))


def dhcp_discover():
    p = bytearray(236)
    p[0:4] = b"\x01\x01\x06\x00"
    p[4:8] = b"\x3d\x1e\x27\x11"
    p[28:34] = mac("3c:52:82:11:22:33")
    p += bytes.fromhex("63825363" "350101" "3d07013c5282112233" "0c0b4445534b544f502d313233"
                       "3c084d53465420352e30" "370e0103060f1f212b2c2e2f7779f9fc" "ff")
    udp = struct.pack(">HHHH", 68, 67, 8 + len(p), 0) + bytes(p)
    ip = bytearray(struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 128, 17, 0, bytes(4), b"\xff" * 4))
    ip[10:12] = struct.pack(">H", checksum(bytes(ip)))
    return mac("ff:ff:ff:ff:ff:ff") + mac("3c:52:82:11:22:33") + b"\x08\x00" + bytes(ip) + udp


def arp(sender_mac, sender_ip, target_ip, op=1):
    body = struct.pack(">HHBBH", 1, 0x0800, 6, 4, op) + mac(sender_mac) + bytes(sender_ip) + bytes(6) + bytes(target_ip)
    return mac("ff:ff:ff:ff:ff:ff") + mac(sender_mac) + b"\x08\x06" + body + bytes(18)


LLDP_PDU = bytes.fromhex("0207040018b1aabbcc" "040703" "0018b1aabbcc" "06020078" "0a0773772d636f7265" "0000")
lldp_tagged = mac("01:80:c2:00:00:0e") + mac("00:18:b1:aa:bb:cc") + b"\x81\x00\x00\x0a\x88\xcc" + LLDP_PDU
lldp_truncated = mac("01:80:c2:00:00:0e") + mac("00:18:b1:aa:bb:cc") + b"\x88\xcc" + LLDP_PDU[:12]
garp = arp("00:1b:a9:01:02:03", [198, 18, 1, 60], [198, 18, 1, 60])

frames = [
    (0.0, dhcp_discover()),
    (0.1, garp),
    (0.2, arp("00:1b:a9:01:02:03", [198, 18, 1, 60], [198, 18, 1, 1])),
    (0.3, lldp_truncated),
    (0.4, lldp_tagged),
    (1.1, garp),
]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dhcp-garp.pcap")
with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for t, frame in frames:
        ts = 1_800_000_000 + t
        f.write(struct.pack("<IIII", int(ts), int(round((ts % 1) * 1e6)), len(frame), len(frame)))
        f.write(frame)
print("wrote", out)
