// `netdossier export`: writes dossier sections from the store, to stdout or one file per document.
// Exit codes: 0 done, 2 bad flags, 5 store unusable, 6 output not writable.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "agent/commands/commands.hpp"
#include "agent/config.hpp"
#include "exporters/device_view.hpp"
#include "exporters/dossier.hpp"
#include "exporters/templates.hpp"
#include "model/config_error.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

struct ExportFlags {
    std::string config;
    std::string db;
    std::string format;
    std::string section = "all";
    std::string out = "-";
    std::string site;
    std::string templates;
};

DossierInput load_input(const std::filesystem::path& db, const std::string& site_override) {
    try {
        auto store = Store::open_existing(db);
        DossierInput input;
        input.generated = Clock::now();
        input.site = !site_override.empty() ? site_override : store.meta("site").value_or("");
        input.devices = store.devices();
        input.scans = store.scans();
        input.changes = store.events();
        return input;
    } catch (const StoreError& e) {
        throw CommandError{e.what(), 5};
    }
}

void write_documents(const std::vector<DossierDocument>& docs, const std::string& out) {
    if (out == "-") {
        for (std::size_t i = 0; i < docs.size(); ++i) {
            if (i != 0) std::cout << "\n";
            std::cout << docs[i].content;
        }
        std::cout.flush();
        if (!std::cout) throw CommandError{"export: writing to stdout failed", 6};
        return;
    }
    const std::filesystem::path dir(out);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir, ec)) {
        throw CommandError{"export: --out " + out + ": not a directory and cannot be created", 6};
    }
    for (const auto& doc : docs) {
        const auto path = dir / doc.file_name;
        // Write beside and rename, so a reader never sees half a dossier.
        const auto temp = dir / ("." + doc.file_name + ".tmp");
        {
            std::ofstream file(temp, std::ios::binary | std::ios::trunc);
            file << doc.content;
            file.close();
            if (!file) {
                std::filesystem::remove(temp, ec);
                throw CommandError{"export: cannot write " + path.string(), 6};
            }
        }
        std::filesystem::rename(temp, path, ec);
        if (ec) {
            std::filesystem::remove(temp, ec);
            throw CommandError{"export: cannot write " + path.string() + ": " + ec.message(), 6};
        }
        std::cout << path.string() << "\n";
    }
}

void run_export(const ExportFlags& flags) {
    const auto format = format_from_string(flags.format);
    if (!format) {
        throw CommandError{"export: unknown format '" + flags.format + "' (json, md, html, csv, dot)", 2};
    }
    const auto section = section_from_string(flags.section);
    if (!section) {
        throw CommandError{"export: unknown section '" + flags.section +
                               "' (network, printing, user-equipment, changes, all)",
                           2};
    }
    ExportOptions options;
    if (!flags.templates.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_directory(flags.templates, ec)) {
            throw CommandError{"export: --templates " + flags.templates + ": not a directory", 2};
        }
        options.templates_dir = flags.templates;
    }
    const auto exporter = make_exporter(*format, options);
    if (!exporter) throw CommandError{"export: format '" + flags.format + "' is not available yet", 2};

    std::filesystem::path db{std::string(kDefaultStorePath)};
    std::string site = flags.site;
    if (!flags.config.empty()) {
        try {
            const auto config = load_config(flags.config);
            db = config.store_path;
            if (site.empty()) site = config.site_name;
        } catch (const ConfigError& e) {
            throw CommandError{e.what(), 2};
        }
    }
    if (!flags.db.empty()) db = flags.db;
    const auto input = load_input(db, site);
    std::vector<DossierDocument> docs;
    try {
        docs = exporter->render(input, *section);
    } catch (const TemplateError& e) {
        throw CommandError{std::string("export: bad template: ") + e.what(), 2};
    }
    if (docs.empty()) {
        throw CommandError{
            "export: format '" + flags.format + "' has nothing for section '" + flags.section + "'", 2};
    }
    write_documents(docs, flags.out);
}

}  // namespace

void add_export_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<ExportFlags>();
    auto* cmd = app.add_subcommand("export", "Write the client dossier from the store");
    cmd->add_option("--config", flags->config, "Config file (TOML): store path and site name");
    cmd->add_option("--db", flags->db, "Store file (default: the config's, else netdossier.db)");
    cmd->add_option("--format", flags->format, "json, md, html, csv, or dot (the topology as Graphviz DOT)")
        ->required();
    cmd->add_option("--section", flags->section,
                    "network, printing, user-equipment, changes or all (default)");
    cmd->add_option("--out", flags->out, "Directory for one file per document, or - for stdout (default)");
    cmd->add_option("--site", flags->site,
                    "Site name for the header (default: as the last scan recorded it)");
    cmd->add_option("--templates", flags->templates,
                    "Directory with your own dossier.html.mustache / section.md.mustache (others built in)");
    cmd->callback([flags] { run_export(*flags); });
}

}  // namespace nd
