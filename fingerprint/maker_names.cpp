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

std::string MakerNames::first_in(std::string_view text) const {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (words.size() < kMaxWords) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size()) break;
        std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        words.push_back(text.substr(start, i - start));
    }
    std::string best;
    for (std::size_t n = 1; n <= words.size(); ++n) {
        // The first words as one name: from the first word's start to the n-th word's end.
        const auto end = words[n - 1].data() + words[n - 1].size() - words[0].data();
        auto key = vendor_key(text.substr(static_cast<std::size_t>(words[0].data() - text.data()),
                                          static_cast<std::size_t>(end)));
        if (auto it = names_.find(key); it != names_.end()) best = it->second;
    }
    return best;
}

}  // namespace nd::fp
