#pragma once
// The walk of one subtree as a pure state machine: feed it each varbind of a GETBULK/GETNEXT
// response, it says whether to ask for more and from where. All the guards against misbehaving
// agents live here (non-increasing OIDs, endless tables, oversized values), so they are unit
// tested without a network.
#include <algorithm>
#include <cstddef>
#include <optional>
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
        : root_(std::move(root)), from_(root_), next_(root_), limits_(limits), label_(root_.to_string()) {}
    // One range of a subtree cut into ranges walked side by side: from `from` (a MIB node, never an
    // instance: GETNEXT starts after it) up to, not including, `until` (none: the subtree's end).
    WalkCursor(Oid root, const SnmpWalkLimits& limits, Oid from, std::optional<Oid> until)
        : root_(std::move(root)),
          from_(from),
          next_(std::move(from)),
          until_(std::move(until)),
          limits_(limits),
          label_(next_ == root_ ? root_.to_string() : root_.to_string() + " from " + next_.to_string()) {}

    // A best-effort read of the first `rows` rows (a device-specific subtree): it stops quietly at the cap,
    // and a failure (timeout, error answer, time limit) ends it without a warning.
    void cap_rows(std::size_t rows) { quiet_cap_ = rows; }
    bool capped() const { return quiet_cap_.has_value(); }
    // Rows a capped read still wants (0 once it has them all); nullopt for a full walk.
    std::optional<std::size_t> rows_wanted() const {
        if (!quiet_cap_) return std::nullopt;
        return *quiet_cap_ - std::min(count_, *quiet_cap_);
    }

    const Oid& root() const { return root_; }
    const Oid& from() const { return from_; }
    const std::optional<Oid>& until() const { return until_; }
    // A range about to reach its end takes over the next range (nobody walked it yet): it goes on to
    // that range's end instead.
    void extend_until(std::optional<Oid> until) { until_ = std::move(until); }
    // "1.3.6.1" or, for a range, "1.3.6.1 from 1.3.6.1.2.1.31" (for warnings).
    const std::string& label() const { return label_; }
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
    Oid from_;
    Oid next_;
    std::optional<Oid> until_;
    SnmpWalkLimits limits_;
    std::string label_;
    std::size_t count_ = 0;
    bool done_ = false;
    std::optional<std::size_t> quiet_cap_;
};

}  // namespace nd
