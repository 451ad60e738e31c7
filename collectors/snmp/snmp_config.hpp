#pragma once
// SNMP credentials and walk limits: the [snmp] section of the config and the identify/scan flags.
// Secrets (communities, v3 passphrases) live only in Secret, which never prints its value:
// to_string(), logs and exception messages show the credential's name, never what it holds.
#include <toml++/toml.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nd {

class RateLimit;  // collectors/collector.hpp

// A community or passphrase. Printing it (to_string, streams, fmt) yields "<redacted>".
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string value) : value_(std::move(value)) {}
    // The only way to the clear text; call it where the bytes go into a PDU, nowhere else.
    const std::string& reveal() const { return value_; }
    bool empty() const { return value_.empty(); }
    std::size_t size() const { return value_.size(); }
    bool operator==(const Secret&) const = default;

private:
    std::string value_;
};
std::string to_string(const Secret& secret);  // "<redacted>" or "<empty>"

enum class SnmpVersion { kV1, kV2c, kV3 };
enum class SnmpSecurityLevel { kNoAuthNoPriv, kAuthNoPriv, kAuthPriv };
enum class SnmpAuthProtocol { kMd5, kSha, kSha224, kSha256, kSha384, kSha512 };
enum class SnmpPrivProtocol { kDes, kAes, kAes192, kAes256 };

std::string_view to_string(SnmpVersion v);        // "1", "2c", "3"
std::string_view to_string(SnmpSecurityLevel l);  // "noAuthNoPriv", ...
std::string_view to_string(SnmpAuthProtocol p);   // "MD5", "SHA", "SHA-224", ...
std::string_view to_string(SnmpPrivProtocol p);   // "DES", "AES", "AES-192", "AES-256"
// Lenient spellings ("2c", "v2c"; "sha256", "SHA-256"; "authpriv"); nullopt when unknown.
std::optional<SnmpVersion> parse_snmp_version(std::string_view text);
std::optional<SnmpSecurityLevel> parse_security_level(std::string_view text);
std::optional<SnmpAuthProtocol> parse_auth_protocol(std::string_view text);
std::optional<SnmpPrivProtocol> parse_priv_protocol(std::string_view text);

struct SnmpCredential {
    std::string name;  // what the store and the logs remember: "office-ro", "core-v3"
    SnmpVersion version = SnmpVersion::kV2c;
    Secret community;  // v1 / v2c
    // v3 (USM)
    std::string user;
    SnmpSecurityLevel level = SnmpSecurityLevel::kNoAuthNoPriv;
    SnmpAuthProtocol auth_protocol = SnmpAuthProtocol::kSha;
    Secret auth_passphrase;
    SnmpPrivProtocol priv_protocol = SnmpPrivProtocol::kAes;
    Secret priv_passphrase;
    std::string context;  // v3 context name; usually empty
    bool operator==(const SnmpCredential&) const = default;
};

// Redacting printer: "office-ro (v2c, community <redacted>)", "core-v3 (v3 user ops authPriv SHA-256/AES)".
std::string to_string(const SnmpCredential& credential);

// A v1/v2c credential from a command-line community; name defaults to "community-N" from the caller.
SnmpCredential community_credential(std::string name, std::string community,
                                    SnmpVersion version = SnmpVersion::kV2c);

// Checks a credential for completeness (v3 passphrases long enough for net-snmp's key
// derivation, >= 8 bytes; level consistent). Returns "" when fine, else a one-line problem
// that names the field and never its value.
std::string validate_credential(const SnmpCredential& credential);

// Reads a secret kept outside the config: a file (its first line, trailing CR/LF and spaces
// dropped) or an environment variable. Throws std::runtime_error naming the path or variable,
// never the content, when it is missing, unreadable or empty.
Secret read_secret_file(const std::string& path);
Secret read_secret_env(const std::string& variable);

