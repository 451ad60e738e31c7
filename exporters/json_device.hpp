#pragma once
// The JSON contract's device object, shared by the JSON dossier and `identify --json`:
// {"id", "class", "vendor", "model", "firmware", "serial", "hostname", "macs", "ips", "first_seen",
//  "last_seen", "evidence": [...]} plus extensions (os, vendor_registrant, confidence, annotations).
// Unknown values are null, never empty strings. Keys are sorted, as in an nlohmann object.
#include <nlohmann/json.hpp>
#include <string_view>

#include "exporters/json_writer.hpp"
#include "model/device_record.hpp"

namespace nd {

// Streams the device object; `section`, when given, is added as the "section" key (the dossier's).
void write_device_json(JsonWriter& out, const DeviceRecord& device, std::string_view section = {});
// The same object as a DOM (for callers that add to it or print it indented).
nlohmann::json device_json(const DeviceRecord& device);

}  // namespace nd
