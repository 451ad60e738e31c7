#include "exporters/topology.hpp"

#include <gtest/gtest.h>

#include "exporters/device_index.hpp"
#include "tests/exporters/dossier_fixture.hpp"

namespace nd {
namespace {

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// The sample site plus a router the switch sees over LLDP, a neighbour not in the store, and the
// phone attached to a switch port.
DossierInput linked_site() {
    auto in = test::sample_site();
    auto rtr = test::device(6, DeviceClass::kRouter, "70:c9:c6:cb:4e:20", "198.18.0.1");
    rtr.verdict.hostname = test::found("edge-rtr");
    in.devices.push_back(rtr);
    auto& sw = in.devices[0];
    test::lldp_neighbour(sw.evidence.snmp, 48, "Gi0/48", "edge-rtr.example.com", "Gi0/0/1");
    test::lldp_neighbour(sw.evidence.snmp, 47, "Gi0/47", "far-switch", "Te1/1");
    in.devices[2].attachment = SwitchAttachment{1, "core-sw1", "Fa0/5", 100, "fdb"};
    return in;
}

const TopologyNode* node(const Topology& t, const std::string& label) {
    for (const auto& n : t.nodes) {
        if (n.label == label) return &n;
    }
    return nullptr;
}

const TopologyEdge* edge(const Topology& t, const std::string& a, const std::string& b) {
    for (const auto& e : t.edges) {
        const auto& x = t.nodes[e.from].label;
        const auto& y = t.nodes[e.to].label;
        if ((x == a && y == b) || (x == b && y == a)) return &e;
    }
    return nullptr;
}

TEST(Topology, LinksLldpNeighboursAndAttachedEndpoints) {
    const auto in = linked_site();
    const DeviceIndex index(in.devices);
    const auto t = build_topology(in, index);
    ASSERT_NE(node(t, "core-sw1"), nullptr);
    ASSERT_NE(node(t, "edge-rtr"), nullptr);  // the neighbour's FQDN resolves to the stored router
    EXPECT_EQ(node(t, "edge-rtr")->device_id, 6);
    ASSERT_NE(node(t, "far-switch"), nullptr);
    EXPECT_EQ(node(t, "far-switch")->kind, "external");
    const auto* uplink = edge(t, "core-sw1", "edge-rtr");
    ASSERT_NE(uplink, nullptr);
    EXPECT_EQ(uplink->source, "lldp");
    EXPECT_EQ(t.nodes[uplink->from].label, "core-sw1");
    EXPECT_EQ(uplink->from_port, "Gi0/48");
    EXPECT_EQ(uplink->to_port, "Gi0/0/1");
    const auto* phone = edge(t, "core-sw1", "198.18.0.30");
    ASSERT_NE(phone, nullptr);
    EXPECT_EQ(phone->source, "attachment");
    EXPECT_EQ(phone->from_port, "Fa0/5");
    EXPECT_EQ(t.edges.size(), 3U);
    EXPECT_EQ(node(t, "198.18.0.40"), nullptr);  // unattached endpoints stay out of the diagram
}

TEST(Topology, ManyEndpointsBecomeOneNodePerSwitchAndSection) {
    const auto in = linked_site();
    const DeviceIndex index(in.devices);
    const auto t = build_topology(in, index, TopologyOptions{0});
    const auto* group = node(t, "1 user device");
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->kind, "group");
    EXPECT_NE(edge(t, "core-sw1", "1 user device"), nullptr);
    EXPECT_EQ(node(t, "198.18.0.30"), nullptr);
}

TEST(Topology, SameLinkReportedFromBothSidesIsOneEdge) {
    auto in = linked_site();
    test::lldp_neighbour(in.devices.back().evidence.snmp, 1, "Gi0/0/1", "core-sw1", "Gi0/48");
    const DeviceIndex index(in.devices);
    const auto t = build_topology(in, index);
    EXPECT_EQ(t.edges.size(), 3U);
}

TEST(Topology, DotAndMermaidQuoteHostileNames) {
    auto in = linked_site();
    in.devices[0].verdict.hostname = test::found("sw\"1<script>alert(1)</script>");
    const DeviceIndex index(in.devices);
    const auto t = build_topology(in, index);
    const std::string dot = topology_dot(t);
    EXPECT_TRUE(has(dot, "graph topology {")) << dot;
    EXPECT_TRUE(has(dot, "sw\\\"1<script>")) << dot;  // a quoted DOT string: the quote escaped
    EXPECT_TRUE(has(dot, "taillabel=\"Gi0/48\""));
    const std::string mermaid = topology_mermaid(t);
    EXPECT_TRUE(has(mermaid, "graph TD\n"));
    EXPECT_FALSE(has(mermaid, "<script")) << mermaid;
    EXPECT_TRUE(has(mermaid, "sw#quot;1#lt;script#gt;"));
    EXPECT_TRUE(has(mermaid, "|\"Gi0/48 \xe2\x80\x94 Gi0/0/1\"|"));
}

TEST(Topology, SvgDrawsEveryNodeAndEscapesLabels) {
    auto in = linked_site();
    in.devices[0].verdict.hostname = test::found("<script>alert(1)</script>");
    const DeviceIndex index(in.devices);
    const auto t = build_topology(in, index);
    const std::string svg = topology_svg(t);
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0U);
    EXPECT_FALSE(has(svg, "<script"));
    EXPECT_TRUE(has(svg, "&lt;script&gt;"));
    std::size_t nodes = 0;
    for (auto at = svg.find("<g class=\"node\""); at != std::string::npos;
         at = svg.find("<g class=\"node\"", at + 1))
        ++nodes;
    EXPECT_EQ(nodes, t.nodes.size());
    EXPECT_TRUE(has(svg, ">edge-rtr<"));
    EXPECT_TRUE(has(svg, ">Fa0/5<"));
    EXPECT_EQ(topology_svg(Topology{}), "");
}

}  // namespace
}  // namespace nd
