#pragma once
// Link- and network-layer addresses shared by every module.
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nd {

class MacAddress {
public:
    MacAddress() = default;
    explicit MacAddress(std::array<std::uint8_t, 6> octets) : octets_(octets) {}

    // Accepts "aa:bb:cc:dd:ee:ff", "aa-bb-cc-dd-ee-ff", "aabb.ccdd.eeff" and "aabbccddeeff".
    static std::optional<MacAddress> parse(std::string_view text);

    const std::array<std::uint8_t, 6>& octets() const { return octets_; }
    std::string to_string() const;  // lower-case, colon separated
    std::uint32_t oui() const { return (octets_[0] << 16U) | (octets_[1] << 8U) | octets_[2]; }
    bool is_multicast() const { return (octets_[0] & 0x01U) != 0; }
    // Randomised (private) MACs of phones and laptops set this bit; such a MAC alone is no identity.
    bool is_locally_administered() const { return (octets_[0] & 0x02U) != 0; }
    bool is_zero() const { return octets_ == std::array<std::uint8_t, 6>{}; }
    // VRRP (00:00:5e:00:01:xx) and HSRP (00:00:0c:07:ac:xx) virtual router MACs are not devices.
    bool is_virtual_router() const;

    auto operator<=>(const MacAddress&) const = default;

private:
    std::array<std::uint8_t, 6> octets_{};
};

class Ipv4Address {
public:
    Ipv4Address() = default;
    explicit Ipv4Address(std::uint32_t host_order) : value_(host_order) {}
    static std::optional<Ipv4Address> parse(std::string_view text);

    std::uint32_t value() const { return value_; }  // host byte order
    std::string to_string() const;
    bool is_loopback() const { return (value_ >> 24U) == 127U; }

    auto operator<=>(const Ipv4Address&) const = default;

private:
    std::uint32_t value_ = 0;
};

class Ipv4Network {
public:
    Ipv4Network() = default;
    Ipv4Network(Ipv4Address address, int prefix_length);  // host bits are cleared
    // "198.18.0.0/24"; a bare address is a /32.
    static std::optional<Ipv4Network> parse(std::string_view text);

    Ipv4Address network() const { return network_; }
    int prefix_length() const { return prefix_; }
    std::uint32_t netmask() const { return prefix_ == 0 ? 0 : ~std::uint32_t{0} << (32U - prefix_); }
    std::uint64_t size() const { return std::uint64_t{1} << (32U - prefix_); }
    // Usable host addresses: network and broadcast excluded below /31.
    Ipv4Address first_host() const;
    Ipv4Address last_host() const;
    std::uint64_t host_count() const;
    bool contains(Ipv4Address a) const { return (a.value() & netmask()) == network_.value(); }
    bool contains(const Ipv4Network& other) const {
        return other.prefix_ >= prefix_ && contains(other.network_);
    }
    std::string to_string() const;

    auto operator<=>(const Ipv4Network&) const = default;

private:
    Ipv4Address network_;
    int prefix_ = 32;
};

}  // namespace nd
