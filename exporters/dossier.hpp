#pragma once
// Writes dossier sections from the store's devices. API sketch; implementation in this folder.
#include <filesystem>
#include <string>
#include <vector>

#include "model/device_record.hpp"

namespace nd {

enum class DossierFormat { kJson, kMarkdown, kHtml, kCsv };
enum class DossierSection { kNetwork, kPrinting, kUserEquipment, kChanges, kAll };

struct DossierInput {
    std::string site;  // client site name from the config
    Clock::time_point generated;
    std::vector<DeviceRecord> devices;
    std::vector<ScanRun> scans;
};

}  // namespace nd
