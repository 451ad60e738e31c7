#include "fingerprint/normalize.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "fingerprint/model_tail.hpp"
#include "fingerprint/regex_literals.hpp"
#include "fingerprint/rule_set.hpp"

namespace nd::fp {
namespace {

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// The rest of a maker's company name ("Crestron Electronics", "Extron Electronics Inc."): left at the
// front of a model when a banner's maker is matched by its short name.
bool is_company_word(std::string word) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.pop_back();
    static const char* const kWords[] = {
        "electronics",    "networks",      "networking",  "technologies", "technology", "systems",
        "communications", "international", "corporation", "corp",         "inc",        "ltd",
        "gmbh",           "industries",    "co"};
    auto lower = ascii_lower(word);
    return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return lower == w; });
}

// What kind of device it is, in front of a model code ("IP Phone CP-8845", "Projector EB-L520U", "BMC
// X11SPi-TF"): the model is the code.
void drop_leading_kind(std::vector<std::string>& w) {
    static const std::vector<std::vector<std::string>> kKinds = {{"ip", "conference", "phone"},
                                                                 {"conference", "phone"},
                                                                 {"ip", "phone"},
                                                                 {"network", "camera"},
                                                                 {"ip", "camera"},
                                                                 {"phone"},
                                                                 {"projector"},
                                                                 {"camera"},
                                                                 {"bmc"}};
    for (const auto& kind : kKinds) {
        if (w.size() <= kind.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < kind.size() && same; ++i) same = ascii_lower(w[i]) == kind[i];
        const auto& next = w[kind.size()];
        if (same && std::any_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            w.erase(w.begin(), w.begin() + static_cast<long>(kind.size()));
            return;
        }
    }
}

std::string join(const std::vector<std::string>& w, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
    return out;
}

}  // namespace

// Device strings are often Latin-1 or cut mid-character; verdicts end up in JSON, which needs UTF-8.
// Valid UTF-8 sequences are kept, every other byte is read as Latin-1.
std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto u = static_cast<unsigned char>(text[i]);
        std::size_t len = u < 0x80 ? 1 : (u >> 5) == 0x6 ? 2 : (u >> 4) == 0xE ? 3 : (u >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= text.size() && !(len == 2 && u < 0xC2);
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (ok) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out.push_back(static_cast<char>(0xC0 | (u >> 6)));
            out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
            ++i;
        }
    }
    return out;
}

namespace {

// Printable ASCII words with single spaces between them, no quotes around and no separator to trim at the
// end: most values are already clean, and every rule's read cleans its value.
bool already_clean(std::string_view text) {
    if (text.empty() || text.front() == ' ' || text.front() == '"' || text.front() == '\'') return false;
    char last = text.back();
    if (last == ' ' || last == ',' || last == ';' || last == ':' || last == '-' || last == '.' || last == ')')
        return false;
    char before = 0;
    for (char c : text) {
        if (c < ' ' || c > '~' || (c == ' ' && before == ' ')) return false;
        before = c;
    }
    return true;
}

}  // namespace

std::string clean_text(std::string_view raw) {
    if (already_clean(raw)) return std::string(raw);
    const std::string utf8 = valid_utf8(raw);
    std::string_view text = utf8;
    std::string out;
    bool space = false;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isspace(u) || u < 0x20) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    while (out.size() >= 2 &&
           ((out.front() == '"' && out.back() == '"') || (out.front() == '\'' && out.back() == '\'')))
        out = clean_text(std::string_view(out).substr(1, out.size() - 2));
    // Trailing separators, and a closing parenthesis the value never opened ("(Version 2.8000.00023)").
    auto unopened_close = [&] {
        if (out.back() != ')') return false;
        int depth = 0;  // of the parentheses before the last one
        for (std::size_t i = 0; i + 1 < out.size(); ++i) {
            if (out[i] == '(')
                ++depth;
            else if (out[i] == ')' && depth > 0)
                --depth;
        }
        return depth == 0;
    };
    while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':' ||
                            out.back() == '-' || out.back() == ' ' || out.back() == '.' || unopened_close()))
        out.pop_back();
    return out;
}

bool is_zero_version(std::string_view text) {
    bool zero = false;
    for (char c : text) {
        if (c == '0')
            zero = true;
        else if (c != '.' && c != ' ' && c != '-' && c != '_')
            return false;
    }
    return zero;
}

