// Credential spellings, validation, secret sources and the redacting printers.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "collectors/snmp/snmp_config.hpp"

namespace nd {
namespace {

std::string squash(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '-' || c == '_' || c == ' ') continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(std::string_view text,
                           const std::array<std::pair<std::string_view, Enum>, N>& table) {
    const std::string key = squash(text);
    for (const auto& [spelling, value] : table) {
        if (key == spelling) return value;
    }
    return std::nullopt;
}

}  // namespace

std::string to_string(const Secret& secret) { return secret.empty() ? "<empty>" : "<redacted>"; }

std::string_view to_string(SnmpVersion v) {
    switch (v) {
        case SnmpVersion::kV1:
            return "1";
        case SnmpVersion::kV2c:
            return "2c";
        case SnmpVersion::kV3:
            return "3";
    }
    return "?";
}

std::string_view to_string(SnmpSecurityLevel l) {
    switch (l) {
        case SnmpSecurityLevel::kNoAuthNoPriv:
            return "noAuthNoPriv";
        case SnmpSecurityLevel::kAuthNoPriv:
            return "authNoPriv";
        case SnmpSecurityLevel::kAuthPriv:
            return "authPriv";
    }
    return "?";
}

std::string_view to_string(SnmpAuthProtocol p) {
    switch (p) {
        case SnmpAuthProtocol::kMd5:
            return "MD5";
        case SnmpAuthProtocol::kSha:
            return "SHA";
        case SnmpAuthProtocol::kSha224:
            return "SHA-224";
        case SnmpAuthProtocol::kSha256:
            return "SHA-256";
        case SnmpAuthProtocol::kSha384:
            return "SHA-384";
        case SnmpAuthProtocol::kSha512:
            return "SHA-512";
    }
    return "?";
}

std::string_view to_string(SnmpPrivProtocol p) {
    switch (p) {
        case SnmpPrivProtocol::kDes:
            return "DES";
        case SnmpPrivProtocol::kAes:
            return "AES";
        case SnmpPrivProtocol::kAes192:
            return "AES-192";
        case SnmpPrivProtocol::kAes256:
            return "AES-256";
    }
    return "?";
}

std::optional<SnmpVersion> parse_snmp_version(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, SnmpVersion>, 6> kTable{
        {{"1", SnmpVersion::kV1},
         {"v1", SnmpVersion::kV1},
         {"2c", SnmpVersion::kV2c},
         {"v2c", SnmpVersion::kV2c},
         {"3", SnmpVersion::kV3},
         {"v3", SnmpVersion::kV3}}};
    return lookup(text, kTable);
}

std::optional<SnmpSecurityLevel> parse_security_level(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, SnmpSecurityLevel>, 3> kTable{
        {{"noauthnopriv", SnmpSecurityLevel::kNoAuthNoPriv},
         {"authnopriv", SnmpSecurityLevel::kAuthNoPriv},
         {"authpriv", SnmpSecurityLevel::kAuthPriv}}};
    return lookup(text, kTable);
}

std::optional<SnmpAuthProtocol> parse_auth_protocol(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, SnmpAuthProtocol>, 8> kTable{
        {{"md5", SnmpAuthProtocol::kMd5},
         {"sha", SnmpAuthProtocol::kSha},
         {"sha1", SnmpAuthProtocol::kSha},
         {"sha224", SnmpAuthProtocol::kSha224},
         {"sha256", SnmpAuthProtocol::kSha256},
         {"sha384", SnmpAuthProtocol::kSha384},
         {"sha512", SnmpAuthProtocol::kSha512},
         {"sha2", SnmpAuthProtocol::kSha256}}};
    return lookup(text, kTable);
}

std::optional<SnmpPrivProtocol> parse_priv_protocol(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, SnmpPrivProtocol>, 6> kTable{
        {{"des", SnmpPrivProtocol::kDes},
         {"aes", SnmpPrivProtocol::kAes},
         {"aes128", SnmpPrivProtocol::kAes},
         {"aes192", SnmpPrivProtocol::kAes192},
         {"aes256", SnmpPrivProtocol::kAes256},
         {"aes256c", SnmpPrivProtocol::kAes256}}};
    return lookup(text, kTable);
}

std::string to_string(const SnmpCredential& c) {
    std::string out = c.name + " (v" + std::string(to_string(c.version));
    if (c.version != SnmpVersion::kV3) return out + ", community " + to_string(c.community) + ")";
    out += " user " + c.user + " " + std::string(to_string(c.level));
    if (c.level != SnmpSecurityLevel::kNoAuthNoPriv) out += " " + std::string(to_string(c.auth_protocol));
    if (c.level == SnmpSecurityLevel::kAuthPriv) out += "/" + std::string(to_string(c.priv_protocol));
    if (!c.context.empty()) out += " context " + c.context;
    return out + ")";
}

SnmpCredential community_credential(std::string name, std::string community, SnmpVersion version) {
    SnmpCredential c;
    c.name = std::move(name);
    c.version = version;
    c.community = Secret(std::move(community));
    return c;
}

std::string validate_credential(const SnmpCredential& c) {
    if (c.name.empty()) return "credential has no name";
    if (c.version != SnmpVersion::kV3) {
        return c.community.empty() ? "credential \"" + c.name + "\": community is missing" : "";
    }
    if (c.user.empty()) return "credential \"" + c.name + "\": user is missing (v3)";
    // net-snmp derives keys from passphrases and refuses ones shorter than 8 bytes (RFC 3414 11.2).
    if (c.level != SnmpSecurityLevel::kNoAuthNoPriv && c.auth_passphrase.size() < 8) {
        return "credential \"" + c.name + "\": auth passphrase must be at least 8 characters for " +
               std::string(to_string(c.level));
    }
    if (c.level == SnmpSecurityLevel::kAuthPriv && c.priv_passphrase.size() < 8) {
        return "credential \"" + c.name + "\": priv passphrase must be at least 8 characters for authPriv";
    }
    return "";
}

Secret read_secret_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read secret file " + path);
    std::string line;
    std::getline(in, line);
    while (!line.empty() &&
           (line.back() == '\r' || line.back() == '\n' || line.back() == ' ' || line.back() == '\t')) {
        line.pop_back();
    }
    if (line.empty()) throw std::runtime_error("secret file " + path + " is empty");
    return Secret(std::move(line));
}

