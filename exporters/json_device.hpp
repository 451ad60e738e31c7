#pragma once
// The JSON contract's device object, shared by the JSON dossier and `identify --json`:
// {"id", "class", "vendor", "model", "firmware", "serial", "hostname", "macs", "ips", "first_seen",
//  "last_seen", "evidence": [...]} plus extensions (os, vendor_registrant, confidence, annotations).
// Unknown values are null, never empty strings.
#include <nlohmann/json.hpp>

#include "model/device_record.hpp"

namespace nd {

nlohmann::json device_json(const DeviceRecord& device);

}  // namespace nd
