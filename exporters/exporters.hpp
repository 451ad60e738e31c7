#pragma once
// Factories of the exporters, one per format file; registry.cpp lists them.
#include <memory>
#include <string>
#include <vector>

#include "exporters/dossier.hpp"

namespace nd {

std::unique_ptr<Exporter> make_json_exporter();
std::unique_ptr<Exporter> make_markdown_exporter(const ExportOptions& options);
std::unique_ptr<Exporter> make_csv_exporter();
std::unique_ptr<Exporter> make_html_exporter(const ExportOptions& options);
std::unique_ptr<Exporter> make_dot_exporter();

// A one-document result, moved in: `return {DossierDocument{...}}` copies through an initializer list
// (13 MB of JSON for a 10,000-device site).
inline std::vector<DossierDocument> single_document(std::string file_name, std::string content) {
    std::vector<DossierDocument> out;
    out.push_back(DossierDocument{std::move(file_name), std::move(content)});
    return out;
}

}  // namespace nd
