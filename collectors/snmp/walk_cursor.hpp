#pragma once
// The walk of one subtree as a pure state machine: feed it each varbind of a GETBULK/GETNEXT
// response, it says whether to ask for more and from where. All the guards against misbehaving
// agents live here (non-increasing OIDs, endless tables, oversized values), so they are unit
// tested without a network.
#include <cstddef>
#include <string>
#include <vector>

#include "collectors/snmp/snmp_config.hpp"
#include "model/snmp_value.hpp"

namespace nd {

// What a whole device's walk shares: the per-device OID budget and the warnings.
struct DeviceWalkState {
    SnmpWalk walk;
    std::vector<std::string> warnings;
    bool budget_exhausted = false;
    void warn(std::string message);  // de-duplicated, at most 50 kept
};

class WalkCursor {
public:
    WalkCursor(Oid root, const SnmpWalkLimits& limits)
        : root_(std::move(root)), next_(root_), limits_(limits) {}

    const Oid& root() const { return root_; }
    // Where the next GETNEXT/GETBULK starts.
    const Oid& next() const { return next_; }
    bool done() const { return done_; }
    std::size_t count() const { return count_; }

    // One varbind of a response, in order. Stores it in `device` when it belongs to the subtree.
    // Returns false when the subtree is finished (left the subtree, end of MIB view, or a guard
    // stopped it); the caller ignores the rest of that response.
    bool accept(const Oid& oid, SnmpValue value, DeviceWalkState& device);
    // The agent said there is nothing more (v1 noSuchName, an empty response).
    void finish() { done_ = true; }
    // Stop with a warning: the agent stopped answering, the walk took too long, ...
    void abort(const std::string& why, DeviceWalkState& device);

private:
    Oid root_;
    Oid next_;
    SnmpWalkLimits limits_;
    std::size_t count_ = 0;
    bool done_ = false;
};

}  // namespace nd
