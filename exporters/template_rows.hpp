#pragma once
// Table rows pre-rendered for the built-in layouts. A 10,000-row table as mustache data costs about
// fifteen allocations per cell and most of an export's time; the built-in templates insert these
// strings instead ({{{rows_html}}}, {{{rows_markdown}}}). They are the exact markup the loop over
// {{#rows}}{{#cells}} in kRowsHtmlLoop / kRowsMarkdownLoop makes (which user templates may still use),
// rows joined by line breaks: the template's own line ends the last one.
#include <string>
#include <string_view>

#include "exporters/dossier_view.hpp"

namespace nd {

inline constexpr std::string_view kRowsHtmlLoop =
    R"({{#rows}}<tr>{{#cells}}<td data-label="{{label}}"{{#alert}} class="alert"{{/alert}}{{#empty}} class="empty"{{/empty}}>{{text}}{{#note}}<span class="note">{{note}}</span>{{/note}}</td>{{/cells}}</tr>
{{/rows}})";

inline constexpr std::string_view kRowsMarkdownLoop =
    "{{#rows}}|{{#cells}} {{text}}{{#note}} ({{note}}){{/note}}{{#alert}} \xe2\x9a\xa0{{/alert}} "
    "|{{/cells}}\n"
    "{{/rows}}";

std::string table_rows_html(const ViewTable& table);
std::string table_rows_markdown(const ViewTable& table);

// HTML text escaping appended to `out` (also quotes, control characters, invalid UTF-8).
void append_html_escaped(std::string& out, std::string_view raw);

}  // namespace nd
