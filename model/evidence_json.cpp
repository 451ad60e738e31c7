#include "model/evidence_json.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <type_traits>
#include <utility>

namespace nd {
namespace {

using nlohmann::json;

[[noreturn]] void fail(std::string_view field, std::string_view problem) {
    throw EvidenceJsonError("evidence JSON: " + std::string(field) + ": " + std::string(problem));
}

// Optional members: absent or null reads as the default.
std::string opt_string(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) fail(key, "expected a string");
    return it->get<std::string>();
}

template <typename Int>
Int opt_int(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return Int{};
    if (!it->is_number_integer()) fail(key, "expected an integer");
    return it->get<Int>();
}

template <typename Int>
std::optional<Int> opt_number(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return opt_int<Int>(j, key);
}

double opt_double(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return 0.0;
    if (!it->is_number()) fail(key, "expected a number");
    return it->get<double>();
}

std::vector<std::string> opt_strings(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array()) fail(key, "expected an array");
    for (const auto& item : *it) {
        if (!item.is_string()) fail(key, "expected strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

template <typename T>
std::vector<T> opt_array(const json& j, const char* key) {
    std::vector<T> out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array()) fail(key, "expected an array");
    for (const auto& item : *it) {
        try {
            out.push_back(item.get<T>());
        } catch (const nlohmann::json::exception& e) {
            fail(key, e.what());
        }
    }
    return out;
}

void put_string(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = sanitize_utf8(value);
}

json strings_json(const std::vector<std::string>& values) {
    json out = json::array();
    for (const auto& v : values) out.push_back(sanitize_utf8(v));
    return out;
}

constexpr std::array<std::pair<SnmpType, std::string_view>, 13> kSnmpTypes{{
    {SnmpType::kInteger, "integer"},
    {SnmpType::kOctetString, "octet-string"},
    {SnmpType::kOid, "oid"},
    {SnmpType::kIpAddress, "ip-address"},
    {SnmpType::kCounter32, "counter32"},
    {SnmpType::kGauge32, "gauge32"},
    {SnmpType::kTimeTicks, "timeticks"},
    {SnmpType::kOpaque, "opaque"},
    {SnmpType::kCounter64, "counter64"},
    {SnmpType::kNull, "null"},
    {SnmpType::kNoSuchObject, "no-such-object"},
    {SnmpType::kNoSuchInstance, "no-such-instance"},
    {SnmpType::kEndOfMibView, "end-of-mib-view"},
}};

bool is_clean_text(std::string_view bytes) {
    if (!is_valid_utf8(bytes)) return false;
    for (unsigned char c : bytes) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
    }
    return true;
}

std::string to_hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(kDigits[c >> 4U]);
        out.push_back(kDigits[c & 0x0fU]);
    }
    return out;
}

std::string from_hex(std::string_view hex) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0) fail("hex", "odd number of digits");
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]);
        const int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) fail("hex", "not a hex digit");
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
}

template <typename T>
std::optional<T> opt_object(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception& e) {
        fail(key, e.what());
    }
}

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

// One list of fields per evidence type (the *_fields functions below) serves both directions, so
// writing and reading cannot drift apart. Empty values are left out; absent keys read as empty.
struct FieldWriter {
    json& j;
    template <typename T>
    void operator()(const char* key, const T& value) const {
        if constexpr (std::is_same_v<T, std::string>) {
            put_string(j, key, value);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            if (!value.empty()) j[key] = strings_json(value);
        } else if constexpr (IsOptional<T>::value) {
            if (value) j[key] = *value;
        } else if constexpr (IsVector<T>::value) {
            if (!value.empty()) j[key] = value;
        } else {
            static_assert(std::is_integral_v<T>);
            if (value != 0) j[key] = value;
        }
    }
};

