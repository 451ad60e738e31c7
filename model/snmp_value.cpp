#include "model/snmp_value.hpp"

#include <cctype>
#include <cstdio>
#include <limits>

namespace nd {

std::optional<Oid> Oid::parse(std::string_view text) {
    if (!text.empty() && text.front() == '.') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    std::vector<std::uint32_t> arcs;
    std::uint64_t current = 0;
    bool have_digit = false;
    for (char c : text) {
        if (c == '.') {
            if (!have_digit) return std::nullopt;
            arcs.push_back(static_cast<std::uint32_t>(current));
            current = 0;
            have_digit = false;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            current = current * 10 + static_cast<std::uint64_t>(c - '0');
            if (current > 0xffffffffULL) return std::nullopt;
            have_digit = true;
        } else {
            return std::nullopt;
        }
    }
    if (!have_digit) return std::nullopt;
    arcs.push_back(static_cast<std::uint32_t>(current));
    return Oid(std::move(arcs));
}

bool Oid::starts_with(const Oid& prefix) const {
    return prefix.arcs_.size() <= arcs_.size() &&
           std::equal(prefix.arcs_.begin(), prefix.arcs_.end(), arcs_.begin());
}

Oid Oid::child(std::uint32_t arc) const {
    auto arcs = arcs_;
    arcs.push_back(arc);
    return Oid(std::move(arcs));
}

std::string Oid::to_string() const {
    std::string out;
    for (std::size_t i = 0; i < arcs_.size(); ++i) {
        if (i != 0) out.push_back('.');
        out += std::to_string(arcs_[i]);
    }
    return out;
}

std::string SnmpValue::text() const {
    switch (type) {
        case SnmpType::kOctetString:
        case SnmpType::kOpaque: {
            std::string_view view = bytes;
            while (!view.empty() && view.back() == '\0') view.remove_suffix(1);
            bool printable = true;
            for (unsigned char c : view) {
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') printable = false;
                if (c == 0x7f) printable = false;
            }
            if (printable) return std::string(view);
            std::string hex;
            char buf[4];
            for (std::size_t i = 0; i < bytes.size(); ++i) {
                std::snprintf(buf, sizeof buf, i == 0 ? "%02x" : ":%02x",
                              static_cast<unsigned char>(bytes[i]));
                hex += buf;
            }
            return hex;
        }
        case SnmpType::kOid:
        case SnmpType::kIpAddress:
            return bytes;
        case SnmpType::kNull:
        case SnmpType::kNoSuchObject:
        case SnmpType::kNoSuchInstance:
        case SnmpType::kEndOfMibView:
            return {};
        default:
            return std::to_string(number);
    }
}

std::map<std::uint32_t, SnmpWalk> vlan_context_walks(const SnmpWalk& walk) {
    std::map<std::uint32_t, SnmpWalk> out;
    const std::size_t skip = kVlanContextRoot.size() + 1;
    for (auto it = walk.lower_bound(kVlanContextRoot); it != walk.end(); ++it) {
        const auto& arcs = it->first.arcs();
        if (!it->first.starts_with(kVlanContextRoot)) break;
        if (arcs.size() <= skip) continue;
        SnmpWalk& vlan = out[arcs[skip - 1]];
        std::vector<std::uint32_t> inner(arcs.begin() + static_cast<std::ptrdiff_t>(skip), arcs.end());
        vlan.emplace_hint(vlan.end(), Oid(std::move(inner)), it->second);
    }
    return out;
}

std::optional<std::uint32_t> private_branch(const Oid& oid) {
    if (!oid.starts_with(oids::kEnterprises) || oid.size() <= oids::kEnterprises.size()) return std::nullopt;
    return oid.arcs()[oids::kEnterprises.size()];
}

std::vector<std::uint32_t> private_branches(const SnmpWalk& walk) {
    std::vector<std::uint32_t> out;
    // One step per branch: jump past each one to the next.
    for (auto it = walk.upper_bound(oids::kEnterprises); it != walk.end();) {
        const auto n = private_branch(it->first);
        if (!n) break;
        out.push_back(*n);
        if (*n == std::numeric_limits<std::uint32_t>::max()) break;
        it = walk.lower_bound(oids::kEnterprises.child(*n + 1));
    }
    return out;
}

}  // namespace nd
