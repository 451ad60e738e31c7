#include "exporters/templates.hpp"

#include <fstream>
#include <kainjow/mustache.hpp>
#include <regex>
#include <sstream>

#include "exporters/markdown_table.hpp"
#include "exporters/template_rows.hpp"

namespace nd {

std::string_view builtin_html_template();
std::string_view builtin_markdown_template();

namespace {

namespace mst = kainjow::mustache;

// kainjow's set() and push_back() deep-copy their argument, and its vector copies again when it grows (the
// move constructor is not noexcept): a 10,000-row table was copied a dozen times. These move instead.
void put(mst::data& object, const std::string& key, mst::data&& value) {
    object.set(key, mst::data(false));  // a cheap slot, then the value moved into it
    *const_cast<mst::data*>(object.get(key)) = std::move(value);  // NOLINT: the slot is ours, not const
}

mst::data list_of(std::vector<mst::data>&& items) {
    mst::data out{mst::data::type::list};
    const_cast<mst::list&>(out.list_value()).swap(items);  // NOLINT: the list is ours, not const
    return out;
}

mst::data cell_data(const ViewCell& c, const std::string& label) {
    mst::data out;
    out.set("text", c.text);
    out.set("label", label);
    if (!c.note.empty()) out.set("note", c.note);
    out.set("alert", c.alert);
    out.set("empty", c.text.empty());
    return out;
}

// What a template asks for: rows as mustache data are built only when it loops over them.
struct TemplateNeeds {
    bool rows = true;
    bool rows_html = true;
    bool rows_markdown = true;
};

bool template_mentions(const std::string& text, const std::string& name) {
    const std::regex tag("\\{\\{[#^/&{]?\\s*" + name + "\\s*\\}?\\}\\}");
    return std::regex_search(text, tag);
}

TemplateNeeds needs_of(const std::string& text) {
    if (text.find("{{=") != std::string::npos) return {};  // other delimiters: build everything
    return {template_mentions(text, "rows"), template_mentions(text, "rows_html"),
            template_mentions(text, "rows_markdown")};
}

mst::data table_data(const ViewTable& t, const TemplateNeeds& needs) {
    mst::data out;
    out.set("id", t.id);
    out.set("title", t.title);
    out.set("count", std::to_string(t.rows.size()));
    out.set("empty", t.rows.empty());
    std::vector<mst::data> headers;
    headers.reserve(t.headers.size());
    for (const auto& h : t.headers) headers.emplace_back(h);
    put(out, "headers", list_of(std::move(headers)));
    if (needs.rows_html) put(out, "rows_html", mst::data(table_rows_html(t)));
    if (needs.rows_markdown) put(out, "rows_markdown", mst::data(table_rows_markdown(t)));
    if (!needs.rows) return out;
    std::vector<mst::data> rows;
    rows.reserve(t.rows.size());
    for (const auto& r : t.rows) {
        std::vector<mst::data> cells;
        cells.reserve(r.size());
        for (std::size_t i = 0; i < r.size(); ++i)
            cells.push_back(cell_data(r[i], i < t.headers.size() ? t.headers[i] : ""));
        mst::data row;
        put(row, "cells", list_of(std::move(cells)));
        rows.push_back(std::move(row));
    }
    put(out, "rows", list_of(std::move(rows)));
    return out;
}

mst::data section_data(const ViewSection& s, const DossierView& view, TemplateEscape escape,
                       const TemplateNeeds& needs) {
    mst::data out;
    out.set("id", s.id);
    out.set("title", s.title);
    out.set("summary", s.summary);
    std::vector<mst::data> tables;
    tables.reserve(s.tables.size());
    for (const auto& t : s.tables) tables.push_back(table_data(t, needs));
    put(out, "tables", list_of(std::move(tables)));
    out.set("is_changes", s.section == DossierSection::kChanges);
    std::vector<mst::data> changes;
    changes.reserve(s.changes.size());
    for (const auto& c : s.changes) changes.emplace_back(c);
    put(out, "changes", list_of(std::move(changes)));
    out.set("no_changes", s.section == DossierSection::kChanges && s.changes.empty());
    if (s.topology && !view.topology.empty()) {
        mst::data topo;
        topo.set("nodes", std::to_string(view.topology.nodes.size()));
        topo.set("links", std::to_string(view.topology.edges.size()));
        // Markup the exporter generated and escaped itself; templates insert it with {{{ }}}.
        if (escape == TemplateEscape::kHtml)
            topo.set("svg", topology_svg(view.topology));
        else
            topo.set("mermaid", topology_mermaid(view.topology));
        put(out, "topology", std::move(topo));
    }
    return out;
}

mst::data view_data(const DossierView& view, TemplateEscape escape, const ViewSection* only,
                    const TemplateNeeds& needs) {
    mst::data out;
    out.set("site", view.site);
    out.set("generated", view.generated);
    out.set("scan", view.scan);
    out.set("targets", view.targets);
    out.set("has_targets", !view.targets.empty());
    out.set("device_count", std::to_string(view.device_count));
    std::vector<mst::data> sections;
    sections.reserve(view.sections.size());
    for (const auto& s : view.sections) {
        if (only == nullptr || only == &s) sections.push_back(section_data(s, view, escape, needs));
    }
    put(out, "sections", list_of(std::move(sections)));
    out.set("title", only != nullptr ? only->title : std::string("Network dossier"));
    return out;
}

}  // namespace

std::string html_escape(std::string_view raw) {
    std::string out;
    out.reserve(raw.size() + 16);
    append_html_escaped(out, raw);
    return out;
}

std::string_view builtin_template(std::string_view name) {
    if (name == kHtmlTemplate) return builtin_html_template();
    if (name == kMarkdownTemplate) return builtin_markdown_template();
    return "";
}

TemplateSource load_template(const std::optional<std::filesystem::path>& dir, std::string_view name) {
    if (dir) {
        std::error_code ec;
        if (!std::filesystem::is_directory(*dir, ec)) {
            throw TemplateError("templates: " + dir->string() + " is not a directory");
        }
        const auto path = *dir / std::string(name);
        if (std::filesystem::exists(path, ec)) {
            std::ifstream file(path, std::ios::binary);
            std::ostringstream text;
            text << file.rdbuf();
            if (!file) throw TemplateError("templates: cannot read " + path.string());
            return {path.string(), text.str()};
        }
    }
    return {"built-in " + std::string(name), std::string(builtin_template(name))};
}

std::string render_view(const TemplateSource& source, const DossierView& view, TemplateEscape escape,
                        const ViewSection* only) {
    mst::mustache tpl(source.text);
    if (!tpl.is_valid()) throw TemplateError(source.name + ": " + tpl.error_message());
    if (escape == TemplateEscape::kHtml)
        tpl.set_custom_escape(html_escape);
    else
        tpl.set_custom_escape([](const std::string& s) { return md_escape(s); });
    std::string out = tpl.render(view_data(view, escape, only, needs_of(source.text)));
    if (!tpl.is_valid()) throw TemplateError(source.name + ": " + tpl.error_message());
    return out;
}

}  // namespace nd
