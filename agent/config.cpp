#include "agent/config.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "model/config_error.hpp"

namespace nd {
namespace {

struct Section {
    std::string_view file;
    std::string_view name;
    [[noreturn]] void fail(std::string_view key, const std::string& problem) const {
        throw ConfigError(std::string(file) + ": " + std::string(name) + (key.empty() ? "" : ".") +
                          std::string(key) + ": " + problem);
    }
    void reject_unknown(const toml::table& table, const std::set<std::string_view>& known) const {
        for (const auto& [key, node] : table) {
            if (!known.contains(key.str())) fail(key.str(), "unknown key");
        }
    }
    std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, std::int64_t min,
                                        std::int64_t max) const {
        const auto* node = t.get(key);
        if (node == nullptr) return std::nullopt;
        const auto* v = node->as_integer();
        if (v == nullptr) fail(key, "must be an integer");
        if (v->get() < min || v->get() > max) {
            fail(key, "must be " + std::to_string(min) + ".." + std::to_string(max) + ", got " +
                          std::to_string(v->get()));
        }
        return v->get();
    }
    std::optional<bool> boolean(const toml::table& t, std::string_view key) const {
        const auto* node = t.get(key);
        if (node == nullptr) return std::nullopt;
        const auto* v = node->as_boolean();
        if (v == nullptr) fail(key, "must be true or false");
        return v->get();
    }
    // "30m", "90s", "2h" or an integer number of seconds.
    std::optional<std::chrono::seconds> duration(const toml::table& t, std::string_view key,
                                                 std::chrono::seconds max) const {
        const auto* node = t.get(key);
        if (node == nullptr) return std::nullopt;
        std::optional<std::chrono::seconds> value;
        if (const auto* i = node->as_integer()) {
            if (i->get() >= 0 && i->get() <= max.count()) value = std::chrono::seconds(i->get());
        } else if (const auto* s = node->as_string()) {
            value = parse_duration(s->get());
        } else {
            fail(key, "must be a duration like \"30m\", \"90s\", \"2h\" or a number of seconds");
        }
        if (!value || *value > max) {
            fail(key, "must be a duration from 0 to " + std::to_string(max.count()) +
                          " s, like \"30m\", \"90s\" or \"2h\"");
        }
        return value;
    }
    std::optional<std::string> string(const toml::table& t, std::string_view key) const {
        const auto* node = t.get(key);
        if (node == nullptr) return std::nullopt;
        const auto* v = node->as_string();
        if (v == nullptr) fail(key, "must be a string");
        if (v->get().empty()) fail(key, "must not be empty");
        return v->get();
    }
    std::vector<Ipv4Network> networks(const toml::table& t, std::string_view key) const {
        std::vector<Ipv4Network> out;
        const auto* node = t.get(key);
        if (node == nullptr) return out;
        const auto* array = node->as_array();
        if (array == nullptr) fail(key, "must be an array of CIDR strings like [\"192.0.2.0/24\"]");
        for (const auto& element : *array) {
            const auto* s = element.as_string();
            if (s == nullptr) fail(key, "must be an array of CIDR strings like [\"192.0.2.0/24\"]");
            const auto parsed = Ipv4Network::parse(s->get());
            if (!parsed) fail(key, "\"" + s->get() + "\" is not an IPv4 address or CIDR");
            if (parsed->network() != Ipv4Address::parse(s->get().substr(0, s->get().find('/')))) {
                fail(key,
                     "\"" + s->get() + "\" has host bits set (did you mean " + parsed->to_string() + "?)");
            }
            out.push_back(*parsed);
        }
        return out;
    }
};

const toml::table* subtable(const toml::table& root, std::string_view name, std::string_view file) {
    const auto* node = root.get(name);
    if (node == nullptr) return nullptr;
    const auto* table = node->as_table();
    if (table == nullptr)
        throw ConfigError(std::string(file) + ": " + std::string(name) + ": must be a table ([" +
                          std::string(name) + "])");
    return table;
}

bool has_inline_secret(const toml::table& snmp) {
    const auto* credentials = snmp.get_as<toml::array>("credentials");
    if (credentials == nullptr) return false;
    for (const auto& element : *credentials) {
        const auto* t = element.as_table();
        if (t != nullptr &&
            (t->contains("community") || t->contains("auth_pass") || t->contains("priv_pass"))) {
            return true;
        }
    }
    return false;
}

DaemonSettings parse_daemon(const toml::table& table, std::string_view file) {
    const Section at{file, "daemon"};
    at.reject_unknown(table, {"schedule", "jitter", "onboarding", "passive", "keep_observations_days",
                              "keep_scan_details_days", "keep_last_scans"});
    DaemonSettings out;
    if (auto v = at.string(table, "schedule")) {
        const auto parsed = parse_schedule(*v);
        if (!parsed) {
            at.fail("schedule", "\"" + *v +
                                    "\" is not a schedule; use \"HH:MM\" (daily), \"mon-fri HH:MM\" "
                                    "(chosen weekdays) or \"every 6h\" (an interval: s, m, h, d)");
        }
        out.schedule = *parsed;
    }
    const bool interval = out.schedule.interval();
    // Jitter spreads many sites' sweeps; it must leave the schedule recognisable.
    const auto max_jitter = interval ? out.schedule.every : std::chrono::seconds(6 * 3600);
    if (auto v = at.duration(table, "jitter", std::chrono::seconds(30LL * 86400))) {
        if (*v > max_jitter || (interval && *v >= out.schedule.every)) {
            at.fail("jitter", std::to_string(v->count()) + " s is too long for the schedule (" +
                                  (interval ? "less than the interval" : "at most 6 h") + ")");
        }
        out.schedule.jitter = *v;
    }
    if (auto v = at.boolean(table, "onboarding")) out.onboarding = *v;
    if (auto v = at.boolean(table, "passive")) out.passive = *v;
    if (auto v = at.integer(table, "keep_observations_days", 0, 3650))
        out.retention.observation_days = static_cast<int>(*v);
    if (auto v = at.integer(table, "keep_scan_details_days", 0, 3650))
        out.retention.scan_detail_days = static_cast<int>(*v);
    if (auto v = at.integer(table, "keep_last_scans", 1, 1000)) out.retention.keep_scans = static_cast<int>(*v);
    return out;
}

}  // namespace

