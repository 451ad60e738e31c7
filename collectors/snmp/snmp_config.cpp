#include "collectors/snmp/snmp_config.hpp"

#include <set>
#include <stdexcept>

#include "model/config_error.hpp"

namespace nd {
namespace {

// Error helper: every message is "FILE: snmp.PATH: problem".
struct Where {
    std::string_view file;
    std::string path;
    [[noreturn]] void fail(std::string_view key, const std::string& problem) const {
        throw ConfigError(std::string(file) + ": " + path + (key.empty() ? "" : ".") + std::string(key) +
                          ": " + problem);
    }
};

void reject_unknown_keys(const toml::table& table, const std::set<std::string_view>& known, const Where& at) {
    for (const auto& [key, node] : table) {
        if (!known.contains(key.str())) at.fail(key.str(), "unknown key");
    }
}

std::optional<std::int64_t> get_int(const toml::table& table, std::string_view key, std::int64_t min,
                                    std::int64_t max, const Where& at) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* integer = node->as_integer();
    if (integer == nullptr) at.fail(key, "must be an integer");
    const std::int64_t v = integer->get();
    if (v < min || v > max) {
        at.fail(key,
                "must be " + std::to_string(min) + ".." + std::to_string(max) + ", got " + std::to_string(v));
    }
    return v;
}

// Plain strings (names, protocols) may be echoed in errors; secrets go through get_secret.
std::optional<std::string> get_string(const toml::table& table, std::string_view key, const Where& at) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* str = node->as_string();
    if (str == nullptr) at.fail(key, "must be a string");
    return str->get();
}

// One secret from exactly one of KEY, KEY_file, KEY_env.
std::optional<Secret> get_secret(const toml::table& table, const std::string& key, const Where& at) {
    const std::string file_key = key + "_file";
    const std::string env_key = key + "_env";
    const int given = (table.contains(key) ? 1 : 0) + (table.contains(file_key) ? 1 : 0) +
                      (table.contains(env_key) ? 1 : 0);
    if (given == 0) return std::nullopt;
    if (given > 1) at.fail(key, "give only one of " + key + ", " + file_key + ", " + env_key);
    if (table.contains(key)) {
        const auto* str = table.get(key)->as_string();
        if (str == nullptr) at.fail(key, "must be a string");
        if (str->get().empty()) at.fail(key, "is empty");
        return Secret(str->get());
    }
    const bool from_file = table.contains(file_key);
    const std::string& used = from_file ? file_key : env_key;
    const auto* str = table.get(used)->as_string();
    if (str == nullptr || str->get().empty()) at.fail(used, "must be a non-empty string");
    try {
        return from_file ? read_secret_file(str->get()) : read_secret_env(str->get());
    } catch (const std::runtime_error& e) {
        at.fail(used, e.what());
    }
}

SnmpCredential parse_credential(const toml::table& table, const Where& at, std::size_t index) {
    static const std::set<std::string_view> kKnown = {
        "name",          "version",        "community",      "community_file",
        "community_env", "user",           "security_level", "auth_protocol",
        "auth_pass",     "auth_pass_file", "auth_pass_env",  "priv_protocol",
        "priv_pass",     "priv_pass_file", "priv_pass_env",  "context"};
    reject_unknown_keys(table, kKnown, at);
    SnmpCredential c;
    c.name = get_string(table, "name", at).value_or("credential-" + std::to_string(index + 1));
    if (c.name.empty()) at.fail("name", "is empty");
    if (auto v = get_string(table, "version", at)) {
        auto parsed = parse_snmp_version(*v);
        if (!parsed) at.fail("version", "must be \"1\", \"2c\" or \"3\", got \"" + *v + "\"");
        c.version = *parsed;
    }
    if (auto s = get_secret(table, "community", at)) c.community = *s;
    if (auto u = get_string(table, "user", at)) c.user = *u;
    if (auto ctx = get_string(table, "context", at)) c.context = *ctx;
    if (auto a = get_secret(table, "auth_pass", at)) c.auth_passphrase = *a;
    if (auto p = get_secret(table, "priv_pass", at)) c.priv_passphrase = *p;
    if (auto l = get_string(table, "security_level", at)) {
        auto parsed = parse_security_level(*l);
        if (!parsed)
            at.fail("security_level", "must be noAuthNoPriv, authNoPriv or authPriv, got \"" + *l + "\"");
        c.level = *parsed;
    } else if (c.version == SnmpVersion::kV3) {
        // Infer the level from the secrets given: the least surprising default.
        c.level = !c.priv_passphrase.empty()   ? SnmpSecurityLevel::kAuthPriv
                  : !c.auth_passphrase.empty() ? SnmpSecurityLevel::kAuthNoPriv
                                               : SnmpSecurityLevel::kNoAuthNoPriv;
    }
    if (auto a = get_string(table, "auth_protocol", at)) {
        auto parsed = parse_auth_protocol(*a);
        if (!parsed)
            at.fail("auth_protocol",
                    "must be MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512, got \"" + *a + "\"");
        c.auth_protocol = *parsed;
    }
    if (auto p = get_string(table, "priv_protocol", at)) {
        auto parsed = parse_priv_protocol(*p);
        if (!parsed) at.fail("priv_protocol", "must be DES, AES, AES-192 or AES-256, got \"" + *p + "\"");
        c.priv_protocol = *parsed;
    }
    if (c.version != SnmpVersion::kV3) {
        for (std::string_view k :
             {"user", "security_level", "auth_pass", "priv_pass", "auth_protocol", "priv_protocol"}) {
            if (table.contains(k) || table.contains(std::string(k) + "_file") ||
                table.contains(std::string(k) + "_env")) {
                at.fail(k, "only valid with version = \"3\"");
            }
        }
    } else if (table.contains("community") || table.contains("community_file") ||
               table.contains("community_env")) {
        at.fail("community", "not used by version 3 (give user and passphrases)");
    }
    if (std::string problem = validate_credential(c); !problem.empty()) at.fail("", problem);
    return c;
}

}  // namespace

