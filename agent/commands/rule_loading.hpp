#pragma once
// How commands load the fingerprint rules: the --rules folders given, else the shipped ones, through the
// compiled rule cache; a bad rule file is a CommandError (exit 2) naming file and line.
#include <filesystem>
#include <string>
#include <vector>

#include "fingerprint/engine.hpp"

namespace nd {

FingerprintEngine load_command_engine(const std::vector<std::string>& rule_dirs);
// The same with the cache folder given (FingerprintEngine::default_cache_dir() reads the environment: a
// loading thread must not, while the main thread sets net-snmp's variables).
FingerprintEngine load_command_engine(const std::vector<std::string>& rule_dirs,
                                      const std::filesystem::path& cache_dir);

}  // namespace nd
