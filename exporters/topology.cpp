// Builds the topology graph from the store's devices (pure: no I/O) and writes it as DOT and Mermaid.
#include "exporters/topology.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "collectors/snmp/snmp_decode.hpp"
#include "exporters/device_index.hpp"
#include "exporters/device_view.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

bool is_infrastructure(DeviceClass c) {
    return c == DeviceClass::kSwitch || c == DeviceClass::kRouter || c == DeviceClass::kFirewall ||
           c == DeviceClass::kAccessPoint;
}

class Builder {
public:
    explicit Builder(const DeviceIndex& devices) : devices_(devices) {}

    std::size_t device_node(const DeviceRecord& d) {
        const std::string key = "d" + std::to_string(d.id);
        if (auto it = keys_.find(key); it != keys_.end()) return it->second;
        std::string detail(to_string(d.verdict.device_class));
        if (auto model = device_model(d)) detail += " \xc2\xb7 " + *model;
        return add({key, device_label(d), detail, std::string(to_string(d.verdict.device_class)), d.id});
    }

    std::size_t other_node(const std::string& key, const std::string& label, const std::string& detail,
                           const std::string& kind) {
        if (auto it = keys_.find(key); it != keys_.end()) return it->second;
        return add({key, label, detail, kind, 0});
    }

    // One edge per pair of nodes; a second report of the same link fills in missing port names.
    void link(std::size_t a, std::size_t b, const std::string& a_port, const std::string& b_port,
              const std::string& source) {
        if (a == b) return;
        const auto pair = std::minmax(a, b);
        if (auto it = links_.find(pair); it != links_.end()) {
            auto& e = t_.edges[it->second];
            auto& mine = e.from == a ? e.from_port : e.to_port;
            auto& theirs = e.from == a ? e.to_port : e.from_port;
            if (mine.empty()) mine = a_port;
            if (theirs.empty()) theirs = b_port;
            return;
        }
        links_.emplace(pair, t_.edges.size());
        t_.edges.push_back({a, b, a_port, b_port, source});
    }

    bool linked(std::size_t a, std::size_t b) const { return links_.count(std::minmax(a, b)) != 0; }

    // The stored device an LLDP/CDP neighbour is, or a node of its own when it is not in the store.
    std::size_t neighbour_node(const std::optional<Ipv4Address>& address, const std::string& chassis,
                               const std::string& name, const std::string& detail) {
        const DeviceRecord* d = nullptr;
        if (address) d = devices_.by_ip(*address);
        if (d == nullptr && !chassis.empty()) d = devices_.by_any(chassis);
        if (d == nullptr && !name.empty()) d = devices_.by_name(name);
        if (d != nullptr) return device_node(*d);
        const std::string label = !name.empty() ? name : !chassis.empty() ? chassis : address->to_string();
        return other_node("x:" + DeviceIndex::name_key(label), label, detail, "external");
    }

    Topology take() { return std::move(t_); }
    Topology& graph() { return t_; }

private:
    std::size_t add(TopologyNode node) {
        keys_.emplace(node.key, t_.nodes.size());
        t_.nodes.push_back(std::move(node));
        return t_.nodes.size() - 1;
    }

    const DeviceIndex& devices_;
    Topology t_;
    std::map<std::string, std::size_t> keys_;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> links_;
};

std::map<std::uint32_t, std::string> port_names(const SnmpWalk& walk) {
    std::map<std::uint32_t, std::string> out;
    for (const auto& i : decode_interfaces(walk)) out[i.index] = !i.name.empty() ? i.name : i.description;
    return out;
}

void add_neighbours(Builder& b, const DeviceRecord& d) {
    const auto lldp = decode_lldp(d.evidence.snmp);
    const auto cdp = decode_cdp(d.evidence.snmp);
    if (lldp.empty() && cdp.empty()) return;
    const std::size_t self = b.device_node(d);
    for (const auto& n : lldp) {
        const auto& r = n.neighbor;
        if (r.chassis_id.empty() && r.system_name.empty() && !r.management_address) continue;
        const auto other =
            b.neighbour_node(r.management_address, r.chassis_id, r.system_name, "LLDP neighbour");
        b.link(self, other, n.local_port_id, !r.port_description.empty() ? r.port_description : r.port_id,
               "lldp");
    }
    const auto ports = cdp.empty() ? std::map<std::uint32_t, std::string>{} : port_names(d.evidence.snmp);
    for (const auto& n : cdp) {
        const auto& r = n.neighbor;
        if (r.device_id.empty() && !r.address) continue;
        const auto other =
            b.neighbour_node(r.address, "", r.device_id, r.platform.empty() ? "CDP neighbour" : r.platform);
        auto port = ports.find(n.if_index);
        b.link(self, other, port != ports.end() ? port->second : "", r.port_id, "cdp");
    }
}

// A switch port on which exactly one MAC was learned, and that MAC is network equipment: a direct
// link (a router or firewall without LLDP). Ports with more MACs lead to further switches.
void add_fdb_links(Builder& b, const DeviceRecord& sw, const DeviceIndex& devices) {
    if (sw.verdict.device_class != DeviceClass::kSwitch) return;
    const auto bridge = decode_bridge(sw.evidence.snmp);
    if (bridge.fdb.empty()) return;
    std::map<std::uint32_t, std::set<std::string>> macs_on_port;
    for (const auto& e : bridge.fdb) macs_on_port[e.bridge_port].insert(e.mac.to_string());
    const auto names = port_names(sw.evidence.snmp);
    for (const auto& [port, macs] : macs_on_port) {
        if (macs.size() != 1) continue;
        const DeviceRecord* other = devices.by_any(*macs.begin());
        if (other == nullptr || other->id == sw.id || !is_infrastructure(other->verdict.device_class))
            continue;
        const std::size_t a = b.device_node(sw);
        const std::size_t c = b.device_node(*other);
        if (b.linked(a, c)) continue;
        std::string name = "port " + std::to_string(port);
        if (auto ifi = bridge.port_if_index.find(port); ifi != bridge.port_if_index.end()) {
            if (auto n = names.find(ifi->second); n != names.end() && !n->second.empty()) name = n->second;
        }
        b.link(a, c, name, "", "fdb");
    }
}

