#include <gtest/gtest.h>

#include "exporters/markdown_table.hpp"
#include "tests/exporters/dossier_fixture.hpp"

namespace nd {
namespace {

std::vector<DossierDocument> render(DossierSection section, const DossierInput& in = test::sample_site()) {
    return make_exporter(DossierFormat::kMarkdown)->render(in, section);
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// The table row that mentions `needle`.
std::string row_with(const std::string& page, const std::string& needle) {
    const auto at = page.find(needle);
    if (at == std::string::npos) return {};
    const auto begin = page.rfind('\n', at) + 1;
    return page.substr(begin, page.find('\n', at) - begin);
}

int cells(const std::string& row) {
    int n = 0;
    for (std::size_t i = 0; i < row.size(); ++i) n += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
    return n - 1;
}

TEST(MarkdownEscape, KeepsTablesIntact) {
    EXPECT_EQ(md_escape("a|b"), "a\\|b");
    EXPECT_EQ(md_escape("line1\nline2\r\nline3"), "line1 line2 line3");
    EXPECT_EQ(md_escape("<script>"), "&lt;script&gt;");
    EXPECT_EQ(md_escape("*bold* _it_ `code`"), "\\*bold\\* \\_it\\_ \\`code\\`");
    EXPECT_EQ(md_escape(""), "\xe2\x80\x94");
    EXPECT_EQ(md_escape("  padded  "), "padded");
    EXPECT_EQ(md_escape("Gr\xc3\xbc\xc3\x9f"), "Gr\xc3\xbc\xc3\x9f");
}

TEST(MarkdownExporter, AllSectionsAsOneFileEach) {
    const auto docs = render(DossierSection::kAll);
    ASSERT_EQ(docs.size(), 4U);
    EXPECT_EQ(docs[0].file_name, "network.md");
    EXPECT_EQ(docs[1].file_name, "printing.md");
    EXPECT_EQ(docs[2].file_name, "user-equipment.md");
    EXPECT_EQ(docs[3].file_name, "changes.md");
}

TEST(MarkdownExporter, NetworkPageHasHeaderSubnetsAndEquipment) {
    const std::string page = render(DossierSection::kNetwork).at(0).content;
    EXPECT_TRUE(has(page, "# Müller &amp; Söhne \\| Zentrale \xe2\x80\x94 Network\n")) << page;
    EXPECT_TRUE(has(page, "- Generated: 2026-11-22 09:00 UTC"));
    EXPECT_TRUE(has(page, "- Scan: \\#2, 2026-11-22 08:00 UTC"));
    EXPECT_TRUE(has(page, "## Subnets (2)"));
    EXPECT_TRUE(has(row_with(page, "| 198.18.0.0/24 |"), "| 4 |"));  // every device of the subnet
    EXPECT_TRUE(has(row_with(page, "| 198.18.1.0/24 |"), "seen outside"));
    const std::string sw = row_with(page, "| core-sw1 |");
    for (const char* v : {"switch", "198.18.0.2", "00:1b:a9:00:00:01", "Cisco WS-C2960X-48FPD-L", "15.2(7)E4",
                          "FOC1234X0AB"}) {
        EXPECT_TRUE(has(sw, v)) << v << " in " << sw;
    }
    EXPECT_TRUE(has(page, "## Servers and storage (0)\n\n_None found._"));
    EXPECT_TRUE(has(page, "## UPS and power (0)"));
    // Device-supplied text cannot break the table.
    const std::string odd = row_with(page, "52:54:00:12:34:56");
    EXPECT_TRUE(has(odd, "Realtek \\| weird\\_name \\*bold\\*")) << odd;
    EXPECT_EQ(cells(odd), cells(row_with(page, "| Name | Model | Address | MAC |")));
    EXPECT_FALSE(has(page, "Brother"));  // printers are in the printing section
}

TEST(MarkdownExporter, TopologyAsMermaid) {
    auto in = test::sample_site();
    in.devices[2].attachment = SwitchAttachment{1, "core-sw1", "Fa0/5", 100, "fdb"};
    const std::string page = render(DossierSection::kNetwork, in).at(0).content;
    EXPECT_TRUE(has(page, "## Topology\n")) << page;
    EXPECT_TRUE(has(page, "```mermaid\ngraph TD\n"));
    EXPECT_TRUE(has(page, "n0[\"core-sw1<br/>switch"));
    EXPECT_TRUE(has(page, "--- |\"Fa0/5\"| n"));
}

TEST(MarkdownExporter, PrintingPageShowsHowToConnect) {
    const std::string page = render(DossierSection::kPrinting).at(0).content;
    const std::string row = row_with(page, "198.18.0.20");
    EXPECT_TRUE(has(row, "ipp://198.18.0.20:631/ipp/print")) << row;
    EXPECT_TRUE(has(row, "socket://198.18.0.20:9100")) << row;
    EXPECT_TRUE(has(row, "Brother HL-L2350DW"));
    EXPECT_TRUE(has(row, "Floor 2 next to the kitchen"));  // a line break in an annotation stays in the cell
}

TEST(MarkdownExporter, UserEquipmentAndChanges) {
    const std::string ue = render(DossierSection::kUserEquipment).at(0).content;
    EXPECT_TRUE(has(row_with(ue, "198.18.0.30"), "5.9.0"));
    EXPECT_TRUE(has(ue, "## Workstations and laptops (0)\n\n_None found._"));
    const std::string changes = render(DossierSection::kChanges).at(0).content;
    EXPECT_TRUE(has(changes, "- 198.18.0.20: address changed from 198.18.0.21 to 198.18.0.20")) << changes;
    EXPECT_FALSE(has(changes, "new device"));
}

// "Everything else" and "Unclassified devices" name the model: a clock or a radio link is known by it, and
// a device nothing classed is looked into from it.
TEST(MarkdownExporter, OtherAndUnclassifiedDevicesShowTheirModel) {
    auto in = test::sample_site();
    auto clock = test::device(90, DeviceClass::kOther, "02:00:00:00:00:90", "198.18.0.90");
    clock.verdict.vendor = test::found("Meinberg");
    clock.verdict.model = test::found("LANTIME M300");
    in.devices.push_back(clock);
    auto radio = test::device(91, DeviceClass::kUnknown, "02:00:00:00:00:91", "198.18.0.91");
    radio.verdict.vendor = test::found("SIAE Microelettronica");
    radio.verdict.model = test::found("ALFOplus80HD");
    in.devices.push_back(radio);
    const std::string ue = render(DossierSection::kUserEquipment, in).at(0).content;
    EXPECT_TRUE(has(ue, "## Everything else (1)")) << ue;
    EXPECT_TRUE(has(row_with(ue, "198.18.0.90"), "Meinberg LANTIME M300")) << ue;
    const std::string network = render(DossierSection::kNetwork, in).at(0).content;
    EXPECT_TRUE(has(row_with(network, "198.18.0.91"), "SIAE Microelettronica ALFOplus80HD")) << network;
    // Without a model the cell stays empty: the MAC registrant has a column of its own, once.
    const std::string unknown = row_with(network, "52:54:00:12:34:56");
    EXPECT_EQ(unknown.find("Realtek"), unknown.rfind("Realtek")) << unknown;
}

TEST(MarkdownExporter, EmptyStoreStillReadable) {
    DossierInput in;
    in.generated = Clock::now();
    const std::string page = render(DossierSection::kNetwork, in).at(0).content;
    EXPECT_TRUE(has(page, "# Unnamed site"));
    EXPECT_TRUE(has(page, "- Scan: none recorded"));
    EXPECT_TRUE(has(page, "_None found._"));
    EXPECT_FALSE(has(page, "```mermaid"));
}

}  // namespace
}  // namespace nd