ScanOptions scan_options_from(const AgentConfig& config) {
    ScanOptions o;
    o.site_name = config.site_name;
    o.targets = config.scan.targets;
    o.exclude = config.scan.exclude;
    o.interface = config.scan.interface;
    o.rate_pps = config.scan.rate_pps;
    o.retries = config.scan.retries;
    o.reply_timeout = config.scan.reply_timeout;
    o.max_prefix = config.scan.max_prefix;
    o.max_per_host = config.scan.max_per_host;
    o.store_path = config.store_path;
    o.gone_after_scans = config.gone_after_scans;
    o.snmp = config.snmp;
    return o;
}

AgentConfig parse_config(std::string_view text, std::string_view file) {
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        throw ConfigError(std::string(file) + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
    }
    AgentConfig local;  // filled completely before anything is handed back
    for (const auto& [key, node] : root) {
        static const std::set<std::string_view> kSections = {"site", "scan", "store", "snmp", "daemon"};
        if (!kSections.contains(key.str())) {
            throw ConfigError(std::string(file) + ": " + std::string(key.str()) + ": unknown section");
        }
    }
    if (const auto* site = subtable(root, "site", file)) {
        const Section at{file, "site"};
        at.reject_unknown(*site, {"name"});
        local.site_name = at.string(*site, "name").value_or("");
    }
    if (const auto* scan = subtable(root, "scan", file)) {
        const Section at{file, "scan"};
        at.reject_unknown(
            *scan, {"targets", "exclude", "interface", "rate", "retries", "reply_timeout_ms", "max_prefix",
                    "max_per_host"});
        local.scan.targets = at.networks(*scan, "targets");
        local.scan.exclude = at.networks(*scan, "exclude");
        if (auto v = at.string(*scan, "interface")) {
            if (v->size() > 15 || v->find('/') != std::string::npos || v->find(' ') != std::string::npos) {
                at.fail("interface", "\"" + *v + "\" is not a valid interface name");
            }
            local.scan.interface = *v;
        }
        if (auto v = at.integer(*scan, "rate", 1, static_cast<std::int64_t>(kMaxRatePps))) {
            local.scan.rate_pps = static_cast<double>(*v);
        }
        if (auto v = at.integer(*scan, "retries", 0, 10)) local.scan.retries = static_cast<int>(*v);
        if (auto v = at.integer(*scan, "reply_timeout_ms", 10, 60000))
            local.scan.reply_timeout = std::chrono::milliseconds(*v);
        if (auto v = at.integer(*scan, "max_prefix", 8, 32)) local.scan.max_prefix = static_cast<int>(*v);
        if (auto v = at.integer(*scan, "max_per_host", 1, 64)) local.scan.max_per_host = static_cast<int>(*v);
    }
    if (const auto* store = subtable(root, "store", file)) {
        const Section at{file, "store"};
        at.reject_unknown(*store, {"path", "gone_after_scans"});
        if (auto v = at.string(*store, "path")) local.store_path = *v;
        if (auto v = at.integer(*store, "gone_after_scans", 1, 1000)) local.gone_after_scans = static_cast<int>(*v);
    }
    if (const auto* daemon = subtable(root, "daemon", file)) local.daemon = parse_daemon(*daemon, file);
    if (const auto* snmp = subtable(root, "snmp", file)) {
        local.snmp = parse_snmp_options(*snmp, file);
        local.has_inline_secrets = has_inline_secret(*snmp);
    }
    return local;
}

