#include "exporters/templates.hpp"

#include <gtest/gtest.h>

#include <fstream>

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

}  // namespace
}  // namespace nd
