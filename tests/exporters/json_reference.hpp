#pragma once
// The JSON dossier as it was built before streaming: a full nlohmann DOM per document, dumped with
// one device per line. Kept only as the oracle that the streamed exporter must match byte for byte.
#include <nlohmann/json.hpp>
#include <string>

#include "exporters/device_index.hpp"
#include "exporters/device_view.hpp"
#include "exporters/dossier_facts.hpp"
#include "model/evidence_json.hpp"

namespace nd::test::json_reference {

using nlohmann::json;

inline json or_null(const std::optional<std::string>& value) {
    return value && !value->empty() ? json(sanitize_utf8(*value)) : json(nullptr);
}

inline json time_or_null(Clock::time_point t) {
    return t.time_since_epoch().count() == 0 ? json(nullptr) : json(to_iso8601(t));
}

inline json finding_entry(std::string_view attribute, const std::optional<Finding>& f) {
    json entry = f ? json(*f) : json::object();
    entry["attribute"] = attribute;
    return entry;
}

// Why the device got its name: one entry per decided attribute, with confidence and reasons.
inline json evidence_entries(const DeviceRecord& d) {
    json out = json::array();
    const Verdict& v = d.verdict;
    if (v.device_class != DeviceClass::kUnknown) {
        out.push_back({{"attribute", "class"},
                       {"value", std::string(to_string(v.device_class))},
                       {"confidence", v.class_confidence},
                       {"reasons", v.class_reasons}});
    }
    const std::pair<std::string_view, const std::optional<Finding>*> findings[] = {
        {"vendor", &v.vendor}, {"model", &v.model}, {"firmware", &v.firmware},
        {"serial", &v.serial}, {"os", &v.os},       {"hostname", &v.hostname},
    };
    for (const auto& [name, finding] : findings) {
        if (*finding && !(*finding)->value.empty()) out.push_back(finding_entry(name, **finding));
    }
    if (auto registrant = device_registrant(d)) {
        out.push_back({{"attribute", "vendor-registrant"},
                       {"value", sanitize_utf8(*registrant)},
                       {"confidence", 1.0},
                       {"reasons", json::array({"IEEE registry entry for the MAC's OUI"})}});
    }
    return out;
}

// What the collectors saw, without the bulk of SNMP walks (their size is given instead).
inline json observed(const DeviceEvidence& e) {
    json out = e;
    out.erase("mac");
    out.erase("ips");
    if (!e.snmp.empty()) {
        out.erase("snmp");
        out["snmp_objects"] = e.snmp.size();
    }
    return out;
}

inline json dom_device_json(const DeviceRecord& d) {
    json macs = json::array();
    for (const auto& mac : d.macs) macs.push_back(mac.to_string());
    json ips = json::array();
    for (const auto& ip : d.ips) ips.push_back(ip.to_string());
    json annotations = json::object();
    for (const auto& [key, value] : d.annotations) annotations[sanitize_utf8(key)] = sanitize_utf8(value);

    json out = json::object();
    out["id"] = d.id;
    out["class"] = std::string(to_string(d.verdict.device_class));
    out["vendor"] = or_null(device_vendor(d));
    out["model"] = or_null(device_model(d));
    out["firmware"] = or_null(device_firmware(d));
    out["serial"] = or_null(device_serial(d));
    out["hostname"] = or_null(device_hostname(d));
    out["macs"] = std::move(macs);
    out["ips"] = std::move(ips);
    out["first_seen"] = time_or_null(d.first_seen);
    out["last_seen"] = time_or_null(d.last_seen);
    out["evidence"] = evidence_entries(d);
    // Extensions beyond the contract.
    out["os"] = or_null(device_os(d));
    out["vendor_registrant"] = or_null(device_registrant(d));
    out["class_confidence"] = d.verdict.class_confidence;
    out["first_scan"] = d.first_scan == 0 ? json(nullptr) : json(d.first_scan);
    out["last_scan"] = d.last_scan == 0 ? json(nullptr) : json(d.last_scan);
    out["annotations"] = std::move(annotations);
    out["observed"] = observed(d.evidence);
    return out;
}
inline json scan_json(const ScanRun* scan) {
    if (scan == nullptr) return nullptr;
    return {{"id", scan->id},
            {"started", to_iso8601(scan->started)},
            {"finished", scan->completed ? json(to_iso8601(scan->finished)) : json(nullptr)},
            {"completed", scan->completed},
            {"targets", scan->targets},
            {"devices_seen", scan->devices_seen},
            {"devices_new", scan->devices_new},
            {"devices_gone", scan->devices_gone}};
}

inline json changes_json(const DossierInput& input) {
    const DeviceIndex index(input.devices);
    json out = json::array();
    for (const ChangeEvent* c : latest_changes(input)) {
        out.push_back(
            {{"device", c->device_id},
             {"scan", c->scan_id == 0 ? json(nullptr) : json(c->scan_id)},
             {"time", to_iso8601(c->time)},
             {"kind", c->kind},
             {"attribute", c->attribute.empty() ? json(nullptr) : json(sanitize_utf8(c->attribute))},
             {"old", c->old_value.empty() ? json(nullptr) : json(sanitize_utf8(c->old_value))},
             {"new", c->new_value.empty() ? json(nullptr) : json(sanitize_utf8(c->new_value))},
             {"text", sanitize_utf8(change_sentence(*c, index))}});
    }
    return out;
}

inline json dom_document(const DossierInput& input, DossierSection section) {
    json doc = json::object();
    doc["generated"] = to_iso8601(input.generated);
    doc["site"] = input.site.empty() ? json(nullptr) : json(sanitize_utf8(input.site));
    doc["section"] = std::string(to_string(section));
    doc["scan"] = scan_json(latest_scan(input));
    json devices = json::array();
    for (const DeviceRecord* d : devices_in(input.devices, section)) {
        json entry = dom_device_json(*d);
        entry["section"] = std::string(to_string(section_of(d->verdict.device_class)));
        devices.push_back(std::move(entry));
    }
    doc["devices"] = std::move(devices);
    if (section == DossierSection::kAll || section == DossierSection::kNetwork) {
        json subnets = json::array();
        for (const auto& s : subnets_seen(input)) {
            subnets.push_back(
                {{"subnet", s.network.to_string()}, {"devices", s.devices}, {"scanned", s.scanned}});
        }
        doc["subnets"] = std::move(subnets);
    }
    if (section == DossierSection::kAll || section == DossierSection::kChanges)
        doc["changes"] = changes_json(input);
    return doc;
}

// One top-level key per line and one array element (a device, a change) per line: readable and diffable
// line by line, and several times faster than indenting every nested field of 10,000 devices.
inline std::string dump_lines(const json& doc) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, value] : doc.items()) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += json(key).dump() + ": ";
        if (!value.is_array() || value.empty()) {
            out += value.dump();
            continue;
        }
        out += "[";
        for (std::size_t i = 0; i < value.size(); ++i)
            out += (i == 0 ? "\n    " : ",\n    ") + value[i].dump();
        out += "\n  ]";
    }
    out += "\n}\n";
    return out;
}

}  // namespace nd::test::json_reference
