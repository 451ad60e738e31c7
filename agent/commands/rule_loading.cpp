#include "agent/commands/rule_loading.hpp"

#include <filesystem>

#include "agent/commands/command.hpp"
#include "model/config_error.hpp"

namespace nd {

FingerprintEngine load_command_engine(const std::vector<std::string>& rule_dirs) {
    return load_command_engine(rule_dirs, FingerprintEngine::default_cache_dir());
}

FingerprintEngine load_command_engine(const std::vector<std::string>& rule_dirs,
                                      const std::filesystem::path& cache) {
    const std::vector<std::filesystem::path> dirs(rule_dirs.begin(), rule_dirs.end());
    try {
        return dirs.empty() ? FingerprintEngine::load_default(cache) : FingerprintEngine::load(dirs, cache);
    } catch (const ConfigError& e) {
        throw CommandError{std::string("fingerprint rules: ") + e.what(), 2};
    }
}

}  // namespace nd
