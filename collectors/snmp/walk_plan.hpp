#pragma once
// Which subtrees a device walk reads: the MIBs the dossier and the fingerprint engine use.
// Walking only these (not the whole tree) keeps hrSWRun/hrSWInstalled, routing tables and
// vendor statistics off the wire.
#include <vector>

#include "model/snmp_value.hpp"

namespace nd {

struct WalkPlan {
    std::vector<Oid> get;       // scalars fetched with the first request (also the credential probe)
    std::vector<Oid> subtrees;  // walked in order, de-duplicated
};

// system, IF-MIB, IP-MIB, ENTITY-MIB, BRIDGE/Q-BRIDGE, LLDP, CDP, Printer-MIB, HOST-RESOURCES,
// UPS-MIB, POWER-ETHERNET-MIB, plus a few vendor scalars fingerprints use (serials, models).
WalkPlan default_walk_plan();
// Everything under 1.3.6.1 (for `identify --full-walk` and dumps to share).
WalkPlan full_walk_plan();

}  // namespace nd
