#include "fingerprint/matcher.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "fingerprint/normalize.hpp"
#include "fingerprint/regex_literals.hpp"

namespace nd::fp {
namespace {

const Oid kEntPhysicalClass{{1, 3, 6, 1, 2, 1, 47, 1, 1, 1, 1, 5}};
const Oid kEntPhysicalEntry{{1, 3, 6, 1, 2, 1, 47, 1, 1, 1, 1}};

std::uint32_t entity_column(const std::string& field) {
    if (field == "descr") return 2;
    if (field == "name") return 7;
    if (field == "hardware") return 8;
    if (field == "firmware") return 9;
    if (field == "software") return 10;
    if (field == "serial") return 11;
    if (field == "mfg") return 12;
    return 13;  // model
}

// Runs `re` on `text`, appending named captures. False when it does not match.
bool search(const re2::RE2& re, std::string_view text, Captures* captures) {
    const auto& names = re.CapturingGroupNames();  // index -> name
    int groups = re.NumberOfCapturingGroups();
    if (names.empty() || captures == nullptr) return re2::RE2::PartialMatch(text, re);
    std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(groups) + 1);
    if (!re.Match(text, 0, text.size(), re2::RE2::UNANCHORED, pieces.data(), groups + 1)) return false;
    for (const auto& [index, name] : names) {
        const auto& piece = pieces[static_cast<std::size_t>(index)];
        if (piece.data() != nullptr && !piece.empty()) captures->emplace_back(name, std::string(piece));
    }
    return true;
}

// IANAifType-MIB names of the types the shipped rules ask for, for reasons ("vdsl2(251)"); others show
// their number.
std::string if_type_text(std::uint32_t type) {
    // clang-format off
    static const std::map<std::uint32_t, const char*> kNames = {
        {56, "fibreChannel"}, {71, "ieee80211"}, {94, "adsl"}, {95, "radsl"}, {96, "sdsl"}, {97, "vdsl"},
        {101, "voiceFXO"}, {102, "voiceFXS"}, {127, "docsCableMaclayer"}, {143, "msdsl"}, {154, "idsl"},
        {168, "hdsl2"}, {169, "shdsl"}, {196, "opticalTransport"}, {207, "pon155"}, {208, "pon622"},
        {219, "opticalChannelGroup"}, {230, "adsl2"}, {238, "adsl2plus"}, {250, "gpon"}, {251, "vdsl2"},
        {252, "capwapDot11Profile"}, {253, "capwapDot11Bss"}, {254, "capwapWtpVirtualRadio"},
        {266, "aluEpon"}, {267, "aluEponOnu"}, {268, "aluEponPhysicalUni"}, {269, "aluEponLogicalLink"},
        {270, "aluGponOnu"}, {271, "aluGponPhysicalUni"}, {279, "gfast"}, {282, "fastdsl"},
        {295, "microwaveCarrierTermination"}, {296, "microwaveRadioLinkTerminal"}};
    // clang-format on
    auto it = kNames.find(type);
    return it != kNames.end() ? std::string(it->second) + "(" + std::to_string(type) + ")"
                              : "ifType " + std::to_string(type);
}

std::string shorten(std::string_view s) {
    std::string out = clean_text(s);
    if (out.size() > 80) {  // cut on a character boundary, not inside a UTF-8 sequence
        std::size_t cut = 80;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out = out.substr(0, cut) + "...";
    }
    return out;
}

// A scalar (.0) sits a few levels into a maker's MIB (9070.1.2.3.1.5.1.6.2.0 is deep); an OID ending in 0
// further down is a table row whose index ends in 0 (a tape library's drive slot 0.0.0...).
constexpr std::size_t kScalarDepth = 10;

// A value as rules read it: numbers as digits, anything else as its text.
std::string value_text(const SnmpValue& value) {
    return value.type == SnmpType::kInteger || value.type == SnmpType::kGauge32 ? std::to_string(value.number)
                                                                                : value.text();
}

// Where the walk's values under `prefix` end (the first OID at or after the prefix's next sibling): loops
// that stop there spare reading every OID's arcs, a second memory access per value, just to see that it
// is still in the subtree.
SnmpWalk::const_iterator subtree_end(const SnmpWalk& walk, const Oid& prefix) {
    std::vector<std::uint32_t> next = prefix.arcs();
    while (!next.empty() && next.back() == std::numeric_limits<std::uint32_t>::max()) next.pop_back();
    if (next.empty()) return walk.end();
    ++next.back();
    return walk.lower_bound(Oid(std::move(next)));
}

}  // namespace

