#pragma once
// Evaluating one rule against one device's evidence: conditions, captures, extracted values.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fingerprint/rule.hpp"
#include "model/evidence.hpp"

namespace nd::fp {

// What classification looks at, computed once per device.
struct DeviceFacts {
    explicit DeviceFacts(const DeviceEvidence& evidence);
    const DeviceEvidence& evidence;
    std::string sys_descr;
    std::optional<Oid> sys_object_id;
    std::optional<std::uint32_t> enterprise;
    std::vector<std::uint32_t> walk_enterprises;  // private-MIB subtrees the walk holds values under, sorted
    std::optional<std::uint32_t> chassis_index;   // ENTITY-MIB row of class chassis(3)
    bool chassis_known = false;                   // entPhysicalClass named it (not a partial-walk guess)
    bool has_snmp = false;
    std::string product_name;  // the product registry's name for the sysObjectID (set by the engine)
    std::string registrant;    // the IANA registrant of maker_branch() (set by the engine)
    std::string descr_maker;   // the known maker the sysDescr starts with, its one name (set by the engine)
    std::string descr_after_maker;  // the rest of that sysDescr (set by the engine)
    int ethernet_ports = 0;         // IF-MIB ifTable rows of an Ethernet ifType (6, 62, 69, 117)
    std::vector<std::pair<std::uint32_t, int>> if_types;  // ifType -> ifTable rows of it, sorted by type

    int interfaces_of_type(std::uint32_t type) const;
    // The sysDescr as reasons quote it: cleaned, cut to 80 characters (made once, quoted by many rules).
    const std::string& shown_descr() const;

    // Exact OID, else the first instance in its subtree; nullptr when absent.
    const SnmpValue* lookup(const Oid& oid) const;
    bool has_subtree(const Oid& prefix) const;
    // Cleaned text, nullopt if absent/placeholder; `read_at` (optional) gets the OID a maker.scalar came
    // from. Of a table column, the first real row that `pick_row` (else the source's regex) matches.
    std::optional<std::string> read(const OidSource& source, std::string* read_at = nullptr,
                                    const re2::RE2* pick_row = nullptr) const;

    // The maker's 1.3.6.1.4.1.<n>: the sysObjectID's, or behind a Net-SNMP (or no) sysObjectID the walk's one
    // other private branch; nullopt when that cannot be told.
    std::optional<std::uint32_t> maker_branch() const { return maker_; }

private:
    // Found once by the constructor from `enterprise` and `walk_enterprises` (which nothing changes after).
    std::optional<std::uint32_t> maker_;          // maker_branch()
    std::optional<std::uint32_t> scalar_branch_;  // where maker.scalar reads: the maker's, or the one other
    void find_maker_branches();

    // The maker branch's text values that hold one value for the box: scalars (.0) and the only rows of table
    // columns, cleaned; gathered on the first maker.scalar read (a DeviceFacts serves one classification).
    struct MakerValue {
        const Oid* oid;
        std::string text;
        bool single_row;  // a one-row column rather than a scalar
    };
    const std::vector<MakerValue>& maker_values() const;
    mutable std::optional<std::vector<MakerValue>> maker_values_;
    mutable std::optional<std::string> lower_descr_;
    mutable std::optional<std::string> shown_descr_;

    std::optional<std::string> read_maker_scalar(const OidSource& source, std::string* read_at) const;
    static std::optional<std::string> keep_part(const OidSource& source, std::string text);
};

// Enterprise numbers that name the SNMP agent software, not the maker: Net-SNMP (8072), UCD (2021), none (0).
inline bool is_agent_toolkit(std::uint32_t n) { return n == 0 || n == 2021 || n == 8072; }
// Of these private branches, the one that is neither the agent toolkit's nor `except`, if exactly one is.
std::optional<std::uint32_t> only_other_branch(const std::vector<std::uint32_t>& branches,
                                               std::optional<std::uint32_t> except);

using Captures = std::vector<std::pair<std::string, std::string>>;

struct Match {
    Captures captures;
    std::vector<std::string> details;  // "sysObjectID 1.3.6.1.4.1.9.1.1208", "sysDescr matches ..."
};

// nullopt when a condition fails. `sys_descr_prefiltered` says the sysDescr regex is already known to match.
std::optional<Match> match_rule(const Rule& rule, const DeviceFacts& facts);

// "{model} {version}" with captures; nullopt when a referenced capture is missing or empty.
std::optional<std::string> expand(const std::string& templ, const Captures& captures);

}  // namespace nd::fp
