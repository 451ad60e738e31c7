#pragma once
// Everything that touches net-snmp's C API directly: one-time library set-up (no MIBs, no config
// files, no persistent state, logs routed to spdlog), opening a single-API session from a
// credential, and converting varbinds to SnmpValue. The rest of the collector stays plain C++.
#include <chrono>
#include <memory>
#include <string>

#include "collectors/snmp/snmp_config.hpp"
#include "model/snmp_value.hpp"

struct variable_list;
struct snmp_pdu;

namespace nd {

// Idempotent and thread-safe; every entry point of the collector calls it.
void ensure_netsnmp_initialised();

struct SnmpTarget {
    std::string host;  // IPv4 address (or a name net-snmp resolves)
    std::uint16_t port = 161;
    std::string to_string() const { return host + ":" + std::to_string(port); }
    bool operator==(const SnmpTarget&) const = default;
};
// "198.18.0.5", "127.0.0.1:16161"; nullopt when the port is not a number.
std::optional<SnmpTarget> parse_snmp_target(std::string_view text, std::uint16_t default_port);

struct SessionCloser {
    void operator()(void* session) const;
};
using SessionHandle = std::unique_ptr<void, SessionCloser>;

// Opens a single-API session (snmp_sess_open) without waiting on the network. A v3 credential
// needs the agent's engine ID (`engine_id`, from the discovery below): with it the user's keys are
// localised at once and net-snmp's own blocking discovery is skipped. On failure returns nullptr
// and sets `error` (no secrets in it).
SessionHandle open_session(const SnmpTarget& target, const SnmpCredential& credential,
                           std::chrono::milliseconds timeout, int retries, std::string& error,
                           const std::string& engine_id = {});
// RFC 3414 4. engine-ID discovery, asynchronously: a v3 session with no user, on which
// discovery_pdu() is sent like any request; the agent's Report carries its engine ID
// (reported_engine_id()). A silent agent only costs that request's timeout, in the poller.
SessionHandle open_discovery_session(const SnmpTarget& target, std::chrono::milliseconds timeout, int retries,
                                     std::string& error);
snmp_pdu* discovery_pdu();
std::string reported_engine_id(const snmp_pdu& report);

SnmpValue to_snmp_value(const variable_list& vb);
Oid to_oid(const variable_list& vb);

}  // namespace nd