DeviceFacts::DeviceFacts(const DeviceEvidence& ev) : evidence(ev), has_snmp(!ev.snmp.empty()) {
    if (auto it = ev.snmp.find(oids::kSysDescr); it != ev.snmp.end()) sys_descr = it->second.text();
    if (auto it = ev.snmp.find(oids::kSysObjectId);
        it != ev.snmp.end() && it->second.type == SnmpType::kOid) {
        sys_object_id = Oid::parse(it->second.bytes);
        if (sys_object_id && sys_object_id->starts_with(oids::kEnterprises) && sys_object_id->size() > 6)
            enterprise = sys_object_id->arcs()[6];
    }
    walk_enterprises = private_branches(ev.snmp);
    find_maker_branches();
    static const Oid kIfType{{1, 3, 6, 1, 2, 1, 2, 2, 1, 3}};
    std::map<std::uint32_t, int> rows_by_type;  // counted once here, read by every interfaces condition
    for (auto it = ev.snmp.lower_bound(kIfType), end = subtree_end(ev.snmp, kIfType); it != end; ++it) {
        const std::int64_t type = it->second.number;  // an IANAifType is an INTEGER 1..2^31-1
        if (type >= 1 && type <= std::numeric_limits<std::int32_t>::max())
            ++rows_by_type[static_cast<std::uint32_t>(type)];
    }
    if_types.assign(rows_by_type.begin(), rows_by_type.end());
    for (std::uint32_t type : {6, 62, 69, 117})  // ethernetCsmacd, fastEther, fastEtherFX, gigabitEthernet
        ethernet_ports += interfaces_of_type(type);
    for (auto it = ev.snmp.lower_bound(kEntPhysicalClass), end = subtree_end(ev.snmp, kEntPhysicalClass);
         it != end; ++it) {
        if (it->second.number == 3 && it->first.size() == kEntPhysicalClass.size() + 1) {
            chassis_index = it->first.arcs().back();
            chassis_known = true;
            break;
        }
    }
    // Partial walks (or agents without entPhysicalClass): the top-level entity (contained in 0), else the
    // first row that has a serial number.
    static const Oid kContainedIn = kEntPhysicalEntry.child(4);
    static const Oid kSerialColumn = kEntPhysicalEntry.child(11);
    for (const auto& column : {kContainedIn, kSerialColumn}) {
        for (auto it = ev.snmp.lower_bound(column);
             !chassis_index && it != ev.snmp.end() && it->first.starts_with(column); ++it) {
            bool top = column == kContainedIn ? it->second.number == 0 : !it->second.bytes.empty();
            if (top && it->first.size() == column.size() + 1) chassis_index = it->first.arcs().back();
        }
    }
}

const std::string& DeviceFacts::shown_descr() const {
    if (!shown_descr_) shown_descr_ = shorten(sys_descr);
    return *shown_descr_;
}

const SnmpValue* DeviceFacts::lookup(const Oid& oid) const {
    auto it = evidence.snmp.lower_bound(oid);
    if (it == evidence.snmp.end() || !it->first.starts_with(oid)) return nullptr;
    return &it->second;
}

bool DeviceFacts::has_subtree(const Oid& prefix) const { return lookup(prefix) != nullptr; }

int DeviceFacts::interfaces_of_type(std::uint32_t type) const {
    auto it = std::lower_bound(if_types.begin(), if_types.end(), std::pair<std::uint32_t, int>(type, 0));
    return it != if_types.end() && it->first == type ? it->second : 0;
}

