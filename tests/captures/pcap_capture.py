#!/usr/bin/env python3
"""Write every frame seen on IFACE for SECONDS to a pcap file (stdlib only; run inside a lab namespace).

usage: pcap_capture.py IFACE SECONDS OUT.pcap [MAX_FRAMES]
"""
import select
import socket
import struct
import sys
import time


def main():
    iface, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    max_frames = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
    s.bind((iface, 0))
    deadline = time.time() + seconds
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))  # LINKTYPE_ETHERNET
        n = 0
        while n < max_frames and time.time() < deadline:
            r, _, _ = select.select([s], [], [], max(0.0, deadline - time.time()))
            if not r:
                break
            frame, addr = s.recvfrom(65535)
            if addr[2] == socket.PACKET_OUTGOING:
                continue
            now = time.time()
            f.write(struct.pack("<IIII", int(now), int((now % 1) * 1e6), len(frame), len(frame)))
            f.write(frame)
            n += 1


if __name__ == "__main__":
    main()
