#pragma once
// SNMP object identifiers and values as collectors read them and fingerprint rules match them.
#include <algorithm>
#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nd {

class Oid {
public:
    Oid() = default;
    explicit Oid(std::vector<std::uint32_t> arcs) : arcs_(std::move(arcs)) {}
    // "1.3.6.1.2.1.1.1.0" or ".1.3.6.1.2.1.1.1.0"; nullopt when not numeric.
    static std::optional<Oid> parse(std::string_view text);

    const std::vector<std::uint32_t>& arcs() const { return arcs_; }
    std::size_t size() const { return arcs_.size(); }
    bool empty() const { return arcs_.empty(); }
    bool starts_with(const Oid& prefix) const;
    Oid child(std::uint32_t arc) const;
    std::string to_string() const;  // without a leading dot

    // Written out: the defaulted three-way comparison of the vectors went arc by arc through a generic
    // synthesised comparison, and comparing OIDs is most of every walk lookup.
    std::strong_ordering operator<=>(const Oid& other) const {
        const std::size_t n = std::min(arcs_.size(), other.arcs_.size());
        const auto [mine, theirs] =
            std::mismatch(arcs_.begin(), arcs_.begin() + static_cast<std::ptrdiff_t>(n), other.arcs_.begin());
        if (mine != arcs_.begin() + static_cast<std::ptrdiff_t>(n)) return *mine <=> *theirs;
        return arcs_.size() <=> other.arcs_.size();
    }
    bool operator==(const Oid&) const = default;

private:
    std::vector<std::uint32_t> arcs_;
};

enum class SnmpType {
    kInteger,
    kOctetString,
    kOid,
    kIpAddress,
    kCounter32,
    kGauge32,
    kTimeTicks,
    kOpaque,
    kCounter64,
    kNull,
    kNoSuchObject,
    kNoSuchInstance,
    kEndOfMibView,
};

struct SnmpValue {
    SnmpType type = SnmpType::kNull;
    std::string bytes;        // octet strings: raw bytes; OIDs, IP addresses: dotted text
    std::int64_t number = 0;  // integers, counters, gauges, timeticks

    // Printable text: octet strings as-is when printable (trailing NULs dropped), else hex "aa:bb:..".
    std::string text() const;
    bool is_exception() const {
        return type == SnmpType::kNoSuchObject || type == SnmpType::kNoSuchInstance ||
               type == SnmpType::kEndOfMibView;
    }
};

// Everything read from one agent, ordered by OID (as a walk returns it).
using SnmpWalk = std::map<Oid, SnmpValue>;

// Per-VLAN context walks of Cisco switches (community@VLAN, v3 context vlan-N: the BRIDGE-MIB MAC
// table and port map of each VLAN) ride inside the device's SnmpWalk under a private subtree,
// kVlanContextRoot.<vlan>.<OID as the agent returned it> (Net-SNMP's never-allocated playpen).
inline const Oid kVlanContextRoot{{1, 3, 6, 1, 4, 1, 8072, 9999, 9999, 7, 1}};
// Those walks back, VLAN -> its OIDs as the agent returned them; empty when there are none.
std::map<std::uint32_t, SnmpWalk> vlan_context_walks(const SnmpWalk& walk);

// The makers' private MIBs (1.3.6.1.4.1.<n>) the walk holds values under, in order.
std::vector<std::uint32_t> private_branches(const SnmpWalk& walk);

// The n of an OID in a maker's private MIB (1.3.6.1.4.1.<n>...); nullopt for any other OID.
std::optional<std::uint32_t> private_branch(const Oid& oid);

// Well-known OIDs used across modules.
namespace oids {
inline const Oid kSysDescr{{1, 3, 6, 1, 2, 1, 1, 1, 0}};
inline const Oid kSysObjectId{{1, 3, 6, 1, 2, 1, 1, 2, 0}};
inline const Oid kSysUpTime{{1, 3, 6, 1, 2, 1, 1, 3, 0}};
inline const Oid kSysContact{{1, 3, 6, 1, 2, 1, 1, 4, 0}};
inline const Oid kSysName{{1, 3, 6, 1, 2, 1, 1, 5, 0}};
inline const Oid kSysLocation{{1, 3, 6, 1, 2, 1, 1, 6, 0}};
inline const Oid kEnterprises{{1, 3, 6, 1, 4, 1}};  // the makers' private MIBs: 1.3.6.1.4.1.<n>
}  // namespace oids

}  // namespace nd
