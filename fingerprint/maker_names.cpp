#include "fingerprint/maker_names.hpp"

#include <array>
#include <cctype>
#include <set>
#include <vector>

namespace nd::fp {
namespace {

constexpr std::size_t kMaxWords = 4;

// Keys of makers named after common words or acronyms that open sysDescrs of other makers' devices:
// "Gateway 2000", "Next generation ...", "ATS controller", "UNIX System V", "Power ...".
const std::set<std::string, std::less<>>& common_words() {
    static const std::set<std::string, std::less<>> kWords = {
        "acc", "apt",   "ast",  "ats",     "avid",    "cab",   "cmu",   "cts",    "digital", "drake",
        "dvs", "esi",   "ever", "gateway", "generic", "ips",   "kip",   "leader", "linux",   "media",
        "mni", "mtu",   "ncd",  "next",    "option",  "pace",  "pivot", "power",  "promise", "quantum",
        "saj", "sel",   "sick", "sms",     "sola",    "sound", "start", "strix",  "symbol",  "system",
        "tcc", "terra", "tsc",  "unify",   "unix",    "wis",   "wolf",  "crown"};
    return kWords;
}

}  // namespace

MakerNames::MakerNames(const RuleSet& set) {
    for (const auto& [key, name] : set.vendor_aliases) names_.emplace(key, name);
    // The enterprise table's makers ("enterprise-<n>" rules): a name of four or more letters, since its
    // short ones are acronyms the alias table has not vouched for.
    for (const auto& rule : set.rules) {
        if (!rule.id.starts_with("enterprise-") || rule.when.enterprise.size() != 1) continue;
        const auto& name = rule.templates[static_cast<std::size_t>(Field::kVendor)];
        if (name.empty() || name.find('{') != std::string::npos) continue;
        auto key = vendor_key(name);
        if (key.size() >= 4) names_.emplace(key, name);
    }
    for (auto it = names_.begin(); it != names_.end();) {
        if (it->first.size() < 3 || common_words().contains(it->first))
            it = names_.erase(it);
        else
            ++it;
    }
}

MakerNames::Found MakerNames::first_in(std::string_view text) const {
    auto parts = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';'; };
    std::vector<std::pair<std::size_t, std::size_t>> words;  // [begin, end) of each of the first words
    std::size_t i = 0;
    while (words.size() < kMaxWords) {
        while (i < text.size() && parts(text[i])) ++i;
        if (i >= text.size()) break;
        std::size_t begin = i;
        while (i < text.size() && !parts(text[i])) ++i;
        words.emplace_back(begin, i);
    }
    Found found;
    for (const auto& [begin, end] : words) {
        // The first words as one name, from the first word's start to this one's end.
        auto key = vendor_key(text.substr(words.front().first, end - words.front().first));
        if (auto it = names_.find(key); it != names_.end()) found = {it->second, end};
    }
    return found;
}

}  // namespace nd::fp
