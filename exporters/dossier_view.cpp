// The dossier's layout: which tables each section holds and which columns each table shows.
#include "exporters/dossier_view.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "collectors/snmp/snmp_decode.hpp"
#include "exporters/device_cells.hpp"
#include "exporters/device_index.hpp"
#include "exporters/device_view.hpp"
#include "exporters/dossier_facts.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

using C = DeviceClass;
using Cell = std::function<ViewCell(const DeviceRecord&)>;
struct Column {
    std::string header;
    Cell cell;
};

ViewCell text(std::string s) { return ViewCell{std::move(s), "", false}; }
ViewCell opt(const std::optional<std::string>& s) { return text(s.value_or("")); }

bool is_infrastructure(C c) {
    return c == C::kSwitch || c == C::kRouter || c == C::kFirewall || c == C::kAccessPoint;
}

const Column kName{"Name", name_cell};
const Column kClass{
    "Type", [](const DeviceRecord& d) { return text(std::string(to_string(d.verdict.device_class))); }};
const Column kModel{"Model", model_cell};
const Column kFoundModel{"Model", found_model_cell};  // beside kMaker: no registrant in its place
const Column kFirmware{"Firmware",
                       [](const DeviceRecord& d) { return annotated(d, "firmware", device_firmware(d)); }};
const Column kSerial{"Serial",
                     [](const DeviceRecord& d) { return annotated(d, "serial", device_serial(d)); }};
const Column kOs{"OS", [](const DeviceRecord& d) { return annotated(d, "os", device_os(d)); }};
const Column kAddress{"Address", [](const DeviceRecord& d) { return text(ips_text(d)); }};
const Column kMac{"MAC", [](const DeviceRecord& d) { return text(macs_text(d)); }};
const Column kHostname{"Hostname", [](const DeviceRecord& d) { return opt(device_hostname(d)); }};
const Column kMaker{"Maker (MAC registry)", [](const DeviceRecord& d) { return opt(device_registrant(d)); }};
const Column kLocation{"Location", location_cell};
const Column kPort{"Switch port", switch_port_cell};
const Column kNotes{"Notes", notes_cell};
const Column kLastSeen{"Last seen", [](const DeviceRecord& d) { return text(day_text(d.last_seen)); }};
const Column kConnect{"Connect", [](const DeviceRecord& d) {
                          std::string out;
                          for (const auto& uri : printer_connections(d))
                              out += (out.empty() ? "" : " ") + uri;
                          return text(out);
                      }};

class ViewBuilder {
public:
    ViewBuilder(const DossierInput& input, const DeviceIndex& index) : input_(input), index_(index) {}

    // A table of the devices whose class is listed, in address order.
    ViewTable devices(std::string id, std::string title, std::vector<C> classes,
                      const std::vector<Column>& columns) const {
        ViewTable t{std::move(id), std::move(title), {}, {}};
        for (const auto& c : columns) t.headers.push_back(c.header);
        for (const DeviceRecord* d : sorted_) {
            if (std::find(classes.begin(), classes.end(), d->verdict.device_class) == classes.end()) continue;
            std::vector<ViewCell> row;
            row.reserve(columns.size());
            for (const auto& c : columns) row.push_back(c.cell(*d));
            t.rows.push_back(std::move(row));
        }
        return t;
    }

    void sort_devices() {
        for (const auto& d : input_.devices) sorted_.push_back(&d);
        std::stable_sort(sorted_.begin(), sorted_.end(), [](const DeviceRecord* a, const DeviceRecord* b) {
            const auto ka = a->ips.empty() ? ~0ULL : a->ips.front().value();
            const auto kb = b->ips.empty() ? ~0ULL : b->ips.front().value();
            return ka != kb ? ka < kb : a->id < b->id;
        });
    }

    ViewSection network(const Topology& topology) const;
    ViewSection printing() const;
    ViewSection user_equipment() const;
    ViewSection changes() const;

private:
    const DossierInput& input_;
    const DeviceIndex& index_;
    std::vector<const DeviceRecord*> sorted_;
};

