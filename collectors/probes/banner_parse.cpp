#include "collectors/probes/banner_parse.hpp"

#include <algorithm>
#include <cctype>

namespace nd {
namespace {

constexpr std::size_t kMaxField = 256;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Printable, whitespace runs collapsed to one space, bounded.
std::string clean(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char ch : trim(s)) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isspace(c)) {
            space = true;
            continue;
        }
        if (c < 0x20 || c == 0x7f) continue;
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(ch);
        if (out.size() >= kMaxField) break;
    }
    return out;
}

std::string decode_entities(std::string_view s) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'},  {"&lt;", '<'},    {"&gt;", '>'},  {"&quot;", '"'},
        {"&#39;", '\''}, {"&apos;", '\''}, {"&nbsp;", ' '}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&') {
            for (const auto& [entity, ch] : kEntities) {
                if (lower(s.substr(i, entity.size())) == entity) {
                    out.push_back(ch);
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out.push_back(s[i++]);
    }
    return out;
}

}  // namespace

std::optional<std::string> parse_ssh_banner(std::string_view data) {
    while (!data.empty()) {
        const auto eol = data.find('\n');
        const auto line = data.substr(0, eol);
        if (line.substr(0, 4) == "SSH-") return clean(line);
        if (eol == std::string_view::npos) break;
        data.remove_prefix(eol + 1);
    }
    return std::nullopt;
}

HttpSummary parse_http_response(std::string_view response) {
    HttpSummary out;
    const auto header_end = response.find("\r\n\r\n");
    const auto head = response.substr(0, header_end);
    const auto body =
        header_end == std::string_view::npos ? std::string_view{} : response.substr(header_end + 4);
    auto rest = head;
    bool first = true;
    while (!rest.empty()) {
        const auto eol = rest.find("\r\n");
        const auto line = rest.substr(0, eol);
        if (first) {
            first = false;
            if (line.substr(0, 5) != "HTTP/") return out;
            const auto sp = line.find(' ');
            if (sp != std::string_view::npos && line.size() >= sp + 4) {
                const auto code = line.substr(sp + 1, 3);
                if (std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                    out.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
                }
            }
        } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
            const auto name = lower(trim(line.substr(0, colon)));
            const auto value = line.substr(colon + 1);
            if (name == "server" && out.server.empty()) out.server = clean(value);
            if (name == "www-authenticate" && out.www_authenticate.empty())
                out.www_authenticate = clean(value);
        }
        if (eol == std::string_view::npos) break;
        rest.remove_prefix(eol + 2);
    }
    const auto lowered = lower(body);
    const auto open = lowered.find("<title");
    if (open != std::string::npos) {
        const auto start = lowered.find('>', open);
        const auto close = lowered.find("</title", start == std::string::npos ? open : start);
        if (start != std::string::npos && close != std::string::npos) {
            out.title = clean(decode_entities(body.substr(start + 1, close - start - 1)));
        }
    }
    return out;
}

std::string printable_prefix(std::string_view data, std::size_t limit) {
    std::string out;
    for (const char ch : data) {
        if (out.size() >= limit) break;
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7f) {
            out.push_back(ch);
        } else if (c == '\r' || c == '\n' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        }
    }
    return std::string{trim(out)};
}

}  // namespace nd