AgentConfig load_config(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError(name + ": cannot read the config file (" + std::string(std::strerror(errno)) + ")");
    std::ostringstream text;
    text << in.rdbuf();
    AgentConfig config = parse_config(text.str(), name);
    struct stat st {};
    if (config.has_inline_secrets && ::stat(name.c_str(), &st) == 0) {
        if ((st.st_mode & S_IROTH) != 0U) {
            throw ConfigError(name + ": holds SNMP secrets and is readable by everyone; run: chmod 600 " +
                              name);
        }
        if ((st.st_mode & S_IRGRP) != 0U) {
            config.warnings.push_back(
                name + ": holds SNMP secrets and is group-readable; consider: chmod 600 " + name);
        }
    }
    return config;
}

std::string describe(const AgentConfig& c) {
    std::ostringstream out;
    auto list = [](const std::vector<Ipv4Network>& nets) {
        std::string s;
        for (const auto& n : nets) s += (s.empty() ? "" : ", ") + n.to_string();
        return s.empty() ? std::string("(none)") : s;
    };
    out << "site:             " << (c.site_name.empty() ? "(unnamed)" : c.site_name) << "\n"
        << "scan.targets:     "
        << (c.scan.targets.empty() ? "(the subnets of the up interfaces)" : list(c.scan.targets)) << "\n"
        << "scan.exclude:     " << list(c.scan.exclude) << "\n"
        << "scan.interface:   " << (c.scan.interface.empty() ? "(per target)" : c.scan.interface) << "\n"
        << "scan.rate:        " << c.scan.rate_pps << " packets/s\n"
        << "scan.retries:     " << c.scan.retries << "\n"
        << "scan.reply_timeout_ms: " << c.scan.reply_timeout.count() << "\n"
        << "scan.max_per_host: " << c.scan.max_per_host << "\n"
        << "scan.max_prefix:  /" << c.scan.max_prefix << "\n"
        << "store.path:       " << c.store_path.string() << "\n"
        << "snmp:             " << to_string(c.snmp) << "\n"
        << "daemon.schedule:  " << c.daemon.schedule.describe() << "\n"
        << "daemon.onboarding: " << (c.daemon.onboarding ? "on" : "off") << "\n"
        << "daemon.passive:   " << (c.daemon.passive ? "on" : "off") << "\n"
        << "daemon.retention: observations " << c.daemon.retention.observation_days
        << " days, scan details " << c.daemon.retention.scan_detail_days << " days, last "
        << c.daemon.retention.keep_scans << " scans kept whole (0 days: forever)\n";
    return out.str();
}

}  // namespace nd
