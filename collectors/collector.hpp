#pragma once
// What every collector shares: where its observations go and what it counts.
#include <cstdint>
#include <string>

#include "model/evidence.hpp"

namespace nd {

class ObservationSink {
public:
    virtual ~ObservationSink() = default;
    virtual void emit(Observation observation) = 0;
};

// Counters every collector keeps; a malformed packet or answer is data, counted, never an incident.
struct CollectorStats {
    std::uint64_t sent = 0;
    std::uint64_t received = 0;
    std::uint64_t malformed = 0;
    std::uint64_t timeouts = 0;
    std::uint64_t send_errors = 0;
};

std::string to_string(const CollectorStats& stats);

}  // namespace nd