namespace {

// A 6-byte hardware address as aa:bb:cc:dd:ee:ff; nullopt for other lengths and all-zero / all-one values.
std::optional<std::string> mac_text(const SnmpValue& value) {
    if (value.type != SnmpType::kOctetString || value.bytes.size() != 6) return std::nullopt;
    if (value.bytes == std::string(6, '\0') || value.bytes == std::string(6, '\xff')) return std::nullopt;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : value.bytes) {
        if (!out.empty()) out.push_back(':');
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
    }
    return out;
}

}  // namespace

std::optional<std::string> DeviceFacts::read(const OidSource& source, std::string* read_at,
                                             const re2::RE2* pick_row) const {
    if (source.maker_scalar) return read_maker_scalar(source, read_at);
    if (source.as_mac) {  // the first row of the column (or the exact OID) that holds an address
        for (auto row = evidence.snmp.lower_bound(source.oid);
             row != evidence.snmp.end() && row->first.starts_with(source.oid); ++row) {
            if (auto mac = mac_text(row->second)) return mac;
        }
        return std::nullopt;
    }
    const SnmpValue* value = nullptr;
    if (!source.entity_field.empty()) {
        const Oid column = kEntPhysicalEntry.child(entity_column(source.entity_field));
        if (chassis_index) {
            auto it = evidence.snmp.find(column.child(*chassis_index));
            if (it != evidence.snmp.end()) value = &it->second;
        }
        // A partial walk without entPhysicalClass only guessed the row: when that row has no real value
        // (empty, "<private>"), the first row of the column that has one is the likelier chassis
        // (agents number the chassis before its modules).
        if (!chassis_known && (value == nullptr || is_placeholder(clean_text(value->text())))) {
            value = nullptr;
            for (auto row = evidence.snmp.lower_bound(column);
                 row != evidence.snmp.end() && row->first.starts_with(column); ++row) {
                if (row->first.size() == column.size() + 1 &&
                    !is_placeholder(clean_text(row->second.text()))) {
                    value = &row->second;
                    break;
                }
            }
        }
    } else if (auto exact = evidence.snmp.find(source.oid); exact != evidence.snmp.end()) {
        value = &exact->second;
    } else {
        // A table column: its first row that holds a real value (row 1 is often an empty loopback or
        // a masked entry); with a regex, the first row it matches (the one inventory row whose
        // description carries "SN:...", the one storage row that is a NAS volume).
        // A condition's regex is matched as the condition will see the row (cleaned, a number as digits),
        // whatever its type; a value's regex only picks among text rows.
        const bool condition = pick_row != nullptr;
        if (!condition && source.regex) pick_row = &*source.regex;
        for (auto row = evidence.snmp.lower_bound(source.oid);
             row != evidence.snmp.end() && row->first.starts_with(source.oid); ++row) {
            if (value == nullptr) value = &row->second;
            const std::string shown = clean_text(condition ? value_text(row->second) : row->second.text());
            if (row->second.is_exception() || row->second.type == SnmpType::kNull || is_placeholder(shown))
                continue;
            const bool picked = pick_row == nullptr ||
                                (condition ? re2::RE2::PartialMatch(shown, *pick_row)
                                           : row->second.type != SnmpType::kOctetString ||
                                                 re2::RE2::PartialMatch(row->second.text(), *pick_row));
            if (picked) {
                value = &row->second;
                break;
            }
        }
    }
    if (value == nullptr || value->is_exception() || value->type == SnmpType::kNull) return std::nullopt;
    return keep_part(source, value_text(*value));
}