std::string group_name(DossierSection s, std::size_t count) {
    const std::string n = std::to_string(count);
    switch (s) {
        case DossierSection::kPrinting:
            return n + (count == 1 ? " printer" : " printers");
        case DossierSection::kUserEquipment:
            return n + (count == 1 ? " user device" : " user devices");
        default:
            return n + (count == 1 ? " server or other device" : " servers and other devices");
    }
}

void add_endpoints(Builder& b, const DossierInput& input, const DeviceIndex& devices, std::size_t max) {
    std::vector<const DeviceRecord*> attached;
    for (const auto& d : input.devices) {
        if (d.attachment && !is_infrastructure(d.verdict.device_class) &&
            devices.by_id(d.attachment->switch_device_id) != nullptr) {
            attached.push_back(&d);
        }
    }
    if (attached.size() <= max) {
        for (const auto* d : attached) {
            const auto sw = b.device_node(*devices.by_id(d->attachment->switch_device_id));
            b.link(sw, b.device_node(*d), d->attachment->port, "", "attachment");
        }
        return;
    }
    std::map<std::pair<std::int64_t, DossierSection>, std::size_t> groups;
    for (const auto* d : attached)
        ++groups[{d->attachment->switch_device_id, section_of(d->verdict.device_class)}];
    for (const auto& [key, count] : groups) {
        const auto sw = b.device_node(*devices.by_id(key.first));
        const std::string id = "g:" + std::to_string(key.first) + ":" + std::string(to_string(key.second));
        const auto g = b.other_node(id, group_name(key.second, count), "on access ports", "group");
        b.link(sw, g, "", "", "attachment");
    }
}

}  // namespace

Topology build_topology(const DossierInput& input, const DeviceIndex& devices, TopologyOptions options) {
    Builder b(devices);
    for (const auto& d : input.devices) {
        if (is_infrastructure(d.verdict.device_class)) b.device_node(d);
    }
    for (const auto& d : input.devices) {
        if (!d.evidence.snmp.empty()) add_neighbours(b, d);
    }
    for (const auto& d : input.devices) add_fdb_links(b, d, devices);
    add_endpoints(b, input, devices, options.max_endpoints);
    return b.take();
}

namespace {

std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : sanitize_utf8(text)) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
    }
    return out + "\"";
}

// Mermaid labels sit in double quotes and are rendered as HTML: entity codes keep them inert.
std::string mermaid_text(std::string_view text) {
    std::string out;
    for (char c : sanitize_utf8(text)) {
        switch (c) {
            case '"':
                out += "#quot;";
                break;
            case '<':
                out += "#lt;";
                break;
            case '>':
                out += "#gt;";
                break;
            case '#':
                out += "#35;";
                break;
            case '&':
                out += "#amp;";
                break;
            case '`':
                out += "#96;";
                break;
            case '|':
                out += "#124;";
                break;
            default:
                out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
        }
    }
    return out;
}

std::string port_pair(const TopologyEdge& e) {
    if (!e.from_port.empty() && !e.to_port.empty()) return e.from_port + " \xe2\x80\x94 " + e.to_port;
    return !e.from_port.empty() ? e.from_port : e.to_port;
}

}  // namespace

std::string topology_dot(const Topology& t) {
    std::string out =
        "graph topology {\n  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", "
        "fillcolor=\"#eef3f8\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (std::size_t i = 0; i < t.nodes.size(); ++i) {
        const auto& n = t.nodes[i];
        out += "  n" + std::to_string(i) + " [label=" + dot_quote(n.label + "\n" + n.detail) +
               ", class=" + dot_quote(n.kind) + (n.kind == "external" ? ", style=\"rounded,dashed\"" : "") +
               "];\n";
    }
    for (const auto& e : t.edges) {
        out += "  n" + std::to_string(e.from) + " -- n" + std::to_string(e.to);
        std::string attrs;
        if (!e.from_port.empty()) attrs += "taillabel=" + dot_quote(e.from_port);
        if (!e.to_port.empty())
            attrs += (attrs.empty() ? "" : ", ") + std::string("headlabel=") + dot_quote(e.to_port);
        if (e.source == "fdb") attrs += (attrs.empty() ? "" : ", ") + std::string("style=dashed");
        out += attrs.empty() ? ";\n" : " [" + attrs + "];\n";
    }
    return out + "}\n";
}

std::string topology_mermaid(const Topology& t) {
    std::string out = "graph TD\n";
    for (std::size_t i = 0; i < t.nodes.size(); ++i) {
        const auto& n = t.nodes[i];
        const std::string label = "\"" + mermaid_text(n.label) + "<br/>" + mermaid_text(n.detail) + "\"";
        out += "  n" + std::to_string(i) + (n.kind == "external" ? "([" + label + "])" : "[" + label + "]") +
               "\n";
    }
    for (const auto& e : t.edges) {
        const std::string ports = port_pair(e);
        const std::string arrow = e.source == "fdb" ? " -.- " : " --- ";
        out += "  n" + std::to_string(e.from) + arrow +
               (ports.empty() ? "" : "|\"" + mermaid_text(ports) + "\"| ") + "n" + std::to_string(e.to) +
               "\n";
    }
    return out;
}

}  // namespace nd
