#pragma once
// Factories of the exporters, one per format file; registry.cpp lists them.
#include <memory>

#include "exporters/dossier.hpp"

namespace nd {

std::unique_ptr<Exporter> make_json_exporter();
std::unique_ptr<Exporter> make_markdown_exporter();
std::unique_ptr<Exporter> make_csv_exporter();

}  // namespace nd
