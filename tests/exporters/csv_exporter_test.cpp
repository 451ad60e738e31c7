#include <gtest/gtest.h>

#include "tests/exporters/dossier_fixture.hpp"

namespace nd {
namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    for (std::size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", begin)) {
        out.push_back(text.substr(begin, at - begin));
        begin = at + 2;
    }
    return out;
}

TEST(CsvExporter, OneFilePerSectionWithBomAndCrlf) {
    const auto docs = make_exporter(DossierFormat::kCsv)->render(test::sample_site(), DossierSection::kAll);
    ASSERT_EQ(docs.size(), 4U);
    EXPECT_EQ(docs[0].file_name, "network.csv");
    EXPECT_EQ(docs[3].file_name, "changes.csv");
    const auto rows = lines(docs[0].content);
    ASSERT_EQ(rows.size(), 4U);  // header + switch + two unclassified
    EXPECT_EQ(rows[0].rfind("\xef\xbb\xbfid,class,name,vendor", 0), 0U);
    EXPECT_EQ(rows[1].rfind("1,switch,core-sw1,Cisco,WS-C2960X-48FPD-L", 0), 0U) << rows[1];
}

TEST(CsvExporter, QuotesAndDefusesFormulas) {
    auto in = test::sample_site();
    in.devices[0].verdict.hostname = Finding{"=HYPERLINK(\"x\")", 1, {}};
    in.devices[0].verdict.model = Finding{"a,b", 1, {}};
    const auto docs = make_exporter(DossierFormat::kCsv)->render(in, DossierSection::kNetwork);
    const auto rows = lines(docs.at(0).content);
    EXPECT_NE(rows[1].find(",\"'=HYPERLINK(\"\"x\"\")\","), std::string::npos) << rows[1];
    EXPECT_NE(rows[1].find(",\"a,b\","), std::string::npos) << rows[1];
}

}  // namespace
}  // namespace nd
