#pragma once
// One fingerprint rule as loaded from a data file: conditions (all must hold) and the findings it
// contributes. Regexes are RE2 (linear time, named captures `(?P<model>...)`), checked at load and
// compiled on first use.
#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/device_class.hpp"
#include "model/snmp_value.hpp"

namespace nd::fp {

// A rule's regex, shared by every rule that writes the same pattern. The loader checks the syntax; the
// RE2 is compiled on first use (thread-safe), since one classification reaches few rules' regexes and
// compiling all ~2,000 of them was a sixth of every load. Empty (false) when the rule has none.
class Regex {
public:
    Regex() = default;
    Regex(std::string pattern, const re2::RE2::Options& options)
        : shared_(std::make_shared<const Lazy>(std::move(pattern), options)) {}

    explicit operator bool() const { return shared_ != nullptr; }
    const std::string& pattern() const { return shared_->pattern; }
    const re2::RE2& operator*() const { return shared_->compiled(); }
    const re2::RE2* operator->() const { return &shared_->compiled(); }

private:
    struct Lazy {
        Lazy(std::string text, const re2::RE2::Options& opts) : pattern(std::move(text)), options(opts) {}
        const re2::RE2& compiled() const {
            std::call_once(once, [this] { re = std::make_unique<const re2::RE2>(pattern, options); });
            return *re;
        }
        std::string pattern;
        re2::RE2::Options options;
        mutable std::once_flag once;
        mutable std::unique_ptr<const re2::RE2> re;
    };
    std::shared_ptr<const Lazy> shared_;
};

// The fields a rule can fill, in Verdict order.
enum class Field { kVendor, kModel, kFirmware, kSerial, kOs, kCount };
inline constexpr std::array<const char*, 5> kFieldNames = {"vendor", "model", "firmware", "serial", "os"};

// Reads a value from the SNMP walk: an exact OID, else the first instance under it (a table
// column); `entity.<field>` reads the ENTITY-MIB chassis row. An optional regex keeps its capture.
// `maker.scalar` reads the maker's own MIB without knowing it: of the text scalars (instance .0) under the
// sysObjectID's 1.3.6.1.4.1.<n> branch (for a Net-SNMP / UCD or missing sysObjectID, the walk's one other
// private branch;
// with `single_rows`, also the only row of a table column: index .1 with no other row beside it),
// the one distinct value that matches `regex` (and not `unless`); none when two differ, since then the
// shape alone cannot tell which is meant.
struct OidSource {
    Oid oid;
    std::string entity_field;       // "model", "serial", "software", "firmware", "hardware", "descr", "mfg"
    Regex regex;                    // group `value` or group 1 selects the part to keep
    bool as_mac = false;            // `as = "mac"`: a 6-byte address, shown aa:bb:cc:dd:ee:ff
    bool maker_scalar = false;      // `oid = "maker.scalar"`
    bool not_in_sys_descr = false;  // maker.scalar: skip values the sysDescr already holds (product names)
    bool single_rows = false;       // maker.scalar: the only row of a table column counts as a scalar
    Regex unless;                   // maker.scalar: skip values this matches
    std::string text;               // as written, for reasons
};

struct ValueCondition {  // an OID (or entity field) whose value must match a regex
    OidSource source;
    Regex regex;
};

// `when.interfaces = { types = [94, 251], at_least = 4 }`: at least N IF-MIB ifTable rows have one of these
// ifTypes (IANAifType-MIB numbers).
struct InterfaceCondition {
    std::vector<std::uint16_t> types;  // sorted, distinct
    int at_least = 1;
};

struct Conditions {
    std::vector<Oid> sys_object_id;             // prefixes, any
    std::vector<std::uint32_t> enterprise;      // sysObjectID's 1.3.6.1.4.1.<n>, any
    std::vector<std::uint32_t> enterprise_not;  // a sysObjectID under a maker's branch, none of these
    std::vector<std::uint32_t> mib_enterprise;  // the walk holds values under 1.3.6.1.4.1.<n>, any
    Regex sys_descr, sys_descr_not;
    Regex product_name;            // the name the maker's product registry gives the sysObjectID
    Regex registrant;              // the IANA registrant of the maker's enterprise number
    Regex descr_maker;             // the known maker (its one name) whose name the sysDescr starts with
    Regex descr_after_maker;       // the rest of a sysDescr that starts with a known maker's name
    std::vector<Oid> oid_present;  // every one of these subtrees must hold a value
    std::vector<Oid> oid_any;      // at least one of these subtrees holds a value
    std::vector<ValueCondition> oid_value;
    Regex oui, hostname, cdp_platform, lldp_sys_descr, banner, dhcp_vendor_class;
    std::vector<std::string> mdns_service;                // any
    std::vector<std::pair<std::string, Regex>> mdns_txt;  // key -> regex (all)
    std::uint16_t lldp_capabilities = 0;                  // any of these bits
    std::vector<int> lldp_med_class;
    std::vector<std::uint16_t> open_port;    // any
    std::string dhcp_params;                 // "1,3,6,15" exact
    std::optional<std::pair<int, int>> ttl;  // inclusive range
    int min_ethernet_ports = 0;              // IF-MIB rows of an Ethernet ifType, at least
    std::optional<InterfaceCondition> interfaces;
    bool needs_snmp() const {
        return !sys_object_id.empty() || !enterprise.empty() || !enterprise_not.empty() ||
               !mib_enterprise.empty() || sys_descr || !oid_present.empty() || !oid_any.empty() ||
               !oid_value.empty() || min_ethernet_ports > 0 || interfaces.has_value() || product_name ||
               registrant || descr_maker || descr_after_maker;
    }
};

struct Rule {
    std::string id;
    std::string why;  // human reason, "sysObjectID is in HP's printer branch"
    std::string file;
    int line = 0;
    double weight = 0.6;        // strength of the vendor/model/... findings
    double class_weight = 0.6;  // strength of the class finding
    Conditions when;
    std::optional<DeviceClass> device_class;
    std::array<std::string, 5> templates;            // "{model}" -> capture; empty = not set
    std::array<std::vector<OidSource>, 5> from_oid;  // first present value wins
};

}  // namespace nd::fp
