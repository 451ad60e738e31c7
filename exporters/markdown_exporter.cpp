// The dossier as Markdown for wikis: one page per section, each with a header naming the site,
// the time it was generated and the scan it describes.
#include <functional>

#include "exporters/device_view.hpp"
#include "exporters/dossier_facts.hpp"
#include "exporters/exporters.hpp"
#include "exporters/markdown_table.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

using Columns = std::vector<std::pair<std::string, std::function<std::string(const DeviceRecord&)>>>;

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string ips_of(const DeviceRecord& d) {
    std::vector<std::string> items;
    for (const auto& ip : d.ips) items.push_back(ip.to_string());
    return joined(items);
}

std::string macs_of(const DeviceRecord& d) {
    std::vector<std::string> items;
    for (const auto& mac : d.macs) items.push_back(mac.to_string());
    return joined(items);
}

std::string text(const std::optional<std::string>& v) { return v.value_or(""); }
std::string day(Clock::time_point t) {
    return t.time_since_epoch().count() == 0 ? "" : to_iso8601(t).substr(0, 10);
}

const Columns kName{{"Name", device_label}};
const Columns kAddress{{"IP", ips_of}, {"MAC", macs_of}};
const Columns kMaker{{"Vendor", [](const DeviceRecord& d) { return text(device_vendor(d)); }},
                     {"Model", [](const DeviceRecord& d) { return text(device_model(d)); }}};
const Columns kFirmware{{"Firmware", [](const DeviceRecord& d) { return text(device_firmware(d)); }}};
const Columns kSerial{{"Serial", [](const DeviceRecord& d) { return text(device_serial(d)); }}};
const Columns kOs{{"OS", [](const DeviceRecord& d) { return text(device_os(d)); }}};
const Columns kClass{
    {"Class", [](const DeviceRecord& d) { return std::string(to_string(d.verdict.device_class)); }}};
const Columns kSeen{{"First seen", [](const DeviceRecord& d) { return day(d.first_seen); }},
                    {"Last seen", [](const DeviceRecord& d) { return day(d.last_seen); }}};
const Columns kConnect{{"Connect", [](const DeviceRecord& d) { return joined(printer_connections(d)); }}};

Columns operator+(Columns a, const Columns& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

struct Group {
    std::string title;
    std::vector<DeviceClass> classes;
    Columns columns;
};

// One "## Title" with a table of the devices whose class is listed, or a line saying none.
void render_group(std::string& out, const DossierInput& input, const Group& group) {
    std::vector<std::string> headers;
    for (const auto& [header, value] : group.columns) headers.push_back(header);
    MarkdownTable table(headers);
    for (const auto& d : input.devices) {
        bool match = false;
        for (auto c : group.classes) match = match || d.verdict.device_class == c;
        if (!match) continue;
        std::vector<std::string> cells;
        for (const auto& [header, value] : group.columns) cells.push_back(value(d));
        table.add_row(cells);
    }
    out += "\n## " + group.title + "\n\n";
    out += table.empty() ? "_None found._\n" : table.render();
}

std::string header(const DossierInput& input, std::string_view title) {
    std::string out = "# " + md_escape(input.site.empty() ? "Unnamed site" : input.site) + " \xe2\x80\x94 " +
                      std::string(title) + "\n\n";
    out += "- Generated: " + to_iso8601(input.generated) + "\n";
    if (const ScanRun* scan = latest_scan(input)) {
        out += "- Scan: #" + std::to_string(scan->id) + ", started " + to_iso8601(scan->started);
        out += scan->completed ? ", finished " + to_iso8601(scan->finished) : std::string(", not completed");
        out += "\n- Targets: " + md_escape(joined(scan->targets)) + "\n";
        out += "- Devices: " + std::to_string(scan->devices_seen) + " seen, " +
               std::to_string(scan->devices_new) + " new, " + std::to_string(scan->devices_gone) + " gone\n";
    } else {
        out += "- Scan: none recorded\n";
    }
    return out;
}

std::string network_page(const DossierInput& input) {
    std::string out = header(input, "Network");
    MarkdownTable subnets({"Subnet", "Devices", "Source"});
    for (const auto& s : subnets_seen(input)) {
        subnets.add_row(
            {s.network.to_string(), std::to_string(s.devices), s.scanned ? "scanned" : "seen (/24)"});
    }
    out += "\n## Subnets\n\n";
    out += subnets.empty() ? "_None found._\n" : subnets.render();
    using C = DeviceClass;
    render_group(out, input,
                 {"Network equipment",
                  {C::kSwitch, C::kRouter, C::kFirewall, C::kAccessPoint},
                  kName + kClass + kAddress + kMaker + kFirmware + kSerial});
    render_group(out, input,
                 {"Servers and storage",
                  {C::kServer, C::kStorage},
                  kName + kClass + kAddress + kMaker + kOs + kSerial});
    render_group(out, input, {"UPS and power", {C::kPower}, kName + kAddress + kMaker + kFirmware + kSerial});
    render_group(out, input, {"Unclassified devices", {C::kUnknown}, kName + kAddress + kMaker + kSeen});
    return out;
}

std::string printing_page(const DossierInput& input) {
    std::string out = header(input, "Printing");
    render_group(out, input,
                 {"Printers and MFPs",
                  {DeviceClass::kPrinter},
                  kName + kAddress + kMaker + kSerial + kFirmware + kConnect});
    return out;
}

std::string user_equipment_page(const DossierInput& input) {
    std::string out = header(input, "User equipment");
    using C = DeviceClass;
    render_group(out, input,
                 {"Workstations and laptops", {C::kWorkstation}, kName + kAddress + kMaker + kOs});
    render_group(out, input, {"VoIP phones", {C::kVoipPhone}, kName + kAddress + kMaker + kFirmware});
    render_group(out, input,
                 {"Conference and AV equipment", {C::kAvConference}, kName + kAddress + kMaker + kFirmware});
    render_group(out, input, {"Cameras", {C::kCamera}, kName + kAddress + kMaker + kFirmware});
    render_group(out, input, {"Other devices", {C::kOther}, kName + kAddress + kMaker + kSeen});
    return out;
}

std::string changes_page(const DossierInput& input) {
    std::string out = header(input, "Changes");
    const auto changes = latest_changes(input);
    out += "\n## Since the previous scan\n\n";
    if (changes.empty()) return out + "_No changes._\n";
    for (const ChangeEvent* c : changes) out += "- " + md_escape(change_sentence(*c, input)) + "\n";
    return out;
}

class MarkdownExporter final : public Exporter {
public:
    DossierFormat format() const override { return DossierFormat::kMarkdown; }
    std::vector<DossierDocument> render(const DossierInput& input, DossierSection section) const override {
        std::vector<DossierDocument> out;
        auto want = [&](DossierSection s) { return section == DossierSection::kAll || section == s; };
        if (want(DossierSection::kNetwork)) out.push_back({"network.md", network_page(input)});
        if (want(DossierSection::kPrinting)) out.push_back({"printing.md", printing_page(input)});
        if (want(DossierSection::kUserEquipment))
            out.push_back({"user-equipment.md", user_equipment_page(input)});
        if (want(DossierSection::kChanges)) out.push_back({"changes.md", changes_page(input)});
        return out;
    }
};

}  // namespace

std::unique_ptr<Exporter> make_markdown_exporter() { return std::make_unique<MarkdownExporter>(); }

}  // namespace nd
