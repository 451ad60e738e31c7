// The dossier as Markdown for wikis: one page per section, each with a header naming the site, the
// time it was generated and the scan it describes; the layout is a template the user may replace.
#include "exporters/dossier_view.hpp"
#include "exporters/exporters.hpp"
#include "exporters/templates.hpp"

namespace nd {
namespace {

class MarkdownExporter final : public Exporter {
public:
    explicit MarkdownExporter(ExportOptions options) : options_(std::move(options)) {}
    DossierFormat format() const override { return DossierFormat::kMarkdown; }
    std::vector<DossierDocument> render(const DossierInput& input, DossierSection section) const override {
        const auto source = load_template(options_.templates_dir, kMarkdownTemplate);
        const DossierView view = build_view(input, section);
        std::vector<DossierDocument> out;
        for (const auto& s : view.sections) {
            out.push_back({s.id + ".md", render_view(source, view, TemplateEscape::kMarkdown, &s)});
        }
        return out;
    }

private:
    ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> make_markdown_exporter(const ExportOptions& options) {
    return std::make_unique<MarkdownExporter>(options);
}

}  // namespace nd
