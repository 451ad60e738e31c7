// The compiled rule cache must give back exactly the rules the files give, notice any change to the files,
// and never trust a damaged or foreign file.
#include "fingerprint/rule_cache.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "fingerprint/engine.hpp"
#include "fingerprint/report/corpus_loader.hpp"
#include "fingerprint/verdict_text.hpp"
#include "model/config_error.hpp"

namespace nd::fp {
namespace {

namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir() {
        static int made = 0;
        path = fs::temp_directory_path() /
               ("nd-rule-cache-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

const std::vector<fs::path> kShipped = {NETDOSSIER_SOURCE_DIR "/fingerprint/data"};

// Written, read back and written again, the shipped rules give the same bytes: every field survives.
TEST(RuleCacheTest, ShippedRulesSurviveTheRoundTrip) {
    TempDir dir;
    const auto files = read_rule_files(kShipped);
    const auto key = rule_cache_key(files);
    const auto parsed = parse_rule_files(files);
    ASSERT_TRUE(write_rule_cache(dir.path / "a", key, parsed));
    const auto cached = read_rule_cache(dir.path / "a", key);
    ASSERT_TRUE(cached.has_value());
    EXPECT_EQ(cached->rules.size(), parsed.rules.size());
    EXPECT_EQ(cached->rule_ids, parsed.rule_ids);
    EXPECT_EQ(cached->vendor_aliases, parsed.vendor_aliases);
    EXPECT_EQ(cached->files, parsed.files);
    for (const auto& [pattern, regex] : cached->regexes_by_pattern)  // (parsed also has overridden rules')
        EXPECT_TRUE(parsed.regexes_by_pattern.contains(pattern)) << pattern;
    ASSERT_TRUE(write_rule_cache(dir.path / "b", key, *cached));
    EXPECT_EQ(read_bytes(dir.path / "a"), read_bytes(dir.path / "b"));
}

// The rules of one file's text, written to a cache and read back.
RuleSet round_trip(std::string_view text) {
    TempDir dir;
    RuleSet set;
    load_rule_text(set, text, "a.toml");
    EXPECT_TRUE(write_rule_cache(dir.path / "cache", "key", set));
    auto cached = read_rule_cache(dir.path / "cache", "key");
    EXPECT_TRUE(cached.has_value());
    return cached ? std::move(*cached) : RuleSet{};
}

// A rule's interfaces condition (types and count) comes back from the cache as written.
TEST(RuleCacheTest, InterfacesConditionSurvivesTheRoundTrip) {
    const auto cached = round_trip(
        "[[rule]]\nid = \"olt\"\nclass = \"other\"\n"
        "when.interfaces = { types = [250, 266], at_least = 4 }\n"
        "[[rule]]\nid = \"plain\"\nclass = \"printer\"\nwhen.ttl = [60, 64]\n");
    ASSERT_EQ(cached.rules.size(), 2u);
    const auto& interfaces = cached.rules[0].when.interfaces;
    ASSERT_TRUE(interfaces.has_value());
    EXPECT_EQ(interfaces->types, (std::vector<std::uint16_t>{250, 266}));
    EXPECT_EQ(interfaces->at_least, 4);
    EXPECT_FALSE(cached.rules[1].when.interfaces.has_value());
}

// The maker-named-by-the-banner condition comes back from the cache as written.
TEST(RuleCacheTest, DescrMakerConditionSurvivesTheRoundTrip) {
    const auto cached = round_trip(
        "[[rule]]\nid = \"banner-maker\"\nvendor = \"{maker}\"\nwhen.descr_maker = '(?P<maker>.+)'\n"
        "when.descr_after_maker = '^ (?P<model>\\S+)'\n");
    ASSERT_EQ(cached.rules.size(), 1u);
    ASSERT_TRUE(cached.rules[0].when.descr_maker);
    EXPECT_EQ(cached.rules[0].when.descr_maker.pattern(), "(?P<maker>.+)");
    EXPECT_EQ(cached.rules[0].when.descr_after_maker.pattern(), "^ (?P<model>\\S+)");
    EXPECT_TRUE(cached.rules[0].when.needs_snmp());
}

// The same verdicts, reasons included, from parsed and from cached rules over a corpus sample.
TEST(RuleCacheTest, CachedEngineClassifiesAsTheParsedOne) {
    const fs::path root = NETDOSSIER_CORPUS_DIR;
    if (!fs::is_directory(root)) GTEST_SKIP() << "no corpus at " << root;
    TempDir dir;
    const auto parsed = FingerprintEngine::load(kShipped);
    const auto first = FingerprintEngine::load(kShipped, dir.path);  // parses, writes the cache
    const auto cached = FingerprintEngine::load(kShipped, dir.path);
    EXPECT_FALSE(first.rules_from_cache());
    ASSERT_TRUE(cached.rules_from_cache());
    std::size_t compared = 0;
    for (const auto& corpus : load_corpora(root)) {
        for (std::size_t i = 0; i < corpus.devices.size(); i += 11) {
            const auto& device = corpus.devices[i];
            if (!device.problem.empty()) continue;
            std::ostringstream a, b;
            print_verdict(a, parsed.classify(device.evidence));
            print_verdict(b, cached.classify(device.evidence));
            EXPECT_EQ(a.str(), b.str()) << device.id;
            ++compared;
        }
    }
    EXPECT_GT(compared, 200u);
}

// Each list of rule folders has its own cache: a run with other folders (--rules, an empty one) does not
// replace the usual rules' cache, and only the most recent few caches are kept.
TEST(RuleCacheTest, EachFolderListKeepsItsOwnCache) {
    TempDir usual, other, empty, cache;
    write_bytes(usual.path / "a.toml", "[[rule]]\nid = \"a\"\nclass = \"printer\"\nwhen.ttl = [60, 64]\n");
    write_bytes(other.path / "b.toml", "[[rule]]\nid = \"b\"\nclass = \"server\"\nwhen.ttl = [120, 128]\n");
    FingerprintEngine::load({usual.path}, cache.path);
    EXPECT_EQ(FingerprintEngine::load({other.path}, cache.path).rule_count(), 1u);
    EXPECT_EQ(FingerprintEngine::load({empty.path}, cache.path).rule_count(), 0u);
    const auto again = FingerprintEngine::load({usual.path}, cache.path);
    EXPECT_TRUE(again.rules_from_cache());
    EXPECT_EQ(again.rule_count(), 1u);
    EXPECT_NE(rule_cache_file(cache.path, {usual.path}), rule_cache_file(cache.path, {other.path}));
    EXPECT_EQ(rule_cache_file(cache.path, {usual.path}), rule_cache_file(cache.path, {usual.path / "."}));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(cache.path)) ++files;
    EXPECT_EQ(files, 2u) << "the empty folder left a cache";

    // A cache hit marks the cache used, so that pruning goes by use, not by when it was written.
    const auto usual_cache = rule_cache_file(cache.path, {usual.path});
    fs::last_write_time(usual_cache, fs::file_time_type::clock::now() - std::chrono::hours(24));
    const auto before = fs::last_write_time(usual_cache);
    EXPECT_TRUE(FingerprintEngine::load({usual.path}, cache.path).rules_from_cache());
    EXPECT_GT(fs::last_write_time(usual_cache), before);

    // Pruning keeps the one in use and the newest: ten caches, one second apart in mtime, keep three.
    for (int i = 0; i < 10; ++i) {
        const auto file = cache.path / ("rules-" + std::to_string(i) + ".cache");
        write_bytes(file, "x");
        fs::last_write_time(file, fs::file_time_type::clock::now() + std::chrono::seconds(i));
    }
    write_bytes(cache.path / "unrelated.txt", "kept");
    write_bytes(cache.path / "rules.cache", "an earlier version's single cache");
    prune_rule_caches(cache.path, 3, cache.path / "rules-0.cache");  // the oldest, but in use
    std::set<std::string> left;
    for (const auto& entry : fs::directory_iterator(cache.path))
        left.insert(entry.path().filename().string());
    EXPECT_EQ(left,
              (std::set<std::string>{"rules-0.cache", "rules-8.cache", "rules-9.cache", "unrelated.txt"}));
}

// Any change to a rule file (text or name, one added) is a different key: the files are parsed again, so a
// broken edit still fails with its file and line.
TEST(RuleCacheTest, EditedFilesAreParsedAgain) {
    TempDir rules, cache;
    write_bytes(rules.path / "a.toml", "[[rule]]\nid = \"a\"\nclass = \"printer\"\nwhen.ttl = [60, 64]\n");
    auto engine = FingerprintEngine::load({rules.path}, cache.path);
    EXPECT_EQ(engine.rule_count(), 1u);
    EXPECT_TRUE(FingerprintEngine::load({rules.path}, cache.path).rules_from_cache());

    write_bytes(rules.path / "b.toml", "[[rule]]\nid = \"b\"\nclass = \"server\"\nwhen.ttl = [120, 128]\n");
    auto grown = FingerprintEngine::load({rules.path}, cache.path);
    EXPECT_FALSE(grown.rules_from_cache());
    EXPECT_EQ(grown.rule_count(), 2u);

    write_bytes(rules.path / "b.toml", "[[rule]]\nid = \"b\"\nclass = \"server\n");
    try {
        FingerprintEngine::load({rules.path}, cache.path);
        ADD_FAILURE() << "a broken file loaded from the cache";
    } catch (const ConfigError& e) {
        EXPECT_THAT(e.what(), ::testing::HasSubstr("b.toml:3"));
    }
}

// Truncated, flipped, foreign or empty: ignored (nullopt), never a crash or a half-read rule set.
TEST(RuleCacheTest, DamagedCacheIsIgnored) {
    TempDir dir;
    const auto files = read_rule_files(kShipped);
    const auto key = rule_cache_key(files);
    ASSERT_TRUE(write_rule_cache(dir.path / "good", key, parse_rule_files(files)));
    const auto good = read_bytes(dir.path / "good");
    const auto bad = dir.path / "bad";
    for (std::size_t cut = 0; cut < good.size(); cut += good.size() / 37 + 1) {
        write_bytes(bad, good.substr(0, cut));
        EXPECT_FALSE(read_rule_cache(bad, key).has_value()) << "cut at " << cut;
    }
    for (std::size_t at = 17; at < good.size(); at += good.size() / 41 + 1) {
        auto flipped = good;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x5a);
        write_bytes(bad, flipped);
        EXPECT_FALSE(read_rule_cache(bad, key).has_value()) << "flipped byte " << at;
    }
    write_bytes(bad, "not a cache at all");
    EXPECT_FALSE(read_rule_cache(bad, key).has_value());
    EXPECT_FALSE(read_rule_cache(dir.path / "missing", key).has_value());
    EXPECT_FALSE(read_rule_cache(dir.path / "good", key + "x").has_value());  // other files
}

TEST(RuleCacheTest, CacheDirFromTheEnvironment) {
    const char* saved = std::getenv("NETDOSSIER_CACHE_DIR");
    const std::string saved_value = saved ? saved : "";
    ::setenv("NETDOSSIER_CACHE_DIR", "/var/tmp/nd-x", 1);
    EXPECT_EQ(default_rule_cache_dir(), fs::path("/var/tmp/nd-x"));
    ::setenv("NETDOSSIER_CACHE_DIR", "", 1);
    EXPECT_TRUE(default_rule_cache_dir().empty());  // set but empty: no cache
    ::unsetenv("NETDOSSIER_CACHE_DIR");
    ::setenv("CACHE_DIRECTORY", "/var/cache/netdossier:/var/cache/other", 1);
    EXPECT_EQ(default_rule_cache_dir(), fs::path("/var/cache/netdossier"));
    ::unsetenv("CACHE_DIRECTORY");
    if (saved) ::setenv("NETDOSSIER_CACHE_DIR", saved_value.c_str(), 1);
}

}  // namespace
}  // namespace nd::fp
