#pragma once
// Reads the labelled corpora (../shared/corpus: librenms-dev, recog-dev, snmpinfo-dev) into device
// evidence plus what the labels say the engine should find.
#include <filesystem>
#include <string>
#include <vector>

#include "model/device_class.hpp"
#include "model/evidence.hpp"

namespace nd::fp {

struct LabelledDevice {
    std::string id;
    std::string family;  // the label's device family (LibreNMS os, recog fingerprint), for leave-out scores
    DeviceEvidence evidence;
    std::vector<DeviceClass> classes;     // acceptable classes, [0] the best guess; empty = not labelled
    std::vector<std::string> vendors;     // acceptable maker names; empty = not labelled
    std::string model, firmware, serial;  // expected; empty = not labelled
    std::string problem;                  // why the item could not be loaded (counted, not scored)
};

struct Corpus {
    std::string name;  // "librenms-dev"
    std::vector<LabelledDevice> devices;
    std::size_t malformed_records = 0;  // snmprec lines the reader tolerated
};

// Each throws std::runtime_error when the labels file is missing or unreadable.
Corpus load_librenms_corpus(const std::filesystem::path& dir);
Corpus load_recog_corpus(const std::filesystem::path& dir);
Corpus load_snmpinfo_corpus(const std::filesystem::path& dir);
// Every corpus folder under `root` that this code knows, in a fixed order.
std::vector<Corpus> load_corpora(const std::filesystem::path& root);

}  // namespace nd::fp
