#pragma once
// Which subtrees a device walk reads: the MIBs the dossier and the fingerprint engine use.
// Walking only these (not the whole tree) keeps hrSWRun/hrSWInstalled, routing tables and
// vendor statistics off the wire.
#include <cstddef>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "model/snmp_value.hpp"

namespace nd {

// A subtree one device is also asked for, read to its end or to `max_oids` rows, whichever comes first
// (a presence test needs one row; reaching the cap is no warning).
struct ExtraSubtree {
    ExtraSubtree(Oid root_oid, std::size_t rows, std::optional<Oid> from = std::nullopt,
                 std::optional<Oid> to = std::nullopt)
        : root(std::move(root_oid)), max_oids(rows), after(std::move(from)), until(std::move(to)) {}
    Oid root;
    std::size_t max_oids = 1;
    // A range of the subtree only: GETNEXT from `after` (default: just before the root, so that a root that
    // is itself an instance is read) up to, not including, `until`.
    std::optional<Oid> after;
    std::optional<Oid> until;
    // Asked only in the round after one that found nothing new (a guess that needs everything the rounds
    // find first), from the list of that round's call.
    bool once_settled = false;
};

struct WalkPlan {
    std::vector<Oid> get;       // scalars fetched with the first request (also the credential probe)
    std::vector<Oid> subtrees;  // walked in order, de-duplicated
    // MIB nodes where a subtree is cut into ranges, so that a big subtree can be walked with several
    // requests in flight (SnmpOptions::subtrees_in_flight) instead of one GETBULK after the other.
    std::vector<Oid> splits;
    // Subtrees that depend on the device (its maker's MIB): asked once its system scalars (sysObjectID)
    // are in, beside the subtrees above, and again with the walk so far each time the subtrees it asked for
    // are read (what one round found may call for another), until it asks for nothing new (12 rounds at
    // most). What lies inside a planned subtree, or was asked in an earlier round, is not asked again.
    std::function<std::vector<ExtraSubtree>(const SnmpWalk& walk_so_far)> more;
};

// system, IF-MIB, IP-MIB, ENTITY-MIB, BRIDGE/Q-BRIDGE, LLDP, CDP, Printer-MIB, HOST-RESOURCES,
// UPS-MIB, POWER-ETHERNET-MIB, plus a few vendor scalars fingerprints use (serials, models).
WalkPlan default_walk_plan();
// Everything under 1.3.6.1 and LLDP's 1.0.8802 (for `identify --full-walk` and dumps to share),
// cut at the usual big tables' groups and columns so that ranges can be walked side by side.
WalkPlan full_walk_plan();

}  // namespace nd
