// Runs the fingerprint report over ../shared/corpus (the dev sets): the issue's targets and, above them,
// floors at the measured figures guard against regressions.
#include "fingerprint/report/corpus_report.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
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
    const auto corpora = load_corpora(NETDOSSIER_CORPUS_DIR);
    for (const auto& corpus : corpora) reports.push_back(score_corpus(engine, corpus));
    // Every labelled item names its family, for the leave-out scores (LibreNMS os, recog fingerprint).
    for (const auto& corpus : corpora) {
        if (!corpus.name.starts_with("librenms") && !corpus.name.starts_with("recog")) continue;
        for (const auto& d : corpus.devices) EXPECT_FALSE(d.family.empty()) << corpus.name << " " << d.id;
    }
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
            EXPECT_GE(accuracy(r, "class"), at_least(1313, 1343));
            EXPECT_GE(accuracy(r, "model"), at_least(648, 709));
            EXPECT_GE(accuracy(r, "firmware"), at_least(665, 699));
            EXPECT_GE(accuracy(r, "serial"), at_least(395, 411));
        }
        if (r.corpus == "recog-dev") {
            EXPECT_EQ(r.devices, 1486u);
            // 1054, not 1055: recog labels every Comware banner a switch, the MSR36-60 router's too
            // (snmp_sysdescr:1e0c02627f7d:10); the engine names it a router, as HPE sells it.
            EXPECT_GE(accuracy(r, "class"), at_least(1054, 1074));
            EXPECT_GE(accuracy(r, "vendor"), at_least(1433, 1453));
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

// Two recordings of one family share a family rule; one of them also has a rule of its own (it fires on
// that file alone), and a third family has one recording.
struct LeaveOutCorpus {
    std::filesystem::path rules =
        std::filesystem::temp_directory_path() / ("nd-leave-out-" + std::to_string(::getpid()));
    Corpus corpus{"unit-dev", {}, 0};
    LeaveOutCorpus() {
        std::filesystem::create_directories(rules);
        std::ofstream(rules / "widgets.toml") << R"(
[[rule]]
id = "widget-family"
why = "the Widget OS banner"
class = "switch"
when.sys_descr = '^Widget OS'

[[rule]]
id = "widget-one-serial"
why = "a serial object only one recording has"
from.serial = ["1.3.6.1.4.1.99999.1.0"]
when.oid_present = ["1.3.6.1.4.1.99999.1.0"]
)";
        add("widget-a", "widgetos", "Widget OS 1.0", "SER-A");
        add("widget-b", "widgetos", "Widget OS 2.0", "");
        add("gadget", "gadgetos", "Widget OS 3.0", "");
    }
    ~LeaveOutCorpus() {
        std::error_code ec;
        std::filesystem::remove_all(rules, ec);
    }
    void add(const std::string& id, const std::string& family, const std::string& descr,
             const std::string& serial) {
        LabelledDevice d;
        d.id = id;
        d.family = family;
        d.evidence.snmp[*Oid::parse("1.3.6.1.2.1.1.1.0")] = SnmpValue{SnmpType::kOctetString, descr, 0};
        if (!serial.empty()) {
            d.evidence.snmp[*Oid::parse("1.3.6.1.4.1.99999.1.0")] =
                SnmpValue{SnmpType::kOctetString, serial, 0};
        }
        d.classes = {DeviceClass::kSwitch};
        d.serial = serial;
        corpus.devices.push_back(d);
    }
};

const FieldScore& field(const CorpusReport& r, const std::string& name) {
    for (const auto& s : r.scores) {
        if (s.field == name) return s;
    }
    throw std::runtime_error("no field " + name);
}

TEST(CorpusReportTest, LeaveRecordingsOutScoresSeenFamiliesWithoutOneFileRules) {
    LeaveOutCorpus c;
    auto engine = FingerprintEngine::load({c.rules});
    EXPECT_EQ(field(score_corpus(engine, c.corpus), "serial").correct, 1u);
    auto report = score_leave_recordings_out(engine, c.corpus);
    EXPECT_EQ(report.corpus, "unit-dev leave-recordings-out");
    EXPECT_EQ(report.devices, 2u);                   // the one-recording family is left to leave-families-out
    EXPECT_EQ(field(report, "class").correct, 2u);   // the family rule fires on both recordings
    EXPECT_EQ(field(report, "serial").correct, 0u);  // widget-a's own rule is dropped
    EXPECT_FALSE(field(report, "class").target);
}

TEST(CorpusReportTest, ADeviceWithoutAFamilyIsAFamilyOfItsOwn) {
    // Two unlabelled-family devices share the banner rule: it fires on two families, so it stays.
    LeaveOutCorpus c;
    c.corpus.devices.clear();
    c.add("loose-a", "", "Widget OS 1.0", "");
    c.add("loose-b", "", "Widget OS 2.0", "");
    auto engine = FingerprintEngine::load({c.rules});
    EXPECT_EQ(field(score_leave_families_out(engine, c.corpus), "class").correct, 2u);
    EXPECT_EQ(score_leave_recordings_out(engine, c.corpus).devices, 0u);  // no seen family among them
}

TEST(CorpusReportTest, LeaveFamiliesOutDropsRulesOfOneFamily) {
    LeaveOutCorpus c;
    auto engine = FingerprintEngine::load({c.rules});
    auto report = score_leave_families_out(engine, c.corpus);
    EXPECT_EQ(report.devices, 3u);
    // The banner rule fires on two families and stays; the serial rule fires on widgetos alone.
    EXPECT_EQ(field(report, "class").correct, 3u);
    EXPECT_EQ(field(report, "serial").correct, 0u);
}

}  // namespace
}  // namespace nd::fp
