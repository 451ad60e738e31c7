#include "model/evidence_json.hpp"

#include <array>
#include <cstdio>
#include <ctime>
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
    put_string(j, "chassis_id", n.chassis_id);
    put_string(j, "port_id", n.port_id);
    put_string(j, "port_description", n.port_description);
    put_string(j, "system_name", n.system_name);
    put_string(j, "system_description", n.system_description);
    if (n.capabilities != 0) j["capabilities"] = n.capabilities;
    if (n.enabled_capabilities != 0) j["enabled_capabilities"] = n.enabled_capabilities;
    if (n.management_address) j["management_address"] = *n.management_address;
    if (n.med_device_class) j["med_device_class"] = *n.med_device_class;
    put_string(j, "med_hardware_revision", n.med_hardware_revision);
    put_string(j, "med_firmware_revision", n.med_firmware_revision);
    put_string(j, "med_software_revision", n.med_software_revision);
    put_string(j, "med_serial", n.med_serial);
    put_string(j, "med_manufacturer", n.med_manufacturer);
    put_string(j, "med_model", n.med_model);
    put_string(j, "med_asset_id", n.med_asset_id);
    if (n.med_capabilities != 0) j["med_capabilities"] = n.med_capabilities;
    if (n.med_voice_vlan) j["med_voice_vlan"] = *n.med_voice_vlan;
}

void from_json(const json& j, LldpNeighbor& n) {
    if (!j.is_object()) fail("lldp", "expected an object");
    n.chassis_id = opt_string(j, "chassis_id");
    n.port_id = opt_string(j, "port_id");
    n.port_description = opt_string(j, "port_description");
    n.system_name = opt_string(j, "system_name");
    n.system_description = opt_string(j, "system_description");
    n.capabilities = opt_int<std::uint16_t>(j, "capabilities");
    n.enabled_capabilities = opt_int<std::uint16_t>(j, "enabled_capabilities");
    n.management_address = opt_object<Ipv4Address>(j, "management_address");
    n.med_device_class = opt_number<int>(j, "med_device_class");
    n.med_hardware_revision = opt_string(j, "med_hardware_revision");
    n.med_firmware_revision = opt_string(j, "med_firmware_revision");
    n.med_software_revision = opt_string(j, "med_software_revision");
    n.med_serial = opt_string(j, "med_serial");
    n.med_manufacturer = opt_string(j, "med_manufacturer");
    n.med_model = opt_string(j, "med_model");
    n.med_asset_id = opt_string(j, "med_asset_id");
    n.med_capabilities = opt_int<std::uint16_t>(j, "med_capabilities");
    n.med_voice_vlan = opt_number<std::uint16_t>(j, "med_voice_vlan");
}

void to_json(json& j, const CdpNeighbor& n) {
    j = json::object();
    put_string(j, "device_id", n.device_id);
    put_string(j, "platform", n.platform);
    put_string(j, "software_version", n.software_version);
    put_string(j, "port_id", n.port_id);
    if (n.capabilities != 0) j["capabilities"] = n.capabilities;
    if (n.address) j["address"] = *n.address;
    if (!n.addresses.empty()) j["addresses"] = n.addresses;
    if (n.native_vlan) j["native_vlan"] = *n.native_vlan;
    if (n.voice_vlan) j["voice_vlan"] = *n.voice_vlan;
}

void from_json(const json& j, CdpNeighbor& n) {
    if (!j.is_object()) fail("cdp", "expected an object");
    n.device_id = opt_string(j, "device_id");
    n.platform = opt_string(j, "platform");
    n.software_version = opt_string(j, "software_version");
    n.port_id = opt_string(j, "port_id");
    n.capabilities = opt_int<std::uint32_t>(j, "capabilities");
    n.address = opt_object<Ipv4Address>(j, "address");
    n.addresses = opt_array<Ipv4Address>(j, "addresses");
    n.native_vlan = opt_number<std::uint16_t>(j, "native_vlan");
    n.voice_vlan = opt_number<std::uint16_t>(j, "voice_vlan");
}

