#include "exporters/device_cells.hpp"

#include <cmath>
#include <cstdio>

#include "exporters/device_view.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

std::optional<std::string> annotation(const DeviceRecord& d, const std::string& key) {
    auto it = d.annotations.find(key);
    if (it != d.annotations.end() && !it->second.empty()) return it->second;
    return std::nullopt;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return std::string(s);
}

std::string snmp_text(const DeviceRecord& d, const Oid& oid) {
    auto it = d.evidence.snmp.find(oid);
    if (it == d.evidence.snmp.end() || it->second.type != SnmpType::kOctetString) return "";
    return trimmed(it->second.text());
}

std::string sizes(double bytes) {
    char buf[32];
    if (bytes >= 1e12)
        std::snprintf(buf, sizeof buf, "%.1f TB", bytes / 1e12);
    else if (bytes >= 1e9)
        std::snprintf(buf, sizeof buf, "%.0f GB", bytes / 1e9);
    else
        std::snprintf(buf, sizeof buf, "%.0f MB", bytes / 1e6);
    return buf;
}

// "Cisco WS-C2960X" from the model and its maker, unless the model already starts with the maker's name.
std::optional<std::string> after_maker(std::optional<std::string> model,
                                       const std::optional<std::string>& maker) {
    if (model && maker && model->rfind(*maker, 0) != 0) model = *maker + " " + *model;
    return model;
}

}  // namespace

ViewCell annotated(const DeviceRecord& d, const std::string& key,
                   const std::optional<std::string>& discovered) {
    const auto human = annotation(d, key);
    if (!human) return ViewCell{discovered.value_or(""), "", false};
    ViewCell cell{*human, "", false};
    if (discovered && !discovered->empty() && *discovered != *human) cell.note = "discovered: " + *discovered;
    return cell;
}

ViewCell name_cell(const DeviceRecord& d) {
    ViewCell cell = annotated(d, "name", device_hostname(d));
    if (cell.text.empty()) cell.text = device_label(d);
    return cell;
}

ViewCell model_cell(const DeviceRecord& d) {
    const auto vendor = device_vendor(d);
    auto discovered = after_maker(device_model(d), vendor);
    if (!discovered && vendor) discovered = *vendor;
    return annotated(d, "model", discovered);
}

ViewCell found_model_cell(const DeviceRecord& d) {
    const auto& vendor = d.verdict.vendor;
    return annotated(d, "model",
                     after_maker(device_model(d), vendor ? std::optional(vendor->value) : std::nullopt));
}

ViewCell location_cell(const DeviceRecord& d) {
    const std::string sys_location = snmp_text(d, oids::kSysLocation);
    const bool none = sys_location.empty() || is_placeholder_name(sys_location);  // "<private>", "unknown"
    return annotated(d, "location", none ? std::nullopt : std::optional(sys_location));
}

ViewCell notes_cell(const DeviceRecord& d) {
    static const std::pair<const char*, const char*> kKeys[] = {
        {"role", "role"},
        {"owner", "owner"},
        {"vip", "VIP user"},
        {"vip-user", "VIP user"},
        {"responsible", "responsible"},
        {"notes", ""},
        {"note", ""},
    };
    ViewCell cell;
    for (const auto& [key, words] : kKeys) {
        if (auto v = annotation(d, key)) {
            if (!cell.text.empty()) cell.text += "; ";
            cell.text += (*words != '\0' ? std::string(words) + ": " : std::string()) + *v;
        }
    }
    return cell;
}

ViewCell switch_port_cell(const DeviceRecord& d) {
    if (!d.attachment) return {};
    const auto& a = *d.attachment;
    ViewCell cell{a.switch_name.empty() ? "switch " + std::to_string(a.switch_device_id) : a.switch_name, "",
                  false};
    if (!a.port.empty()) cell.text += " " + a.port;
    if (a.vlan) cell.note = "VLAN " + std::to_string(*a.vlan);
    if (!a.source.empty() && a.source != "fdb")
        cell.note += (cell.note.empty() ? "" : ", ") + std::string("via ") + a.source;
    return cell;
}