bool is_placeholder(std::string_view text) {
    static const std::vector<std::string> kNone = {"",
                                                   "n/a",
                                                   "na",
                                                   "none",
                                                   "unknown",
                                                   "0",
                                                   "null",
                                                   "-",
                                                   "not available",
                                                   "not specified",
                                                   "<private>",
                                                   "default",
                                                   "unavailable",
                                                   "not set",
                                                   "to be filled by o.e.m.",
                                                   "serial number",
                                                   "123456789",
                                                   "none specified",
                                                   "xxxxxxxxxx"};
    auto l = ascii_lower(clean_text(text));
    return std::find(kNone.begin(), kNone.end(), l) != kNone.end();
}

std::string VendorNames::canonical(std::string_view name) const {
    auto cleaned = clean_text(name);
    auto key = vendor_key(cleaned);
    if (auto it = aliases_->find(key); it != aliases_->end()) return it->second;
    // IEEE registrants add a place or a legal form: "YEALINK(XIAMEN) NETWORK TECHNOLOGY CO.,LTD",
    // "Intel Corporate", "Raspberry Pi Foundation". Without the parenthesised part, then by the longest
    // leading words the alias table knows, they fall back onto the maker's one name.
    std::string plain;
    int depth = 0;
    for (char c : cleaned) {
        if (c == '(') {
            ++depth;
            plain.push_back(' ');
        } else if (c == ')') {
            depth = depth > 0 ? depth - 1 : 0;
        } else if (depth == 0) {
            plain.push_back(c == ',' ? ' ' : c);
        }
    }
    plain = clean_text(plain);
    if (auto it = aliases_->find(vendor_key(plain)); it != aliases_->end()) return it->second;
    auto w = words(plain);
    for (std::size_t k = std::min<std::size_t>(3, w.size()); k >= 1; --k) {
        std::vector<std::string> lead(w.begin(), w.begin() + static_cast<long>(k));
        auto lead_key = vendor_key(join(lead, 0));
        if (lead_key.size() < 2) continue;
        if (auto it = aliases_->find(lead_key); it != aliases_->end()) return it->second;
    }
    if (!plain.empty()) cleaned = plain;
    // Strip corporate suffixes the key dropped, keeping the maker's own spelling.
    static const std::vector<std::string> kSuffixes = {
        ", inc", " inc", ", ltd", " ltd",     " co", " corporation", " corp", " gmbh",
        " llc",  " ag",  " s.a",  " limited", ",",   " corporate"};
    bool changed = true;
    while (changed) {
        changed = false;
        for (const auto& suffix : kSuffixes) {
            if (cleaned.size() > suffix.size() && ascii_lower(cleaned).ends_with(suffix)) {
                cleaned = clean_text(cleaned.substr(0, cleaned.size() - suffix.size()));
                changed = true;
            }
        }
    }
    return cleaned;
}

std::string VendorNames::clean_model(std::string_view model, std::string_view vendor) const {
    auto w = words(clean_text(model));
    auto vkey = vendor_key(canonical(vendor));
    auto is_vendor = [&](std::string_view phrase) {
        auto key = vendor_key(phrase);
        if (key.empty()) return false;
        if (key == vkey) return true;
        auto it = aliases_->find(key);
        return it != aliases_->end() && vendor_key(it->second) == vkey;
    };
    for (int pass = 0; pass < 3; ++pass) {
        bool changed = false;
        // The vendor's name (1-3 words) anywhere in the model, as long as a model remains.
        for (std::size_t k = 3; k >= 1 && !changed; --k) {
            for (std::size_t at = 0; at + k <= w.size() && w.size() > k; ++at) {
                std::vector<std::string> phrase(w.begin() + static_cast<long>(at),
                                                w.begin() + static_cast<long>(at + k));
                if (is_vendor(join(phrase, 0))) {
                    w.erase(w.begin() + static_cast<long>(at), w.begin() + static_cast<long>(at + k));
                    changed = true;
                    break;
                }
            }
        }
        // A phrase said twice at the start: "LaserJet LaserJet 400" -> "LaserJet 400".
        for (std::size_t k = w.size() / 2; k >= 1; --k) {
            bool same = true;
            for (std::size_t i = 0; i < k && same; ++i) same = ascii_lower(w[i]) == ascii_lower(w[k + i]);
            if (same) {
                w.erase(w.begin(), w.begin() + static_cast<long>(k));
                changed = true;
                break;
            }
        }
        if (!changed) break;
    }
    while (w.size() > 1 && is_company_word(w.front())) w.erase(w.begin());
    // The rest of a maker's legal name that is no company word alone ("KYOCERA Document Solutions TASKalfa").
    if (w.size() > 2 && ascii_lower(w[0]) == "document" && ascii_lower(w[1]) == "solutions")
        w.erase(w.begin(), w.begin() + 2);
    drop_leading_kind(w);
    drop_model_tail(w);
    return clean_text(join(w, 0));
}

}  // namespace nd::fp
