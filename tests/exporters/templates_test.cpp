#include "exporters/templates.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "exporters/template_rows.hpp"
#include "tests/exporters/dossier_fixture.hpp"

namespace nd {
namespace {

class TemplateDir : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("nd-templates-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
    std::filesystem::path dir_;
};

TEST_F(TemplateDir, UserHtmlTemplateReplacesTheBuiltIn) {
    write("dossier.html.mustache",
          "<p>{{site}}: {{#sections}}[{{id}} {{#tables}}{{id}}={{count}} {{/tables}}]{{/sections}}</p>");
    const auto docs = make_exporter(DossierFormat::kHtml, ExportOptions{dir_})
                          ->render(test::sample_site(), DossierSection::kAll);
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_NE(docs[0].content.find("<p>Müller &amp; Söhne | Zentrale: [network "), std::string::npos)
        << docs[0].content;
    EXPECT_NE(docs[0].content.find("network-equipment=1 "), std::string::npos);
    EXPECT_NE(docs[0].content.find("[printing printers=1 "), std::string::npos);
}

TEST_F(TemplateDir, MissingFileFallsBackToTheBuiltIn) {
    write("dossier.html.mustache", "custom");
    const auto docs = make_exporter(DossierFormat::kMarkdown, ExportOptions{dir_})
                          ->render(test::sample_site(), DossierSection::kNetwork);
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_NE(docs[0].content.find("## Network equipment (1)"), std::string::npos);
}

TEST_F(TemplateDir, UserMarkdownTemplateUsesMarkdownEscaping) {
    write("section.md.mustache", "{{#sections}}{{title}}|{{site}}{{/sections}}");
    const auto docs = make_exporter(DossierFormat::kMarkdown, ExportOptions{dir_})
                          ->render(test::sample_site(), DossierSection::kPrinting);
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_EQ(docs[0].content, "Printing|Müller &amp; Söhne \\| Zentrale");
}

TEST_F(TemplateDir, BrokenTemplateIsAClearErrorNamingTheFile) {
    write("dossier.html.mustache", "<p>{{#sections}}{{title}}</p>");
    try {
        make_exporter(DossierFormat::kHtml, ExportOptions{dir_})
            ->render(test::sample_site(), DossierSection::kAll);
        FAIL() << "no error";
    } catch (const TemplateError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("dossier.html.mustache"), std::string::npos) << what;
        EXPECT_NE(what.find("sections"), std::string::npos) << what;
    }
}

// One template directory serves every format that has templates (HTML, and Markdown in every section's
// file); the formats without templates (JSON, CSV, DOT) are the same with or without it.
TEST_F(TemplateDir, EveryTemplatedFormatUsesTheUserTemplatesAndTheOthersIgnoreThem) {
    write("dossier.html.mustache", "<p>custom html {{site}}</p>");
    write("section.md.mustache", "custom md {{#sections}}{{id}}{{/sections}}");
    const auto site = test::sample_site();
    const auto html =
        make_exporter(DossierFormat::kHtml, ExportOptions{dir_})->render(site, DossierSection::kAll);
    ASSERT_EQ(html.size(), 1U);
    EXPECT_EQ(html[0].content, "<p>custom html Müller &amp; Söhne | Zentrale</p>");
    const auto md =
        make_exporter(DossierFormat::kMarkdown, ExportOptions{dir_})->render(site, DossierSection::kAll);
    ASSERT_EQ(md.size(), 4U);
    for (const auto& doc : md) {
        const auto section = doc.file_name.substr(0, doc.file_name.find('.'));
        EXPECT_EQ(doc.content, "custom md " + section) << doc.file_name;
    }
    for (auto format : {DossierFormat::kJson, DossierFormat::kCsv, DossierFormat::kDot}) {
        const auto with = make_exporter(format, ExportOptions{dir_})->render(site, DossierSection::kAll);
        const auto without = make_exporter(format)->render(site, DossierSection::kAll);
        ASSERT_EQ(with.size(), without.size()) << to_string(format);
        for (std::size_t i = 0; i < with.size(); ++i) EXPECT_EQ(with[i].content, without[i].content);
    }
}

TEST(Templates, MissingDirectoryIsAnError) {
    EXPECT_THROW(load_template(std::filesystem::path("/nonexistent/nd-templates"), kHtmlTemplate),
                 TemplateError);
}

TEST(Templates, BuiltInsParse) {
    for (auto name : {kHtmlTemplate, kMarkdownTemplate}) {
        const auto source = load_template(std::nullopt, name);
        EXPECT_FALSE(source.text.empty()) << name;
        EXPECT_NO_THROW(render_view(source, build_view(test::sample_site(), DossierSection::kAll),
                                    TemplateEscape::kHtml));
    }
}

// The built-in layouts insert rows rendered in C++ (a 10,000-row table as mustache data was most of an
// export's time); a user template that loops over {{#rows}}{{#cells}} must get the very same markup.
DossierView tricky_view() {
    DossierView view;
    view.site = "Site <A&B>";
    view.generated = "2026-11-22T09:00:00Z";
    view.scan = "#2";
    ViewSection section;
    section.id = "printing";
    section.title = "Printing";
    section.section = DossierSection::kPrinting;
    ViewTable table;
    table.id = "printers";
    table.title = "Printers";
    table.headers = {"Name", "Model \"x\"", "Toner | level"};
    table.rows.push_back(
        {{"prn-1", "", false}, {"HL-L2350DW", "discovered: HL 2350", false}, {"5%", "", true}});
    table.rows.push_back(
        {{"<script>alert('x')</script>", "", false}, {"", "", false}, {"*bold* _x_ [y] #z", "", false}});
    table.rows.push_back({{"M\xc3\xbcller\nline\ttab", "", false},
                          {"bad \xff\xfe utf-8", "n\x01te", true},
                          {"a\\b`c`", "", false}});
    table.rows.push_back({{"short row", "", false}});  // fewer cells than headers
    section.tables.push_back(table);
    section.tables.push_back(ViewTable{"empty", "Empty", {"A"}, {}});
    view.sections.push_back(section);
    return view;
}

void expect_rows_equal_loop(std::string_view name, std::string_view placeholder, std::string_view loop,
                            TemplateEscape escape) {
    const auto builtin = load_template(std::nullopt, name);
    TemplateSource looped = builtin;
    const auto at = looped.text.find(placeholder);
    ASSERT_NE(at, std::string::npos) << name;
    looped.text.replace(at, placeholder.size(), loop);
    const DossierView view = tricky_view();
    const std::string fast = render_view(builtin, view, escape);
    EXPECT_EQ(fast, render_view(looped, view, escape)) << name;
    EXPECT_NE(fast.find("HL-L2350DW"), std::string::npos);
}

TEST(Templates, BuiltInRowsAreTheMarkupOfTheMustacheLoop) {
    expect_rows_equal_loop(kHtmlTemplate, "{{{rows_html}}}", kRowsHtmlLoop, TemplateEscape::kHtml);
    expect_rows_equal_loop(kMarkdownTemplate, "{{{rows_markdown}}}", kRowsMarkdownLoop,
                           TemplateEscape::kMarkdown);
}

TEST(Templates, RowsAreEscapedForTheirFormat) {
    const DossierView view = tricky_view();
    const std::string html =
        render_view(load_template(std::nullopt, kHtmlTemplate), view, TemplateEscape::kHtml);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("<td data-label=\"Toner | level\" class=\"alert\">5%</td>"), std::string::npos)
        << html;
    EXPECT_NE(html.find("<td data-label=\"Model &quot;x&quot;\" class=\"empty\"></td>"), std::string::npos);
    EXPECT_NE(html.find("M\xc3\xbcller line tab"), std::string::npos);
    EXPECT_TRUE(is_valid_utf8(html));
    const std::string md =
        render_view(load_template(std::nullopt, kMarkdownTemplate), view, TemplateEscape::kMarkdown);
    EXPECT_NE(md.find("| prn-1 | HL-L2350DW (discovered: HL 2350) | 5% \xe2\x9a\xa0 |"), std::string::npos)
        << md;
    EXPECT_NE(md.find("\\*bold\\* \\_x\\_ \\[y\\] \\#z"), std::string::npos) << md;
    EXPECT_TRUE(is_valid_utf8(md));
}

// A user template without rows pays nothing for them, and one that loops gets them.
TEST_F(TemplateDir, UserTemplateLoopingOverRowsGetsThem) {
    write("dossier.html.mustache",
          "{{#sections}}{{#tables}}{{#rows}}[{{#cells}}{{label}}={{text}};{{/cells}}]{{/rows}}{{/tables}}{{/"
          "sections}}");
    const auto docs = make_exporter(DossierFormat::kHtml, ExportOptions{dir_})
                          ->render(test::sample_site(), DossierSection::kNetwork);
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_NE(docs[0].content.find("WS-C2960X-48FPD-L;"), std::string::npos) << docs[0].content;
}

}  // namespace
}  // namespace nd