// `--community-file FILE`: v1/v2c communities kept off the command line (where `ps` shows them).
// One per line, tried in order; "NAME=COMMUNITY" names it (NAME: letters, digits, '-', '_', '.'),
// else it is named "community-file-N" (N counts the file's communities from 1). Blank lines and
// lines starting with '#' are skipped; trailing CR/spaces are dropped. Throws std::runtime_error
// naming the path (and line), never a community, when unreadable or holding none.
std::vector<SnmpCredential> read_community_file(const std::string& path,
                                                SnmpVersion version = SnmpVersion::kV2c);

struct SnmpWalkLimits {
    std::size_t max_oids_per_table = 20000;           // an endless table stops here, with a warning
    std::size_t max_oids_per_device = 100000;         // all subtrees together
    std::size_t max_value_size = 65535;               // bytes; larger values are cut, with a warning
    std::chrono::milliseconds max_walk_time{120000};  // per device, all subtrees
    bool operator==(const SnmpWalkLimits&) const = default;
};

struct SnmpOptions {
    std::vector<SnmpCredential> credentials;  // tried in order per host; first that answers wins
    std::chrono::milliseconds timeout{1000};  // per request
    int retries = 1;                          // per request, after the first try (each one paced)
    // For the credential probe; -1: as `retries`. VLAN contexts use 0: a silent one costs one wait.
    int probe_retries = -1;
    int bulk_repetitions = 10;  // GETBULK rows per subtree (> 10 overflows snmpsim replies, LAB-NOTES)
    // One GETBULK carries several subtrees (one varbind each, up to 16), asking for at most this
    // many varbinds in all: repetitions = this / subtrees, capped by bulk_repetitions. An empty
    // subtree then costs one varbind of a shared request instead of a round trip of its own.
    // Subtrees that already gave bulk_repetitions rows (long tables) may fill it alone, so this, not
    // bulk_repetitions, bounds a reply's size; after a lost answer a host keeps bulk_repetitions.
    // 1 turns it off (one subtree per request).
    int bulk_varbinds = 40;
    int max_concurrent_hosts = 64;
    // Requests in flight per host, at most (`identify` allows 4; `scan` keeps 1 unless scan.max_per_host
    // and this allow more): more hide a long path's round trips, but an agent that answers one request at
    // a time only queues them, so each walk settles on what its agent's pace is worth (RequestWidth, from
    // the timing of its first requests).
    int subtrees_in_flight = 1;
    // Cisco switches answer the MAC table per VLAN context (community@VLAN, v3 context vlan-N): at
    // most this many VLANs are walked per switch (0 turns it off), a few at a time.
    // They start as soon as the switch's walk has read its VLAN list, alongside the rest of it, one
    // request in flight per context.
    std::size_t max_vlan_contexts = 64;
    int vlan_walks_in_flight = 4;
    std::uint16_t port = 161;  // default agent port
    SnmpWalkLimits limits;
    // The scan's global packet rate: every request PDU (probe, GETBULK/GETNEXT, v3 discovery, each
    // retry) takes a token first. Not owned; null: unpaced (identify, tests).
    RateLimit* rate = nullptr;
    bool operator==(const SnmpOptions&) const = default;
};

// Redacting summary for --check-config and debug logs; lists credential names, never secrets.
std::string to_string(const SnmpOptions& options);

// Parses the [snmp] table. Throws ConfigError "FILE: snmp.KEY: problem" for unknown keys,
// wrong types and out-of-range values; secrets are never part of the message.
//   timeout_ms, retries, max_repetitions, max_varbinds_per_request, max_concurrent_hosts,
//   subtrees_in_flight, port, max_vlan_contexts, max_oids_per_table, max_oids_per_device, max_value_size,
//   max_walk_seconds,
//   [[snmp.credentials]] name, version ("1"|"2c"|"3"), community | community_file | community_env,
//   user, security_level, auth_protocol, auth_pass | auth_pass_file | auth_pass_env,
//   priv_protocol, priv_pass | priv_pass_file | priv_pass_env, context
SnmpOptions parse_snmp_options(const toml::table& snmp, std::string_view file);

}  // namespace nd
