#include <gtest/gtest.h>

#include "exporters/csv.hpp"
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

TEST(CsvField, Rfc4180AndFormulaGuard) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a\"b"), "\"a\"\"b\"");
    EXPECT_EQ(csv_field("line\r\nbreak"), "\"line\r\nbreak\"");
    EXPECT_EQ(csv_field("=1+1"), "'=1+1");
    EXPECT_EQ(csv_field("+49 30"), "'+49 30");
    EXPECT_EQ(csv_field("-cmd"), "'-cmd");
    EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_field("\t=1"), "'\t=1");
    EXPECT_EQ(csv_field("M\xc3\xbcller"), "M\xc3\xbcller");  // UTF-8 stays as it is
}

TEST(CsvExporter, PrintingHasConnectSuppliesAndAnnotations) {
    auto in = test::sample_site();
    in.devices[1].annotations["owner"] = "Frau Gr\xc3\xbc\xc3\x9f";
    const auto docs = make_exporter(DossierFormat::kCsv)->render(in, DossierSection::kPrinting);
    const auto rows = lines(docs.at(0).content);
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_NE(rows[0].find(",location,location_discovered,switch,switch_port,vlan,notes,"), std::string::npos)
        << rows[0];
    EXPECT_NE(rows[0].find(",connect,supplies,pages,status"), std::string::npos);
    EXPECT_NE(rows[1].find("ipp://198.18.0.20:631/ipp/print socket://198.18.0.20:9100"), std::string::npos)
        << rows[1];
    EXPECT_NE(rows[1].find("\"Floor 2\nnext to the kitchen\""), std::string::npos) << rows[1];
    EXPECT_NE(rows[1].find("owner: Frau Gr\xc3\xbc\xc3\x9f"), std::string::npos);
}

}  // namespace
}  // namespace nd
