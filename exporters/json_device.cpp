#include "exporters/json_device.hpp"

#include "exporters/device_view.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

using nlohmann::json;

json or_null(const std::optional<std::string>& value) {
    return value && !value->empty() ? json(sanitize_utf8(*value)) : json(nullptr);
}

json time_or_null(Clock::time_point t) {
    return t.time_since_epoch().count() == 0 ? json(nullptr) : json(to_iso8601(t));
}

json finding_entry(std::string_view attribute, const std::optional<Finding>& f) {
    json entry = f ? json(*f) : json::object();
    entry["attribute"] = attribute;
    return entry;
}

// Why the device got its name: one entry per decided attribute, with confidence and reasons.
json evidence_entries(const DeviceRecord& d) {
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
json observed(const DeviceEvidence& e) {
    json out = e;
    out.erase("mac");
    out.erase("ips");
    if (!e.snmp.empty()) {
        out.erase("snmp");
        out["snmp_objects"] = e.snmp.size();
    }
    return out;
}

}  // namespace

json device_json(const DeviceRecord& d) {
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

}  // namespace nd