struct FieldReader {
    const json& j;
    template <typename T>
    void operator()(const char* key, T& value) const {
        if constexpr (std::is_same_v<T, std::string>) {
            value = opt_string(j, key);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            value = opt_strings(j, key);
        } else if constexpr (IsOptional<T>::value) {
            using Inner = typename T::value_type;
            if constexpr (std::is_floating_point_v<Inner>) {
                auto it = j.find(key);
                value =
                    it == j.end() || it->is_null() ? std::nullopt : std::optional<Inner>(opt_double(j, key));
            } else if constexpr (std::is_integral_v<Inner>) {
                value = opt_number<Inner>(j, key);
            } else {
                value = opt_object<Inner>(j, key);
            }
        } else if constexpr (IsVector<T>::value) {
            value = opt_array<typename T::value_type>(j, key);
        } else {
            static_assert(std::is_integral_v<T>);
            value = opt_int<T>(j, key);
        }
    }
};

template <typename Neighbor, typename Visit>  // Neighbor: LldpNeighbor or const LldpNeighbor
void lldp_fields(Neighbor& n, Visit&& f) {
    f("chassis_id", n.chassis_id);
    f("port_id", n.port_id);
    f("port_description", n.port_description);
    f("system_name", n.system_name);
    f("system_description", n.system_description);
    f("capabilities", n.capabilities);
    f("enabled_capabilities", n.enabled_capabilities);
    f("management_address", n.management_address);
    f("med_device_class", n.med_device_class);
    f("med_hardware_revision", n.med_hardware_revision);
    f("med_firmware_revision", n.med_firmware_revision);
    f("med_software_revision", n.med_software_revision);
    f("med_serial", n.med_serial);
    f("med_manufacturer", n.med_manufacturer);
    f("med_model", n.med_model);
    f("med_asset_id", n.med_asset_id);
    f("med_capabilities", n.med_capabilities);
    f("med_voice_vlan", n.med_voice_vlan);
}

template <typename Neighbor, typename Visit>
void cdp_fields(Neighbor& n, Visit&& f) {
    f("device_id", n.device_id);
    f("platform", n.platform);
    f("software_version", n.software_version);
    f("port_id", n.port_id);
    f("capabilities", n.capabilities);
    f("address", n.address);
    f("addresses", n.addresses);
    f("native_vlan", n.native_vlan);
    f("voice_vlan", n.voice_vlan);
}

template <typename Dhcp, typename Visit>
void dhcp_fields(Dhcp& d, Visit&& f) {
    f("hostname", d.hostname);
    f("vendor_class", d.vendor_class);
    f("parameter_request_list", d.parameter_request_list);
    f("requested_ip", d.requested_ip);
    f("client_id", d.client_id);
    f("message_type", d.message_type);
}

template <typename Banner, typename Visit>
void banner_fields(Banner& b, Visit&& f) {
    f("port", b.port);
    f("ssh_banner", b.ssh_banner);
    f("http_server", b.http_server);
    f("http_title", b.http_title);
    f("raw", b.raw);
}

// Everything but the SNMP walk, which has its own compact form.
template <typename Evidence, typename Visit>
void evidence_fields(Evidence& e, Visit&& f) {
    f("mac", e.mac);
    f("ips", e.ips);
    f("oui_registrant", e.oui_registrant);
    f("ttl", e.ttl);
    f("rtt_ms", e.rtt_ms);
    f("hostnames", e.hostnames);
    f("snmp_credential", e.snmp_credential);  // the credential's name, never its secret
    f("mdns", e.mdns);
    f("lldp", e.lldp);
    f("cdp", e.cdp);
    f("dhcp", e.dhcp);
    f("open_tcp_ports", e.open_tcp_ports);
    f("banners", e.banners);
}

}  // namespace

std::string to_iso8601(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    long frac = static_cast<long>(ms % 1000);
    if (frac < 0) {
        frac += 1000;
        --secs;
    }
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
    return buf;
}

