#include "collectors/packets/ethernet.hpp"

#include <algorithm>
#include <array>

namespace nd::packets {
namespace {

constexpr std::size_t kMaxVlanTags = 2;
constexpr std::uint16_t kMaxLengthField = 1500;

MacAddress read_mac(Bytes six) {
    std::array<std::uint8_t, 6> octets{};
    std::copy(six.begin(), six.end(), octets.begin());
    return MacAddress{octets};
}

}  // namespace

DecodeResult<EthernetFrame> decode_ethernet(Bytes frame) {
    ByteReader reader{frame};
    EthernetFrame out;
    const auto dst = reader.take(6);
    const auto src = reader.take(6);
    auto type = reader.u16();
    if (!dst || !src || !type) return DecodeError::truncated;
    out.destination = read_mac(*dst);
    out.source = read_mac(*src);
    while (*type == kEtherTypeVlan || *type == kEtherTypeQinQ) {
        if (out.vlan_ids.size() == kMaxVlanTags) return DecodeError::unsupported;
        const auto tci = reader.u16();
        type = reader.u16();
        if (!tci || !type) return DecodeError::truncated;
        out.vlan_ids.push_back(static_cast<std::uint16_t>(*tci & 0x0fffU));
    }
    if (*type > kMaxLengthField && *type < 0x0600) return DecodeError::bad_length;
    if (*type >= 0x0600) {
        out.ethertype = *type;
        out.payload = reader.rest();
        return out;
    }
    // IEEE 802.3: the field is the payload length; the rest is padding.
    if (reader.remaining() < *type) return DecodeError::truncated;
    ByteReader llc{reader.rest().first(*type)};
    const auto dsap = llc.u8();
    const auto ssap = llc.u8();
    const auto control = llc.u8();
    if (!dsap || !ssap || !control) return DecodeError::truncated;
    if (*dsap == 0xaa && *ssap == 0xaa && *control == 0x03) {
        const auto oui = llc.take(3);
        const auto protocol = llc.u16();
        if (!oui || !protocol) return DecodeError::truncated;
        out.snap = SnapHeader{
            (std::uint32_t{(*oui)[0]} << 16U) | (std::uint32_t{(*oui)[1]} << 8U) | (*oui)[2], *protocol};
    }
    out.payload = llc.rest();
    return out;
}

}  // namespace nd::packets