SnmpOptions parse_snmp_options(const toml::table& snmp, std::string_view file) {
    static const std::set<std::string_view> kKnown = {"timeout_ms",
                                                      "retries",
                                                      "max_repetitions",
                                                      "max_varbinds_per_request",
                                                      "max_concurrent_hosts",
                                                      "subtrees_in_flight",
                                                      "port",
                                                      "max_oids_per_table",
                                                      "max_oids_per_device",
                                                      "max_value_size",
                                                      "max_walk_seconds",
                                                      "max_vlan_contexts",
                                                      "credentials"};
    const Where at{file, "snmp"};
    reject_unknown_keys(snmp, kKnown, at);
    SnmpOptions local;  // applied only when all of it is valid
    if (auto v = get_int(snmp, "timeout_ms", 10, 60000, at)) local.timeout = std::chrono::milliseconds(*v);
    if (auto v = get_int(snmp, "retries", 0, 10, at)) local.retries = static_cast<int>(*v);
    if (auto v = get_int(snmp, "max_repetitions", 1, 50, at)) local.bulk_repetitions = static_cast<int>(*v);
    if (auto v = get_int(snmp, "max_varbinds_per_request", 1, 200, at))
        local.bulk_varbinds = static_cast<int>(*v);
    if (auto v = get_int(snmp, "max_concurrent_hosts", 1, 1000, at))
        local.max_concurrent_hosts = static_cast<int>(*v);
    if (auto v = get_int(snmp, "subtrees_in_flight", 1, 8, at))
        local.subtrees_in_flight = static_cast<int>(*v);
    if (auto v = get_int(snmp, "max_vlan_contexts", 0, 4094, at))
        local.max_vlan_contexts = static_cast<std::size_t>(*v);
    if (auto v = get_int(snmp, "port", 1, 65535, at)) local.port = static_cast<std::uint16_t>(*v);
    if (auto v = get_int(snmp, "max_oids_per_table", 1, 10000000, at)) local.limits.max_oids_per_table = *v;
    if (auto v = get_int(snmp, "max_oids_per_device", 1, 10000000, at)) local.limits.max_oids_per_device = *v;
    if (auto v = get_int(snmp, "max_value_size", 16, 1 << 20, at)) local.limits.max_value_size = *v;
    if (auto v = get_int(snmp, "max_walk_seconds", 1, 3600, at))
        local.limits.max_walk_time = std::chrono::seconds(*v);
    if (const toml::node* node = snmp.get("credentials")) {
        const auto* array = node->as_array();
        if (array == nullptr) at.fail("credentials", "must be an array of tables ([[snmp.credentials]])");
        std::set<std::string> names;
        for (std::size_t i = 0; i < array->size(); ++i) {
            const Where item{file, "snmp.credentials[" + std::to_string(i) + "]"};
            const auto* table = array->get(i)->as_table();
            if (table == nullptr) item.fail("", "must be a table");
            SnmpCredential c = parse_credential(*table, item, i);
            if (!names.insert(c.name).second)
                item.fail("name", "duplicate credential name \"" + c.name + "\"");
            local.credentials.push_back(std::move(c));
        }
    }
    return local;
}

}  // namespace nd
