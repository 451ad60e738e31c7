// The explicit list of dossier formats. ADD YOUR EXPORTER HERE: one line, one factory.
#include <array>

#include "exporters/dossier.hpp"
#include "exporters/exporters.hpp"

namespace nd {
namespace {

struct ExporterEntry {
    DossierFormat format;
    std::string_view name;
    std::unique_ptr<Exporter> (*make)(const ExportOptions&);
};

constexpr std::array<ExporterEntry, 5> kExporters{{
    {DossierFormat::kJson, "json", [](const ExportOptions&) { return make_json_exporter(); }},
    {DossierFormat::kMarkdown, "md", &make_markdown_exporter},
    {DossierFormat::kHtml, "html", &make_html_exporter},
    {DossierFormat::kCsv, "csv", [](const ExportOptions&) { return make_csv_exporter(); }},
    {DossierFormat::kDot, "dot", [](const ExportOptions&) { return make_dot_exporter(); }},
}};

}  // namespace

std::optional<DossierFormat> format_from_string(std::string_view text) {
    if (text == "markdown") return DossierFormat::kMarkdown;
    for (const auto& entry : kExporters) {
        if (entry.name == text) return entry.format;
    }
    return std::nullopt;
}

std::string_view to_string(DossierFormat f) {
    for (const auto& entry : kExporters) {
        if (entry.format == f) return entry.name;
    }
    return "?";
}

std::unique_ptr<Exporter> make_exporter(DossierFormat format, const ExportOptions& options) {
    for (const auto& entry : kExporters) {
        if (entry.format == format && entry.make != nullptr) return entry.make(options);
    }
    return nullptr;
}

}  // namespace nd
