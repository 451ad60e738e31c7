#!/usr/bin/env python3
"""Writes arp-replies.pcap and dhcp-overload.pcap: frames built by hand per the standards.

arp-replies.pcap  what an ARP sweep's capture sees: two plain replies, a VLAN-tagged reply, a reply padded
                  with a trailer, and four malformed frames (truncated, hardware type 6, zero sender MAC,
                  ARP EtherType with a 10-byte body), plus an IPv4 frame (not ARP).
dhcp-overload.pcap a DHCPDISCOVER whose options overflow into the file and sname fields (option 52 = 3),
                  and one whose option 52 has length 2 (malformed).
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def mac(text):
    return bytes.fromhex(text.replace(":", ""))


def ip4(text):
    return bytes(int(x) for x in text.split("."))


SCANNER = "e4:54:e8:2f:9a:11"


def arp_reply(sender_mac, sender_ip, htype=1, vlan=None, trailer=b""):
    body = struct.pack(">HHBBH", htype, 0x0800, 6, 4, 2) + mac(sender_mac) + ip4(sender_ip) + mac(SCANNER) + ip4("198.18.1.10")
    tag = b"\x81\x00" + struct.pack(">H", vlan) if vlan is not None else b""
    frame = mac(SCANNER) + mac(sender_mac) + tag + b"\x08\x06" + body
    return frame + bytes(max(0, 60 - len(frame))) + trailer


def write(name, frames):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for t, frame in frames:
            ts = 1_800_000_000 + t
            f.write(struct.pack("<IIII", int(ts), int(round((ts % 1) * 1e6)), len(frame), len(frame)))
            f.write(frame)


write("arp-replies.pcap", [
    (0.000, arp_reply("00:1b:a9:00:00:21", "198.18.1.21")),                          # Brother printer
    (0.001, arp_reply("00:04:f2:64:16:7f", "198.18.1.41")),                          # Polycom phone
    (0.002, arp_reply("3c:2a:f4:00:00:22", "198.18.1.22", vlan=10)),                  # tagged
    (0.003, arp_reply("00:0c:29:aa:bb:cc", "198.18.1.30", trailer=b"\xde\xad\xbe\xef")),
    (0.004, arp_reply("00:1b:a9:00:00:23", "198.18.1.23")[:30]),                     # truncated
    (0.005, arp_reply("00:1b:a9:00:00:24", "198.18.1.24", htype=6)),                 # IEEE 802 hardware
    (0.006, arp_reply("00:00:00:00:00:00", "198.18.1.25")),                          # no device sends this
    (0.007, mac(SCANNER) + mac("00:1b:a9:00:00:26") + b"\x08\x06" + bytes(10)),      # ARP type, short body
    (0.008, mac(SCANNER) + mac("00:1b:a9:00:00:27") + b"\x08\x00" + bytes(46)),      # IPv4, not ARP
])


def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def dhcp_frame(client, overload_option):
    p = bytearray(236)
    p[0:4] = b"\x01\x01\x06\x00"
    p[4:8] = b"\x00\x00\x52\x52"
    p[28:34] = mac(client)
    sname = bytes.fromhex("3c0b48502d4a65744469726563" "ff")      # vendor class "HP-JetDirec"
    file_ = bytes.fromhex("0c0a7072696e7465722d3031" "370401030f06" "ff")  # "printer-01", PRL 1 3 15 6
    p[44:44 + len(sname)] = sname
    p[108:108 + len(file_)] = file_
    p += bytes.fromhex("63825363" "350101") + overload_option + b"\xff"
    udp = struct.pack(">HHHH", 68, 67, 8 + len(p), 0) + bytes(p)
    ip = bytearray(struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0, bytes(4), b"\xff" * 4))
    ip[10:12] = struct.pack(">H", checksum(bytes(ip)))
    return mac("ff:ff:ff:ff:ff:ff") + mac(client) + b"\x08\x00" + bytes(ip) + udp


write("dhcp-overload.pcap", [
    (0.0, dhcp_frame("00:1b:a9:00:00:21", bytes.fromhex("340103"))),
    (0.5, dhcp_frame("00:1b:a9:00:00:22", bytes.fromhex("34020303"))),  # option 52 of length 2: malformed
])
