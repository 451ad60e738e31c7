#pragma once
// Per-VLAN MAC tables on Cisco switches. IOS answers BRIDGE-MIB (dot1dTpFdbTable,
// dot1dBasePortIfIndex) for one VLAN per SNMP context: the plain community gives VLAN 1,
// "community@N" (v1/v2c community indexing) or the v3 context "vlan-N" give VLAN N. The collector
// reads the VLAN list from the first walk, then walks each VLAN's bridge tables; what it reads is
// kept in the device's SnmpWalk under a private subtree,
//     kVlanContextRoot . <vlan> . <the OID as the agent returned it>
// so the evidence stays one SnmpWalk (stored and merged like any other) and decode_bridge() finds
// each VLAN's entries with that VLAN's own port map. The root is in Net-SNMP's "playpen"
// (NET-SNMP-MIB netSnmpPlaypen, reserved for local use, never allocated by the project), so no real
// agent's OID can collide with it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collectors/snmp/snmp_config.hpp"
#include "collectors/snmp/walk_plan.hpp"
#include "model/snmp_value.hpp"

namespace nd {

// kVlanContextRoot and vlan_context_walks() live in model/snmp_value.hpp (storage reads them too).

// The VLANs whose bridge tables need a context walk, ascending, at most `max_vlans`: the device is
// Cisco (sysObjectID under enterprise 9, or it implements CISCO-VTP-MIB) and has no Q-BRIDGE FDB
// (a switch with dot1qTpFdbTable already reports every VLAN in one table). The list comes from
// the CISCO-VTP-MIB vtpVlanTable (ethernet VLANs), else Q-BRIDGE dot1qVlanCurrent/dot1qVlanStaticName.
// VLAN 1 is left out: the plain community already answers for it. Empty for everything else.
std::vector<std::uint32_t> vlans_needing_context_walk(const SnmpWalk& walk, std::size_t max_vlans);
// The subtrees vlans_needing_context_walk() reads: once a walk has passed all of them, the VLAN
// list is final and the context walks can start while the rest of the device is still walked.
const std::vector<Oid>& vlan_list_subtrees();

// The credential that reaches VLAN `vlan`'s context: community "secret@vlan" for v1/v2c, context
// "vlan-N" for v3. Its name is "<name>@vlan-N" (what warnings print; never the secret).
SnmpCredential vlan_credential(const SnmpCredential& base, std::uint32_t vlan);

// What a VLAN context walk reads: dot1dBasePortIfIndex and dot1dTpFdbTable.
WalkPlan vlan_walk_plan();

// For `identify --from-walk`: the per-VLAN recordings that travel with a Cisco switch's dump,
// siblings named "<stem>@<vlan>.snmprec" (or .gz; snmpsim's community@VLAN convention), embedded
// into `walk` (their BRIDGE-MIB tables only). Returns how many were added; unreadable ones are
// skipped and named in `problems`.
std::size_t add_vlan_context_files(const std::filesystem::path& file, SnmpWalk& walk,
                                   std::vector<std::string>& problems);

// Stores a VLAN context walk into the device walk under kVlanContextRoot.<vlan>.
void embed_vlan_walk(SnmpWalk& device, std::uint32_t vlan, const SnmpWalk& context_walk);
// The embedded walks back, VLAN -> the OIDs as the agent returned them.
inline std::map<std::uint32_t, SnmpWalk> vlan_walks(const SnmpWalk& device) {
    return vlan_context_walks(device);
}

}  // namespace nd
