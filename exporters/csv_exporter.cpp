// The dossier as CSV, one file per section (RFC 4180, CRLF). A UTF-8 byte order mark makes Excel read
// non-ASCII names right; LibreOffice ignores it.
#include "exporters/device_view.hpp"
#include "exporters/dossier_facts.hpp"
#include "exporters/exporters.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

// Quotes when needed; a leading = + - @ would run as a spreadsheet formula, so it is defused.
std::string csv_field(std::string_view raw) {
    const std::string clean = sanitize_utf8(raw);
    const bool formula =
        !clean.empty() && (clean[0] == '=' || clean[0] == '+' || clean[0] == '-' || clean[0] == '@');
    const std::string value = formula ? std::string(1, '\'') + clean : clean;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

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

std::string devices_csv(const DossierInput& input, DossierSection section) {
    std::string out = "\xef\xbb\xbf";
    add_row(out, {"id", "class", "name", "vendor", "model", "firmware", "serial", "hostname", "os", "ips",
                  "macs", "vendor_registrant", "first_seen", "last_seen", "connect"});
    for (const DeviceRecord* d : devices_in(input.devices, section)) {
        std::vector<std::string> ips, macs;
        for (const auto& ip : d->ips) ips.push_back(ip.to_string());
        for (const auto& mac : d->macs) macs.push_back(mac.to_string());
        add_row(out, {std::to_string(d->id), std::string(to_string(d->verdict.device_class)),
                      device_label(*d), device_vendor(*d).value_or(""), device_model(*d).value_or(""),
                      device_firmware(*d).value_or(""), device_serial(*d).value_or(""),
                      device_hostname(*d).value_or(""), device_os(*d).value_or(""), list(ips), list(macs),
                      device_registrant(*d).value_or(""), time_text(d->first_seen), time_text(d->last_seen),
                      section == DossierSection::kPrinting ? list(printer_connections(*d)) : std::string()});
    }
    return out;
}

std::string changes_csv(const DossierInput& input) {
    std::string out = "\xef\xbb\xbf";
    add_row(out, {"time", "scan", "device", "kind", "attribute", "old", "new", "text"});
    for (const ChangeEvent* c : latest_changes(input)) {
        add_row(out, {to_iso8601(c->time), c->scan_id == 0 ? "" : std::to_string(c->scan_id),
                      std::to_string(c->device_id), c->kind, c->attribute, c->old_value, c->new_value,
                      change_sentence(*c, input)});
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
