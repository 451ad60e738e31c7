#include "collectors/snmp/walk_cursor.hpp"

#include <algorithm>

namespace nd {

void DeviceWalkState::warn(std::string message) {
    constexpr std::size_t kMaxWarnings = 50;
    if (warnings.size() >= kMaxWarnings) return;
    if (std::find(warnings.begin(), warnings.end(), message) != warnings.end()) return;
    warnings.push_back(std::move(message));
}

bool WalkCursor::accept(const Oid& oid, SnmpValue value, DeviceWalkState& device) {
    if (done_) return false;
    if (value.type == SnmpType::kEndOfMibView || !oid.starts_with(root_) || (until_ && !(oid < *until_))) {
        done_ = true;
        return false;
    }
    // A GETNEXT answer must move forward; an agent that repeats or goes back would loop forever.
    if (oid <= next_) {
        if (!quiet_cap_)  // a best-effort read stops quietly here too
            device.warn("agent returned non-increasing OID " + oid.to_string() + " after " +
                        next_.to_string() + " in subtree " + label() + "; subtree walk stopped (partial)");
        done_ = true;
        return false;
    }
    if (value.type == SnmpType::kNoSuchObject || value.type == SnmpType::kNoSuchInstance) {
        next_ = oid;  // exceptions are not data, but they do advance the walk
        return true;
    }
    if (quiet_cap_ && count_ >= *quiet_cap_) {  // before the budget: a row it does not want is no overrun
        done_ = true;
        return false;
    }
    if (device.budget_exhausted || device.walk.size() >= limits_.max_oids_per_device) {
        if (!device.budget_exhausted) {
            device.warn("device OID budget of " + std::to_string(limits_.max_oids_per_device) +
                        " reached; remaining subtrees not walked (partial)");
        }
        device.budget_exhausted = true;
        done_ = true;
        return false;
    }
    if (count_ >= limits_.max_oids_per_table) {
        device.warn("subtree " + label() + " exceeds " + std::to_string(limits_.max_oids_per_table) +
                    " OIDs; stopped there (partial)");
        done_ = true;
        return false;
    }
    if (value.bytes.size() > limits_.max_value_size) {
        device.warn("value of " + oid.to_string() + " is " + std::to_string(value.bytes.size()) +
                    " bytes; cut to " + std::to_string(limits_.max_value_size));
        value.bytes.resize(limits_.max_value_size);
    }
    next_ = oid;
    ++count_;
    device.walk.insert_or_assign(oid, std::move(value));
    if (quiet_cap_ && count_ >= *quiet_cap_) done_ = true;  // no request just to see the row after the cap
    return true;
}

void WalkCursor::abort(const std::string& why, DeviceWalkState& device) {
    if (done_) return;
    done_ = true;
    if (quiet_cap_) return;  // best effort: the host's walk is not partial for it
    device.warn(why + " while walking " + label() + " (after " + std::to_string(count_) +
                " OIDs); partial results kept");
}

}  // namespace nd