Secret read_secret_env(const std::string& variable) {
    const char* value = std::getenv(variable.c_str());  // NOLINT(concurrency-mt-unsafe): read at start-up
    if (value == nullptr || *value == '\0') {
        throw std::runtime_error("environment variable " + variable + " is not set or empty");
    }
    return Secret(value);
}

std::vector<SnmpCredential> read_community_file(const std::string& path, SnmpVersion version) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read community file " + path);
    std::vector<SnmpCredential> out;
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
        std::size_t start = 0;
        while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
        if (start == line.size() || line[start] == '#') continue;
        std::string entry = line.substr(start);
        std::string name = "community-file-" + std::to_string(out.size() + 1);
        if (const auto eq = entry.find('='); eq != std::string::npos && eq > 0) {
            const std::string label = entry.substr(0, eq);
            const bool is_name = std::all_of(label.begin(), label.end(), [](unsigned char c) {
                return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
            });
            if (is_name) {
                name = label;
                entry.erase(0, eq + 1);
            }
        }
        if (entry.empty()) {
            throw std::runtime_error("community file " + path + " line " + std::to_string(line_number) +
                                     ": credential \"" + name + "\" has an empty community");
        }
        for (const auto& c : out) {
            if (c.name == name) {
                throw std::runtime_error("community file " + path + " line " + std::to_string(line_number) +
                                         ": credential name \"" + name + "\" used twice");
            }
        }
        out.push_back(community_credential(std::move(name), std::move(entry), version));
    }
    if (out.empty()) throw std::runtime_error("community file " + path + " holds no community");
    return out;
}

std::string to_string(const SnmpOptions& o) {
    std::string out = "timeout " + std::to_string(o.timeout.count()) + " ms, retries " +
                      std::to_string(o.retries) + ", max-repetitions " + std::to_string(o.bulk_repetitions) +
                      ", " + std::to_string(o.bulk_varbinds) + " varbinds/request, " +
                      std::to_string(o.max_concurrent_hosts) + " hosts at a time, port " +
                      std::to_string(o.port) + ", limits " + std::to_string(o.limits.max_oids_per_table) +
                      " OIDs/table " + std::to_string(o.limits.max_oids_per_device) + " OIDs/device " +
                      std::to_string(o.limits.max_value_size) + " B/value " +
                      std::to_string(o.limits.max_walk_time.count() / 1000) + " s/device; credentials:";
    if (o.credentials.empty()) out += " none";
    for (const auto& c : o.credentials) out += " " + to_string(c) + ";";
    if (!o.credentials.empty()) out.pop_back();
    return out;
}

}  // namespace nd
