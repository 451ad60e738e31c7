#include "fingerprint/enterprise_registry.hpp"

#include <re2/re2.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "fingerprint/normalize.hpp"

namespace nd::fp {

EnterpriseRegistry::EnterpriseRegistry(std::filesystem::path file) : file_(std::move(file)) {}

void EnterpriseRegistry::ensure_loaded() const {
    std::call_once(loaded_, [this] {
        if (file_.empty()) return;
        std::ifstream in(file_, std::ios::binary);
        if (!in) return;
        std::ostringstream text;
        text << in.rdbuf();
        // Loaded once, before any lookup reads the map: the const_cast only completes construction.
        const_cast<EnterpriseRegistry*>(this)->add_text(text.str());
    });
}

void EnterpriseRegistry::add_text(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::uint32_t number = 0;
        auto [after, error] = std::from_chars(line.data(), line.data() + line.size(), number);
        std::string_view rest(after, static_cast<std::size_t>(line.data() + line.size() - after));
        auto name_at = rest.find_first_not_of(" \t");
        if (error != std::errc() || rest.empty() || (rest.front() != ' ' && rest.front() != '\t') ||
            name_at == std::string_view::npos) {
            ++malformed_;
            continue;
        }
        auto name = rest.substr(name_at);
        // "476<TAB>Vertiv<TAB># formerly 'Emerson Computer Power'": the comment is not the name (a bare '#'
        // is: "School District # 37").
        if (auto comment = name.find("\t#"); comment != std::string_view::npos)
            name = name.substr(0, comment);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
        names_[number] = std::string(name);
    }
}

std::optional<std::string_view> EnterpriseRegistry::lookup(std::uint32_t number) const {
    ensure_loaded();
    auto it = names_.find(number);
    if (it == names_.end()) return std::nullopt;
    return std::string_view(it->second);
}

std::size_t EnterpriseRegistry::size() const {
    ensure_loaded();
    return names_.size();
}

std::size_t EnterpriseRegistry::malformed_lines() const {
    ensure_loaded();
    return malformed_;
}

bool looks_like_a_person(std::string_view registrant) {
    static const re2::RE2 kTwoNames(R"(^[A-Z][a-z]+ [A-Z][a-z]+$)");
    static const re2::RE2 kBusiness(
        R"((?i)\b(?:networks?|systems?|technolog\w*|communications?|electronics?|software|solutions?|telecom\w*|)"
        R"(power|labs?|group|computers?|data|security|energy|media|broadcast\w*|devices?|controls?|research|)"
        R"(engineering|industries|instruments?|international|services|digital|wireless|optics?|global)\b)");
    const re2::StringPiece text(registrant.data(), registrant.size());
    return re2::RE2::FullMatch(text, kTwoNames) && !re2::RE2::PartialMatch(text, kBusiness);
}

bool registrant_names_a_maker(std::string_view registrant) {
    return !registrant.empty() && !is_placeholder(registrant) && registrant != "Reserved" &&
           registrant != "---none---" && !looks_like_a_person(registrant);
}

}  // namespace nd::fp
