#pragma once
// The fingerprint engine's verdict on one device, with the reasons behind it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/device_class.hpp"

namespace nd {

struct Finding {
    std::string value;
    double confidence = 0.0;            // 0..1
    std::vector<std::string> reasons;  // "sysObjectID 1.3.6.1.4.1.11.2.3.9.1 is HP's printer branch (rule hp-printers)"
    bool operator==(const Finding&) const = default;
};

struct ClassAlternative {
    DeviceClass device_class = DeviceClass::kUnknown;
    double confidence = 0.0;
    std::vector<std::string> reasons;
    bool operator==(const ClassAlternative&) const = default;
};

struct Verdict {
    DeviceClass device_class = DeviceClass::kUnknown;
    double class_confidence = 0.0;
    std::vector<std::string> class_reasons;
    std::vector<ClassAlternative> alternatives;  // other classes the evidence pointed to, best first
    std::optional<Finding> vendor;    // normalised maker name ("HP", "Cisco")
    std::optional<Finding> model;     // cleaned ("LaserJet M404dn")
    std::optional<Finding> firmware;
    std::optional<Finding> serial;
    std::optional<Finding> os;
    std::optional<Finding> hostname;
    std::string oui_registrant;  // as registered with the IEEE, kept beside the normalised vendor
    bool operator==(const Verdict&) const = default;
};

}  // namespace nd
