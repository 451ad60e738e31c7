#include <gtest/gtest.h>

#include "exporters/templates.hpp"
#include "tests/exporters/dossier_fixture.hpp"

namespace nd {
namespace {

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

std::string render(const DossierInput& in, DossierSection section = DossierSection::kAll) {
    const auto docs = make_exporter(DossierFormat::kHtml)->render(in, section);
    EXPECT_EQ(docs.size(), 1U);
    return docs.at(0).content;
}

TEST(HtmlEscape, EscapesMarkupQuotesAndControls) {
    EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(html_escape("a\x01"
                          "b\nc"),
              "a b c");
    EXPECT_EQ(html_escape("Gr\xc3\xbc\xc3\x9f"), "Gr\xc3\xbc\xc3\x9f");
}

TEST(HtmlExporter, OneSelfContainedFileWithEverySection) {
    const auto docs = make_exporter(DossierFormat::kHtml)->render(test::sample_site(), DossierSection::kAll);
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_EQ(docs[0].file_name, "dossier.html");
    const std::string& page = docs[0].content;
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0U);
    for (const char* id : {"network", "printing", "user-equipment", "changes"}) {
        EXPECT_TRUE(has(page, std::string("<section class=\"part\" id=\"") + id + "\"")) << id;
    }
    // No external asset: nothing fetched from anywhere, and a policy that forbids it.
    EXPECT_FALSE(has(page, "src=\"http"));
    EXPECT_FALSE(has(page, "href=\"http"));
    EXPECT_FALSE(has(page, "<link"));
    EXPECT_TRUE(has(page, "default-src 'none'"));
    EXPECT_TRUE(has(page, "@media print"));
    EXPECT_TRUE(has(page, "break-before:page"));
    EXPECT_TRUE(has(page, "name=\"viewport\""));
    EXPECT_TRUE(has(page, "table.sortable"));  // the sorting script
    // Site name (escaped) and scan date in the header.
    EXPECT_TRUE(has(page, "<h1>Müller &amp; Söhne | Zentrale</h1>"));
    EXPECT_TRUE(has(page, "2026-11-22 08:00 UTC"));
}

TEST(HtmlExporter, DevicesLandInTheirSectionsTables) {
    const std::string page = render(test::sample_site());
    const auto net =
        page.substr(page.find("id=\"network\""), page.find("id=\"printing\"") - page.find("id=\"network\""));
    EXPECT_TRUE(has(net, "WS-C2960X-48FPD-L"));
    EXPECT_TRUE(has(net, "FOC1234X0AB"));
    EXPECT_FALSE(has(net, "HL-L2350DW"));
    const auto prn = page.substr(page.find("id=\"printing\""),
                                 page.find("id=\"user-equipment\"") - page.find("id=\"printing\""));
    EXPECT_TRUE(has(prn, "HL-L2350DW"));
    EXPECT_TRUE(has(prn, "socket://198.18.0.20:9100"));
    EXPECT_TRUE(has(prn, "ipp://198.18.0.20:631/ipp/print"));
    EXPECT_EQ(count(prn, "<tr><td"), 1U);
    const auto changes = page.substr(page.find("id=\"changes\""));
    EXPECT_TRUE(has(changes, "<li>198.18.0.20: address changed from 198.18.0.21 to 198.18.0.20</li>"))
        << changes;
}

TEST(HtmlExporter, ScriptInSysNameIsInert) {
    auto in = test::sample_site();
    in.devices[0].verdict.hostname = test::found("<script>alert('x')</script>");
    in.devices[0].annotations["notes"] = "<img src=x onerror=alert(1)>";
    test::put(in.devices[0].evidence.snmp, "1.3.6.1.2.1.1.6.0", "\"><script>alert(2)</script>");
    in.site = "<b>Evil & Co</b>";
    const std::string page = render(in);
    // The only script element is the built-in sorter.
    EXPECT_EQ(count(page, "<script"), 1U);
    EXPECT_FALSE(has(page, "<img"));
    EXPECT_FALSE(has(page, "<b>Evil"));
    EXPECT_TRUE(has(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    EXPECT_TRUE(has(page, "&lt;b&gt;Evil &amp; Co&lt;/b&gt;"));
}

TEST(HtmlExporter, AnnotationWinsAndTheDiscoveredValueIsShown) {
    auto in = test::sample_site();
    test::put(in.devices[1].evidence.snmp, "1.3.6.1.2.1.1.6.0", "Server room");
    in.devices[1].annotations["location"] = "Floor 2";
    const std::string page = render(in, DossierSection::kPrinting);
    EXPECT_TRUE(has(page, ">Floor 2<span class=\"note\">discovered: Server room</span>")) << page;
}

TEST(HtmlExporter, EndpointShowsItsSwitchPort) {
    auto in = test::sample_site();
    in.devices[2].attachment = SwitchAttachment{1, "core-sw1", "Fa0/5", 100, "fdb"};
    const std::string page = render(in, DossierSection::kUserEquipment);
    EXPECT_TRUE(has(page, ">core-sw1 Fa0/5<span class=\"note\">VLAN 100</span>")) << page;
}

TEST(HtmlExporter, NetworkSectionCarriesTheDiagram) {
    auto in = test::sample_site();
    in.devices[2].attachment = SwitchAttachment{1, "core-sw1", "Fa0/5", std::nullopt, "fdb"};
    const std::string page = render(in, DossierSection::kNetwork);
    EXPECT_TRUE(has(page, "<figure class=\"topology\">"));
    EXPECT_TRUE(has(page, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\""));
    EXPECT_TRUE(has(page, ">core-sw1</text>"));
}

TEST(HtmlExporter, EmptyStoreStillRenders) {
    DossierInput in;
    in.generated = Clock::now();
    const std::string page = render(in);
    EXPECT_TRUE(has(page, "<h1>Unnamed site</h1>"));
    EXPECT_TRUE(has(page, "None found."));
    EXPECT_TRUE(has(page, "No changes since the previous scan."));
}

}  // namespace
}  // namespace nd
