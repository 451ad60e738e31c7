#!/usr/bin/env python3
"""UDP delay proxy for the SNMP bench: listens on 127.0.0.1:FIRST..FIRST+N-1 and forwards every
datagram to one agent, adding DELAY ms each way, so loopback behaves like a LAN switch (1-50 ms).
Used instead of tc netem where the sch_netem module is missing. Runs until killed.
usage: snmp_delay_proxy.py FIRST_PORT COUNT AGENT_PORT DELAY_MS"""
import asyncio
import sys


class Upstream(asyncio.DatagramProtocol):
    def __init__(self, front, client, delay):
        self.front, self.client, self.delay = front, client, delay

    def datagram_received(self, data, addr):
        loop = asyncio.get_running_loop()
        loop.call_later(self.delay, self.front.sendto, data, self.client)


class Front(asyncio.DatagramProtocol):
    def __init__(self, agent, delay):
        self.agent, self.delay, self.upstreams = agent, delay, {}

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, client):
        asyncio.get_running_loop().create_task(self.forward(data, client))

    async def forward(self, data, client):
        up = self.upstreams.get(client)
        if up is None:  # one upstream socket per client socket, so answers find their way back
            up, _ = await asyncio.get_running_loop().create_datagram_endpoint(
                lambda: Upstream(self.transport, client, self.delay), remote_addr=self.agent)
            self.upstreams[client] = up
        asyncio.get_running_loop().call_later(self.delay, up.sendto, data)


async def main():
    first, count, agent_port, delay_ms = (int(a) for a in sys.argv[1:5])
    loop = asyncio.get_running_loop()
    for port in range(first, first + count):
        await loop.create_datagram_endpoint(lambda: Front(("127.0.0.1", agent_port), delay_ms / 1000.0),
                                            local_addr=("127.0.0.1", port))
    print("ready", flush=True)
    await asyncio.Event().wait()


asyncio.run(main())
