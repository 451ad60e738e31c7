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

// The cache file for one list of rule folders: "rules-<hash of the folders>.cache" in `cache_dir`, so that
// a run with other folders (`--rules`, a test's own) neither reads nor replaces the shipped rules' cache.
std::filesystem::path rule_cache_file(const std::filesystem::path& cache_dir,
                                      const std::vector<std::filesystem::path>& rule_dirs);

// Removes all but the `keep` most recently used rule caches in `cache_dir` (each folder list leaves one),
// never `in_use`, so that runs with throw-away folders cannot fill the cache directory. Best effort.
void prune_rule_caches(const std::filesystem::path& cache_dir, std::size_t keep,
                       const std::filesystem::path& in_use);
// Stamps a cache as just used (its modification time), so that pruning keeps the caches in use.
void mark_rule_cache_used(const std::filesystem::path& file);

// Where the CLI keeps it: $NETDOSSIER_CACHE_DIR (empty: no cache), systemd's $CACHE_DIRECTORY,
// $XDG_CACHE_HOME/netdossier or ~/.cache/netdossier. Empty when none is known.
std::filesystem::path default_rule_cache_dir();

}  // namespace nd::fp
