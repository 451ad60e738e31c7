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

std::string change_sentence(const ChangeEvent& change, const DossierInput& input) {
    std::string who = "device " + std::to_string(change.device_id);
    for (const auto& d : input.devices) {
        if (d.id == change.device_id) {
            who = device_label(d);
            if (!d.ips.empty() && who != d.ips.front().to_string())
                who += " (" + d.ips.front().to_string() + ")";
            break;
        }
    }
    const std::string& k = change.kind;
    if (k == "new-device") return who + ": new device";
    if (k == "gone") return who + ": not seen in this scan";
    const std::string attribute = change.attribute.empty() ? k : change.attribute;
    if (!change.old_value.empty() && !change.new_value.empty()) {
        return who + ": " + attribute + " changed from " + change.old_value + " to " + change.new_value;
    }
    if (!change.new_value.empty()) return who + ": " + attribute + " " + change.new_value + " added";
    if (!change.old_value.empty()) return who + ": " + attribute + " " + change.old_value + " no longer seen";
    return who + ": " + k;
}

std::vector<std::string> printer_connections(const DeviceRecord& d) {
    std::vector<std::string> out;
    const auto host = !d.ips.empty() ? d.ips.front().to_string() : std::string();
    for (const auto& service : d.evidence.mdns) {
        if (service.type != "_ipp._tcp" && service.type != "_ipps._tcp") continue;
        std::string target = service.host.empty() ? host : service.host;
        if (!target.empty() && target.back() == '.') target.pop_back();
        auto rp = service.txt.find("rp");
        const std::string path = rp != service.txt.end() ? "/" + rp->second : "/ipp/print";
        const std::string scheme = service.type == "_ipps._tcp" ? "ipps://" : "ipp://";
        out.push_back(scheme + target + ":" + std::to_string(service.port == 0 ? 631 : service.port) + path);
    }
    if (host.empty()) return out;
    const auto& ports = d.evidence.open_tcp_ports;
    auto open = [&](std::uint16_t p) { return std::find(ports.begin(), ports.end(), p) != ports.end(); };
    if (out.empty() && open(631)) out.push_back("ipp://" + host + ":631/ipp/print");
    if (open(9100)) out.push_back("socket://" + host + ":9100");
    if (open(515)) out.push_back("lpd://" + host + "/queue");
    return out;
}

}  // namespace nd
