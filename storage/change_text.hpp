#pragma once
// Change events and identity corrections in plain words, for `netdossier changes` and the dossier.
#include <string>

#include "model/device_record.hpp"

namespace nd {

// "printer HP LaserJet MFP M130nw (198.18.1.31)": what an engineer recognises a device by.
std::string change_subject(const DeviceRecord& device);
// "HP LaserJet ... (198.18.1.31): address changed from 198.18.1.31 to 198.18.1.35".
// `device` may be null (a record since merged away); then the id is used.
std::string describe_change(const ChangeEvent& event, const DeviceRecord* device, int gone_after_scans);

}  // namespace nd
