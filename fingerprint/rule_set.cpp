#include "fingerprint/rule_set.hpp"

#include <re2/set.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "fingerprint/regex_literals.hpp"
#include "model/config_error.hpp"

namespace nd::fp {
namespace {

// Reports problems as "file:line: where: what".
class Reader {
public:
    Reader(std::string file, std::unordered_map<std::string, Regex>& regexes)
        : file_(std::move(file)), regexes_(&regexes) {}

    [[noreturn]] void fail(const toml::node& node, const std::string& where, const std::string& what) const {
        throw ConfigError(file_ + ":" + std::to_string(node.source().begin.line) + ": " + where + ": " +
                          what);
    }

    // A list, not a std::set: this runs for every rule, and building a set of strings each time cost more
    // than the few comparisons.
    void check_keys(const toml::table& table, const std::string& where,
                    std::initializer_list<std::string_view> allowed) const {
        for (const auto& [key, value] : table) {
            if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
                fail(value, where, "unknown key '" + std::string(key.str()) + "'");
        }
    }

    std::string string(const toml::node& node, const std::string& where) const {
        if (auto s = node.value<std::string>()) return *s;
        fail(node, where, "expected a string");
    }

    double number(const toml::node& node, const std::string& where) const {
        if (auto d = node.value<double>()) return *d;
        fail(node, where, "expected a number");
    }

    // Checked once per distinct pattern; rules that repeat it share one Regex (compiled on first use).
    Regex regex(const toml::node& node, const std::string& where) const {
        auto pattern = string(node, where);
        if (auto it = regexes_->find(pattern); it != regexes_->end()) return it->second;
        const auto options = rule_regex_options();
        // Parsing is the syntax check (the same parser and message as RE2's constructor), without
        // compiling the program the Regex builds on first use.
        re2::RE2::Set check(options, re2::RE2::UNANCHORED);
        std::string error;
        if (check.Add(pattern, &error) < 0) fail(node, where, "bad regex '" + pattern + "': " + error);
        Regex re(pattern, options);
        regexes_->emplace(std::move(pattern), re);
        return re;
    }

    Oid oid(const toml::node& node, const std::string& where) const {
        auto text = string(node, where);
        auto parsed = Oid::parse(text);
        if (!parsed) fail(node, where, "not a numeric OID: '" + text + "'");
        return *parsed;
    }

    // A string or an array of strings.
    template <typename F>
    void each(const toml::node& node, const std::string& where, F&& f) const {
        if (auto* array = node.as_array()) {
            for (const auto& item : *array) f(item);
        } else {
            f(node);
        }
        (void)where;
    }

    OidSource oid_source(const toml::node& node, const std::string& where) const {
        OidSource source;
        if (auto* table = node.as_table()) {
            check_keys(*table, where, {"oid", "regex", "as", "unless", "not_in_sys_descr", "single_rows"});
            if (!table->contains("oid")) fail(node, where, "needs 'oid'");
            const auto& oid = *table->get("oid");
            source = oid_source_text(string(oid, where + ".oid"), oid, where + ".oid");
            if (auto* re = table->get("regex")) source.regex = regex(*re, where + ".regex");
            if (source.maker_scalar && !source.regex)
                fail(node, where, "maker.scalar needs a 'regex' saying which values it may take");
            if (auto* re = table->get("unless")) {
                if (!source.maker_scalar) fail(*re, where + ".unless", "only for oid = \"maker.scalar\"");
                source.unless = regex(*re, where + ".unless");
            }
            for (auto [key, flag] : {std::pair{"not_in_sys_descr", &source.not_in_sys_descr},
                                     std::pair{"single_rows", &source.single_rows}}) {
                auto* node = table->get(key);
                if (node == nullptr) continue;
                const std::string at = where + "." + key;
                if (!source.maker_scalar) fail(*node, at, "only for oid = \"maker.scalar\"");
                auto* value = node->as_boolean();
                if (value == nullptr) fail(*node, at, "expected true or false");
                *flag = value->get();
            }
            if (auto* as = table->get("as")) {
                if (string(*as, where + ".as") != "mac") fail(*as, where + ".as", "only \"mac\" is known");
                if (!source.entity_field.empty() || source.maker_scalar)
                    fail(*as, where + ".as", "needs an OID, not an entity field");
                source.as_mac = true;
            }
            return source;
        }
        source = oid_source_text(string(node, where), node, where);
        if (source.maker_scalar)
            fail(node, where, "maker.scalar needs a 'regex' saying which values it may take");
        return source;
    }

