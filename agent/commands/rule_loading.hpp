#pragma once
// How commands load the fingerprint rules: the --rules folders given, else the shipped ones, through the
// compiled rule cache; a bad rule file is a CommandError (exit 2) naming file and line.
#include <string>
#include <vector>

#include "fingerprint/engine.hpp"

namespace nd {

FingerprintEngine load_command_engine(const std::vector<std::string>& rule_dirs);

}  // namespace nd
