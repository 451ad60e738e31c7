#pragma once
// TCP connect probes of a short list of telling ports, with bounded concurrency (in all and per
// host) and timeouts: open ports, the SSH banner, the HTTP Server header and page title from one
// bounded GET /, and the greeting of telnet/FTP. One Observation (source "tcp") per host with an
// open port. Connect-only: no SYN scanning, nothing a service would log as an attack.
#include <chrono>
#include <cstdint>
#include <set>
#include <vector>

#include "collectors/collector.hpp"

namespace nd {

struct TcpProbeOptions {
    std::vector<std::uint16_t> ports{21, 22, 23, 80, 443, 445, 515, 554, 631, 3389, 5060, 5061, 8080, 9100};
    std::set<std::uint16_t> ssh_ports{22};
    std::set<std::uint16_t> http_ports{80, 8080};  // TLS (443) is left out: no handshake for now
    std::set<std::uint16_t> greeting_ports{21, 23};
    std::chrono::milliseconds connect_timeout{1500};
    std::chrono::milliseconds read_timeout{2000};
    std::size_t max_concurrent = 64;  // connections in flight in all
    std::size_t per_host = 4;         // connections in flight per host: printers and phones are small
    std::size_t max_response = 16384;
    std::int64_t scan_id = 0;
    RateLimit* rate = nullptr;        // the scan's global packet rate: one token per SYN (connect)
    HostSlots* host_slots = nullptr;  // the scan's per-host limit, shared with the other collectors
};

struct TcpProbeResult {
    CollectorStats stats;  // sent: connection attempts; received: open ports; timeouts
    std::uint64_t hosts_with_open_ports = 0;
    std::chrono::duration<double> elapsed{};
};

class TcpProbe {
public:
    explicit TcpProbe(TcpProbeOptions options) : options_(std::move(options)) {}
    // Runs on its own io_context until every (host, port) is decided; emits as hosts complete.
    TcpProbeResult probe(const std::vector<Ipv4Address>& hosts, ObservationSink& sink);

private:
    TcpProbeOptions options_;
};

}  // namespace nd
