#pragma once
// Factories of the exporters, one per format file; registry.cpp lists them.
#include <memory>

#include "exporters/dossier.hpp"

namespace nd {

std::unique_ptr<Exporter> make_json_exporter();
std::unique_ptr<Exporter> make_markdown_exporter(const ExportOptions& options);
std::unique_ptr<Exporter> make_csv_exporter();
std::unique_ptr<Exporter> make_html_exporter(const ExportOptions& options);
std::unique_ptr<Exporter> make_dot_exporter();

}  // namespace nd