const std::vector<DeviceFacts::MakerValue>& DeviceFacts::maker_values() const {
    if (maker_values_) return *maker_values_;
    maker_values_.emplace();
    if (!scalar_branch_) return *maker_values_;
    const Oid branch = oids::kEnterprises.child(*scalar_branch_);
    auto same_column = [](const Oid& row, const Oid& other) {
        const auto& a = row.arcs();
        const auto& b = other.arcs();
        return b.size() + 1 >= a.size() && std::equal(a.begin(), a.end() - 1, b.begin());
    };
    auto same_entry = [](const Oid& row, const Oid& other) {  // the same table: all but column and index
        const auto& a = row.arcs();
        const auto& b = other.arcs();
        return a.size() == b.size() && a.size() > 2 && std::equal(a.begin(), a.end() - 2, b.begin());
    };
    const auto first = evidence.snmp.lower_bound(branch);
    for (auto it = first, end = subtree_end(evidence.snmp, branch); it != end; ++it) {
        if (it->second.type != SnmpType::kOctetString || it->first.size() <= branch.size()) continue;
        bool scalar = it->first.arcs().back() == 0 && it->first.size() <= branch.size() + kScalarDepth;
        auto next = std::next(it);
        const Oid* before = it == first ? nullptr : &std::prev(it)->first;
        const Oid* after = next == evidence.snmp.end() ? nullptr : &next->first;
        // Index .1 alone in its column: the unit's one row. Not when the row before or after it in the same
        // table is another index: that is where a read of the table's first rows stopped (a live scan asks a
        // rule's table for a few rows). (A compound index can look the same; the shape filters and the
        // single-candidate rule are what keep a module's value out.)
        auto other_row_beside = [&](const Oid* other) {
            return other != nullptr && same_entry(it->first, *other) && other->arcs().back() != 1;
        };
        bool only_row = it->first.arcs().back() == 1 &&
                        (before == nullptr || !same_column(it->first, *before)) &&
                        (after == nullptr || !same_column(it->first, *after)) && !other_row_beside(before) &&
                        !other_row_beside(after);
        if (!scalar && !only_row) continue;
        std::string text = clean_text(it->second.text());
        if (!is_placeholder(text)) maker_values_->push_back({&it->first, std::move(text), !scalar});
    }
    return *maker_values_;
}

std::optional<std::string> DeviceFacts::read_maker_scalar(const OidSource& source,
                                                          std::string* read_at) const {
    if (!lower_descr_) lower_descr_ = ascii_lower(sys_descr);
    const MakerValue* found = nullptr;
    for (const auto& value : maker_values()) {
        if (value.single_row && !source.single_rows) continue;
        if (!re2::RE2::PartialMatch(value.text, *source.regex)) continue;
        if (source.unless && re2::RE2::PartialMatch(value.text, *source.unless)) continue;
        if (source.not_in_sys_descr && lower_descr_->find(ascii_lower(value.text)) != std::string::npos)
            continue;
        if (found != nullptr && value.text != found->text)
            return std::nullopt;  // two candidates: cannot choose
        if (found == nullptr) found = &value;
    }
    if (found == nullptr) return std::nullopt;
    if (read_at != nullptr) *read_at = found->oid->to_string();
    return keep_part(source, found->text);
}

std::optional<std::uint32_t> only_other_branch(const std::vector<std::uint32_t>& branches,
                                               std::optional<std::uint32_t> except) {
    std::optional<std::uint32_t> other;
    for (auto n : branches) {
        if (is_agent_toolkit(n) || n == except) continue;
        if (other) return std::nullopt;
        other = n;
    }
    return other;
}

void DeviceFacts::find_maker_branches() {
    // Net-SNMP's own branches (8072 NET-SNMP, 2021 UCD) say which agent answers, not who made the box: an
    // appliance built on it serves its maker's MIB beside them, and that is the one other branch in the walk.
    if (enterprise && !is_agent_toolkit(*enterprise)) {
        maker_ = enterprise;
    } else {
        maker_ = only_other_branch(walk_enterprises, std::nullopt);
    }
    // Some sysObjectIDs name the chipset's or the OEM's branch (Broadcom's 4413 on a gateway, a parent
    // company's number), the maker's MIB being elsewhere: when the named branch holds nothing, the one other.
    scalar_branch_ = maker_;
    if (maker_ && !std::binary_search(walk_enterprises.begin(), walk_enterprises.end(), *maker_))
        scalar_branch_ = only_other_branch(walk_enterprises, maker_);
}

