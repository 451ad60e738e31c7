#include "exporters/template_rows.hpp"

#include "exporters/markdown_table.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

void append_html_escaped_valid(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '\n':
            case '\t':
                out.push_back(' ');
                break;
            default:
                out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c);
        }
    }
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view raw) {
    if (is_valid_utf8(raw)) {
        append_html_escaped_valid(out, raw);
    } else {
        append_html_escaped_valid(out, sanitize_utf8(raw));
    }
}

std::string table_rows_html(const ViewTable& table) {
    std::string out;
    out.reserve(table.rows.size() * 64 * (table.headers.size() + 1));
    // Each cell repeats its column's header (the phone layout shows it): escaped once per table.
    std::vector<std::string> labels;
    for (const auto& header : table.headers) {
        labels.emplace_back();
        append_html_escaped(labels.back(), header);
    }
    for (const auto& row : table.rows) {
        if (!out.empty()) out += '\n';
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const ViewCell& cell = row[i];
            out += "<td data-label=\"";
            if (i < labels.size()) out += labels[i];
            out += '"';
            if (cell.alert) out += " class=\"alert\"";
            if (cell.text.empty()) out += " class=\"empty\"";
            out += '>';
            append_html_escaped(out, cell.text);
            if (!cell.note.empty()) {
                out += "<span class=\"note\">";
                append_html_escaped(out, cell.note);
                out += "</span>";
            }
            out += "</td>";
        }
        out += "</tr>";
    }
    return out;
}

std::string table_rows_markdown(const ViewTable& table) {
    std::string out;
    out.reserve(table.rows.size() * 24 * (table.headers.size() + 1));
    for (const auto& row : table.rows) {
        if (!out.empty()) out += '\n';
        out += '|';
        for (const ViewCell& cell : row) {
            out += ' ';
            out += md_escape(cell.text);
            if (!cell.note.empty()) {
                out += " (";
                out += md_escape(cell.note);
                out += ')';
            }
            if (cell.alert) out += " \xe2\x9a\xa0";
            out += " |";
        }
    }
    return out;
}

}  // namespace nd
