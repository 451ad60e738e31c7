#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "exporters/device_view.hpp"
#include "exporters/json_device.hpp"
#include "tests/exporters/dossier_fixture.hpp"

namespace nd {
namespace {

using nlohmann::json;

json render(DossierSection section) {
    auto exporter = make_exporter(DossierFormat::kJson);
    EXPECT_NE(exporter, nullptr);
    auto docs = exporter->render(test::sample_site(), section);
    EXPECT_EQ(docs.size(), 1U);
    return json::parse(docs.at(0).content);
}

TEST(JsonDevice, HasEveryContractFieldWithNullsForUnknowns) {
    const auto in = test::sample_site();
    const json d = device_json(in.devices[3]);  // unclassified host, registrant only
    for (const char* key : {"id", "class", "vendor", "model", "firmware", "serial", "hostname", "macs", "ips",
                            "first_seen", "last_seen", "evidence"}) {
        EXPECT_TRUE(d.contains(key)) << key;
    }
    EXPECT_EQ(d["id"], 4);
    EXPECT_EQ(d["class"], "unknown");
    EXPECT_EQ(d["vendor"], "Realtek | weird_name *bold*");  // the IEEE registrant until fingerprinted
    EXPECT_TRUE(d["model"].is_null());
    EXPECT_TRUE(d["firmware"].is_null());
    EXPECT_TRUE(d["serial"].is_null());
    EXPECT_TRUE(d["hostname"].is_null());
    EXPECT_EQ(d["macs"], json::array({"52:54:00:12:34:56"}));
    EXPECT_EQ(d["ips"], json::array({"198.18.0.40"}));
    EXPECT_EQ(d["first_seen"], "2026-11-20T08:00:00.000Z");
    EXPECT_TRUE(d["evidence"].is_array());
}

TEST(JsonDevice, NeverEmitsEmptyStrings) {
    auto in = test::sample_site();
    in.devices[0].verdict.model = Finding{"", 0.1, {}};
    in.devices[0].verdict.hostname.reset();
    const json d = device_json(in.devices[0]);
    EXPECT_TRUE(d["model"].is_null());
    EXPECT_TRUE(d["hostname"].is_null());
    for (const auto& [key, value] : d.items())
        EXPECT_FALSE(value.is_string() && value.get<std::string>().empty()) << key;
}

TEST(JsonDevice, EvidenceExplainsTheVerdict) {
    const json d = device_json(test::sample_site().devices[0]);
    bool class_entry = false, model_entry = false;
    for (const auto& e : d["evidence"]) {
        if (e["attribute"] == "class") class_entry = e["value"] == "switch";
        if (e["attribute"] == "model")
            model_entry = e["value"] == "WS-C2960X-48FPD-L" && e["reasons"].size() == 1;
    }
    EXPECT_TRUE(class_entry);
    EXPECT_TRUE(model_entry);
}

TEST(JsonExporter, WholeDossierFollowsTheContract) {
    const json doc = render(DossierSection::kAll);
    EXPECT_EQ(doc["generated"], "2026-11-22T09:00:00.000Z");
    EXPECT_EQ(doc["site"], "Müller & Söhne | Zentrale");
    ASSERT_EQ(doc["devices"].size(), 5U);
    std::vector<std::string> classes;
    for (const auto& d : doc["devices"]) classes.push_back(d["class"]);
    EXPECT_EQ(classes, (std::vector<std::string>{"switch", "printer", "voip-phone", "unknown", "unknown"}));
    EXPECT_EQ(doc["scan"]["id"], 2);
    ASSERT_EQ(doc["changes"].size(), 1U);  // only the last scan's
    EXPECT_EQ(doc["changes"][0]["kind"], "ip-changed");
    EXPECT_EQ(doc["subnets"].size(), 2U);
}

TEST(JsonExporter, OneDevicePerLine) {
    auto exporter = make_exporter(DossierFormat::kJson);
    const auto docs = exporter->render(test::sample_site(), DossierSection::kAll);
    ASSERT_EQ(docs.size(), 1U);
    const json doc = json::parse(docs.front().content);
    ASSERT_FALSE(doc.at("devices").empty());
    std::size_t device_lines = 0;
    std::istringstream lines(docs.front().content);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("    {\"annotations\":", 0) == 0) ++device_lines;  // keys are sorted
    }
    EXPECT_EQ(device_lines, doc.at("devices").size());
}

TEST(JsonExporter, SectionsHoldOnlyTheirDevices) {
    const json network = render(DossierSection::kNetwork);
    ASSERT_EQ(network["devices"].size(), 3U);  // switch and the two unclassified hosts
    EXPECT_EQ(network["devices"][0]["class"], "switch");
    EXPECT_EQ(render(DossierSection::kPrinting)["devices"].size(), 1U);
    EXPECT_EQ(render(DossierSection::kUserEquipment)["devices"][0]["class"], "voip-phone");
    EXPECT_TRUE(render(DossierSection::kChanges)["devices"].empty());
}

TEST(JsonExporter, EmptyStoreGivesAValidDocument) {
    DossierInput in;
    in.generated = Clock::now();
    const auto docs = make_exporter(DossierFormat::kJson)->render(in, DossierSection::kAll);
    const json doc = json::parse(docs.at(0).content);
    EXPECT_TRUE(doc["site"].is_null());
    EXPECT_TRUE(doc["devices"].empty());
    EXPECT_TRUE(doc["scan"].is_null());
    EXPECT_EQ(docs[0].file_name, "dossier.json");
}

TEST(ExporterRegistry, FormatsAndSectionsByName) {
    EXPECT_EQ(format_from_string("json"), DossierFormat::kJson);
    EXPECT_EQ(format_from_string("md"), DossierFormat::kMarkdown);
    EXPECT_EQ(format_from_string("markdown"), DossierFormat::kMarkdown);
    EXPECT_EQ(format_from_string("csv"), DossierFormat::kCsv);
    EXPECT_EQ(format_from_string("pdf"), std::nullopt);
    EXPECT_EQ(section_from_string("user-equipment"), DossierSection::kUserEquipment);
    EXPECT_EQ(section_from_string("everything"), std::nullopt);
}

}  // namespace
}  // namespace nd
