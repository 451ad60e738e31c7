#include "collectors/snmp/vlan_context.hpp"

#include <set>

#include "collectors/snmp/walk_file.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;
namespace {

constexpr std::uint32_t kCiscoEnterprise = 9;
constexpr std::uint32_t kMaxVlanId = 4094;
const Oid kVtpVlanEntry = oid("1.3.6.1.4.1.9.9.46.1.3.1.1");  // index: domain.vlan
const Oid kQFdb = oid("1.3.6.1.2.1.17.7.1.2.2");
const Oid kQVlanCurrentEntry = oid("1.3.6.1.2.1.17.7.1.4.2.1");  // index: timeMark.vlan
const Oid kQVlanStaticName = oid("1.3.6.1.2.1.17.7.1.4.3.1.1");

bool is_cisco(const SnmpWalk& walk) {
    const SnmpValue* object_id = scalar(walk, oids::kSysObjectId);
    if (object_id == nullptr || object_id->type != SnmpType::kOid) return false;
    const auto parsed = Oid::parse(object_id->bytes);
    return parsed && parsed->starts_with(oids::kEnterprises) && parsed->size() > 6 &&
           parsed->arcs()[6] == kCiscoEnterprise;
}

}  // namespace

std::vector<std::uint32_t> vlans_needing_context_walk(const SnmpWalk& walk, std::size_t max_vlans) {
    const auto vtp_state = column(walk, kVtpVlanEntry.child(2));
    if (!is_cisco(walk) && vtp_state.empty()) return {};
    if (auto it = walk.lower_bound(kQFdb); it != walk.end() && it->first.starts_with(kQFdb)) return {};

    std::set<std::uint32_t> vlans;
    for (const auto& [index, value] : vtp_state) {
        // Every VLAN in the VTP database, suspended ones too: IOS answers their contexts, and
        // agents report the state loosely. vtpVlanType ethernet(1) only: the fddi/token-ring
        // defaults (1002-1005) have no MAC table.
        if (index.size() != 2 || !number(value)) continue;
        if (number(cell(walk, kVtpVlanEntry, 3, index)).value_or(1) != 1) continue;
        vlans.insert(index[1]);
    }
    if (vtp_state.empty()) {
        for (const auto& [index, value] : column(walk, kQVlanCurrentEntry.child(6)))  // dot1qVlanStatus
            if (index.size() == 2) vlans.insert(index[1]);
        for (const auto& [index, value] : column(walk, kQVlanStaticName))
            if (index.size() == 1) vlans.insert(index[0]);
    }
    std::vector<std::uint32_t> out;
    for (std::uint32_t v : vlans) {
        if (v <= 1 || v > kMaxVlanId) continue;
        if (out.size() >= max_vlans) break;
        out.push_back(v);
    }
    return out;
}

const std::vector<Oid>& vlan_list_subtrees() {
    static const std::vector<Oid> subtrees = {
        oids::kSysObjectId,          kVtpVlanEntry.child(2), kVtpVlanEntry.child(3), kQFdb,
        kQVlanCurrentEntry.child(6), kQVlanStaticName,
    };
    return subtrees;
}

SnmpCredential vlan_credential(const SnmpCredential& base, std::uint32_t vlan) {
    SnmpCredential c = base;
    c.name = base.name + "@vlan-" + std::to_string(vlan);
    if (base.version == SnmpVersion::kV3) {
        c.context = "vlan-" + std::to_string(vlan);
    } else {
        c.community = Secret(base.community.reveal() + "@" + std::to_string(vlan));
    }
    return c;
}

WalkPlan vlan_walk_plan() {
    WalkPlan plan;
    // The probe asks for dot1dBaseNumPorts: any response (even noSuchObject) proves the context.
    plan.get = {oid("1.3.6.1.2.1.17.1.2.0")};
    plan.subtrees = {oid("1.3.6.1.2.1.17.1.4.1.2"), oid("1.3.6.1.2.1.17.4.3.1")};
    return plan;
}

void embed_vlan_walk(SnmpWalk& device, std::uint32_t vlan, const SnmpWalk& context_walk) {
    const Oid base = kVlanContextRoot.child(vlan);
    for (const auto& [o, value] : context_walk) {
        std::vector<std::uint32_t> arcs = base.arcs();
        arcs.insert(arcs.end(), o.arcs().begin(), o.arcs().end());
        device.insert_or_assign(Oid(std::move(arcs)), value);
    }
}

std::size_t add_vlan_context_files(const std::filesystem::path& file, SnmpWalk& walk,
                                   std::vector<std::string>& problems) {
    namespace fs = std::filesystem;
    std::string stem = file.filename().string();
    for (const char* ext : {".gz", ".snmprec"}) {
        if (stem.size() > std::string_view(ext).size() && stem.ends_with(ext))
            stem.resize(stem.size() - std::string_view(ext).size());
    }
    if (stem.find('@') != std::string::npos) return 0;  // itself a context file
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code ec;
    std::map<std::uint32_t, fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (!name.starts_with(stem + "@")) continue;
        if (name.ends_with(".gz")) name.resize(name.size() - 3);
        if (!name.ends_with(".snmprec")) continue;
        const std::string vlan = name.substr(stem.size() + 1, name.size() - stem.size() - 1 - 8);
        if (vlan.empty() || vlan.size() > 4 || vlan.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const auto id = static_cast<std::uint32_t>(std::stoul(vlan));
        if (id >= 1 && id <= 4094) found.emplace(id, entry.path());
    }
    const WalkPlan plan = vlan_walk_plan();
    std::size_t added = 0;
    for (const auto& [vlan, path] : found) {
        try {
            SnmpWalk context;
            for (auto& [o, v] : read_walk_file(path).walk) {
                for (const Oid& root : plan.subtrees) {
                    if (o.starts_with(root)) {
                        context.emplace(o, std::move(v));
                        break;
                    }
                }
            }
            embed_vlan_walk(walk, vlan, context);
            ++added;
        } catch (const std::exception& e) {
            problems.emplace_back(e.what());
        }
    }
    return added;
}

}  // namespace nd
