#pragma once
// Bounds-checked cursor over a byte span: every read says whether the bytes were there, so a
// decoder can never read past the end of a truncated or hostile packet.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace nd::packets {

using Bytes = std::span<const std::uint8_t>;

class ByteReader {
public:
    explicit ByteReader(Bytes data) : data_(data) {}

    std::size_t remaining() const { return data_.size() - pos_; }
    std::size_t position() const { return pos_; }
    bool empty() const { return remaining() == 0; }

    std::optional<std::uint8_t> u8() {
        if (remaining() < 1) return std::nullopt;
        return data_[pos_++];
    }
    std::optional<std::uint16_t> u16() {  // network byte order
        if (remaining() < 2) return std::nullopt;
        const auto v = static_cast<std::uint16_t>((data_[pos_] << 8U) | data_[pos_ + 1]);
        pos_ += 2;
        return v;
    }
    std::optional<std::uint32_t> u32() {  // network byte order
        if (remaining() < 4) return std::nullopt;
        const std::uint32_t v = (std::uint32_t{data_[pos_]} << 24U) |
                                (std::uint32_t{data_[pos_ + 1]} << 16U) |
                                (std::uint32_t{data_[pos_ + 2]} << 8U) | std::uint32_t{data_[pos_ + 3]};
        pos_ += 4;
        return v;
    }
    std::optional<Bytes> take(std::size_t n) {
        if (remaining() < n) return std::nullopt;
        auto out = data_.subspan(pos_, n);
        pos_ += n;
        return out;
    }
    Bytes rest() const { return data_.subspan(pos_); }

private:
    Bytes data_;
    std::size_t pos_ = 0;
};

// Text fields of packets are untrusted: keep printable ASCII and UTF-8 bytes, drop control
// characters and trailing NULs so the dossier never carries terminal escapes.
std::string printable_text(Bytes bytes);
// DNS names and TXT keys compare case-insensitively in ASCII only (RFC 4343, RFC 6763 6.4).
std::string ascii_lower(std::string text);
// "aa:bb:cc" for identifiers that are not text.
std::string hex_colon(Bytes bytes);

}  // namespace nd::packets
