#pragma once
// The outcome of decoding one packet: a typed value or the reason it was dropped.
// Decoders never throw; callers count errors (CollectorStats::malformed) and move on.
#include <string_view>
#include <utility>
#include <variant>

namespace nd::packets {

enum class DecodeError {
    truncated,       // a length field points past the end of the data
    bad_length,      // a length that contradicts the structure (e.g. TLV shorter than its header)
    missing_field,   // a mandatory element is absent (LLDP chassis id, DHCP magic cookie, ...)
    wrong_protocol,  // not the protocol this decoder handles (other ethertype, SNAP id, port)
    unsupported,     // valid but not something we decode (e.g. CDP version 3)
    library_error,   // the DNS library rejected the message
};

std::string_view to_string(DecodeError error);

template <class T>
class DecodeResult {
public:
    DecodeResult(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    DecodeResult(DecodeError error) : state_(error) {}   // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    const T* operator->() const { return &std::get<T>(state_); }
    const T& operator*() const { return std::get<T>(state_); }
    DecodeError error() const { return std::get<DecodeError>(state_); }

private:
    std::variant<T, DecodeError> state_;
};

}  // namespace nd::packets
