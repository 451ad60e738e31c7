#pragma once
// The site's topology as a graph: network equipment, the neighbours it reports over LLDP/CDP, the
// links its MAC tables show, and endpoints on their switch ports. Drawn as SVG (HTML), Mermaid
// (Markdown) and DOT (on request), with nodes named as the dossier names devices.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "exporters/dossier.hpp"

namespace nd {

class DeviceIndex;

struct TopologyNode {
    std::string key;     // "d12" for a stored device, "x:<name>" for a neighbour not in the store
    std::string label;   // the device's dossier name
    std::string detail;  // "switch · WS-C3560-48TS-S"
    std::string kind;    // device class spelling, "external" or "group"
    std::int64_t device_id = 0;
};

struct TopologyEdge {
    std::size_t from = 0;  // node indexes; `from` is the side nearer the core when known
    std::size_t to = 0;
    std::string from_port;  // "Gi0/1" as `from` names its port; may be empty
    std::string to_port;
    std::string source;  // "lldp", "cdp", "fdb", "attachment"
};

struct Topology {
    std::vector<TopologyNode> nodes;
    std::vector<TopologyEdge> edges;
    bool empty() const { return nodes.empty(); }
};

struct TopologyOptions {
    // Above this many attached endpoints, endpoints are drawn as one node per switch and section
    // ("14 user devices") so a large site's diagram stays readable.
    std::size_t max_endpoints = 40;
};

Topology build_topology(const DossierInput& input, const DeviceIndex& devices, TopologyOptions options = {});

std::string topology_dot(const Topology& t);
std::string topology_mermaid(const Topology& t);
// Self-contained inline SVG (a layered layout, core at the top); "" for an empty topology.
std::string topology_svg(const Topology& t);

}  // namespace nd
