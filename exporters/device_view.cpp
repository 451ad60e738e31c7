#include "exporters/device_view.hpp"

#include <array>
#include <utility>

namespace nd {
namespace {

std::optional<std::string> value_of(const std::optional<Finding>& f) {
    if (f && !f->value.empty()) return f->value;
    return std::nullopt;
}

std::optional<std::string> annotation(const DeviceRecord& d, const char* key) {
    auto it = d.annotations.find(key);
    if (it != d.annotations.end() && !it->second.empty()) return it->second;
    return std::nullopt;
}

constexpr std::array<std::pair<DossierSection, std::string_view>, 5> kSectionNames{{
    {DossierSection::kNetwork, "network"},
    {DossierSection::kPrinting, "printing"},
    {DossierSection::kUserEquipment, "user-equipment"},
    {DossierSection::kChanges, "changes"},
    {DossierSection::kAll, "all"},
}};

}  // namespace

std::optional<std::string> device_registrant(const DeviceRecord& d) {
    if (!d.verdict.oui_registrant.empty()) return d.verdict.oui_registrant;
    if (!d.evidence.oui_registrant.empty()) return d.evidence.oui_registrant;
    return std::nullopt;
}

std::optional<std::string> device_vendor(const DeviceRecord& d) {
    if (auto v = value_of(d.verdict.vendor)) return v;
    return device_registrant(d);
}

std::optional<std::string> device_model(const DeviceRecord& d) { return value_of(d.verdict.model); }
std::optional<std::string> device_firmware(const DeviceRecord& d) { return value_of(d.verdict.firmware); }
std::optional<std::string> device_serial(const DeviceRecord& d) { return value_of(d.verdict.serial); }
std::optional<std::string> device_os(const DeviceRecord& d) { return value_of(d.verdict.os); }

std::optional<std::string> device_hostname(const DeviceRecord& d) {
    if (auto v = value_of(d.verdict.hostname)) return v;
    for (const auto& name : d.evidence.hostnames) {
        if (!name.empty()) return name;
    }
    return std::nullopt;
}

std::string device_label(const DeviceRecord& d) {
    if (auto name = annotation(d, "name")) return *name;
    if (auto host = device_hostname(d)) return *host;
    if (!d.ips.empty()) return d.ips.front().to_string();
    if (!d.macs.empty()) return d.macs.front().to_string();
    return "device " + std::to_string(d.id);
}

DossierSection section_of(DeviceClass c) {
    switch (c) {
        case DeviceClass::kPrinter:
            return DossierSection::kPrinting;
        case DeviceClass::kVoipPhone:
        case DeviceClass::kWorkstation:
        case DeviceClass::kCamera:
        case DeviceClass::kAvConference:
        case DeviceClass::kOther:
            return DossierSection::kUserEquipment;
        default:
            return DossierSection::kNetwork;  // network gear, servers, storage, power, unknown
    }
}

bool in_section(const DeviceRecord& d, DossierSection section) {
    return section == DossierSection::kAll || section_of(d.verdict.device_class) == section;
}

std::vector<const DeviceRecord*> devices_in(const std::vector<DeviceRecord>& all, DossierSection section) {
    std::vector<const DeviceRecord*> out;
    if (section == DossierSection::kChanges) return out;
    for (const auto& d : all) {
        if (in_section(d, section)) out.push_back(&d);
    }
    return out;
}

std::string_view to_string(DossierSection s) {
    for (const auto& [value, name] : kSectionNames) {
        if (value == s) return name;
    }
    return "all";
}

std::optional<DossierSection> section_from_string(std::string_view text) {
    for (const auto& [value, name] : kSectionNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace nd