std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, consumed = 0;
    const std::string s(text);
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second,
                    &consumed) != 6 ||
        consumed != 19) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(19);
    long millis = 0;
    if (!rest.empty() && rest.front() == '.') {
        rest.remove_prefix(1);
        int digits = 0;
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
            if (digits < 3) millis = millis * 10 + (rest.front() - '0');
            ++digits;
            rest.remove_prefix(1);
        }
        if (digits == 0) return std::nullopt;
        for (int i = digits; i < 3; ++i) millis *= 10;
    }
    if (rest != "Z" && rest != "+00:00") return std::nullopt;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    const std::time_t secs = timegm(&tm);
    return std::chrono::system_clock::time_point{std::chrono::seconds(secs) +
                                                 std::chrono::milliseconds(millis)};
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xe0U) == 0xc0U) {
            len = 2;
            cp = c & 0x1fU;
        } else if ((c & 0xf0U) == 0xe0U) {
            len = 3;
            cp = c & 0x0fU;
        } else if ((c & 0xf8U) == 0xf0U) {
            len = 4;
            cp = c & 0x07U;
        } else {
            return false;
        }
        if (i + len > text.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xc0U) != 0x80U) return false;
            cp = (cp << 6U) | (cc & 0x3fU);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        i += len;
    }
    return true;
}

std::string sanitize_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t i = 0;
    while (i < text.size()) {
        // Find the longest valid prefix starting here (1..4 bytes).
        std::size_t taken = 0;
        for (std::size_t len = 1; len <= 4 && i + len <= text.size(); ++len) {
            if (is_valid_utf8(text.substr(i, len))) {
                taken = len;
                break;
            }
        }
        if (taken == 0) {
            out += "\xef\xbf\xbd";
            ++i;
        } else {
            out.append(text.substr(i, taken));
            i += taken;
        }
    }
    return out;
}

std::string_view to_string(SnmpType type) {
    for (const auto& [value, name] : kSnmpTypes) {
        if (value == type) return name;
    }
    return "null";
}

std::optional<SnmpType> snmp_type_from_string(std::string_view text) {
    for (const auto& [value, name] : kSnmpTypes) {
        if (name == text) return value;
    }
    return std::nullopt;
}

void to_json(json& j, const MacAddress& mac) { j = mac.to_string(); }

void from_json(const json& j, MacAddress& mac) {
    if (!j.is_string()) fail("mac", "expected a string");
    auto parsed = MacAddress::parse(j.get<std::string>());
    if (!parsed) fail("mac", "not a MAC address: " + j.get<std::string>());
    mac = *parsed;
}

void to_json(json& j, const Ipv4Address& ip) { j = ip.to_string(); }

void from_json(const json& j, Ipv4Address& ip) {
    if (!j.is_string()) fail("ip", "expected a string");
    auto parsed = Ipv4Address::parse(j.get<std::string>());
    if (!parsed) fail("ip", "not an IPv4 address: " + j.get<std::string>());
    ip = *parsed;
}

void to_json(json& j, const SnmpValue& value) {
    j = json::object();
    j["type"] = std::string(to_string(value.type));
    switch (value.type) {
        case SnmpType::kOctetString:
        case SnmpType::kOpaque:
            if (is_clean_text(value.bytes)) {
                j["value"] = value.bytes;
            } else {
                j["hex"] = to_hex(value.bytes);
            }
            break;
        case SnmpType::kOid:
        case SnmpType::kIpAddress:
            j["value"] = sanitize_utf8(value.bytes);
            break;
        case SnmpType::kInteger:
        case SnmpType::kCounter32:
        case SnmpType::kGauge32:
        case SnmpType::kTimeTicks:
        case SnmpType::kCounter64:
            j["value"] = value.number;
            break;
        default:
            break;
    }
}

