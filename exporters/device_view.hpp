#pragma once
// What the dossier shows for one device, whatever the format: the verdict where the fingerprint
// engine decided, else what the collectors saw (IEEE registrant, a hostname), else nothing. Every
// exporter reads devices through these, so JSON and Markdown never disagree.
#include <optional>
#include <string>
#include <vector>

#include "exporters/dossier.hpp"
#include "model/device_record.hpp"

namespace nd {

std::optional<std::string> device_vendor(const DeviceRecord& d);      // normalised, else IEEE registrant
std::optional<std::string> device_registrant(const DeviceRecord& d);  // IEEE registrant of the MAC's OUI
std::optional<std::string> device_model(const DeviceRecord& d);
std::optional<std::string> device_firmware(const DeviceRecord& d);
std::optional<std::string> device_serial(const DeviceRecord& d);
std::optional<std::string> device_os(const DeviceRecord& d);
std::optional<std::string> device_hostname(const DeviceRecord& d);  // placeholders ("<private>") skipped
bool is_placeholder_name(std::string_view name);
// A human label: annotated name, hostname, else the first IP, else the first MAC.
std::string device_label(const DeviceRecord& d);

// Which dossier section lists a device (every device is in exactly one): network gear, servers,
// storage, power and unclassified devices in "network"; printers in "printing"; the rest in
// "user-equipment".
DossierSection section_of(DeviceClass c);
bool in_section(const DeviceRecord& d, DossierSection section);
std::vector<const DeviceRecord*> devices_in(const std::vector<DeviceRecord>& all, DossierSection section);

// "network", "printing", "user-equipment", "changes", "all".
std::string_view to_string(DossierSection s);
std::optional<DossierSection> section_from_string(std::string_view text);

}  // namespace nd
