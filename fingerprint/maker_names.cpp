#include "fingerprint/maker_names.hpp"

#include <cctype>
#include <set>
#include <vector>

namespace nd::fp {
namespace {

constexpr std::size_t kMaxWords = 4;

// Keys of makers named after common words or product lines that open sysDescrs of other makers' devices:
// "Gateway 2000", "Next generation ...", "ATS controller", "UNIX System V", "airFiber AF-5XHD" (Ubiquiti's).
const std::set<std::string, std::less<>>& common_words() {
    static const std::set<std::string, std::less<>> kWords = {
        "acc",     "airfiber", "apt", "ast",   "ats",  "avid",    "cab",     "cmu",         "crown", "cts",
        "digital", "drake",    "dvs", "esi",   "ever", "gateway", "generic", "ips",         "kip",   "leader",
        "linux",   "media",    "mni", "mtu",   "ncd",  "next",    "option",  "pace",        "pivot", "power",
        "promise", "quantum",  "saj", "sel",   "sick", "sms",     "sola",    "sound",       "start", "strix",
        "symbol",  "system",   "tcc", "terra", "tsc",  "unify",   "unix",    "videoserver", "wis",   "wolf"};
    return kWords;
}

// The words of a name, lower-case letters and digits, legal forms aside: "Juniper Networks, Inc." ->
// "junipernetworks" (vendor_key also drops "networks").
std::string words_key(std::string_view name) { return name_key(name, legal_forms()); }

}  // namespace

void MakerNames::add(std::map<std::string, std::string, std::less<>>& to, std::string key,
                     const std::string& name) {
    // Keys under three characters are initials ("HP", "GE", "3M") that open many banners of other makers.
    if (key.size() < 3 || common_words().contains(key)) return;
    to.emplace(std::move(key), name);
}

MakerNames::MakerNames(const RuleSet& set) {
    auto add_name = [&](const std::string& name) {
        add(by_words_, words_key(name), name);
        if (vendor_key(name) == words_key(name)) add(by_key_, vendor_key(name), name);
    };
    for (const auto& [key, name] : set.vendor_aliases) {
        if (key == vendor_key(name))
            add_name(name);  // the maker's own name
        else
            add(by_key_, key, name);  // an alias the table vouches for ("Sun" -> Oracle)
    }
    // The enterprise table's makers ("enterprise-<n>" rules): four characters or more, since its short
    // names are acronyms the alias table has not vouched for.
    for (const auto& rule : set.rules) {
        if (!rule.id.starts_with("enterprise-") || rule.when.enterprise.size() != 1) continue;
        const auto& name = rule.templates[static_cast<std::size_t>(Field::kVendor)];
        if (name.empty() || name.find('{') != std::string::npos || words_key(name).size() < 4) continue;
        add_name(name);
    }
}

namespace {

// [begin, end) of the text's first words (spaces, commas and semicolons part them).
std::vector<std::pair<std::size_t, std::size_t>> first_words(std::string_view text) {
    auto parts = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';'; };
    std::vector<std::pair<std::size_t, std::size_t>> words;
    std::size_t i = 0;
    while (words.size() < kMaxWords) {
        while (i < text.size() && parts(text[i])) ++i;
        if (i >= text.size()) break;
        std::size_t begin = i;
        while (i < text.size() && !parts(text[i])) ++i;
        words.emplace_back(begin, i);
    }
    return words;
}

}  // namespace

MakerNames::Found MakerNames::opens_with(std::string_view text, const std::string& name) {
    const auto words = first_words(text);
    const std::string key = words_key(name);
    if (words.empty() || key.empty()) return {};
    for (std::size_t n = words.size(); n-- > 0;) {
        if (words_key(text.substr(words.front().first, words[n].second - words.front().first)) == key)
            return {name, words[n].second};
    }
    const auto name_words = first_words(name);
    const auto first = vendor_key(text.substr(words[0].first, words[0].second - words[0].first));
    if (first.size() >= 5 && !name_words.empty() &&
        first == vendor_key(std::string_view(name).substr(name_words[0].first,
                                                          name_words[0].second - name_words[0].first)))
        return {name, words[0].second};
    return {};
}

MakerNames::Found MakerNames::first_in(std::string_view text) const {
    const auto words = first_words(text);
    Found found;
    if (words.empty()) return found;
    auto word = [&](std::size_t n) { return text.substr(words[n].first, words[n].second - words[n].first); };
    if (vendor_key(word(0)).empty()) return found;  // "The ...", "Network ...": no maker opens so
    for (std::size_t n = 0; n < words.size(); ++n) {
        // The first words as one name, from the first word's start to this one's end.
        auto lead = text.substr(words.front().first, words[n].second - words.front().first);
        if (auto it = by_words_.find(words_key(lead)); it != by_words_.end()) {
            found = {it->second, words[n].second};
        } else if (!vendor_key(word(n)).empty()) {
            if (auto key = by_key_.find(vendor_key(lead)); key != by_key_.end())
                found = {key->second, words[n].second};
        }
    }
    return found;
}

}  // namespace nd::fp
