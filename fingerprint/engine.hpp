#pragma once
// The fingerprint engine: evidence in, verdict with reasons out.
// Rules are declarative data files (shipped under share/netdossier/fingerprints, extended by
// /etc/netdossier/fingerprints.d), validated at load.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/evidence.hpp"
#include "model/verdict.hpp"

namespace nd {
namespace fp {
struct DeviceFacts;
class VendorNames;
}  // namespace fp

// What the rules read from an SNMP walk, for a live walk to ask for beside the standard MIBs it always reads.
struct SnmpReads {
    struct Read {
        Oid subtree;
        std::size_t rows = 1;  // rows worth reading: 2 to test presence, a few for a value
    };
    std::vector<Read> anywhere;                           // outside the makers' branches
    std::map<std::uint32_t, std::vector<Read>> by_maker;  // under 1.3.6.1.4.1.<n>
    bool maker_scalars = false;                           // a rule reads maker.scalar (the whole branch)
};

class FingerprintEngine {
public:
    // Loads every rule file of each directory in order (later directories may add or override).
    // Throws ConfigError naming the file and line of the first invalid rule. With a `cache_dir`, rules
    // compiled from the same files before are read from there (rule_cache.hpp), and stored after a parse.
    static FingerprintEngine load(const std::vector<std::filesystem::path>& rule_dirs,
                                  const std::filesystem::path& cache_dir = {});
    // The shipped rules: the source tree's fingerprint/data when run from a build, else the installed ones,
    // plus /etc/netdossier/fingerprints.d when it exists.
    static FingerprintEngine load_default(const std::filesystem::path& cache_dir = {});
    // The folders load_default() reads, in order.
    static std::vector<std::filesystem::path> default_rule_dirs();
    // Where the CLI and the service keep compiled rules: $NETDOSSIER_CACHE_DIR (set but empty: none),
    // systemd's $CACHE_DIRECTORY, $XDG_CACHE_HOME/netdossier or ~/.cache/netdossier.
    static std::filesystem::path default_cache_dir();
    // Whether this engine's rules came from the compiled cache rather than the files' TOML.
    bool rules_from_cache() const;

    FingerprintEngine(FingerprintEngine&&) noexcept;
    FingerprintEngine& operator=(FingerprintEngine&&) noexcept;
    ~FingerprintEngine();

    // Pure and thread-safe: the same evidence always gives the same verdict.
    Verdict classify(const DeviceEvidence& evidence) const;

    // Every device's verdict, in order. A scan holds all its devices at once: they are shared among up to
    // `threads` threads (0: one per CPU); a few hundred devices are not worth starting threads for.
    std::vector<Verdict> classify_all(const std::vector<const DeviceEvidence*>& devices,
                                      unsigned threads = 0) const;

    // Ids of every rule whose conditions hold for this evidence, in rule order (for explain and for
    // measuring which rules a corpus item depends on).
    std::vector<std::string> matching_rules(const DeviceEvidence& evidence) const;

    // A copy without the rules named in `ids` (measuring how rules generalise to families they were not
    // written for).
    FingerprintEngine without_rules(const std::set<std::string>& ids) const;

    // The IANA enterprise registry that names makers no rule knows (default: Debian's libwireshark-data
    // copy, /usr/share/wireshark/enterprises.tsv; a missing file names none). Set-up only, before the engine
    // classifies on other threads; without_rules() copies keep the registry they were made with.
    void use_enterprise_registry(const std::filesystem::path& file);

    // Every OID a rule tests or reads (entity fields and maker.scalar aside), by maker branch, distinct.
    SnmpReads snmp_reads() const;

    // The maker name the vendor alias table gives for `name` ("Hewlett-Packard" -> "HP").
    std::string canonical_vendor(std::string_view name) const;
    std::size_t rule_count() const;
    const std::vector<std::string>& rule_files() const;  // every file loaded, in order

private:
    struct Rules;
    std::optional<Finding> registered_maker(const fp::DeviceFacts& facts, const fp::VendorNames& names) const;
    explicit FingerprintEngine(std::unique_ptr<Rules> rules);
    std::unique_ptr<Rules> rules_;
};

}  // namespace nd