void to_json(json& j, const DhcpFingerprint& d) {
    j = json::object();
    put_string(j, "hostname", d.hostname);
    put_string(j, "vendor_class", d.vendor_class);
    j["parameter_request_list"] = d.parameter_request_list;
    if (d.requested_ip) j["requested_ip"] = *d.requested_ip;
    put_string(j, "client_id", d.client_id);
    if (d.message_type) j["message_type"] = *d.message_type;
}

void from_json(const json& j, DhcpFingerprint& d) {
    if (!j.is_object()) fail("dhcp", "expected an object");
    d.hostname = opt_string(j, "hostname");
    d.vendor_class = opt_string(j, "vendor_class");
    d.parameter_request_list = opt_array<std::uint8_t>(j, "parameter_request_list");
    d.requested_ip = opt_object<Ipv4Address>(j, "requested_ip");
    d.client_id = opt_string(j, "client_id");
    d.message_type = opt_number<int>(j, "message_type");
}

void to_json(json& j, const ServiceBanner& b) {
    j = json::object();
    j["port"] = b.port;
    put_string(j, "ssh_banner", b.ssh_banner);
    put_string(j, "http_server", b.http_server);
    put_string(j, "http_title", b.http_title);
    put_string(j, "raw", b.raw);
}

void from_json(const json& j, ServiceBanner& b) {
    if (!j.is_object()) fail("banner", "expected an object");
    b.port = opt_int<std::uint16_t>(j, "port");
    b.ssh_banner = opt_string(j, "ssh_banner");
    b.http_server = opt_string(j, "http_server");
    b.http_title = opt_string(j, "http_title");
    b.raw = opt_string(j, "raw");
}

void to_json(json& j, const DeviceEvidence& e) {
    j = json::object();
    if (e.mac) j["mac"] = *e.mac;
    if (!e.ips.empty()) j["ips"] = e.ips;
    put_string(j, "oui_registrant", e.oui_registrant);
    if (e.ttl) j["ttl"] = *e.ttl;
    if (e.rtt_ms) j["rtt_ms"] = *e.rtt_ms;
    if (!e.hostnames.empty()) j["hostnames"] = strings_json(e.hostnames);
    if (!e.snmp.empty()) j["snmp"] = snmp_walk_to_json(e.snmp);
    put_string(j, "snmp_credential", e.snmp_credential);  // the credential's name, never its secret
    if (!e.mdns.empty()) j["mdns"] = e.mdns;
    if (!e.lldp.empty()) j["lldp"] = e.lldp;
    if (!e.cdp.empty()) j["cdp"] = e.cdp;
    if (e.dhcp) j["dhcp"] = *e.dhcp;
    if (!e.open_tcp_ports.empty()) j["open_tcp_ports"] = e.open_tcp_ports;
    if (!e.banners.empty()) j["banners"] = e.banners;
}

void from_json(const json& j, DeviceEvidence& e) {
    if (!j.is_object()) fail("evidence", "expected an object");
    e = DeviceEvidence{};
    e.mac = opt_object<MacAddress>(j, "mac");
    e.ips = opt_array<Ipv4Address>(j, "ips");
    e.oui_registrant = opt_string(j, "oui_registrant");
    e.ttl = opt_number<int>(j, "ttl");
    if (auto it = j.find("rtt_ms"); it != j.end() && !it->is_null()) e.rtt_ms = opt_double(j, "rtt_ms");
    e.hostnames = opt_strings(j, "hostnames");
    if (auto it = j.find("snmp"); it != j.end()) e.snmp = snmp_walk_from_json(*it);
    e.snmp_credential = opt_string(j, "snmp_credential");
    e.mdns = opt_array<MdnsService>(j, "mdns");
    e.lldp = opt_array<LldpNeighbor>(j, "lldp");
    e.cdp = opt_array<CdpNeighbor>(j, "cdp");
    e.dhcp = opt_object<DhcpFingerprint>(j, "dhcp");
    e.open_tcp_ports = opt_array<std::uint16_t>(j, "open_tcp_ports");
    e.banners = opt_array<ServiceBanner>(j, "banners");
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
