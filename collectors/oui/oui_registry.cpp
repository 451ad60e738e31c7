#include "collectors/oui/oui_registry.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace nd {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

std::optional<std::uint64_t> parse_hex(std::string_view digits) {
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : digits) {
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        if (v < 0) return std::nullopt;
        value = value * 16 + static_cast<std::uint64_t>(v);
    }
    return value;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

}  // namespace

std::optional<OuiCsvRow> parse_oui_csv_record(std::string_view text, std::size_t& pos) {
    // RFC 4180: quoted fields may hold commas, "" and line breaks (some registrant addresses do).
    std::vector<std::string> fields;
    std::string value;
    bool quoted = false;
    bool bad = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c != '"') {
                value.push_back(c);
            } else if (pos < text.size() && text[pos] == '"') {
                value.push_back('"');
                ++pos;
            } else {
                quoted = false;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back(trim(value));
            value.clear();
        } else if (c == '\n') {
            break;
        } else {
            value.push_back(c);
        }
    }
    if (quoted) bad = true;  // unterminated quote: the rest of the text was swallowed
    fields.emplace_back(trim(value));
    if (bad || fields.size() < 3) return std::nullopt;
    return OuiCsvRow{std::move(fields[0]), std::move(fields[1]), std::move(fields[2])};
}

std::optional<OuiCsvRow> parse_oui_csv_line(std::string_view line) {
    std::size_t pos = 0;
    return parse_oui_csv_record(line, pos);
}

OuiRegistry::OuiRegistry(std::filesystem::path dir) : dir_(std::move(dir)) {}

void OuiRegistry::ensure_loaded() const {
    // Loading mutates the tables once; lookups after that are read-only and may run concurrently.
    std::call_once(loaded_, [this] { const_cast<OuiRegistry*>(this)->load_files(); });
}

void OuiRegistry::load_files() {
    for (const char* name : {"oui.csv", "mam.csv", "oui36.csv", "iab.csv"}) {
        const auto path = dir_ / name;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        add_csv(read_file(path));
        files_.push_back(path);
    }
}

void OuiRegistry::add_csv(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto begin = pos;
        auto row = parse_oui_csv_record(text, pos);
        const auto raw = trim(text.substr(begin, pos - begin));
        if (raw.empty() || raw == "\n" || raw.starts_with("Registry,")) continue;
        if (row) {
            add_row(*row);
        } else {
            ++malformed_;
        }
    }
    sort_blocks();
}

void OuiRegistry::add_row(const OuiCsvRow& row) {
    const auto prefix = parse_hex(row.assignment);
    std::vector<Block>* table = nullptr;
    switch (row.assignment.size()) {
        case 6:
            table = &blocks24_;
            break;
        case 7:
            table = &blocks28_;
            break;
        case 9:
            table = &blocks36_;
            break;
        default:
            break;
    }
    if (!prefix || table == nullptr || row.organization.empty()) {
        ++malformed_;
        return;
    }
    Block block;
    block.prefix = *prefix;
    block.name_offset = static_cast<std::uint32_t>(names_.size());
    block.name_length = static_cast<std::uint32_t>(row.organization.size());
    names_ += row.organization;
    table->push_back(block);
}

void OuiRegistry::sort_blocks() {
    for (auto* table : {&blocks24_, &blocks28_, &blocks36_}) {
        // Stable, and the later row of a duplicate wins (a local file added last overrides).
        std::stable_sort(table->begin(), table->end());
        auto last = std::unique(table->rbegin(), table->rend(),
                                [](const Block& a, const Block& b) { return a.prefix == b.prefix; });
        table->erase(table->begin(), last.base());
    }
}

std::optional<std::string_view> OuiRegistry::find(const std::vector<Block>& blocks,
                                                  std::uint64_t prefix) const {
    Block key;
    key.prefix = prefix;
    const auto it = std::lower_bound(blocks.begin(), blocks.end(), key);
    if (it == blocks.end() || it->prefix != prefix) return std::nullopt;
    return std::string_view(names_).substr(it->name_offset, it->name_length);
}

std::optional<std::string_view> OuiRegistry::lookup(const MacAddress& mac) const {
    ensure_loaded();
    std::uint64_t value = 0;
    for (auto octet : mac.octets()) value = (value << 8U) | octet;
    if (auto name = find(blocks36_, value >> 12U)) return name;
    if (auto name = find(blocks28_, value >> 20U)) return name;
    return find(blocks24_, value >> 24U);
}

std::size_t OuiRegistry::size() const {
    ensure_loaded();
    return blocks24_.size() + blocks28_.size() + blocks36_.size();
}

std::vector<std::filesystem::path> OuiRegistry::loaded_files() const {
    ensure_loaded();
    return files_;
}

std::size_t OuiRegistry::malformed_lines() const {
    ensure_loaded();
    return malformed_;
}

}  // namespace nd
