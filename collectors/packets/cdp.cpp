#include "collectors/packets/cdp.hpp"

#include <algorithm>

namespace nd::packets {
namespace {

enum TlvType : std::uint16_t {
    kDeviceId = 0x0001,
    kAddresses = 0x0002,
    kPortId = 0x0003,
    kCapabilities = 0x0004,
    kSoftwareVersion = 0x0005,
    kPlatform = 0x0006,
    kNativeVlan = 0x000a,
    kVoipVlanReply = 0x000e,
    kManagementAddresses = 0x0016,
};

constexpr std::uint8_t kProtocolTypeNlpid = 1;
constexpr std::uint8_t kNlpidIp = 0xcc;
constexpr std::uint32_t kMaxAddresses = 64;

// Addresses TLV: count, then (protocol type, protocol length, protocol, address length, address).
bool decode_addresses(Bytes value, std::vector<Ipv4Address>& out) {
    ByteReader r{value};
    const auto count = r.u32();
    if (!count) return false;
    for (std::uint32_t i = 0; i < *count && i < kMaxAddresses; ++i) {
        const auto protocol_type = r.u8();
        const auto protocol_length = r.u8();
        if (!protocol_type || !protocol_length) return false;
        const auto protocol = r.take(*protocol_length);
        const auto address_length = r.u16();
        if (!protocol || !address_length) return false;
        const auto address = r.take(*address_length);
        if (!address) return false;
        if (*protocol_type == kProtocolTypeNlpid && protocol->size() == 1 && (*protocol)[0] == kNlpidIp &&
            address->size() == 4) {
            const auto& a = *address;
            const Ipv4Address ip{(std::uint32_t{a[0]} << 24U) | (std::uint32_t{a[1]} << 16U) |
                                 (std::uint32_t{a[2]} << 8U) | a[3]};
            if (std::find(out.begin(), out.end(), ip) == out.end()) out.push_back(ip);
        }
    }
    return true;
}

}  // namespace

DecodeResult<CdpNeighbor> decode_cdp(Bytes cdp) {
    ByteReader reader{cdp};
    const auto version = reader.u8();
    const auto ttl = reader.u8();
    const auto checksum = reader.u16();
    if (!version || !ttl || !checksum) return DecodeError::truncated;
    if (*version != 1 && *version != 2) return DecodeError::unsupported;
    CdpNeighbor out;
    bool device_id = false;
    while (!reader.empty()) {
        const auto type = reader.u16();
        const auto length = reader.u16();
        if (!type || !length) return DecodeError::truncated;
        if (*length < 4) return DecodeError::bad_length;
        const auto value = reader.take(*length - 4U);
        if (!value) return DecodeError::truncated;
        switch (*type) {
            case kDeviceId:
                out.device_id = printable_text(*value);
                device_id = true;
                break;
            case kAddresses:
            case kManagementAddresses:
                if (!decode_addresses(*value, out.addresses)) return DecodeError::bad_length;
                break;
            case kPortId:
                out.port_id = printable_text(*value);
                break;
            case kCapabilities: {
                ByteReader r{*value};
                const auto caps = r.u32();
                if (!caps) return DecodeError::bad_length;
                out.capabilities = *caps;
                break;
            }
            case kSoftwareVersion:
                out.software_version = printable_text(*value);
                break;
            case kPlatform:
                out.platform = printable_text(*value);
                break;
            case kNativeVlan: {
                ByteReader r{*value};
                const auto vlan = r.u16();
                if (!vlan) return DecodeError::bad_length;
                out.native_vlan = *vlan;
                break;
            }
            case kVoipVlanReply: {  // appliance id, then the voice VLAN
                ByteReader r{*value};
                const auto appliance = r.u8();
                const auto vlan = r.u16();
                if (!appliance || !vlan) return DecodeError::bad_length;
                out.voice_vlan = *vlan;
                break;
            }
            default:
                break;
        }
    }
    if (!device_id) return DecodeError::missing_field;
    if (!out.addresses.empty()) out.address = out.addresses.front();
    return out;
}

}  // namespace nd::packets
