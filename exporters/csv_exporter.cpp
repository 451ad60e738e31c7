// The dossier as CSV, one file per section (RFC 4180, CRLF). A UTF-8 byte order mark makes Excel read
// non-ASCII names right; LibreOffice ignores it.
#include "collectors/snmp/snmp_decode.hpp"
#include "exporters/csv.hpp"
#include "exporters/device_cells.hpp"
#include "exporters/device_index.hpp"
#include "exporters/device_view.hpp"
#include "exporters/dossier_facts.hpp"
#include "exporters/exporters.hpp"
#include "model/evidence_json.hpp"

namespace nd {

// Quotes when needed; a leading = + - @ (or a tab / carriage return before one) would run as a
// spreadsheet formula, so it is defused with a leading apostrophe.
std::string csv_field(std::string_view raw) {
    const std::string clean = sanitize_utf8(raw);
    const bool formula = !clean.empty() && (clean[0] == '=' || clean[0] == '+' || clean[0] == '-' ||
                                            clean[0] == '@' || clean[0] == '\t' || clean[0] == '\r');
    const std::string value = formula ? std::string(1, '\'') + clean : clean;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

namespace {

void add_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i != 0) out.push_back(',');
        out += csv_field(cells[i]);
    }
    out += "\r\n";
}

std::string list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
    return out;
}

std::string time_text(Clock::time_point t) { return t.time_since_epoch().count() == 0 ? "" : to_iso8601(t); }

// One row per device: the discovered value next to the annotation wherever a person can override it.
std::string devices_csv(const DossierInput& input, DossierSection section) {
    std::string out = "\xef\xbb\xbf";
    std::vector<std::string> header{"id",         "class",
                                    "name",       "vendor",
                                    "model",      "firmware",
                                    "serial",     "hostname",
                                    "os",         "ips",
                                    "macs",       "vendor_registrant",
                                    "location",   "location_discovered",
                                    "switch",     "switch_port",
                                    "vlan",       "notes",
                                    "first_seen", "last_seen"};
    const bool printing = section == DossierSection::kPrinting;
    if (printing) header.insert(header.end(), {"connect", "supplies", "pages", "status"});
    add_row(out, header);
    for (const DeviceRecord* d : devices_in(input.devices, section)) {
        std::vector<std::string> ips, macs;
        for (const auto& ip : d->ips) ips.push_back(ip.to_string());
        for (const auto& mac : d->macs) macs.push_back(mac.to_string());
        const ViewCell location = location_cell(*d);
        const std::string& a_port = d->attachment ? d->attachment->port : std::string();
        std::vector<std::string> row{
            std::to_string(d->id),
            std::string(to_string(d->verdict.device_class)),
            device_label(*d),
            annotated(*d, "vendor", device_vendor(*d)).text,
            annotated(*d, "model", device_model(*d)).text,
            annotated(*d, "firmware", device_firmware(*d)).text,
            annotated(*d, "serial", device_serial(*d)).text,
            device_hostname(*d).value_or(""),
            annotated(*d, "os", device_os(*d)).text,
            list(ips),
            list(macs),
            device_registrant(*d).value_or(""),
            location.text,
            location.note.empty() ? std::string()
                                  : location.note.substr(std::string_view("discovered: ").size()),
            d->attachment ? d->attachment->switch_name : "",
            a_port,
            d->attachment && d->attachment->vlan ? std::to_string(*d->attachment->vlan) : "",
            notes_cell(*d).text,
            time_text(d->first_seen),
            time_text(d->last_seen)};
        if (printing) {
            const auto p = decode_printer(d->evidence.snmp);
            row.insert(row.end(),
                       {list(printer_connections(*d)), supplies_cell(p).text,
                        p.page_count ? std::to_string(*p.page_count) : "", printer_status_cell(p).text});
        }
        add_row(out, row);
    }
    return out;
}

std::string changes_csv(const DossierInput& input) {
    const DeviceIndex index(input.devices);
    std::string out = "\xef\xbb\xbf";
    add_row(out, {"time", "scan", "device", "kind", "attribute", "old", "new", "text"});
    for (const ChangeEvent* c : latest_changes(input)) {
        add_row(out, {to_iso8601(c->time), c->scan_id == 0 ? "" : std::to_string(c->scan_id),
                      std::to_string(c->device_id), c->kind, c->attribute, c->old_value, c->new_value,
                      change_sentence(*c, index)});
    }
    return out;
}

class CsvExporter final : public Exporter {
public:
    DossierFormat format() const override { return DossierFormat::kCsv; }
    std::vector<DossierDocument> render(const DossierInput& input, DossierSection section) const override {
        std::vector<DossierDocument> out;
        for (auto s : {DossierSection::kNetwork, DossierSection::kPrinting, DossierSection::kUserEquipment}) {
            if (section == DossierSection::kAll || section == s) {
                out.push_back({std::string(to_string(s)) + ".csv", devices_csv(input, s)});
            }
        }
        if (section == DossierSection::kAll || section == DossierSection::kChanges) {
            out.push_back({"changes.csv", changes_csv(input)});
        }
        return out;
    }
};

}  // namespace

std::unique_ptr<Exporter> make_csv_exporter() { return std::make_unique<CsvExporter>(); }

}  // namespace nd
