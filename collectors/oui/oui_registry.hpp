#pragma once
// The IEEE MAC address registry (Debian's ieee-data): which organisation a MAC block is registered to.
// MA-L (24-bit), MA-M (28-bit), MA-S and IAB (36-bit) blocks; the longest matching block wins, so a
// MAC in an MA-S block under the "IEEE Registration Authority" MA-L names the MA-S registrant.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/address.hpp"

namespace nd {

inline constexpr std::string_view kDefaultIeeeDataDir = "/usr/share/ieee-data";

// One parsed registry CSV row ("MA-L,002272,American Micro-Fuel Device Corp.,address").
struct OuiCsvRow {
    std::string registry;    // "MA-L", "MA-M", "MA-S", "IAB"
    std::string assignment;  // hex digits: 6, 7 or 9
    std::string organization;
};

// Parses the CSV record starting at `pos` (RFC 4180 quoting: commas, "" and line breaks inside quotes)
// and moves `pos` past it; nullopt for a record with fewer than 3 fields or an unterminated quote.
std::optional<OuiCsvRow> parse_oui_csv_record(std::string_view text, std::size_t& pos);
std::optional<OuiCsvRow> parse_oui_csv_line(std::string_view line);

class OuiRegistry {
public:
    // Nothing is read until the first lookup; then every registry file present in `dir` is parsed
    // once (thread-safe). Missing files are skipped; an unreadable directory gives an empty registry.
    explicit OuiRegistry(std::filesystem::path dir = std::filesystem::path(kDefaultIeeeDataDir));

    // The registrant of the longest registered block containing `mac`, as registered ("Hewlett Packard").
    std::optional<std::string_view> lookup(const MacAddress& mac) const;
    // Number of blocks loaded (forces the load).
    std::size_t size() const;
    // Files that were found and parsed, and lines that could not be (forces the load).
    std::vector<std::filesystem::path> loaded_files() const;
    std::size_t malformed_lines() const;

    // Adds the rows of one CSV text (exposed for tests and for extra local registries).
    void add_csv(std::string_view text);

private:
    struct Block {
        std::uint64_t prefix = 0;  // the assignment's hex digits as a number
        std::uint32_t name_offset = 0;
        std::uint32_t name_length = 0;
        bool operator<(const Block& other) const { return prefix < other.prefix; }
    };
    void ensure_loaded() const;
    void load_files();
    void add_row(const OuiCsvRow& row);
    void sort_blocks();
    std::optional<std::string_view> find(const std::vector<Block>& blocks, std::uint64_t prefix) const;

    std::filesystem::path dir_;
    mutable std::once_flag loaded_;
    std::vector<Block> blocks24_, blocks28_, blocks36_;
    std::string names_;
    std::vector<std::filesystem::path> files_;
    std::size_t malformed_ = 0;
};

}  // namespace nd
