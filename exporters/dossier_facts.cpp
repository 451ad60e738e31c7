#include "exporters/dossier_facts.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "exporters/device_view.hpp"

namespace nd {

std::vector<SubnetSummary> subnets_seen(const DossierInput& input) {
    std::set<Ipv4Network> targets;
    for (const auto& scan : input.scans) {
        for (const auto& text : scan.targets) {
            if (auto net = Ipv4Network::parse(text); net && net->prefix_length() < 32) targets.insert(*net);
        }
    }
    std::map<Ipv4Network, SubnetSummary> out;
    for (const auto& net : targets) out[net] = SubnetSummary{net, 0, true};
    for (const auto& device : input.devices) {
        std::set<Ipv4Network> counted;  // a multi-homed device counts once per subnet
        for (const auto& ip : device.ips) {
            // The most specific target holding the address, else its /24.
            const Ipv4Network* best = nullptr;
            for (const auto& net : targets) {
                if (net.contains(ip) && (best == nullptr || net.prefix_length() > best->prefix_length())) {
                    best = &net;
                }
            }
            const Ipv4Network key = best != nullptr ? *best : Ipv4Network(ip, 24);
            if (!counted.insert(key).second) continue;
            auto [it, inserted] = out.try_emplace(key, SubnetSummary{key, 0, best != nullptr});
            ++it->second.devices;
        }
    }
    std::vector<SubnetSummary> result;
    for (auto& [net, summary] : out) result.push_back(summary);
    return result;
}

std::vector<const ChangeEvent*> latest_changes(const DossierInput& input) {
    const ScanRun* scan = latest_scan(input);
    std::vector<const ChangeEvent*> out;
    for (const auto& change : input.changes) {
        if (scan == nullptr || change.scan_id == scan->id) out.push_back(&change);
    }
    return out;
}

namespace {

std::string who_of(const ChangeEvent& change, const DeviceIndex& devices) {
    const DeviceRecord* d = devices.by_id(change.device_id);
    if (d == nullptr) return "device " + std::to_string(change.device_id);
    std::string who = device_label(*d);
    if (!d->ips.empty() && who != d->ips.front().to_string()) who += " (" + d->ips.front().to_string() + ")";
    return who;
}

bool is_any(const std::string& kind, std::initializer_list<std::string_view> names) {
    for (auto n : names) {
        if (kind == n) return true;
    }
    return false;
}

// "ip" -> "address": the words an engineer uses.
std::string attribute_words(const std::string& attribute) {
    if (attribute == "ip") return "address";
    if (attribute == "mac") return "MAC address";
    if (attribute == "port" || attribute == "switch-port" || attribute == "attachment") return "switch port";
    return attribute;
}

}  // namespace

std::string change_sentence(const ChangeEvent& change, const DeviceIndex& devices) {
    const std::string who = who_of(change, devices);
    const std::string& k = change.kind;
    const std::string& was = change.old_value;
    const std::string& now = change.new_value;
    if (k == "new-device") return who + ": new device";
    if (k == "gone") return who + ": not seen any more";
    if (is_any(k, {"returned", "back"})) return who + ": seen again";
    if (is_any(k, {"port-changed", "port-moved", "moved", "attachment-changed"})) {
        if (!was.empty() && !now.empty()) return who + ": moved from switch port " + was + " to " + now;
        if (!now.empty()) return who + ": now on switch port " + now;
        return who + ": no longer seen on switch port " + was;
    }
    if (is_any(k, {"supply-low", "supplies-low"})) {
        const std::string supply =
            change.attribute.empty() || change.attribute == "supply" ? "a supply" : change.attribute;
        return who + ": " + supply + " is low" + (now.empty() ? "" : " (" + now + ")");
    }
    if (is_any(k, {"new-neighbour", "new-neighbor", "neighbour-added", "neighbor-added"})) {
        return who + ": new neighbour " + (now.empty() ? change.attribute : now);
    }
    if (is_any(k, {"neighbour-gone", "neighbor-gone", "neighbour-removed"})) {
        return who + ": neighbour " + (was.empty() ? change.attribute : was) + " no longer seen";
    }
    const std::string attribute = attribute_words(change.attribute.empty() ? k : change.attribute);
    if (!was.empty() && !now.empty()) return who + ": " + attribute + " changed from " + was + " to " + now;
    if (!now.empty()) return who + ": " + attribute + " " + now + " added";
    if (!was.empty()) return who + ": " + attribute + " " + was + " no longer seen";
    return who + ": " + k;
}

std::string change_sentence(const ChangeEvent& change, const DossierInput& input) {
    return change_sentence(change, DeviceIndex(input.devices));
}

std::vector<std::string> printer_connections(const DeviceRecord& d) {
    std::vector<std::string> out;
    auto add = [&](std::string uri) {
        if (std::find(out.begin(), out.end(), uri) == out.end()) out.push_back(std::move(uri));
    };
    const auto host = !d.ips.empty() ? d.ips.front().to_string() : std::string();
    const auto& ports = d.evidence.open_tcp_ports;
    auto open = [&](std::uint16_t p) { return std::find(ports.begin(), ports.end(), p) != ports.end(); };
    auto mdns = [&](std::string_view type) -> const MdnsService* {
        for (const auto& s : d.evidence.mdns) {
            if (s.type == type) return &s;
        }
        return nullptr;
    };
    // The address, not the announced .local name: it works from every OS and through a VPN.
    auto target = [&](const MdnsService& s) {
        if (!host.empty()) return host;
        std::string name = s.host;
        if (!name.empty() && name.back() == '.') name.pop_back();
        return name;
    };
    auto path_of = [](const MdnsService& s, std::string_view fallback) {
        auto rp = s.txt.find("rp");
        return rp != s.txt.end() && !rp->second.empty() ? "/" + rp->second : std::string(fallback);
    };
    for (auto type : {"_ipps._tcp", "_ipp._tcp"}) {
        if (const auto* s = mdns(type); s != nullptr && !target(*s).empty()) {
            const std::string scheme = std::string_view(type) == "_ipps._tcp" ? "ipps://" : "ipp://";
            add(scheme + target(*s) + ":" + std::to_string(s->port == 0 ? 631 : s->port) +
                path_of(*s, "/ipp/print"));
        }
    }
    if (host.empty()) return out;
    if (out.empty() && open(631)) add("ipp://" + host + ":631/ipp/print");
    const auto* pdl = mdns("_pdl-datastream._tcp");
    if (open(9100) || pdl != nullptr)
        add("socket://" + host + ":" + std::to_string(pdl != nullptr && pdl->port != 0 ? pdl->port : 9100));
    const auto* lpd = mdns("_printer._tcp");
    if (open(515) || lpd != nullptr) add("lpd://" + host + (lpd ? path_of(*lpd, "/queue") : "/queue"));
    return out;
}

}  // namespace nd
