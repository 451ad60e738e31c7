#pragma once
// A compiled copy of the loaded rules, so that a one-device `identify` does not parse 4,000 rules of TOML
// and check 1,000 regexes each time (two thirds of a load). Keyed by the exact text and path of every rule
// file: any edit, added or removed file makes it stale, and the files are parsed (and checked) again.
// A cache that cannot be read, is damaged or was written by another format is ignored, never trusted.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fingerprint/rule_set.hpp"

namespace nd::fp {

// Identifies the rule files' contents (and this cache format).
std::string rule_cache_key(const std::vector<RuleFile>& files);

// The rules stored under `key` in `file`, or nullopt (missing, stale, damaged).
std::optional<RuleSet> read_rule_cache(const std::filesystem::path& file, const std::string& key);

// Writes atomically (a temporary file renamed over the old one); false when it could not.
bool write_rule_cache(const std::filesystem::path& file, const std::string& key, const RuleSet& set);

// Where the CLI keeps it: $NETDOSSIER_CACHE_DIR (empty: no cache), systemd's $CACHE_DIRECTORY,
// $XDG_CACHE_HOME/netdossier or ~/.cache/netdossier. Empty when none is known.
std::filesystem::path default_rule_cache_dir();

}  // namespace nd::fp
