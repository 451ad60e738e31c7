#pragma once
// Writes dossier sections from the store's devices. One exporter per format, each in its own file,
// listed in registry.cpp (ADD YOUR EXPORTER THERE).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/device_record.hpp"

namespace nd {

enum class DossierFormat { kJson, kMarkdown, kHtml, kCsv, kDot };
enum class DossierSection { kNetwork, kPrinting, kUserEquipment, kChanges, kAll };

struct DossierInput {
    std::string site;  // client site name from the config
    Clock::time_point generated;
    std::vector<DeviceRecord> devices;
    std::vector<ScanRun> scans;        // oldest first
    std::vector<ChangeEvent> changes;  // oldest first; the changes section shows those of the last scan
};

// One output file: its name when written to a directory, and its content.
struct DossierDocument {
    std::string file_name;  // "network.md", "dossier.json"
    std::string content;
};

class Exporter {
public:
    virtual ~Exporter() = default;
    virtual DossierFormat format() const = 0;
    // The documents for one section; for kAll, either one document holding the whole dossier
    // (JSON, HTML) or one per section (Markdown, CSV), as suits the format.
    virtual std::vector<DossierDocument> render(const DossierInput& input, DossierSection section) const = 0;
};

// How the user tailors the output.
struct ExportOptions {
    // The user's Markdown/HTML templates (templates.hpp names the files); built-in ones when unset.
    std::optional<std::filesystem::path> templates_dir;
};

// "json", "md" (also "markdown"), "html", "csv", "dot" (the topology as Graphviz DOT).
std::optional<DossierFormat> format_from_string(std::string_view text);
std::string_view to_string(DossierFormat f);
// nullptr when the format has no exporter yet.
std::unique_ptr<Exporter> make_exporter(DossierFormat format, const ExportOptions& options = {});

// The latest scan of the input, if any (the one the changes section and headers describe).
const ScanRun* latest_scan(const DossierInput& input);

}  // namespace nd