std::optional<std::string> DeviceFacts::keep_part(const OidSource& source, std::string text) {
    if (source.regex) {
        Captures caps;
        if (!search(*source.regex, text, &caps)) return std::nullopt;
        auto named = std::find_if(caps.begin(), caps.end(), [](const auto& c) { return c.first == "value"; });
        if (named != caps.end()) {
            text = named->second;
        } else if (source.regex->NumberOfCapturingGroups() >= 1) {
            std::string first;
            if (!re2::RE2::PartialMatch(text, *source.regex, &first)) return std::nullopt;
            text = first;
        }
    }
    text = clean_text(text);
    if (is_placeholder(text)) return std::nullopt;
    return text;
}

std::optional<Match> match_rule(const Rule& rule, const DeviceFacts& f) {
    const auto& c = rule.when;
    const auto& ev = f.evidence;
    Match m;
    if (!c.enterprise.empty()) {
        if (!f.enterprise ||
            std::find(c.enterprise.begin(), c.enterprise.end(), *f.enterprise) == c.enterprise.end())
            return std::nullopt;
        m.details.push_back("sysObjectID " + f.sys_object_id->to_string());
    }
    if (!c.mib_enterprise.empty()) {
        auto hit = std::find_if(c.mib_enterprise.begin(), c.mib_enterprise.end(), [&](std::uint32_t n) {
            // the sysObjectID's own enterprise already speaks through the sysObjectID rules
            return n != f.enterprise &&
                   std::binary_search(f.walk_enterprises.begin(), f.walk_enterprises.end(), n);
        });
        if (hit == c.mib_enterprise.end()) return std::nullopt;
        m.details.push_back("values under 1.3.6.1.4.1." + std::to_string(*hit));
    }
    if (!c.enterprise_not.empty()) {
        if (!f.enterprise || std::find(c.enterprise_not.begin(), c.enterprise_not.end(), *f.enterprise) !=
                                 c.enterprise_not.end())
            return std::nullopt;
        if (c.enterprise.empty()) m.details.push_back("sysObjectID " + f.sys_object_id->to_string());
    }
    if (!c.sys_object_id.empty()) {
        if (!f.sys_object_id) return std::nullopt;
        auto hit = std::find_if(c.sys_object_id.begin(), c.sys_object_id.end(),
                                [&](const Oid& p) { return f.sys_object_id->starts_with(p); });
        if (hit == c.sys_object_id.end()) return std::nullopt;
        if (c.enterprise.empty()) m.details.push_back("sysObjectID " + f.sys_object_id->to_string());
    }
    for (const auto& oid : c.oid_present) {
        if (!f.has_subtree(oid)) return std::nullopt;
        m.details.push_back("implements " + oid.to_string());
    }
    if (!c.oid_any.empty()) {
        auto hit =
            std::find_if(c.oid_any.begin(), c.oid_any.end(), [&](const Oid& o) { return f.has_subtree(o); });
        if (hit == c.oid_any.end()) return std::nullopt;
        m.details.push_back("implements " + hit->to_string());
    }
    if (c.sys_descr) {
        if (f.sys_descr.empty() || !search(*c.sys_descr, f.sys_descr, &m.captures)) return std::nullopt;
        m.details.push_back("sysDescr \"" + f.shown_descr() + "\"");
    }
    if (c.product_name) {
        if (f.product_name.empty() || !search(*c.product_name, f.product_name, &m.captures))
            return std::nullopt;
        m.details.push_back("registered product name " + f.product_name);
    }
    if (c.registrant) {
        if (f.registrant.empty() || !search(*c.registrant, f.registrant, &m.captures)) return std::nullopt;
        m.details.push_back("enterprise registered to \"" + f.registrant + "\"");
    }
    if (c.descr_maker) {
        if (f.descr_maker.empty() || !search(*c.descr_maker, f.descr_maker, &m.captures)) return std::nullopt;
        m.details.push_back("sysDescr \"" + f.shown_descr() + "\" opens with the name of " + f.descr_maker);
    }
    if (c.descr_after_maker) {
        if (f.descr_maker.empty() || !search(*c.descr_after_maker, f.descr_after_maker, &m.captures))
            return std::nullopt;
        if (!c.descr_maker)
            m.details.push_back("sysDescr \"" + f.shown_descr() + "\" after the name of " + f.descr_maker);
    }
    if (c.sys_descr_not && !f.sys_descr.empty() && re2::RE2::PartialMatch(f.sys_descr, *c.sys_descr_not))
        return std::nullopt;
    for (const auto& vc : c.oid_value) {
        auto source = vc.source;
        source.regex = {};
        auto text = f.read(source, nullptr, &*vc.regex);  // of a table column: any row
        if (!text || !search(*vc.regex, *text, &m.captures)) return std::nullopt;
        m.details.push_back(vc.source.text + " = \"" + shorten(*text) + "\"");
    }
    if (c.oui) {
        if (ev.oui_registrant.empty() || !search(*c.oui, ev.oui_registrant, &m.captures)) return std::nullopt;
        m.details.push_back("MAC vendor (OUI) \"" + ev.oui_registrant + "\"");
    }
    if (c.hostname) {
        auto hit = std::find_if(ev.hostnames.begin(), ev.hostnames.end(),
                                [&](const std::string& h) { return search(*c.hostname, h, &m.captures); });
        if (hit == ev.hostnames.end()) return std::nullopt;
        m.details.push_back("hostname \"" + *hit + "\"");
    }
    if (c.cdp_platform) {
        auto hit = std::find_if(ev.cdp.begin(), ev.cdp.end(), [&](const CdpNeighbor& n) {
            return search(*c.cdp_platform, n.platform, &m.captures);
        });
        if (hit == ev.cdp.end()) return std::nullopt;
        m.details.push_back("CDP platform \"" + hit->platform + "\"");
    }
    if (c.lldp_sys_descr) {
        auto hit = std::find_if(ev.lldp.begin(), ev.lldp.end(), [&](const LldpNeighbor& n) {
            return search(*c.lldp_sys_descr, n.system_description, &m.captures);
        });
        if (hit == ev.lldp.end()) return std::nullopt;
        m.details.push_back("LLDP system description \"" + shorten(hit->system_description) + "\"");
    }
    if (c.lldp_capabilities != 0) {
        auto hit = std::find_if(ev.lldp.begin(), ev.lldp.end(), [&](const LldpNeighbor& n) {
            auto caps = n.enabled_capabilities != 0 ? n.enabled_capabilities : n.capabilities;
            return (caps & c.lldp_capabilities) != 0;
        });
        if (hit == ev.lldp.end()) return std::nullopt;
        m.details.push_back("LLDP capabilities");
    }
    if (!c.lldp_med_class.empty()) {
        auto hit = std::find_if(ev.lldp.begin(), ev.lldp.end(), [&](const LldpNeighbor& n) {
            return n.med_device_class && std::find(c.lldp_med_class.begin(), c.lldp_med_class.end(),
                                                   *n.med_device_class) != c.lldp_med_class.end();
        });
        if (hit == ev.lldp.end()) return std::nullopt;
        m.details.push_back("LLDP-MED device class " + std::to_string(*hit->med_device_class));
    }
    if (c.banner) {
        bool hit = false;
        for (const auto& b : ev.banners) {
            for (const auto* text : {&b.ssh_banner, &b.http_server, &b.http_title, &b.raw}) {
                if (!hit && !text->empty() && search(*c.banner, *text, &m.captures)) {
                    m.details.push_back("port " + std::to_string(b.port) + " banner \"" + shorten(*text) +
                                        "\"");
                    hit = true;
                }
            }
        }
        if (!hit) return std::nullopt;
    }
    if (c.dhcp_vendor_class) {
        if (!ev.dhcp || !search(*c.dhcp_vendor_class, ev.dhcp->vendor_class, &m.captures))
            return std::nullopt;
        m.details.push_back("DHCP vendor class \"" + ev.dhcp->vendor_class + "\"");
    }
    if (!c.dhcp_params.empty()) {
        if (!ev.dhcp) return std::nullopt;
        std::string list;
        for (auto p : ev.dhcp->parameter_request_list) list += (list.empty() ? "" : ",") + std::to_string(p);
        if (list != c.dhcp_params) return std::nullopt;
        m.details.push_back("DHCP parameter list " + list);
    }
    if (!c.mdns_service.empty() || !c.mdns_txt.empty()) {
        bool hit = false;
        for (const auto& svc : ev.mdns) {
            if (!c.mdns_service.empty() &&
                std::find(c.mdns_service.begin(), c.mdns_service.end(), svc.type) == c.mdns_service.end())
                continue;
            Captures caps;
            bool all = std::all_of(c.mdns_txt.begin(), c.mdns_txt.end(), [&](const auto& kv) {
                auto it = svc.txt.find(kv.first);
                return it != svc.txt.end() && search(*kv.second, it->second, &caps);
            });
            if (!all) continue;
            m.captures.insert(m.captures.end(), caps.begin(), caps.end());
            m.details.push_back("mDNS " + svc.type +
                                (c.mdns_txt.empty() ? "" : " TXT " + c.mdns_txt.front().first));
            hit = true;
            break;
        }
        if (!hit) return std::nullopt;
    }
    if (!c.open_port.empty()) {
        auto hit = std::find_first_of(ev.open_tcp_ports.begin(), ev.open_tcp_ports.end(), c.open_port.begin(),
                                      c.open_port.end());
        if (hit == ev.open_tcp_ports.end()) return std::nullopt;
        m.details.push_back("TCP port " + std::to_string(*hit) + " open");
    }
    if (c.min_ethernet_ports > 0) {
        if (f.ethernet_ports < c.min_ethernet_ports) return std::nullopt;
        m.details.push_back(std::to_string(f.ethernet_ports) + " Ethernet interfaces");
    }
    if (c.interfaces) {  // "12 interfaces of type vdsl2(251)", "5 interfaces: 3 adsl(94), 2 vdsl2(251)"
        int total = 0;
        std::vector<std::pair<std::uint32_t, int>> seen;
        // The device's few types against the rule's sorted list (a rule may list many).
        for (const auto& [type, n] : f.if_types) {
            if (type > 0xFFFF || !std::binary_search(c.interfaces->types.begin(), c.interfaces->types.end(),
                                                     static_cast<std::uint16_t>(type)))
                continue;
            total += n;
            seen.emplace_back(type, n);
        }
        if (total < c.interfaces->at_least) return std::nullopt;
        std::string text = std::to_string(total) + (total == 1 ? " interface" : " interfaces");
        if (seen.size() == 1) {
            text += " of type " + if_type_text(seen[0].first);
        } else {
            for (std::size_t i = 0; i < seen.size(); ++i)
                text += (i == 0 ? ": " : ", ") + std::to_string(seen[i].second) + " " +
                        if_type_text(seen[i].first);
        }
        m.details.push_back(text);
    }
    if (c.ttl) {
        if (!ev.ttl || *ev.ttl < c.ttl->first || *ev.ttl > c.ttl->second) return std::nullopt;
        m.details.push_back("TTL " + std::to_string(*ev.ttl));
    }
    return m;
}

std::optional<std::string> expand(const std::string& templ, const Captures& captures) {
    std::string out;
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] != '{') {
            out.push_back(templ[i]);
            continue;
        }
        auto close = templ.find('}', i);
        if (close == std::string::npos) return std::nullopt;
        auto name = templ.substr(i + 1, close - i - 1);
        auto it =
            std::find_if(captures.begin(), captures.end(), [&](const auto& c) { return c.first == name; });
        if (it == captures.end() || it->second.empty()) return std::nullopt;
        out += it->second;
        i = close;
    }
    return out;
}

}  // namespace nd::fp
