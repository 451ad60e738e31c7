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

// What an LLDP-MED endpoint (a phone) says of itself, when the fingerprint engine decided nothing.
std::optional<std::string> device_model(const DeviceRecord& d) {
    if (auto v = value_of(d.verdict.model)) return v;
    for (const auto& l : d.evidence.lldp) {
        if (!l.med_model.empty()) return l.med_model;
    }
    return std::nullopt;
}

std::optional<std::string> device_firmware(const DeviceRecord& d) {
    if (auto v = value_of(d.verdict.firmware)) return v;
    for (const auto& l : d.evidence.lldp) {
        if (!l.med_software_revision.empty()) return l.med_software_revision;
        if (!l.med_firmware_revision.empty()) return l.med_firmware_revision;
    }
    return std::nullopt;
}
std::optional<std::string> device_serial(const DeviceRecord& d) { return value_of(d.verdict.serial); }
std::optional<std::string> device_os(const DeviceRecord& d) { return value_of(d.verdict.os); }

bool is_placeholder_name(std::string_view name) {
    // Agents' defaults and anonymised recordings name no device.
    for (std::string_view p :
         {"<private>", "localhost", "localhost.localdomain", "unknown", "(none)", "none"}) {
        if (name == p) return true;
    }
    return name.find_first_not_of(" \t") == std::string_view::npos;
}

std::optional<std::string> device_hostname(const DeviceRecord& d) {
    if (auto v = value_of(d.verdict.hostname); v && !is_placeholder_name(*v)) return v;
    for (const auto& name : d.evidence.hostnames) {
        if (!is_placeholder_name(name)) return name;
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
