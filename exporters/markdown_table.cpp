#include "exporters/markdown_table.hpp"

#include "model/evidence_json.hpp"

namespace nd {

std::string md_escape(std::string_view raw) {
    // Broken UTF-8 from a device becomes U+FFFD: a wiki page must stay valid text.
    std::string sanitized;
    std::string_view text = raw;
    if (!is_valid_utf8(raw)) {
        sanitized = sanitize_utf8(raw);
        text = sanitized;
    }
    // Trim surrounding whitespace so a cell never starts a code block or breaks the row.
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() &&
           (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    if (text.empty()) return "\xe2\x80\x94";  // em dash
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out.push_back(' ');
                break;
            case '\n':
                out.push_back(' ');
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '|':
            case '\\':
            case '*':
            case '_':
            case '`':
            case '[':
            case ']':
            case '#':
                out.push_back('\\');
                out.push_back(c);
                break;
            default:
                // Other control characters would garble the page.
                out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c);
        }
    }
    return out;
}

void MarkdownTable::add_row(const std::vector<std::string>& cells) {
    std::vector<std::string> row;
    row.reserve(headers_.size());
    for (std::size_t i = 0; i < headers_.size(); ++i)
        row.push_back(md_escape(i < cells.size() ? cells[i] : ""));
    rows_.push_back(std::move(row));
}

std::string MarkdownTable::render() const {
    std::string out = "|";
    for (const auto& h : headers_) out += " " + md_escape(h) + " |";
    out += "\n|";
    for (std::size_t i = 0; i < headers_.size(); ++i) out += " --- |";
    out += "\n";
    for (const auto& row : rows_) {
        out += "|";
        for (const auto& cell : row) {
            out += " ";
            out += cell;
            out += " |";
        }
        out += "\n";
    }
    return out;
}

}  // namespace nd