std::string count_text(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string summary(const std::vector<ViewTable>& tables,
                    const std::vector<std::pair<std::string, std::string>>& words) {
    std::string out;
    for (const auto& t : tables) {
        for (const auto& [id, word] : words) {
            // "1 server", "2 servers": words given in the plural lose their final s for one.
            std::string w = word;
            if (t.rows.size() == 1 && w.size() > 1 && w.back() == 's') w.pop_back();
            if (t.id == id) out += (out.empty() ? "" : ", ") + std::to_string(t.rows.size()) + " " + w;
        }
    }
    return out;
}

// Uplinks of each device: its topology links to other network equipment or neighbours.
std::map<std::int64_t, std::string> uplinks(const Topology& t) {
    std::map<std::int64_t, std::string> out;
    auto add = [&](const TopologyNode& self, const std::string& port, const TopologyNode& other,
                   const std::string& other_port) {
        if (self.device_id == 0 || other.kind == "group") return;
        if (other.kind != "external" && other.kind != "switch" && other.kind != "router" &&
            other.kind != "firewall" && other.kind != "access-point")
            return;
        std::string& s = out[self.device_id];
        s += (s.empty() ? "" : ", ") + (port.empty() ? std::string() : port + " \xe2\x86\x92 ") +
             other.label + (other_port.empty() ? "" : " " + other_port);
    };
    for (const auto& e : t.edges) {
        add(t.nodes[e.from], e.from_port, t.nodes[e.to], e.to_port);
        add(t.nodes[e.to], e.to_port, t.nodes[e.from], e.from_port);
    }
    return out;
}

ViewSection ViewBuilder::network(const Topology& topology) const {
    ViewSection s{DossierSection::kNetwork, "network", "Network", "", {}, {}, true};
    ViewTable subnets{"subnets", "Subnets", {"Subnet", "Devices", "Source"}, {}};
    for (const auto& n : subnets_seen(input_)) {
        subnets.rows.push_back({text(n.network.to_string()), text(std::to_string(n.devices)),
                                text(n.scanned ? "scanned" : "seen outside the scan targets (/24)")});
    }
    s.tables.push_back(std::move(subnets));

    // VLANs: from switches' Q-BRIDGE tables, the attachments and the voice VLANs phones were given.
    std::map<std::uint32_t, std::pair<std::string, std::set<std::string>>> vlans;
    for (const DeviceRecord* d : sorted_) {
        if (d->verdict.device_class == C::kSwitch || d->verdict.device_class == C::kRouter) {
            for (const auto& v : decode_bridge(d->evidence.snmp).vlans) {
                auto& entry = vlans[v.id];
                if (entry.first.empty()) entry.first = v.name;
                entry.second.insert(device_label(*d));
            }
        }
        if (d->attachment && d->attachment->vlan)
            vlans[*d->attachment->vlan].second.insert(d->attachment->switch_name);
        for (const auto& l : d->evidence.lldp) {
            if (l.med_voice_vlan)
                vlans[*l.med_voice_vlan].first = vlans[*l.med_voice_vlan].first.empty()
                                                     ? "voice (LLDP-MED)"
                                                     : vlans[*l.med_voice_vlan].first;
        }
    }
    ViewTable vlan_table{"vlans", "VLANs", {"VLAN", "Name", "Seen on"}, {}};
    for (const auto& [id, entry] : vlans) {
        std::string on;
        for (const auto& n : entry.second) {
            if (!n.empty()) on += (on.empty() ? "" : ", ") + n;
        }
        vlan_table.rows.push_back({text(std::to_string(id)), text(entry.first), text(on)});
    }
    s.tables.push_back(std::move(vlan_table));

    const auto links = uplinks(topology);
    const Column uplink{"Uplinks", [&links](const DeviceRecord& d) {
                            auto it = links.find(d.id);
                            return text(it == links.end() ? "" : it->second);
                        }};
    const Column management{"Management address", [](const DeviceRecord& d) { return text(ips_text(d)); }};
    s.tables.push_back(devices(
        "network-equipment", "Network equipment", {C::kSwitch, C::kRouter, C::kFirewall, C::kAccessPoint},
        {kName, kClass, kModel, kFirmware, kSerial, management, kMac, uplink, kLocation, kNotes}));
    const Column resources{"Resources", [](const DeviceRecord& d) {
                               return resources_cell(decode_host_resources(d.evidence.snmp));
                           }};
    s.tables.push_back(
        devices("servers", "Servers and storage", {C::kServer, C::kStorage},
                {kName, kClass, kAddress, kOs, resources, kModel, kSerial, kPort, kLocation, kNotes}));
    const Column battery{"Battery",
                         [](const DeviceRecord& d) { return battery_cell(decode_ups(d.evidence.snmp)); }};
    s.tables.push_back(
        devices("ups", "UPS and power", {C::kPower},
                {kName, kModel, kAddress, kFirmware, kSerial, battery, kPort, kLocation, kNotes}));
    // Model too: a device that answered SNMP with its maker and model but nothing named its kind is the
    // engineer's to look at, and the model says where to start.
    s.tables.push_back(devices("unclassified", "Unclassified devices", {C::kUnknown},
                               {kName, kFoundModel, kAddress, kMac, kMaker, kPort, kLastSeen, kNotes}));
    s.summary = summary(s.tables, {{"network-equipment", "network devices"},
                                   {"servers", "servers"},
                                   {"ups", "UPS/power"},
                                   {"unclassified", "unclassified"}});
    return s;
}

ViewSection ViewBuilder::printing() const {
    ViewSection s{DossierSection::kPrinting, "printing", "Printing", "", {}, {}, false};
    const Column supplies{
        "Supplies", [](const DeviceRecord& d) { return supplies_cell(decode_printer(d.evidence.snmp)); }};
    const Column pages{"Pages", [](const DeviceRecord& d) {
                           const auto p = decode_printer(d.evidence.snmp);
                           return text(p.page_count ? std::to_string(*p.page_count) : "");
                       }};
    const Column status{
        "Status", [](const DeviceRecord& d) { return printer_status_cell(decode_printer(d.evidence.snmp)); }};
    s.tables.push_back(devices("printers", "Printers and MFPs", {C::kPrinter},
                               {kName, kModel, kSerial, kAddress, kHostname, kConnect, supplies, pages,
                                status, kLocation, kPort, kNotes}));
    // Print servers: machines that are no printer but offer print services (IPP, LPD, raw 9100).
    ViewTable servers{"print-servers", "Print servers", {"Name", "Type", "Address", "Connect", "OS"}, {}};
    for (const DeviceRecord* d : sorted_) {
        if (d->verdict.device_class == C::kPrinter || is_infrastructure(d->verdict.device_class)) continue;
        const auto uris = printer_connections(*d);
        if (uris.empty()) continue;
        std::string connect;
        for (const auto& u : uris) connect += (connect.empty() ? "" : " ") + u;
        servers.rows.push_back({name_cell(*d), text(std::string(to_string(d->verdict.device_class))),
                                text(ips_text(*d)), text(connect), opt(device_os(*d))});
    }
    s.tables.push_back(std::move(servers));
    s.summary = summary(s.tables, {{"printers", "printers"}, {"print-servers", "print servers"}});
    return s;
}

ViewSection ViewBuilder::user_equipment() const {
    ViewSection s{DossierSection::kUserEquipment, "user-equipment", "User equipment", "", {}, {}, false};
    s.tables.push_back(devices("workstations", "Workstations and laptops", {C::kWorkstation},
                               {kName, kAddress, kMac, kModel, kOs, kPort, kLocation, kNotes, kLastSeen}));
    const Column voice{"Voice VLAN", [](const DeviceRecord& d) {
                           for (const auto& l : d.evidence.lldp) {
                               if (l.med_voice_vlan) return text(std::to_string(*l.med_voice_vlan));
                           }
                           for (const auto& c : d.evidence.cdp) {
                               if (c.voice_vlan) return text(std::to_string(*c.voice_vlan));
                           }
                           return text("");
                       }};
    s.tables.push_back(devices("phones", "VoIP phones", {C::kVoipPhone},
                               {kName, kModel, kFirmware, kAddress, kMac, kPort, voice, kLocation, kNotes}));
    s.tables.push_back(devices("av", "Conference and AV equipment", {C::kAvConference},
                               {kName, kModel, kFirmware, kAddress, kPort, kLocation, kNotes}));
    s.tables.push_back(devices("cameras", "Cameras", {C::kCamera},
                               {kName, kModel, kFirmware, kAddress, kPort, kLocation, kNotes}));
    // Model too: "other" is a kind of its own (a clock, a radio link, a sensor), named by its model.
    s.tables.push_back(devices("other", "Everything else", {C::kOther},
                               {kName, kFoundModel, kAddress, kMac, kMaker, kPort, kLastSeen, kNotes}));
    s.summary = summary(s.tables, {{"workstations", "workstations"},
                                   {"phones", "phones"},
                                   {"av", "AV"},
                                   {"cameras", "cameras"},
                                   {"other", "other"}});
    return s;
}

ViewSection ViewBuilder::changes() const {
    ViewSection s{DossierSection::kChanges, "changes", "Changes", "", {}, {}, false};
    for (const ChangeEvent* c : latest_changes(input_)) s.changes.push_back(change_sentence(*c, index_));
    s.summary = s.changes.empty()
                    ? "no changes since the previous scan"
                    : count_text(s.changes.size(), "change", "changes") + " since the previous scan";
    return s;
}

std::string minute(Clock::time_point t) {
    const std::string iso = to_iso8601(t);  // 2026-11-22T08:00:00Z
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

}  // namespace

DossierView build_view(const DossierInput& input, DossierSection section) {
    DossierView view;
    view.site = input.site.empty() ? "Unnamed site" : input.site;
    view.generated = minute(input.generated) + " UTC";
    view.device_count = input.devices.size();
    if (const ScanRun* scan = latest_scan(input)) {
        view.scan = "#" + std::to_string(scan->id) + ", " + minute(scan->started) + " UTC" +
                    (scan->completed ? "" : " (not completed)");
        for (const auto& t : scan->targets) view.targets += (view.targets.empty() ? "" : ", ") + t;
    } else {
        view.scan = "none recorded";
    }
    const DeviceIndex index(input.devices);
    ViewBuilder b(input, index);
    b.sort_devices();
    auto want = [&](DossierSection s) { return section == DossierSection::kAll || section == s; };
    if (want(DossierSection::kNetwork)) {
        view.topology = build_topology(input, index);
        view.sections.push_back(b.network(view.topology));
    }
    if (want(DossierSection::kPrinting)) view.sections.push_back(b.printing());
    if (want(DossierSection::kUserEquipment)) view.sections.push_back(b.user_equipment());
    if (want(DossierSection::kChanges)) view.sections.push_back(b.changes());
    return view;
}

}  // namespace nd
