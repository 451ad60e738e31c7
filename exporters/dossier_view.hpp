#pragma once
// The dossier as the templates see it, the same for every format: sections holding tables of
// plain-text cells. Values are raw text here; each format escapes them on the way out (HTML
// entities, Markdown escapes), so device data can never become markup.
#include <string>
#include <vector>

#include "exporters/dossier.hpp"
#include "exporters/topology.hpp"

namespace nd {

struct ViewCell {
    std::string text;
    std::string note;    // secondary text: "discovered: Server room" where an annotation disagrees
    bool alert = false;  // worth a look: a low supply, a battery on low, a printer in error
};

struct ViewTable {
    std::string id;     // "network-equipment": anchors, CSV names
    std::string title;  // "Network equipment"
    std::vector<std::string> headers;
    std::vector<std::vector<ViewCell>> rows;
};

struct ViewSection {
    DossierSection section = DossierSection::kNetwork;
    std::string id;       // "network", "printing", "user-equipment", "changes"
    std::string title;    // "Network"
    std::string summary;  // "3 network devices, 1 server, 1 UPS"
    std::vector<ViewTable> tables;
    std::vector<std::string> changes;  // changes section: one plain sentence each
    bool topology = false;             // the network section carries the diagram
};

struct DossierView {
    std::string site;       // "Unnamed site" when none was given
    std::string generated;  // ISO 8601
    std::string scan;       // "#4, 2026-11-22 08:00 to 08:03 UTC" or "none recorded"
    std::string targets;    // "198.18.1.0/24, 198.18.2.0/24"
    std::size_t device_count = 0;
    std::vector<ViewSection> sections;
    Topology topology;  // empty unless the network section is wanted
};

// Builds the view of one section (or all of them, for kAll).
DossierView build_view(const DossierInput& input, DossierSection section);

}  // namespace nd
