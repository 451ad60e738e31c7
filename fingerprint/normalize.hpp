#pragma once
// Cleaning the strings devices report: one name per maker, models without repeated vendor prefixes.
#include <map>
#include <string>
#include <string_view>

namespace nd::fp {

// Trims, collapses inner whitespace, drops surrounding quotes and trailing separators (",;:-").
std::string clean_text(std::string_view text);
// `text` as valid UTF-8: valid sequences kept, any other byte read as Latin-1.
std::string valid_utf8(std::string_view text);

// True for values devices use to mean "none": "", "N/A", "unknown", "not available", "0", "<private>", ...
bool is_placeholder(std::string_view text);
// A release that is all zeros ("000.000.000.00000", "0.0"): an unset field, not a release.
bool is_zero_version(std::string_view text);

class VendorNames {
public:
    explicit VendorNames(const std::map<std::string, std::string>* aliases) : aliases_(aliases) {}
    // The canonical maker name when the alias table knows it, else the cleaned input
    // without corporate suffixes ("Foo Networks, Inc." -> "Foo Networks").
    std::string canonical(std::string_view name) const;
    // "HP LaserJet HP LaserJet 400" -> "LaserJet 400" for vendor "HP": strips repeated phrases and a
    // leading vendor name (any alias of it), unless nothing would remain.
    std::string clean_model(std::string_view model, std::string_view vendor) const;

private:
    const std::map<std::string, std::string>* aliases_;
};

}  // namespace nd::fp
