// The JSON contract: {"generated", "site", "devices": [device object...]}, plus scan, subnets and changes.
// Streamed straight into the output (no DOM of the whole dossier): one top-level key per line and one
// array element (a device, a change) per line, keys sorted, so it reads and diffs line by line.
#include "exporters/device_index.hpp"
#include "exporters/device_view.hpp"
#include "exporters/dossier_facts.hpp"
#include "exporters/exporters.hpp"
#include "exporters/json_device.hpp"
#include "exporters/json_writer.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

void text_or_null(JsonWriter& w, std::string_view key, std::string_view text) {
    w.key(key).string_or_null(text);
}

void write_scan(std::string& out, const ScanRun* scan) {
    JsonWriter w(out);
    if (scan == nullptr) {
        w.null();
        return;
    }
    w.begin_object();
    w.key("completed").boolean(scan->completed);
    w.key("devices_gone").number(scan->devices_gone);
    w.key("devices_new").number(scan->devices_new);
    w.key("devices_seen").number(scan->devices_seen);
    text_or_null(w, "finished", scan->completed ? to_iso8601(scan->finished) : std::string());
    w.key("id").number(scan->id);
    w.key("started").string(to_iso8601(scan->started));
    w.key("targets").strings(scan->targets);
    w.end_object();
}

void write_change(std::string& out, const ChangeEvent& c, const DeviceIndex& index) {
    JsonWriter w(out);
    w.begin_object();
    text_or_null(w, "attribute", c.attribute);
    w.key("device").number(c.device_id);
    w.key("kind").string(c.kind);
    text_or_null(w, "new", c.new_value);
    text_or_null(w, "old", c.old_value);
    w.key("scan");
    if (c.scan_id == 0) {
        w.null();
    } else {
        w.number(c.scan_id);
    }
    w.key("text").string(change_sentence(c, index));
    w.key("time").string(to_iso8601(c.time));
    w.end_object();
}

void write_subnet(std::string& out, const SubnetSummary& s) {
    JsonWriter w(out);
    w.begin_object();
    w.key("devices").number(s.devices);
    w.key("scanned").boolean(s.scanned);
    w.key("subnet").string(s.network.to_string());
    w.end_object();
}

// Writes `,\n  "key": ` (the first key without the comma).
void top_key(std::string& out, std::string_view key, bool first = false) {
    out += first ? "\n  " : ",\n  ";
    append_json_string(out, key);
    out += ": ";
}

// A top-level array with one element per line; `[]` when empty.
template <typename Items, typename Write>
void lines_array(std::string& out, const Items& items, Write&& write) {
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        write(item);
    }
    out += "\n  ]";
}

std::string document(const DossierInput& input, DossierSection section) {
    const auto devices = devices_in(input.devices, section);
    std::string out;
    out.reserve(1024 + devices.size() * 1536);
    out += '{';
    bool first = true;
    if (section == DossierSection::kAll || section == DossierSection::kChanges) {
        const DeviceIndex index(input.devices);
        top_key(out, "changes", true);
        first = false;
        lines_array(out, latest_changes(input), [&](const ChangeEvent* c) { write_change(out, *c, index); });
    }
    top_key(out, "devices", first);
    lines_array(out, devices, [&](const DeviceRecord* d) {
        JsonWriter w(out);
        write_device_json(w, *d, to_string(section_of(d->verdict.device_class)));
    });
    top_key(out, "generated");
    append_json_string(out, to_iso8601(input.generated));
    top_key(out, "scan");
    write_scan(out, latest_scan(input));
    top_key(out, "section");
    append_json_string(out, to_string(section));
    top_key(out, "site");
    JsonWriter(out).string_or_null(input.site);
    if (section == DossierSection::kAll || section == DossierSection::kNetwork) {
        top_key(out, "subnets");
        lines_array(out, subnets_seen(input), [&](const SubnetSummary& s) { write_subnet(out, s); });
    }
    out += "\n}\n";
    return out;
}

class JsonExporter final : public Exporter {
public:
    DossierFormat format() const override { return DossierFormat::kJson; }
    std::vector<DossierDocument> render(const DossierInput& input, DossierSection section) const override {
        const std::string name =
            section == DossierSection::kAll ? "dossier" : std::string(to_string(section));
        return single_document(name + ".json", document(input, section));
    }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() { return std::make_unique<JsonExporter>(); }

}  // namespace nd
