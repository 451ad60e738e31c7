#pragma once
#include <stdexcept>

namespace nd {

// A configuration value that is missing, unknown or out of range. The message names the file,
// the key and the problem in one line ("netdossier.toml: scan.rate: must be 1..1000000, got 0").
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace nd
