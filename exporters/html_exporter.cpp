// The dossier as one self-contained HTML file (every section), or one file per section.
#include "exporters/device_view.hpp"
#include "exporters/dossier_view.hpp"
#include "exporters/exporters.hpp"
#include "exporters/templates.hpp"

namespace nd {
namespace {

class HtmlExporter final : public Exporter {
public:
    explicit HtmlExporter(ExportOptions options) : options_(std::move(options)) {}
    DossierFormat format() const override { return DossierFormat::kHtml; }
    std::vector<DossierDocument> render(const DossierInput& input, DossierSection section) const override {
        const auto source = load_template(options_.templates_dir, kHtmlTemplate);
        const DossierView view = build_view(input, section);
        const std::string name =
            section == DossierSection::kAll ? "dossier" : std::string(to_string(section));
        return single_document(name + ".html", render_view(source, view, TemplateEscape::kHtml));
    }

private:
    ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> make_html_exporter(const ExportOptions& options) {
    return std::make_unique<HtmlExporter>(options);
}

}  // namespace nd