    OidSource oid_source_text(const std::string& text, const toml::node& node,
                              const std::string& where) const {
        OidSource source;
        source.text = text;
        if (text == "maker.scalar") {
            source.maker_scalar = true;
            return source;
        }
        if (source.text.starts_with("entity.")) {
            static const std::set<std::string> kEntity = {"model",    "serial", "software", "firmware",
                                                          "hardware", "descr",  "mfg",      "name"};
            source.entity_field = source.text.substr(7);
            if (!kEntity.contains(source.entity_field))
                fail(node, where, "unknown entity field '" + source.text + "'");
            return source;
        }
        auto parsed = Oid::parse(text);
        if (!parsed) fail(node, where, "not a numeric OID: '" + text + "'");
        source.oid = *parsed;
        return source;
    }

private:
    std::string file_;
    std::unordered_map<std::string, Regex>* regexes_;
};

const std::map<std::string, std::uint16_t>& lldp_capability_bits() {
    static const std::map<std::string, std::uint16_t> kBits = {
        {"other", 1},   {"repeater", 2},  {"bridge", 4},  {"wlan-ap", 8}, {"router", 16}, {"telephone", 32},
        {"docsis", 64}, {"station", 128}, {"cvlan", 256}, {"svlan", 512}, {"tpmr", 1024}};
    return kBits;
}

// `{ types = [94, 251], at_least = 4 }`: ifType numbers (IANAifType-MIB; 1..65535, as stored) and a row count
// (1 when left out).
InterfaceCondition interface_condition(const Reader& r, const toml::node& node, const std::string& where) {
    auto* table = node.as_table();
    if (table == nullptr) r.fail(node, where, "expected a table { types = [...], at_least = N }");
    r.check_keys(*table, where, {"types", "at_least"});
    InterfaceCondition out;
    auto* types = table->get_as<toml::array>("types");
    if (types == nullptr || types->empty())
        r.fail(table->contains("types") ? *table->get("types") : node, where + ".types",
               "expected a non-empty list of ifType numbers");
    for (const auto& item : *types) {
        auto n = item.value<std::int64_t>();
        if (!n || *n < 1 || *n > 65535)
            r.fail(item, where + ".types", "expected an ifType number in 1..65535");
        out.types.push_back(static_cast<std::uint16_t>(*n));
    }
    // Sorted for the matcher's binary search; a type listed twice would count its rows twice.
    std::sort(out.types.begin(), out.types.end());
    out.types.erase(std::unique(out.types.begin(), out.types.end()), out.types.end());
    if (auto* at_least = table->get("at_least")) {
        auto n = at_least->value<std::int64_t>();
        if (!n || *n < 1 || *n > 100000)
            r.fail(*at_least, where + ".at_least", "expected a count (1 or more)");
        out.at_least = static_cast<int>(*n);
    }
    return out;
}

void read_conditions(const Reader& r, const toml::table& when, Conditions& c, const std::string& where) {
    r.check_keys(when, where, {"sys_object_id",     "enterprise",
                               "sys_descr",         "sys_descr_not",
                               "oid_present",       "oid_any",
                               "oid_value",         "oui",
                               "hostname",          "cdp_platform",
                               "lldp_sys_descr",    "banner",
                               "dhcp_vendor_class", "mdns_service",
                               "mdns_txt",          "lldp_capability",
                               "lldp_med_class",    "open_port",
                               "dhcp_params",       "ttl",
                               "enterprise_not",    "min_ethernet_ports",
                               "interfaces",        "product_name",
                               "registrant",        "descr_maker",
                               "descr_after_maker"});
    for (const auto& [k, v] : when) {
        std::string key(k.str());
        std::string at = where + "." + key;
        if (key == "sys_object_id")
            r.each(v, at, [&](const toml::node& n) { c.sys_object_id.push_back(r.oid(n, at)); });
        else if (key == "oid_present")
            r.each(v, at, [&](const toml::node& n) { c.oid_present.push_back(r.oid(n, at)); });
        else if (key == "oid_any")
            r.each(v, at, [&](const toml::node& n) { c.oid_any.push_back(r.oid(n, at)); });
        else if (key == "enterprise" || key == "enterprise_not" || key == "open_port" ||
                 key == "lldp_med_class") {
            r.each(v, at, [&](const toml::node& n) {
                auto i = n.value<std::int64_t>();
                if (!i || *i < 0 || *i > 0xffffffffLL) r.fail(n, at, "expected a non-negative integer");
                if (key == "enterprise")
                    c.enterprise.push_back(static_cast<std::uint32_t>(*i));
                else if (key == "enterprise_not")
                    c.enterprise_not.push_back(static_cast<std::uint32_t>(*i));
                else if (key == "open_port")
                    c.open_port.push_back(static_cast<std::uint16_t>(*i));
                else
                    c.lldp_med_class.push_back(static_cast<int>(*i));
            });
        } else if (key == "sys_descr")
            c.sys_descr = r.regex(v, at);
        else if (key == "sys_descr_not")
            c.sys_descr_not = r.regex(v, at);
        else if (key == "product_name")
            c.product_name = r.regex(v, at);
        else if (key == "registrant")
            c.registrant = r.regex(v, at);
        else if (key == "descr_maker")
            c.descr_maker = r.regex(v, at);
        else if (key == "descr_after_maker")
            c.descr_after_maker = r.regex(v, at);
        else if (key == "oui")
            c.oui = r.regex(v, at);
        else if (key == "hostname")
            c.hostname = r.regex(v, at);
        else if (key == "cdp_platform")
            c.cdp_platform = r.regex(v, at);
        else if (key == "lldp_sys_descr")
            c.lldp_sys_descr = r.regex(v, at);
        else if (key == "banner")
            c.banner = r.regex(v, at);
        else if (key == "dhcp_vendor_class")
            c.dhcp_vendor_class = r.regex(v, at);
        else if (key == "dhcp_params")
            c.dhcp_params = r.string(v, at);
        else if (key == "mdns_service")
            r.each(v, at, [&](const toml::node& n) { c.mdns_service.push_back(r.string(n, at)); });
        else if (key == "lldp_capability") {
            r.each(v, at, [&](const toml::node& n) {
                auto name = r.string(n, at);
                auto it = lldp_capability_bits().find(name);
                if (it == lldp_capability_bits().end())
                    r.fail(n, at, "unknown LLDP capability '" + name + "'");
                c.lldp_capabilities |= it->second;
            });
        } else if (key == "mdns_txt" || key == "oid_value") {
            auto* table = v.as_table();
            if (table == nullptr) r.fail(v, at, "expected a table of key = regex");
            for (const auto& [tk, tv] : *table) {
                std::string sub = at + "." + std::string(tk.str());
                if (key == "mdns_txt") {
                    c.mdns_txt.emplace_back(ascii_lower(tk.str()), r.regex(tv, sub));
                } else {
                    auto source = r.oid_source_text(std::string(tk.str()), tv, sub);
                    if (source.maker_scalar)
                        r.fail(tv, sub, "maker.scalar reads a value; it is not a condition");
                    c.oid_value.push_back({std::move(source), r.regex(tv, sub)});
                }
            }
        } else if (key == "min_ethernet_ports") {
            auto n = v.value<std::int64_t>();
            if (!n || *n < 1 || *n > 100000) r.fail(v, at, "expected a port count (1 or more)");
            c.min_ethernet_ports = static_cast<int>(*n);
        } else if (key == "interfaces") {
            c.interfaces = interface_condition(r, v, at);
        } else if (key == "ttl") {
            auto* array = v.as_array();
            if (array == nullptr || array->size() != 2 || !array->get(0)->is_integer() ||
                !array->get(1)->is_integer())
                r.fail(v, at, "expected [min, max]");
            c.ttl = std::pair<int, int>(static_cast<int>(*array->get(0)->value<std::int64_t>()),
                                        static_cast<int>(*array->get(1)->value<std::int64_t>()));
        }
    }
}

Rule read_rule(const Reader& r, const toml::table& t, const std::string& file) {
    r.check_keys(t, "rule",
                 {"id", "why", "weight", "class_weight", "class", "vendor", "model", "firmware", "serial",
                  "os", "when", "from", "disabled"});
    Rule rule;
    rule.file = file;
    rule.line = static_cast<int>(t.source().begin.line);
    if (!t.contains("id")) r.fail(t, "rule", "needs an 'id'");
    rule.id = r.string(*t.get("id"), "rule.id");
    std::string where = "rule '" + rule.id + "'";
    if (auto* n = t.get("why")) rule.why = r.string(*n, where + ".why");
    if (auto* n = t.get("weight")) rule.weight = rule.class_weight = r.number(*n, where + ".weight");
    if (auto* n = t.get("class_weight")) rule.class_weight = r.number(*n, where + ".class_weight");
    if (rule.weight <= 0 || rule.weight > 1 || rule.class_weight <= 0 || rule.class_weight > 1)
        r.fail(t, where, "weights must be in (0, 1]");
    if (auto* n = t.get("class")) {
        auto text = r.string(*n, where + ".class");
        rule.device_class = device_class_from_string(text);
        if (!rule.device_class) r.fail(*n, where + ".class", "unknown class '" + text + "'");
    }
    for (std::size_t f = 0; f < kFieldNames.size(); ++f) {
        if (auto* n = t.get(kFieldNames[f])) rule.templates[f] = r.string(*n, where + "." + kFieldNames[f]);
    }
    if (auto* n = t.get("when")) {
        auto* when = n->as_table();
        if (when == nullptr) r.fail(*n, where + ".when", "expected a table");
        read_conditions(r, *when, rule.when, where + ".when");
    }
    if (auto* n = t.get("from")) {
        auto* from = n->as_table();
        if (from == nullptr) r.fail(*n, where + ".from", "expected a table");
        r.check_keys(*from, where + ".from", {"vendor", "model", "firmware", "serial", "os"});
        for (std::size_t f = 0; f < kFieldNames.size(); ++f) {
            if (auto* src = from->get(kFieldNames[f])) {
                std::string at = where + ".from." + kFieldNames[f];
                r.each(*src, at,
                       [&](const toml::node& s) { rule.from_oid[f].push_back(r.oid_source(s, at)); });
            }
        }
    }
    bool gives = rule.device_class.has_value();
    for (std::size_t f = 0; f < kFieldNames.size(); ++f)
        gives = gives || !rule.templates[f].empty() || !rule.from_oid[f].empty();
    if (!gives) r.fail(t, where, "gives nothing: set class, vendor, model, firmware, serial, os or from");
    return rule;
}

// `[[enterprise]] number = 9, vendor = "Cisco", class = "switch"`: weak evidence from the IANA number.
Rule enterprise_rule(const Reader& r, const toml::table& t, const std::string& file) {
    r.check_keys(t, "enterprise", {"number", "vendor", "class"});
    auto number = t.get("number") ? t.get("number")->value<std::int64_t>() : std::nullopt;
    if (!number || *number < 0) r.fail(t, "enterprise", "needs a non-negative 'number'");
    if (!t.contains("vendor")) r.fail(t, "enterprise", "needs a 'vendor'");
    Rule rule;
    rule.id = "enterprise-" + std::to_string(*number);
    rule.file = file;
    rule.line = static_cast<int>(t.source().begin.line);
    rule.when.enterprise.push_back(static_cast<std::uint32_t>(*number));
    rule.templates[static_cast<std::size_t>(Field::kVendor)] =
        r.string(*t.get("vendor"), "enterprise.vendor");
    rule.why = "sysObjectID is in enterprise " + std::to_string(*number) +
               " (IANA: " + rule.templates[static_cast<std::size_t>(Field::kVendor)] + ")";
    rule.weight = 0.5;
    rule.class_weight = 0.3;
    if (auto* n = t.get("class")) {
        auto text = r.string(*n, "enterprise.class");
        rule.device_class = device_class_from_string(text);
        if (!rule.device_class) r.fail(*n, "enterprise.class", "unknown class '" + text + "'");
    }
    return rule;
}

// `[[product_registry]] source = "CISCO-PRODUCTS-MIB", prefix = "1.3.6.1.4.1.9.1", products = { "359" =
// "catalyst2950t24" }`: a maker's own sysObjectID -> product name assignments (every product it registered,
// not a list of seen devices).
void read_product_registry(const Reader& r, const toml::table& t, RuleSet& set) {
    r.check_keys(t, "product_registry", {"source", "prefix", "weight", "products"});
    for (const char* key : {"source", "prefix", "products"}) {
        if (!t.contains(key)) r.fail(t, "product_registry", std::string("needs '") + key + "'");
    }
    auto source = r.string(*t.get("source"), "product_registry.source");
    auto prefix = r.oid(*t.get("prefix"), "product_registry.prefix").to_string();
    double weight = 0.4;
    if (auto* w = t.get("weight")) {
        weight = r.number(*w, "product_registry.weight");
        if (weight <= 0.0 || weight > 1.0) r.fail(*w, "product_registry.weight", "must be in (0, 1]");
    }
    auto* products = t.get("products")->as_table();
    if (products == nullptr) r.fail(*t.get("products"), "product_registry.products", "expected a table");
    for (const auto& [suffix, name] : *products) {
        auto where = "product_registry.products." + std::string(suffix.str());
        auto full = Oid::parse(prefix + "." + std::string(suffix.str()));
        if (!full) r.fail(name, where, "not a numeric OID suffix");
        auto text = r.string(name, where);
        if (text.empty()) r.fail(name, where, "empty product name");
        set.products[full->to_string()] = ProductName{text, source, weight};
    }
}

// About how many rules a file's text adds (an [[enterprise]] makes up to three): the rules vector is
// reserved once, since growing it moves every (large) rule again.
std::size_t rule_count_hint(std::string_view text) {
    auto count = [&](std::string_view header) {
        std::size_t n = 0;
        for (auto at = text.find(header); at != std::string_view::npos; at = text.find(header, at + 1)) ++n;
        return n;
    };
    return count("[[rule]]") + 3 * count("[[enterprise]]");
}

void add_rule(RuleSet& set, Rule rule, bool disabled) {
    if (set.rule_ids.contains(rule.id)) {  // drop-ins override shipped rules by id
        set.rules.erase(
            std::find_if(set.rules.begin(), set.rules.end(), [&](const Rule& r) { return r.id == rule.id; }));
        set.rule_ids.erase(rule.id);
    }
    if (disabled) return;
    set.rule_ids.insert(rule.id);
    set.rules.push_back(std::move(rule));
}

}  // namespace

const std::set<std::string, std::less<>>& legal_forms() {
    static const std::set<std::string, std::less<>> kForms = {
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "gmbh",
        "ag",  "sa",           "srl",  "bv",          "ab", "as",      "oy",  "kg",      "spa", "pty"};
    return kForms;
}

std::string vendor_key(std::string_view name) {
    static const std::set<std::string, std::less<>> kDrop = [] {
        auto drop = legal_forms();
        drop.insert({"networks", "network", "systems", "technologies", "technology", "communications", "the",
                     "international"});
        return drop;
    }();
    return name_key(name, kDrop);
}

std::string name_key(std::string_view name, const std::set<std::string, std::less<>>& dropped) {
    std::string key, token;
    auto flush = [&] {
        if (!token.empty() && !dropped.contains(token)) key += token;
        token.clear();
    };
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else
            flush();
    }
    flush();
    return key;
}

