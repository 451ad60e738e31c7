#include "model/address.hpp"

#include <arpa/inet.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <vector>

namespace nd {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

std::optional<MacAddress> MacAddress::parse(std::string_view text) {
    // Split into groups on the separator in use; each spelling fixes the group count and width.
    char separator = 0;
    for (char c : text) {
        if (c == ':' || c == '-' || c == '.') {
            if (separator != 0 && separator != c) return std::nullopt;
            separator = c;
        }
    }
    std::vector<std::string_view> groups;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            groups.push_back(text.substr(begin, i - begin));
            begin = i + 1;
        }
    }
    const std::size_t min_width = separator == 0 ? 12 : separator == '.' ? 4 : 1;
    const std::size_t max_width = separator == 0 ? 12 : separator == '.' ? 4 : 2;
    const std::size_t expected_groups = separator == 0 ? 1 : separator == '.' ? 3 : 6;
    if (groups.size() != expected_groups) return std::nullopt;
    std::string digits;
    for (auto group : groups) {
        if (group.size() < min_width || group.size() > max_width) return std::nullopt;
        if (group.size() == 1) digits.push_back('0');
        for (char c : group) {
            if (hex_value(c) < 0) return std::nullopt;
            digits.push_back(c);
        }
    }
    std::array<std::uint8_t, 6> octets{};
    for (std::size_t i = 0; i < 6; ++i) {
        octets[i] = static_cast<std::uint8_t>(hex_value(digits[2 * i]) * 16 + hex_value(digits[2 * i + 1]));
    }
    return MacAddress(octets);
}

// Formatted by hand: exports print tens of thousands of addresses, and snprintf cost ~1,700
// instructions a call (an eighth of a 10,000-device export).
std::string MacAddress::to_string() const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(17, ':');
    for (std::size_t i = 0; i < octets_.size(); ++i) {
        out[i * 3] = kHex[octets_[i] >> 4U];
        out[i * 3 + 1] = kHex[octets_[i] & 0xfU];
    }
    return out;
}

bool MacAddress::is_virtual_router() const {
    const auto& o = octets_;
    const bool vrrp =
        o[0] == 0x00 && o[1] == 0x00 && o[2] == 0x5e && o[3] == 0x00 && (o[4] == 0x01 || o[4] == 0x02);
    const bool hsrp = o[0] == 0x00 && o[1] == 0x00 && o[2] == 0x0c && o[3] == 0x07 && o[4] == 0xac;
    const bool hsrp2 = o[0] == 0x00 && o[1] == 0x00 && o[2] == 0x0c && o[3] == 0x9f && (o[4] & 0xf0) == 0xf0;
    const bool glbp = o[0] == 0x00 && o[1] == 0x07 && o[2] == 0xb4 && o[3] == 0x00;
    return vrrp || hsrp || hsrp2 || glbp;
}

std::optional<Ipv4Address> Ipv4Address::parse(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    std::string s(text);
    in_addr addr{};
    if (inet_pton(AF_INET, s.c_str(), &addr) != 1) return std::nullopt;
    return Ipv4Address(ntohl(addr.s_addr));
}

std::string Ipv4Address::to_string() const {
    // Each octet gets at most 3 digits and a dot: 16 bytes always hold "255.255.255.255.". Bounding each
    // to_chars by its own 3 digits also lets the compiler see that (-O3 warned of an overflow otherwise).
    char buf[16];
    char* end = buf;
    for (unsigned shift = 24;; shift -= 8) {
        end = std::to_chars(end, end + 3, (value_ >> shift) & 0xffU).ptr;
        if (shift == 0) break;
        *end++ = '.';
    }
    return {buf, end};
}

Ipv4Network::Ipv4Network(Ipv4Address address, int prefix_length) : prefix_(prefix_length) {
    network_ = Ipv4Address(address.value() & netmask());
}

std::optional<Ipv4Network> Ipv4Network::parse(std::string_view text) {
    const auto slash = text.find('/');
    auto address = Ipv4Address::parse(text.substr(0, slash));
    if (!address) return std::nullopt;
    int prefix = 32;
    if (slash != std::string_view::npos) {
        const auto digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 2) return std::nullopt;
        prefix = 0;
        for (char c : digits) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
            prefix = prefix * 10 + (c - '0');
        }
        if (prefix > 32) return std::nullopt;
    }
    return Ipv4Network(*address, prefix);
}

Ipv4Address Ipv4Network::first_host() const {
    return prefix_ >= 31 ? network_ : Ipv4Address(network_.value() + 1);
}

Ipv4Address Ipv4Network::last_host() const {
    const std::uint32_t broadcast = network_.value() | ~netmask();
    return prefix_ >= 31 ? Ipv4Address(broadcast) : Ipv4Address(broadcast - 1);
}

std::uint64_t Ipv4Network::host_count() const { return prefix_ >= 31 ? size() : size() - 2; }

std::string Ipv4Network::to_string() const { return network_.to_string() + "/" + std::to_string(prefix_); }

}  // namespace nd