std::string ips_text(const DeviceRecord& d) {
    std::string out;
    for (const auto& ip : d.ips) out += (out.empty() ? "" : ", ") + ip.to_string();
    return out;
}

std::string macs_text(const DeviceRecord& d) {
    std::string out;
    for (const auto& mac : d.macs) out += (out.empty() ? "" : ", ") + mac.to_string();
    return out;
}

std::string day_text(Clock::time_point t) {
    return t.time_since_epoch().count() == 0 ? "" : to_iso8601(t).substr(0, 10);
}

ViewCell supplies_cell(const PrinterFacts& p) {
    ViewCell cell;
    for (const auto& s : p.supplies) {
        std::string name = trimmed(!s.description.empty() ? s.description : s.colorant + " " + s.type_name);
        if (name.empty()) name = "supply " + std::to_string(s.index);
        std::string level = "level unknown";
        if (s.percent)
            level = std::to_string(*s.percent) + " %";
        else if (s.level && *s.level == -3)
            level = "some left";
        if (s.percent && *s.percent <= kLowSupplyPercent) cell.alert = true;
        cell.text += (cell.text.empty() ? "" : ", ") + name + " " + level;
    }
    if (cell.alert) cell.note = "low supply";
    return cell;
}

ViewCell printer_status_cell(const PrinterFacts& p) {
    ViewCell cell{p.status_text(), "", false};
    if (!p.error_states.empty()) {
        std::string errors;
        for (const auto& e : p.error_states) errors += (errors.empty() ? "" : ", ") + e;
        cell.note = errors;
        cell.alert = true;
    }
    if (p.device_status && (*p.device_status == 3 || *p.device_status == 5)) cell.alert = true;
    for (const auto& a : p.alerts) {
        if (a.severity == 3 && !a.description.empty()) {
            cell.note += (cell.note.empty() ? "" : "; ") + trimmed(a.description);
            cell.alert = true;
        }
    }
    return cell;
}

ViewCell battery_cell(const UpsFacts& u) {
    ViewCell cell;
    auto add = [&](const std::string& part) { cell.text += (cell.text.empty() ? "" : ", ") + part; };
    if (!u.battery_status_name.empty()) add(u.battery_status_name);
    if (u.charge_percent) add(std::to_string(*u.charge_percent) + " %");
    if (u.minutes_remaining) add(std::to_string(*u.minutes_remaining) + " min left");
    if (u.battery_status && (*u.battery_status == 3 || *u.battery_status == 4)) cell.alert = true;
    if (u.output_source && *u.output_source == 5) {
        cell.alert = true;
        cell.note = "on battery";
    } else if (!u.output_source_name.empty()) {
        cell.note = "output: " + u.output_source_name;
    }
    if (u.output_load_percent)
        cell.note += (cell.note.empty() ? "" : ", ") + std::string("load ") +
                     std::to_string(*u.output_load_percent) + " %";
    if (!u.battery_last_replaced.empty())
        cell.note +=
            (cell.note.empty() ? "" : ", ") + std::string("battery replaced ") + u.battery_last_replaced;
    return cell;
}

ViewCell resources_cell(const HostFacts& h) {
    ViewCell cell;
    auto add = [&](const std::string& part) { cell.text += (cell.text.empty() ? "" : ", ") + part; };
    if (h.cpu_count > 0) add(std::to_string(h.cpu_count) + (h.cpu_count == 1 ? " CPU" : " CPUs"));
    if (h.memory_kib) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f GiB RAM",
                      std::round(static_cast<double>(*h.memory_kib) / 1048576.0));
        if (*h.memory_kib < 1048576)
            std::snprintf(buf, sizeof buf, "%lld MiB RAM", static_cast<long long>(*h.memory_kib / 1024));
        add(buf);
    }
    double size = 0, used = 0;
    for (const auto& s : h.storage) {
        if (s.type == "fixedDisk") {
            size += static_cast<double>(s.size_bytes);
            used += static_cast<double>(s.used_bytes);
        }
    }
    if (size > 0) {
        add("disks " + sizes(size));
        cell.note = sizes(used) + " used";
        if (used / size > 0.9) cell.alert = true;
    }
    return cell;
}

}  // namespace nd