void load_rule_text(RuleSet& set, std::string_view text, const std::string& file_name) {
    toml::table doc;
    try {
        doc = toml::parse(text, file_name);
    } catch (const toml::parse_error& e) {
        throw ConfigError(file_name + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
    }
    Reader r(file_name, set.regexes_by_pattern);
    r.check_keys(doc, "top level", {"rule", "enterprise", "vendor", "product_registry"});
    auto tables = [&](const char* key, auto&& f) {
        auto* node = doc.get(key);
        if (node == nullptr) return;
        auto* array = node->as_array();
        if (array == nullptr) r.fail(*node, key, std::string("expected [[") + key + "]] tables");
        for (const auto& item : *array) {
            auto* t = item.as_table();
            if (t == nullptr) r.fail(item, key, "expected a table");
            f(*t);
        }
    };
    tables("vendor", [&](const toml::table& t) {
        r.check_keys(t, "vendor", {"name", "aliases"});
        if (!t.contains("name")) r.fail(t, "vendor", "needs a 'name'");
        auto name = r.string(*t.get("name"), "vendor.name");
        set.vendor_aliases[vendor_key(name)] = name;
        if (auto* aliases = t.get("aliases"))
            r.each(*aliases, "vendor.aliases", [&](const toml::node& n) {
                set.vendor_aliases[vendor_key(r.string(n, "vendor.aliases"))] = name;
            });
    });
    tables("enterprise", [&](const toml::table& t) {
        Rule rule = enterprise_rule(r, t, file_name);
        // The maker's private MIB implemented by the agent (its subtree answers) names the maker too, when
        // the sysObjectID is a generic agent's (Net-SNMP): weaker than the sysObjectID itself.
        const auto number = rule.when.enterprise.front();
        // Net-SNMP / UCD are agents, not makers: they name the vendor only when nothing better (the MAC's
        // registrant, a private MIB, a banner) is known.
        if (number == 8072 || number == 2021) rule.weight = 0.15;
        if (number != 8072 && number != 2021) {
            Rule mib = rule;
            mib.id = "enterprise-mib-" + std::to_string(number);
            mib.when.enterprise.clear();
            mib.when.mib_enterprise.push_back(number);
            mib.why = "implements enterprise " + std::to_string(number) +
                      "'s private MIB (IANA: " + rule.templates[static_cast<std::size_t>(Field::kVendor)] +
                      ")";
            mib.weight = 0.35;
            mib.class_weight = 0.24;
            // Under Net-SNMP's own sysObjectID (an appliance built on Linux with the stock agent) the
            // maker's MIB is the only word on what the box is: its class outweighs the generic Linux-host
            // hints (HOST-RESOURCES, kernel banner, the agent itself), not a sysDescr that names the product.
            if (rule.device_class) {
                Rule agent;
                agent.id = "enterprise-agent-mib-" + std::to_string(number);
                agent.file = rule.file;
                agent.line = rule.line;
                agent.when.enterprise = {8072, 2021};
                agent.when.mib_enterprise.push_back(number);
                agent.device_class = rule.device_class;
                agent.why = "a Net-SNMP agent serving enterprise " + std::to_string(number) +
                            "'s private MIB (" + rule.templates[static_cast<std::size_t>(Field::kVendor)] +
                            "): that maker's appliance";
                agent.class_weight = 0.35;
                add_rule(set, std::move(agent), false);
            }
            add_rule(set, std::move(mib), false);
        }
        add_rule(set, std::move(rule), false);
    });
    tables("product_registry", [&](const toml::table& t) { read_product_registry(r, t, set); });
    tables("rule", [&](const toml::table& t) {
        bool disabled = t.get("disabled") && t.get("disabled")->value<bool>().value_or(false);
        if (disabled) {
            if (!t.contains("id")) r.fail(t, "rule", "needs an 'id'");
            add_rule(set, Rule{.id = r.string(*t.get("id"), "rule.id")}, true);
            return;
        }
        add_rule(set, read_rule(r, t, file_name), false);
    });
    set.files.push_back(file_name);
}

re2::RE2::Options rule_regex_options() {
    re2::RE2::Options options;
    options.set_log_errors(false);
    return options;
}

std::vector<RuleFile> read_rule_files(const std::vector<std::filesystem::path>& dirs) {
    std::vector<RuleFile> out;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".toml") files.push_back(entry.path());
        }
        if (ec) throw ConfigError(dir.string() + ": cannot read fingerprint folder: " + ec.message());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            // Read in one go into a string of the file's size (this runs on every load: the cache key hashes
            // the text); whatever the file holds when read counts, should an editor replace it meanwhile.
            std::ifstream in(file, std::ios::binary);
            std::error_code size_ec;
            const auto size = std::filesystem::file_size(file, size_ec);
            if (!in || size_ec) throw ConfigError(file.string() + ": cannot read");
            std::string text(static_cast<std::size_t>(size), '\0');
            in.read(text.data(), static_cast<std::streamsize>(text.size()));
            text.resize(static_cast<std::size_t>(in.gcount()));
            if (in) text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            if (in.bad()) throw ConfigError(file.string() + ": cannot read");
            out.push_back({file.string(), std::move(text)});
        }
    }
    return out;
}

RuleSet parse_rule_files(const std::vector<RuleFile>& files) {
    RuleSet set;
    std::size_t expected = 0;
    for (const auto& file : files) expected += rule_count_hint(file.text);
    set.rules.reserve(expected);
    for (const auto& file : files) load_rule_text(set, file.text, file.path);
    return set;
}

RuleSet load_rule_set(const std::vector<std::filesystem::path>& dirs) {
    return parse_rule_files(read_rule_files(dirs));
}

}  // namespace nd::fp
