#include "collectors/collector.hpp"

namespace nd {

std::string to_string(const CollectorStats& s) {
    return "sent=" + std::to_string(s.sent) + " received=" + std::to_string(s.received) +
           " malformed=" + std::to_string(s.malformed) + " timeouts=" + std::to_string(s.timeouts) +
           " send_errors=" + std::to_string(s.send_errors);
}

}  // namespace nd
