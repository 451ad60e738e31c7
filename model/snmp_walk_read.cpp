#include "model/snmp_walk_read.hpp"

#include <cctype>
#include <stdexcept>

namespace nd::snmp_decode {

Oid oid(std::string_view dotted) {
    auto parsed = Oid::parse(dotted);
    if (!parsed) throw std::invalid_argument("bad OID constant " + std::string(dotted));
    return *parsed;
}

const SnmpValue* scalar(const SnmpWalk& walk, const Oid& o) {
    auto it = walk.find(o);
    if (it == walk.end() || it->second.is_exception()) return nullptr;
    return &it->second;
}

std::map<Index, const SnmpValue*> column(const SnmpWalk& walk, const Oid& column_oid) {
    std::map<Index, const SnmpValue*> out;
    const std::size_t n = column_oid.size();
    for (auto it = walk.upper_bound(column_oid); it != walk.end() && it->first.starts_with(column_oid);
         ++it) {
        if (it->second.is_exception()) continue;
        const auto& arcs = it->first.arcs();
        out.emplace(Index(arcs.begin() + static_cast<std::ptrdiff_t>(n), arcs.end()), &it->second);
    }
    return out;
}

std::vector<Index> rows(const SnmpWalk& walk, const Oid& entry_oid,
                        std::initializer_list<std::uint32_t> columns) {
    std::map<Index, bool> seen;
    for (std::uint32_t c : columns) {
        for (const auto& [index, value] : column(walk, entry_oid.child(c))) seen.emplace(index, true);
    }
    std::vector<Index> out;
    out.reserve(seen.size());
    for (const auto& [index, unused] : seen) out.push_back(index);
    return out;
}

const SnmpValue* cell(const SnmpWalk& walk, const Oid& entry_oid, std::uint32_t col, const Index& index) {
    auto arcs = entry_oid.arcs();
    arcs.push_back(col);
    arcs.insert(arcs.end(), index.begin(), index.end());
    return scalar(walk, Oid(std::move(arcs)));
}

std::string text(const SnmpValue* v) {
    if (v == nullptr) return "";
    switch (v->type) {
        case SnmpType::kOctetString:
        case SnmpType::kOpaque:
        case SnmpType::kOid:
        case SnmpType::kIpAddress: {
            std::string t = v->text();
            while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
            return t;
        }
        default:
            return "";
    }
}

std::optional<std::int64_t> number(const SnmpValue* v) {
    if (v == nullptr) return std::nullopt;
    switch (v->type) {
        case SnmpType::kInteger:
        case SnmpType::kCounter32:
        case SnmpType::kGauge32:
        case SnmpType::kTimeTicks:
        case SnmpType::kCounter64:
            return v->number;
        default:
            return std::nullopt;
    }
}

namespace {
// "0:c:29:ab:cd:ef" (net-snmp's STRING rendering of a MAC) as well as the usual forms.
std::optional<MacAddress> mac_from_text(std::string_view s) {
    if (auto m = MacAddress::parse(s)) return m;
    std::array<std::uint8_t, 6> octets{};
    std::size_t i = 0;
    std::size_t pos = 0;
    while (i < 6) {
        std::size_t end = s.find(':', pos);
        std::string_view part =
            s.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (part.empty() || part.size() > 2) return std::nullopt;
        unsigned value = 0;
        for (char c : part) {
            const int d = (c >= '0' && c <= '9')   ? c - '0'
                          : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                          : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                   : -1;
            if (d < 0) return std::nullopt;
            value = value * 16 + static_cast<unsigned>(d);
        }
        octets[i++] = static_cast<std::uint8_t>(value);
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    if (i != 6 || s.find(':', pos) != std::string_view::npos) return std::nullopt;
    return MacAddress(octets);
}
}  // namespace

std::optional<MacAddress> mac(const SnmpValue* v) {
    if (v == nullptr || v->type != SnmpType::kOctetString) return std::nullopt;
    if (v->bytes.size() == 6) {
        std::array<std::uint8_t, 6> octets{};
        for (std::size_t i = 0; i < 6; ++i) octets[i] = static_cast<std::uint8_t>(v->bytes[i]);
        return MacAddress(octets);
    }
    if (v->bytes.size() >= 11 && v->bytes.size() <= 17) return mac_from_text(v->bytes);
    return std::nullopt;
}

std::optional<MacAddress> mac_from_index(const Index& index, std::size_t offset) {
    if (index.size() < offset + 6) return std::nullopt;
    std::array<std::uint8_t, 6> octets{};
    for (std::size_t i = 0; i < 6; ++i) {
        if (index[offset + i] > 255) return std::nullopt;
        octets[i] = static_cast<std::uint8_t>(index[offset + i]);
    }
    return MacAddress(octets);
}

std::optional<Ipv4Address> ipv4(const SnmpValue* v) {
    if (v == nullptr) return std::nullopt;
    if (v->type == SnmpType::kIpAddress) return Ipv4Address::parse(v->bytes);
    if (v->type == SnmpType::kOctetString && v->bytes.size() == 4) {
        const auto* b = reinterpret_cast<const unsigned char*>(v->bytes.data());
        return Ipv4Address((std::uint32_t{b[0]} << 24U) | (std::uint32_t{b[1]} << 16U) |
                           (std::uint32_t{b[2]} << 8U) | b[3]);
    }
    if (v->type == SnmpType::kOctetString) return Ipv4Address::parse(v->bytes);
    return std::nullopt;
}

std::optional<Ipv4Address> ipv4_from_index(const Index& index, std::size_t offset) {
    if (index.size() < offset + 4) return std::nullopt;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (index[offset + i] > 255) return std::nullopt;
        value = (value << 8U) | index[offset + i];
    }
    return Ipv4Address(value);
}

std::vector<int> bits(const SnmpValue* v) {
    std::vector<int> out;
    if (v == nullptr || v->type != SnmpType::kOctetString) return out;
    for (std::size_t byte = 0; byte < v->bytes.size(); ++byte) {
        const auto b = static_cast<unsigned char>(v->bytes[byte]);
        for (int bit = 0; bit < 8; ++bit) {
            if ((b & (0x80U >> static_cast<unsigned>(bit))) != 0)
                out.push_back(static_cast<int>(byte) * 8 + bit);
        }
    }
    return out;
}

std::uint32_t index_at(const Index& index, std::size_t i) { return i < index.size() ? index[i] : 0; }

std::string hex(const SnmpValue* v) {
    if (v == nullptr || v->type != SnmpType::kOctetString) return {};
    static const char* const kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(v->bytes.size() * 2);
    for (unsigned char c : v->bytes) {
        out.push_back(kDigits[c >> 4U]);
        out.push_back(kDigits[c & 0x0fU]);
    }
    return out;
}

}  // namespace nd::snmp_decode
