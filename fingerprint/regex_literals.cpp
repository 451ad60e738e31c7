#include "fingerprint/regex_literals.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>

namespace nd::fp {
namespace {

constexpr auto npos = std::string_view::npos;

// Index just past the character class opening at `at` ('['), npos when it does not close.
std::size_t skip_class(std::string_view p, std::size_t at) {
    std::size_t i = at + 1;
    if (i < p.size() && p[i] == '^') ++i;
    if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is a member
    while (i < p.size()) {
        if (p[i] == '\\') {
            i += 2;
        } else if (p.compare(i, 2, "[:") == 0) {  // [:alpha:]
            auto end = p.find(":]", i + 2);
            if (end == npos) return npos;
            i = end + 2;
        } else if (p[i] == ']') {
            return i + 1;
        } else {
            ++i;
        }
    }
    return npos;
}

// Index just past the group opening at `at` ('('), npos when it does not close.
std::size_t skip_group(std::string_view p, std::size_t at) {
    int depth = 0;
    for (std::size_t i = at; i < p.size();) {
        if (p[i] == '\\') {
            i += 2;
        } else if (p[i] == '[') {
            i = skip_class(p, i);
            if (i == npos) return npos;
        } else {
            if (p[i] == '(') ++depth;
            if (p[i] == ')' && --depth == 0) return i + 1;
            ++i;
        }
    }
    return npos;
}

// The top-level alternatives of a pattern; empty when it is not well-formed.
std::vector<std::string_view> branches(std::string_view p) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < p.size();) {
        if (p[i] == '\\') {
            i += 2;
        } else if (p[i] == '[') {
            i = skip_class(p, i);
        } else if (p[i] == '(') {
            i = skip_group(p, i);
        } else if (p[i] == '|') {
            out.push_back(p.substr(start, i - start));
            start = ++i;
        } else {
            ++i;
        }
        if (i == npos) return {};
    }
    out.push_back(p.substr(start));
    return out;
}

// Escapes of one character that match no fixed character: they end a run, the scan goes on.
bool is_class_escape(char c) { return std::string_view("dDwWsSbBAz").find(c) != npos; }

std::size_t shortest(const std::vector<std::string>& set) {
    std::size_t n = std::string::npos;
    for (const auto& s : set) n = std::min(n, s.size());
    return n;
}

std::vector<std::string> pattern_literals(std::string_view pattern, int depth);

// What a group "(...)" holds: the text after "(", "(?:", "(?P<name>" or "(?flags:"; nothing for a flags-only
// group "(?i)".
std::optional<std::string_view> group_body(std::string_view group) {
    std::string_view inner = group.substr(1, group.size() - 2);
    if (!inner.starts_with('?')) return inner;
    if (inner.starts_with("?P<")) {
        auto close = inner.find('>');
        if (close == std::string_view::npos) return std::nullopt;
        return inner.substr(close + 1);
    }
    auto colon = inner.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    for (std::size_t i = 1; i < colon; ++i) {
        if (std::isalpha(static_cast<unsigned char>(inner[i])) == 0 && inner[i] != '-') return std::nullopt;
    }
    return inner.substr(colon + 1);
}

// The most selective set of literals every match of the branch holds one of: a run of plain characters, or
// the literals of a group it cannot skip. Empty when there is none.
std::vector<std::string> branch_literals(std::string_view b, int depth) {
    std::vector<std::string> best;
    std::string run;
    bool last_literal = false;  // the atom just read was the run's last character
    auto consider = [&](std::vector<std::string> set) {
        if (!set.empty() && (best.empty() || shortest(set) > shortest(best))) best = std::move(set);
    };
    auto end_run = [&] {
        if (!run.empty()) consider({run});
        run.clear();
        last_literal = false;
    };
    for (std::size_t i = 0; i < b.size();) {
        const char c = b[i];
        if (c == '\\') {
            if (i + 1 >= b.size()) break;
            const char e = b[i + 1];
            if (std::ispunct(static_cast<unsigned char>(e)) != 0 || e == ' ') {
                run.push_back(e);
                last_literal = true;
                i += 2;
                continue;
            }
            end_run();
            if (!is_class_escape(e)) break;  // \x41, \p{..}, \Q..\E, octal: not read, stop here
            i += 2;
        } else if (c == '[') {
            end_run();
            i = skip_class(b, i);
            if (i == npos) break;
        } else if (c == '(') {
            end_run();
            const auto close = skip_group(b, i);
            if (close == npos) break;
            const bool optional = close < b.size() && std::string_view("?*{").find(b[close]) != npos;
            if (auto body = group_body(b.substr(i, close - i)); body && !optional && depth < 8)
                consider(pattern_literals(*body, depth + 1));
            i = close;
        } else if (c == '?' || c == '*' || c == '{') {  // the atom before may be absent
            if (last_literal) run.pop_back();
            end_run();
            ++i;
            if (c == '{') {
                auto close = b.find('}', i);
                if (close != npos) i = close + 1;
            }
        } else if (c == '+') {  // at least once, but repeated: the run cannot go on past it
            end_run();
            ++i;
        } else if (c == '.' || c == '^' || c == '$' || c == '|' || c == ')' ||
                   static_cast<unsigned char>(c) >= 0x80) {
            end_run();
            ++i;
        } else {
            run.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            last_literal = true;
            ++i;
        }
    }
    end_run();
    return best;
}

std::vector<std::string> pattern_literals(std::string_view pattern, int depth) {
    std::vector<std::string> literals;
    const auto alternatives = branches(pattern);
    for (auto branch : alternatives) {
        auto set = branch_literals(branch, depth);
        if (set.empty()) return {};  // this branch may match without any literal
        literals.insert(literals.end(), std::make_move_iterator(set.begin()),
                        std::make_move_iterator(set.end()));
    }
    return literals;
}

}  // namespace

std::vector<std::string> required_literals(std::string_view pattern) { return pattern_literals(pattern, 0); }

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool has_non_ascii(std::string_view text) {
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

}  // namespace nd::fp
