#include "collectors/packets/lldp.hpp"

#include <array>

namespace nd::packets {
namespace {

enum TlvType : std::uint8_t {
    kEnd = 0,
    kChassisId = 1,
    kPortId = 2,
    kTtl = 3,
    kPortDescription = 4,
    kSystemName = 5,
    kSystemDescription = 6,
    kSystemCapabilities = 7,
    kManagementAddress = 8,
    kOrganizational = 127,
};

constexpr std::uint32_t kOuiTia = 0x0012bb;
constexpr std::uint8_t kIanaFamilyIpv4 = 1;

std::string mac_text(Bytes six) {
    std::array<std::uint8_t, 6> octets{};
    for (std::size_t i = 0; i < 6; ++i) octets[i] = six[i];
    return MacAddress{octets}.to_string();
}

// Chassis ID subtype 4 / Port ID subtype 3 are MACs; 5 / 4 are network addresses; the rest is text.
std::string id_text(std::uint8_t subtype, Bytes value, std::uint8_t mac_subtype,
                    std::uint8_t address_subtype) {
    if (subtype == mac_subtype && value.size() == 6) return mac_text(value);
    if (subtype == address_subtype && value.size() == 5 && value[0] == kIanaFamilyIpv4) {
        return Ipv4Address{(std::uint32_t{value[1]} << 24U) | (std::uint32_t{value[2]} << 16U) |
                           (std::uint32_t{value[3]} << 8U) | value[4]}
            .to_string();
    }
    return printable_text(value);
}

bool decode_id(Bytes value, std::string& out, std::uint8_t mac_subtype, std::uint8_t address_subtype) {
    if (value.size() < 2) return false;  // subtype plus at least one byte
    out = id_text(value[0], value.subspan(1), mac_subtype, address_subtype);
    return true;
}

void decode_management_address(Bytes value, LldpNeighbor& out) {
    ByteReader r{value};
    const auto length = r.u8();  // covers subtype + address
    if (!length || *length < 2) return;
    const auto address = r.take(*length);
    if (!address || (*address)[0] != kIanaFamilyIpv4 || address->size() != 5) return;
    if (out.management_address) return;  // the first IPv4 management address wins
    const auto a = *address;
    out.management_address = Ipv4Address{(std::uint32_t{a[1]} << 24U) | (std::uint32_t{a[2]} << 16U) |
                                         (std::uint32_t{a[3]} << 8U) | a[4]};
}

void decode_med(std::uint8_t subtype, Bytes value, LldpNeighbor& out) {
    ByteReader r{value};
    switch (subtype) {
        case 1: {  // capabilities: bit map + device type
            const auto caps = r.u16();
            const auto type = r.u8();
            if (!caps || !type) return;
            out.med_capabilities = *caps;
            if (*type >= 1 && *type <= 4) out.med_device_class = *type;
            return;
        }
        case 2: {  // network policy: application, U/T/X, VLAN(12), priority(3), DSCP(6)
            const auto app = r.u8();
            const auto b = r.take(3);
            if (!app || !b) return;
            const std::uint32_t bits =
                (std::uint32_t{(*b)[0]} << 16U) | (std::uint32_t{(*b)[1]} << 8U) | (*b)[2];
            const bool unknown = (bits & 0x800000U) != 0;
            const auto vlan = static_cast<std::uint16_t>((bits >> 9U) & 0xfffU);
            // The T (tagged) flag is not required: lldpd and some phones send the VLAN untagged-flagged.
            if (*app == 1 && !unknown && vlan != 0) out.med_voice_vlan = vlan;
            return;
        }
        case 5:
            out.med_hardware_revision = printable_text(value);
            return;
        case 6:
            out.med_firmware_revision = printable_text(value);
            return;
        case 7:
            out.med_software_revision = printable_text(value);
            return;
        case 8:
            out.med_serial = printable_text(value);
            return;
        case 9:
            out.med_manufacturer = printable_text(value);
            return;
        case 10:
            out.med_model = printable_text(value);
            return;
        case 11:
            out.med_asset_id = printable_text(value);
            return;
        default:
            return;  // location, extended power: not evidence we use
    }
}

}  // namespace

DecodeResult<LldpNeighbor> decode_lldp(Bytes lldpdu) {
    ByteReader reader{lldpdu};
    LldpNeighbor out;
    bool chassis = false;
    bool port = false;
    bool ttl = false;
    while (!reader.empty()) {
        const auto header = reader.u16();
        if (!header) return DecodeError::truncated;
        const auto type = static_cast<std::uint8_t>(*header >> 9U);
        const auto length = static_cast<std::size_t>(*header & 0x01ffU);
        const auto value = reader.take(length);
        if (!value) return DecodeError::truncated;
        switch (type) {
            case kEnd:
                reader = ByteReader{Bytes{}};
                break;
            case kChassisId:
                if (!decode_id(*value, out.chassis_id, 4, 5)) return DecodeError::bad_length;
                chassis = true;
                break;
            case kPortId:
                if (!decode_id(*value, out.port_id, 3, 4)) return DecodeError::bad_length;
                port = true;
                break;
            case kTtl:
                if (length != 2) return DecodeError::bad_length;
                ttl = true;
                break;
            case kPortDescription:
                out.port_description = printable_text(*value);
                break;
            case kSystemName:
                out.system_name = printable_text(*value);
                break;
            case kSystemDescription:
                out.system_description = printable_text(*value);
                break;
            case kSystemCapabilities: {
                ByteReader caps{*value};
                const auto system = caps.u16();
                const auto enabled = caps.u16();
                if (!system || !enabled) return DecodeError::bad_length;
                out.capabilities = *system;
                out.enabled_capabilities = *enabled;
                break;
            }
            case kManagementAddress:
                decode_management_address(*value, out);
                break;
            case kOrganizational: {
                if (length < 4) return DecodeError::bad_length;
                const auto& v = *value;
                const std::uint32_t oui = (std::uint32_t{v[0]} << 16U) | (std::uint32_t{v[1]} << 8U) | v[2];
                if (oui == kOuiTia) decode_med(v[3], v.subspan(4), out);
                break;
            }
            default:
                break;  // reserved types are skipped by length
        }
    }
    if (!chassis || !port || !ttl) return DecodeError::missing_field;
    return out;
}

}  // namespace nd::packets
