#include "exporters/json_device.hpp"

#include "exporters/device_view.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

using nlohmann::json;

void optional_text(JsonWriter& w, std::string_view key, const std::optional<std::string>& value) {
    w.key(key);
    if (value && !value->empty()) {
        w.string(*value);
    } else {
        w.null();
    }
}

void time_or_null(JsonWriter& w, std::string_view key, Clock::time_point t) {
    w.key(key);
    if (t.time_since_epoch().count() == 0) {
        w.null();
    } else {
        w.string(to_iso8601(t));
    }
}

void id_or_null(JsonWriter& w, std::string_view key, std::int64_t id) {
    w.key(key);
    if (id == 0) {
        w.null();
    } else {
        w.number(id);
    }
}

void evidence_entry(JsonWriter& w, std::string_view attribute, std::string_view value, double confidence,
                    const std::vector<std::string>& reasons) {
    w.begin_object();
    w.key("attribute").string(attribute);
    w.key("confidence").number(confidence);
    w.key("reasons").strings(reasons);
    w.key("value").string(value);
    w.end_object();
}

// Why the device got its name: one entry per decided attribute, with confidence and reasons.
void evidence_entries(JsonWriter& w, const DeviceRecord& d) {
    static const std::vector<std::string> kRegistryReason{"IEEE registry entry for the MAC's OUI"};
    const Verdict& v = d.verdict;
    w.begin_array();
    if (v.device_class != DeviceClass::kUnknown)
        evidence_entry(w, "class", to_string(v.device_class), v.class_confidence, v.class_reasons);
    const std::pair<std::string_view, const std::optional<Finding>*> findings[] = {
        {"vendor", &v.vendor}, {"model", &v.model}, {"firmware", &v.firmware},
        {"serial", &v.serial}, {"os", &v.os},       {"hostname", &v.hostname},
    };
    for (const auto& [name, finding] : findings) {
        if (*finding && !(*finding)->value.empty())
            evidence_entry(w, name, (*finding)->value, (*finding)->confidence, (*finding)->reasons);
    }
    if (auto registrant = device_registrant(d))
        evidence_entry(w, "vendor-registrant", *registrant, 1.0, kRegistryReason);
    w.end_array();
}

template <typename T>
void dom_unless_empty(JsonWriter& w, std::string_view key, const std::vector<T>& values) {
    if (!values.empty()) w.key(key).dom(json(values));
}

void text_unless_empty(JsonWriter& w, std::string_view key, const std::string& value) {
    if (!value.empty()) w.key(key).string(value);
}

// What the collectors saw, without MAC/IPs (given above) and without the bulk of the SNMP walk (its
// size instead). The keys are those of model/evidence_json's DeviceEvidence form, sorted; the exporter
// test compares this with that form field by field.
void observed(JsonWriter& w, const DeviceEvidence& e) {
    w.begin_object();
    dom_unless_empty(w, "banners", e.banners);
    dom_unless_empty(w, "cdp", e.cdp);
    if (e.dhcp) w.key("dhcp").dom(json(*e.dhcp));
    if (!e.hostnames.empty()) w.key("hostnames").strings(e.hostnames);
    dom_unless_empty(w, "lldp", e.lldp);
    dom_unless_empty(w, "mdns", e.mdns);
    if (!e.open_tcp_ports.empty()) {
        w.key("open_tcp_ports").begin_array();
        for (auto port : e.open_tcp_ports) w.number(static_cast<std::int64_t>(port));
        w.end_array();
    }
    text_unless_empty(w, "oui_registrant", e.oui_registrant);
    if (e.rtt_ms) w.key("rtt_ms").number(*e.rtt_ms);
    text_unless_empty(w, "snmp_credential", e.snmp_credential);
    if (!e.snmp.empty()) w.key("snmp_objects").number(static_cast<std::int64_t>(e.snmp.size()));
    if (e.ttl) w.key("ttl").number(static_cast<std::int64_t>(*e.ttl));
    w.end_object();
}

void annotations(JsonWriter& w, const std::map<std::string, std::string>& notes) {
    bool clean = true;
    for (const auto& entry : notes) clean = clean && is_valid_utf8(entry.first);
    // Keys repaired to valid UTF-8 may sort differently or collide (the later one wins, as in a DOM).
    std::map<std::string, std::string> repaired;
    if (!clean) {
        for (const auto& [key, value] : notes) repaired[sanitize_utf8(key)] = value;
    }
    w.begin_object();
    for (const auto& [key, value] : clean ? notes : repaired) w.key(key).string(value);
    w.end_object();
}

}  // namespace

void write_device_json(JsonWriter& w, const DeviceRecord& d, std::string_view section) {
    w.begin_object();
    w.key("annotations");
    annotations(w, d.annotations);
    w.key("class").string(to_string(d.verdict.device_class));
    w.key("class_confidence").number(d.verdict.class_confidence);
    w.key("evidence");
    evidence_entries(w, d);
    optional_text(w, "firmware", device_firmware(d));
    id_or_null(w, "first_scan", d.first_scan);
    time_or_null(w, "first_seen", d.first_seen);
    optional_text(w, "hostname", device_hostname(d));
    w.key("id").number(d.id);
    w.key("ips").begin_array();
    for (const auto& ip : d.ips) w.string(ip.to_string());
    w.end_array();
    id_or_null(w, "last_scan", d.last_scan);
    time_or_null(w, "last_seen", d.last_seen);
    w.key("macs").begin_array();
    for (const auto& mac : d.macs) w.string(mac.to_string());
    w.end_array();
    optional_text(w, "model", device_model(d));
    w.key("observed");
    observed(w, d.evidence);
    optional_text(w, "os", device_os(d));
    if (!section.empty()) w.key("section").string(section);
    optional_text(w, "serial", device_serial(d));
    optional_text(w, "vendor", device_vendor(d));
    optional_text(w, "vendor_registrant", device_registrant(d));
    w.end_object();
}

json device_json(const DeviceRecord& device) {
    std::string text;
    JsonWriter w(text);
    write_device_json(w, device);
    return json::parse(text);
}

}  // namespace nd
