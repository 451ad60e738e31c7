#pragma once
#include <stdexcept>

namespace nd {

// A store that can't be opened, is corrupt, or is newer than this binary. The message names the
// path and the problem, one line.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace nd
