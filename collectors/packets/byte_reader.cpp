#include "collectors/packets/byte_reader.hpp"

#include "collectors/packets/decode_result.hpp"

namespace nd::packets {

std::string printable_text(Bytes bytes) {
    while (!bytes.empty() && (bytes.back() == 0 || bytes.back() == ' ' || bytes.back() == '\n' ||
                              bytes.back() == '\r' || bytes.back() == '\t')) {
        bytes = bytes.first(bytes.size() - 1);
    }
    std::string out;
    out.reserve(bytes.size());
    for (const auto b : bytes) {
        if (b >= 0x20 && b != 0x7f) {
            out.push_back(static_cast<char>(b));
        } else if (b == '\t' || b == '\n' || b == '\r') {
            out.push_back(' ');
        }
    }
    return out;
}

std::string ascii_lower(std::string text) {
    for (auto& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

std::string hex_colon(Bytes bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i != 0) out.push_back(':');
        out.push_back(kHex[bytes[i] >> 4U]);
        out.push_back(kHex[bytes[i] & 0x0fU]);
    }
    return out;
}

std::string_view to_string(DecodeError error) {
    switch (error) {
        case DecodeError::truncated:
            return "truncated";
        case DecodeError::bad_length:
            return "bad length";
        case DecodeError::missing_field:
            return "missing mandatory field";
        case DecodeError::wrong_protocol:
            return "wrong protocol";
        case DecodeError::unsupported:
            return "unsupported";
        case DecodeError::library_error:
            return "rejected by DNS library";
    }
    return "unknown";
}

}  // namespace nd::packets