void from_json(const json& j, SnmpValue& value) {
    if (!j.is_object()) fail("snmp value", "expected an object");
    const auto type = snmp_type_from_string(opt_string(j, "type"));
    if (!type) fail("snmp value", "unknown type '" + opt_string(j, "type") + "'");
    value = SnmpValue{};
    value.type = *type;
    switch (value.type) {
        case SnmpType::kOctetString:
        case SnmpType::kOpaque:
            value.bytes = j.contains("hex") ? from_hex(opt_string(j, "hex")) : opt_string(j, "value");
            break;
        case SnmpType::kOid:
        case SnmpType::kIpAddress:
            value.bytes = opt_string(j, "value");
            break;
        case SnmpType::kInteger:
        case SnmpType::kCounter32:
        case SnmpType::kGauge32:
        case SnmpType::kTimeTicks:
        case SnmpType::kCounter64:
            value.number = opt_int<std::int64_t>(j, "value");
            break;
        default:
            break;
    }
}

json snmp_walk_to_json(const SnmpWalk& walk) {
    json out = json::object();
    for (const auto& [oid, value] : walk) out[oid.to_string()] = value;
    return out;
}

SnmpWalk snmp_walk_from_json(const json& j) {
    SnmpWalk walk;
    if (j.is_null()) return walk;
    if (!j.is_object()) fail("snmp", "expected an object keyed by OID");
    for (const auto& [key, value] : j.items()) {
        auto oid = Oid::parse(key);
        if (!oid) fail("snmp", "not an OID: " + key);
        walk[*oid] = value.get<SnmpValue>();
    }
    return walk;
}

void to_json(json& j, const MdnsService& s) {
    j = json::object();
    put_string(j, "instance", s.instance);
    put_string(j, "type", s.type);
    put_string(j, "host", s.host);
    if (s.port != 0) j["port"] = s.port;
    if (!s.txt.empty()) {
        json txt = json::object();
        for (const auto& [k, v] : s.txt) txt[sanitize_utf8(k)] = sanitize_utf8(v);
        j["txt"] = std::move(txt);
    }
}

void from_json(const json& j, MdnsService& s) {
    if (!j.is_object()) fail("mdns", "expected an object");
    s.instance = opt_string(j, "instance");
    s.type = opt_string(j, "type");
    s.host = opt_string(j, "host");
    s.port = opt_int<std::uint16_t>(j, "port");
    s.txt.clear();
    if (auto it = j.find("txt"); it != j.end() && it->is_object()) {
        for (const auto& [k, v] : it->items()) {
            if (!v.is_string()) fail("mdns.txt", "expected string values");
            s.txt[k] = v.get<std::string>();
        }
    }
}

void to_json(json& j, const LldpNeighbor& n) {
    j = json::object();
    lldp_fields(n, FieldWriter{j});
}

void from_json(const json& j, LldpNeighbor& n) {
    if (!j.is_object()) fail("lldp", "expected an object");
    lldp_fields(n, FieldReader{j});
}

void to_json(json& j, const CdpNeighbor& n) {
    j = json::object();
    cdp_fields(n, FieldWriter{j});
}

void from_json(const json& j, CdpNeighbor& n) {
    if (!j.is_object()) fail("cdp", "expected an object");
    cdp_fields(n, FieldReader{j});
}

void to_json(json& j, const DhcpFingerprint& d) {
    j = json::object();
    dhcp_fields(d, FieldWriter{j});
}

void from_json(const json& j, DhcpFingerprint& d) {
    if (!j.is_object()) fail("dhcp", "expected an object");
    dhcp_fields(d, FieldReader{j});
}

void to_json(json& j, const ServiceBanner& b) {
    j = json::object();
    banner_fields(b, FieldWriter{j});
}

void from_json(const json& j, ServiceBanner& b) {
    if (!j.is_object()) fail("banner", "expected an object");
    banner_fields(b, FieldReader{j});
}

void to_json(json& j, const DeviceEvidence& e) {
    j = json::object();
    evidence_fields(e, FieldWriter{j});
    if (!e.snmp.empty()) j["snmp"] = snmp_walk_to_json(e.snmp);
}

