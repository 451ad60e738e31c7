#pragma once
// Combines evidence fragments (per collector, per scan) into one picture of a device.
#include "model/evidence.hpp"

namespace nd {

// Adds `from` to `into`: lists become unions (order of first sight kept), scalars and SNMP values
// take `from`'s value where it has one.
void merge_evidence(DeviceEvidence& into, const DeviceEvidence& from);

}  // namespace nd
