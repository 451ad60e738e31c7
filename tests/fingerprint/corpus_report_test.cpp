// Runs the fingerprint report over ../shared/corpus (the dev sets): the targets and, above them,
// floors at the measured figures guard against regressions.
#include "fingerprint/report/corpus_report.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "fingerprint/engine.hpp"

namespace nd::fp {
namespace {

double accuracy(const CorpusReport& r, const std::string& field) {
    for (const auto& s : r.scores) {
        if (s.field == field) return s.accuracy();
    }
    return -1;
}

TEST(CorpusReportTest, DevCorporaScoreAboveTheirFloors) {
    if (!std::filesystem::exists(NETDOSSIER_CORPUS_DIR "/librenms-dev/labels.jsonl"))
        GTEST_SKIP() << "corpus not present";
    auto start = std::chrono::steady_clock::now();
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    std::vector<CorpusReport> reports;
    for (const auto& corpus : load_corpora(NETDOSSIER_CORPUS_DIR))
        reports.push_back(score_corpus(engine, corpus));
    print_report(std::cout, reports, 0);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "corpus report took " << seconds << " s\n";
    EXPECT_LT(seconds, 100.0);

    // The issue-4 targets (librenms-dev class 97 / model 90 / firmware 90 / serial 95; recog-dev class and
    // vendor 97, product and version 95) are met on the dev sets and asserted; the floors are the measured
    // figures above them, so a change that lowers any figure fails here: raise a floor with every gain.
    auto at_least = [](std::size_t correct, std::size_t total) {
        return static_cast<double>(correct) / static_cast<double>(total) - 1e-9;
    };
    for (const auto& r : reports) {
        if (r.corpus == "librenms-dev") {
            EXPECT_EQ(r.devices, 1343u);
            EXPECT_GE(accuracy(r, "class"), at_least(1312, 1343));
            EXPECT_GE(accuracy(r, "model"), at_least(647, 709));
            EXPECT_GE(accuracy(r, "firmware"), at_least(663, 699));
            EXPECT_GE(accuracy(r, "serial"), at_least(395, 411));
        }
        if (r.corpus == "recog-dev") {
            EXPECT_EQ(r.devices, 1486u);
            EXPECT_GE(accuracy(r, "class"), at_least(1055, 1074));
            EXPECT_GE(accuracy(r, "vendor"), at_least(1422, 1453));
            EXPECT_GE(accuracy(r, "model"), at_least(857, 882));
            EXPECT_GE(accuracy(r, "firmware"), at_least(764, 773));
        }
        EXPECT_TRUE(r.passed()) << r.corpus << " misses an issue-4 target";
    }
}

TEST(CorpusReportTest, MatchingIsNormalised) {
    EXPECT_TRUE(model_matches("DCS-7048T-A", "DCS7048TA", ""));
    EXPECT_TRUE(model_matches("Juniper MX80", "mx80", "Juniper Networks"));
    EXPECT_FALSE(model_matches("MX80", "", ""));
    EXPECT_TRUE(version_matches("CAT9K_IOSXE 17.15.1", "17.15.1"));
    EXPECT_FALSE(version_matches("17.15.1", "16.9.4"));
    EXPECT_TRUE(serial_matches("FOC-1234 x", "foc1234X"));
    EXPECT_TRUE(serial_matches("e8:27:25:0:0:0", "e8:27:25:00:00:00"));
    EXPECT_TRUE(serial_matches("AC-CC-8E-0A-0B-0C", "ac:cc:8e:a:b:c"));
    EXPECT_FALSE(serial_matches("e8:27:25:0:0:1", "e8:27:25:00:00:00"));
    EXPECT_FALSE(serial_matches("FOC1234", "FOC12345"));
    EXPECT_FALSE(serial_matches("FOC1234", ""));
}

TEST(CorpusReportTest, MissesAreGroupedByEnterprise) {
    // An unnamed product of an unknown maker: the model miss carries its enterprise number, and the report
    // sums misses per enterprise (which maker's registry would pay off most).
    Corpus corpus{"unit-dev", {}, 0};
    LabelledDevice d;
    d.id = "widget";
    d.evidence.snmp[*Oid::parse("1.3.6.1.2.1.1.2.0")] = SnmpValue{SnmpType::kOid, "1.3.6.1.4.1.99999.7.1", 0};
    d.model = "Widget 7";
    corpus.devices.push_back(d);
    auto engine = FingerprintEngine::load({NETDOSSIER_SOURCE_DIR "/fingerprint/data"});
    auto report = score_corpus(engine, corpus);
    const FieldScore* model = nullptr;
    for (const auto& s : report.scores) {
        if (s.field == "model") model = &s;
    }
    ASSERT_NE(model, nullptr);
    ASSERT_EQ(model->misses.size(), 1u);
    EXPECT_EQ(model->misses[0].enterprise, "99999");
    std::ostringstream out;
    print_report(out, {report}, 5);
    EXPECT_NE(out.str().find("model misses by enterprise: 99999 1"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace nd::fp
