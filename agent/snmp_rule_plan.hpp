#pragma once
// The walk a scan asks each device for: the standard MIBs of default_walk_plan(), plus what the fingerprint
// rules test and read in MIBs outside the standard ones and under each private MIB the device serves: its
// sysObjectID's maker's (asked once the system scalars are in), then, round after round, every other one it
// is found to serve (the first OID after each branch found shows the next: a Net-SNMP appliance's maker, a
// rebadged product's original maker, a chipset maker's sysObjectID). Without it a live scan sees only the
// standard MIBs, and the rules that name a model, firmware or serial from a maker's own objects never fire.
#include <functional>

#include "collectors/snmp/walk_plan.hpp"
#include "fingerprint/engine.hpp"

namespace nd {

// A maker no rule reads from gets its branch read up to this many rows, for the rules that read a maker's
// MIB by the shape of its values (maker.scalar).
inline constexpr std::size_t kUnknownMakerRows = 500;

WalkPlan rule_driven_walk_plan(SnmpReads reads);
// The same with the reads asked for when the first device answers (the rules may still be loading when the
// walk starts; that first call may wait for them).
WalkPlan rule_driven_walk_plan(std::function<SnmpReads()> reads_when_needed);

}  // namespace nd
