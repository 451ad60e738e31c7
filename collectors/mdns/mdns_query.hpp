#pragma once
// mDNS query messages, built with ldns: one-shot queries (RFC 6762 5.1) with the QU bit asking
// responders for a unicast reply.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nd {

inline constexpr std::uint16_t kDnsTypeA = 1;
inline constexpr std::uint16_t kDnsTypePtr = 12;
inline constexpr std::uint16_t kDnsTypeTxt = 16;
inline constexpr std::uint16_t kDnsTypeSrv = 33;

struct MdnsQuestion {
    std::vector<std::string> labels;  // {"_ipp", "_tcp", "local"}; labels may contain dots and spaces
    std::uint16_t type = kDnsTypePtr;
};

// Splits a dotted name into labels ("_ipp._tcp.local" -> 3 labels); a trailing dot is ignored.
std::vector<std::string> split_labels(std::string_view name);

// Question for a service instance whose first label may contain dots: the instance label is what
// precedes ".<type>.local" ("HP LaserJet v2.1._ipp._tcp.local" with type "_ipp._tcp").
MdnsQuestion instance_question(std::string_view instance, std::string_view type, std::uint16_t rr_type);

// The wire message; empty when a label is empty or longer than 63 bytes or the message can't be built.
std::vector<std::uint8_t> build_mdns_query(const std::vector<MdnsQuestion>& questions, bool unicast_response,
                                           std::uint16_t id = 0);

}  // namespace nd
