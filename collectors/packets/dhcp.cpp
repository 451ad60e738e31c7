#include "collectors/packets/dhcp.hpp"

#include <array>
#include <optional>

namespace nd::packets {
namespace {

constexpr std::size_t kBootpFixedLength = 236;  // op .. file
constexpr std::uint32_t kMagicCookie = 0x63825363;
constexpr std::size_t kChaddrOffset = 28;
constexpr std::uint8_t kHtypeEthernet = 1;
constexpr std::size_t kSnameOffset = 44;
constexpr std::size_t kSnameLength = 64;
constexpr std::size_t kFileOffset = 108;
constexpr std::size_t kFileLength = 128;

Ipv4Address ipv4(Bytes four) {
    return Ipv4Address{(std::uint32_t{four[0]} << 24U) | (std::uint32_t{four[1]} << 16U) |
                       (std::uint32_t{four[2]} << 8U) | four[3]};
}

// Reads options up to End (255) or the end of `r`; records option 52's value in `overload`.
std::optional<DecodeError> read_options(ByteReader& r, DhcpFingerprint& fp, std::uint8_t& overload) {
    while (!r.empty()) {
        const auto code = *r.u8();
        if (code == 0) continue;  // pad
        if (code == 255) break;   // end
        const auto length = r.u8();
        if (!length) return DecodeError::truncated;
        const auto value = r.take(*length);
        if (!value) return DecodeError::truncated;
        switch (code) {
            case 12:
                fp.hostname = printable_text(*value);
                break;
            case 50:
                if (value->size() == 4) fp.requested_ip = ipv4(*value);
                break;
            case 52:
                if (value->size() != 1 || (*value)[0] < 1 || (*value)[0] > 3) return DecodeError::bad_length;
                overload = (*value)[0];
                break;
            case 53:
                if (value->size() == 1) fp.message_type = (*value)[0];
                break;
            case 55:
                fp.parameter_request_list.assign(value->begin(), value->end());
                break;
            case 60:
                fp.vendor_class = printable_text(*value);
                break;
            case 61:
                fp.client_id = hex_colon(*value);
                break;
            default:
                break;
        }
    }
    return std::nullopt;
}

}  // namespace

DecodeResult<DhcpPacket> decode_dhcp(Bytes payload) {
    if (payload.size() < kBootpFixedLength + 4) return DecodeError::truncated;
    ByteReader r{payload};
    DhcpPacket out;
    out.op = *r.u8();
    const auto htype = *r.u8();
    const auto hlen = *r.u8();
    r.u8();  // hops
    out.transaction_id = *r.u32();
    r.take(4);  // secs, flags
    out.client_address = ipv4(*r.take(4));
    out.your_address = ipv4(*r.take(4));
    if (out.op != 1 && out.op != 2) return DecodeError::wrong_protocol;
    if (htype == kHtypeEthernet && hlen == 6) {
        std::array<std::uint8_t, 6> mac{};
        for (std::size_t i = 0; i < 6; ++i) mac[i] = payload[kChaddrOffset + i];
        out.client_mac = MacAddress{mac};
    }
    ByteReader options{payload.subspan(kBootpFixedLength)};
    if (*options.u32() != kMagicCookie) return DecodeError::missing_field;

    // Option 52 (RFC 2132 9.3) moves more options into the `file` (1), `sname` (2) or both (3) fields,
    // read in that order after the options field (RFC 3396 4.1); a field holds options up to its end.
    std::uint8_t overload = 0;
    if (const auto e = read_options(options, out.fingerprint, overload); e) return *e;
    if ((overload & 1U) != 0) {
        ByteReader file{payload.subspan(kFileOffset, kFileLength)};
        std::uint8_t ignored = 0;
        if (const auto e = read_options(file, out.fingerprint, ignored); e) return *e;
    }
    if ((overload & 2U) != 0) {
        ByteReader sname{payload.subspan(kSnameOffset, kSnameLength)};
        std::uint8_t ignored = 0;
        if (const auto e = read_options(sname, out.fingerprint, ignored); e) return *e;
    }
    return out;
}

}  // namespace nd::packets
