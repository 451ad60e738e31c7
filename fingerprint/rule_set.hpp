#pragma once
// Loading fingerprint data files (TOML) into rules, vendor aliases and enterprise numbers.
// Every problem is a ConfigError naming the file and line ("acme.toml:12: rule.when: unknown key
// 'sysdescr'").
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "fingerprint/rule.hpp"

namespace nd::fp {

// A product name a maker assigns to one sysObjectID in its own registry MIB (CISCO-PRODUCTS-MIB, ...).
struct ProductName {
    std::string name;    // "catalyst2950t24"
    std::string source;  // "CISCO-PRODUCTS-MIB"
    double weight = 0.4;
};

struct RuleSet {
    std::vector<Rule> rules;  // load order; a later rule with the same id replaced the earlier one
    std::map<std::string, std::string> vendor_aliases;  // vendor_key(alias) -> canonical name
    std::vector<std::string> files;                     // every file read, in order
    std::map<std::string, ProductName> products;        // dotted sysObjectID -> registry name
    // Load bookkeeping: the ids in `rules` (an override check without a scan of every rule), and each
    // regex pattern compiled so far (many rules repeat a sys_descr or oid_value pattern: one RE2 each).
    std::unordered_set<std::string> rule_ids;
    std::unordered_map<std::string, Regex> regexes_by_pattern;
};

// Reads every *.toml of each directory (sorted by name), directories in order. Missing directories
// are skipped; a directory that exists but cannot be read is an error.
RuleSet load_rule_set(const std::vector<std::filesystem::path>& dirs);

// The same in two steps, so that a compiled copy of the rules (rule_cache.hpp) can stand in for the second.
struct RuleFile {
    std::string path;
    std::string text;
};
std::vector<RuleFile> read_rule_files(const std::vector<std::filesystem::path>& dirs);
RuleSet parse_rule_files(const std::vector<RuleFile>& files);

// How every rule regex is compiled (so that a regex restored from the cache is the one the file gave).
re2::RE2::Options rule_regex_options();
// One file's text (named `file_name` in messages), appended to `set`. Exposed for tests.
void load_rule_text(RuleSet& set, std::string_view text, const std::string& file_name);

// Lower-case alphanumeric key with corporate tokens ("inc", "ltd", "networks", ...) dropped.
std::string vendor_key(std::string_view name);
// The legal forms of company names ("inc", "gmbh", ...), lower case: vendor_key drops these and sector words.
const std::set<std::string, std::less<>>& legal_forms();
// The same key, dropping only the words in `dropped` (lower case).
std::string name_key(std::string_view name, const std::set<std::string, std::less<>>& dropped);

}  // namespace nd::fp
