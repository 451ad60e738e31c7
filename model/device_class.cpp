#include "model/device_class.hpp"

#include <array>
#include <utility>

namespace nd {
namespace {

constexpr std::array<std::pair<DeviceClass, std::string_view>, 14> kNames{{
    {DeviceClass::kUnknown, "unknown"},
    {DeviceClass::kSwitch, "switch"},
    {DeviceClass::kRouter, "router"},
    {DeviceClass::kFirewall, "firewall"},
    {DeviceClass::kAccessPoint, "access-point"},
    {DeviceClass::kPrinter, "printer"},
    {DeviceClass::kVoipPhone, "voip-phone"},
    {DeviceClass::kServer, "server"},
    {DeviceClass::kWorkstation, "workstation"},
    {DeviceClass::kPower, "power"},
    {DeviceClass::kStorage, "storage"},
    {DeviceClass::kCamera, "camera"},
    {DeviceClass::kAvConference, "av-conference"},
    {DeviceClass::kOther, "other"},
}};

}  // namespace

std::string_view to_string(DeviceClass c) {
    for (const auto& [value, name] : kNames) {
        if (value == c) return name;
    }
    return "unknown";
}

std::optional<DeviceClass> device_class_from_string(std::string_view text) {
    for (const auto& [value, name] : kNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace nd
