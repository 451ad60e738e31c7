#pragma once
// The device classes of the export contract.
#include <optional>
#include <string_view>

namespace nd {

enum class DeviceClass {
    kUnknown,
    kSwitch,
    kRouter,
    kFirewall,
    kAccessPoint,  // access points and wireless controllers
    kPrinter,      // printers and MFPs
    kVoipPhone,
    kServer,
    kWorkstation,
    kPower,  // UPS, PDU
    kStorage,
    kCamera,
    kAvConference,
    kOther,
};

// Contract spelling: "switch", "access-point", "voip-phone", "av-conference", ...
std::string_view to_string(DeviceClass c);
std::optional<DeviceClass> device_class_from_string(std::string_view text);

}  // namespace nd
