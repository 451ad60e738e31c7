#include "storage/change_text.hpp"

#include "storage/identity_keys.hpp"

namespace nd {

std::string change_subject(const DeviceRecord& d) {
    std::string name;
    if (auto it = d.annotations.find("role"); it != d.annotations.end()) name = it->second;
    if (name.empty() && d.verdict.hostname) name = d.verdict.hostname->value;
    for (const auto& h : d.evidence.hostnames) {  // the first real one, never "<private>"
        if (name.empty() && !generic_hostname(normalise_hostname(h))) name = h;
    }
    std::string what;
    if (d.verdict.device_class != DeviceClass::kUnknown)
        what = std::string(to_string(d.verdict.device_class));
    if (d.verdict.vendor) what += (what.empty() ? "" : " ") + d.verdict.vendor->value;
    if (d.verdict.model) what += (what.empty() ? "" : " ") + d.verdict.model->value;
    std::string label = name.empty() ? what : (what.empty() ? name : name + ", " + what);
    if (label.empty()) label = "device " + std::to_string(d.id);
    std::string where;
    if (!d.ips.empty()) {
        where = d.ips.front().to_string();
    } else if (!d.macs.empty()) {
        where = d.macs.front().to_string();
    }
    return where.empty() ? label : label + " (" + where + ")";
}

std::string describe_change(const ChangeEvent& e, const DeviceRecord* device, int gone_after_scans) {
    const std::string who =
        device != nullptr ? change_subject(*device) : "device " + std::to_string(e.device_id);
    auto from_to = [&](const std::string& what) {
        if (e.old_value.empty()) return who + ": " + what + " is now " + e.new_value;
        return who + ": " + what + " changed from " + e.old_value + " to " + e.new_value;
    };
    if (e.kind == "new-device") return "New device: " + who;
    if (e.kind == "gone")
        return "Gone: " + who + " was not seen in the last " + std::to_string(gone_after_scans) +
               (gone_after_scans == 1 ? " scan" : " scans");
    if (e.kind == "ip-changed") return from_to("address");
    if (e.kind == "ip-added") return who + ": new address " + e.new_value;
    if (e.kind == "ip-removed") return who + ": no longer answers on " + e.old_value;
    if (e.kind == "port-changed")
        return who + ": moved from switch port " + e.old_value + " to " + e.new_value;
    if (e.kind == "supply-low") return who + ": supply low: " + e.new_value;
    if (e.kind == "new-neighbour") return who + ": new neighbour " + e.new_value;
    if (e.kind.ends_with("-changed") && !e.attribute.empty()) return from_to(e.attribute);
    std::string text = who + ": " + e.kind;
    if (!e.old_value.empty() || !e.new_value.empty()) text += " (" + e.old_value + " -> " + e.new_value + ")";
    return text;
}

}  // namespace nd