void from_json(const json& j, DeviceEvidence& e) {
    if (!j.is_object()) fail("evidence", "expected an object");
    e = DeviceEvidence{};
    evidence_fields(e, FieldReader{j});
    if (auto it = j.find("snmp"); it != j.end()) e.snmp = snmp_walk_from_json(*it);
}

void to_json(json& j, const Observation& o) {
    j = json::object();
    j["source"] = sanitize_utf8(o.source);
    j["time"] = to_iso8601(o.time);
    j["scan_id"] = o.scan_id;
    j["evidence"] = o.evidence;
}

void from_json(const json& j, Observation& o) {
    if (!j.is_object()) fail("observation", "expected an object");
    o.source = opt_string(j, "source");
    auto time = parse_iso8601(opt_string(j, "time"));
    if (!time) fail("observation.time", "not an ISO-8601 UTC time");
    o.time = *time;
    o.scan_id = opt_int<std::int64_t>(j, "scan_id");
    auto it = j.find("evidence");
    o.evidence = it == j.end() || it->is_null() ? DeviceEvidence{} : it->get<DeviceEvidence>();
}

void to_json(json& j, const Finding& f) {
    j = json{{"value", sanitize_utf8(f.value)},
             {"confidence", f.confidence},
             {"reasons", strings_json(f.reasons)}};
}

void from_json(const json& j, Finding& f) {
    if (!j.is_object()) fail("finding", "expected an object");
    f.value = opt_string(j, "value");
    f.confidence = opt_double(j, "confidence");
    f.reasons = opt_strings(j, "reasons");
}

void to_json(json& j, const ClassAlternative& a) {
    j = json{{"class", std::string(to_string(a.device_class))},
             {"confidence", a.confidence},
             {"reasons", strings_json(a.reasons)}};
}

void from_json(const json& j, ClassAlternative& a) {
    if (!j.is_object()) fail("alternative", "expected an object");
    auto cls = device_class_from_string(opt_string(j, "class"));
    if (!cls) fail("alternative.class", "unknown class '" + opt_string(j, "class") + "'");
    a.device_class = *cls;
    a.confidence = opt_double(j, "confidence");
    a.reasons = opt_strings(j, "reasons");
}

void to_json(json& j, const Verdict& v) {
    auto finding = [](const std::optional<Finding>& f) { return f ? json(*f) : json(nullptr); };
    j = json::object();
    j["class"] = std::string(to_string(v.device_class));
    j["class_confidence"] = v.class_confidence;
    j["class_reasons"] = strings_json(v.class_reasons);
    j["alternatives"] = v.alternatives;
    j["vendor"] = finding(v.vendor);
    j["model"] = finding(v.model);
    j["firmware"] = finding(v.firmware);
    j["serial"] = finding(v.serial);
    j["os"] = finding(v.os);
    j["hostname"] = finding(v.hostname);
    j["oui_registrant"] = v.oui_registrant.empty() ? json(nullptr) : json(sanitize_utf8(v.oui_registrant));
}

void from_json(const json& j, Verdict& v) {
    if (!j.is_object()) fail("verdict", "expected an object");
    v = Verdict{};
    const auto cls_text = opt_string(j, "class");
    auto cls = cls_text.empty() ? std::optional<DeviceClass>(DeviceClass::kUnknown)
                                : device_class_from_string(cls_text);
    if (!cls) fail("verdict.class", "unknown class '" + cls_text + "'");
    v.device_class = *cls;
    v.class_confidence = opt_double(j, "class_confidence");
    v.class_reasons = opt_strings(j, "class_reasons");
    v.alternatives = opt_array<ClassAlternative>(j, "alternatives");
    v.vendor = opt_object<Finding>(j, "vendor");
    v.model = opt_object<Finding>(j, "model");
    v.firmware = opt_object<Finding>(j, "firmware");
    v.serial = opt_object<Finding>(j, "serial");
    v.os = opt_object<Finding>(j, "os");
    v.hostname = opt_object<Finding>(j, "hostname");
    v.oui_registrant = opt_string(j, "oui_registrant");
}

}  // namespace nd
