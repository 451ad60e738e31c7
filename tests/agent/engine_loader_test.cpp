// identify's background rule loader: the engine it hands over is the one the folders give, a classification
// ahead changes nothing in the verdict, it never hangs (no answer, caller gone) and a bad rule file is
// still an exit-2 error naming the file.
#include "agent/commands/engine_loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "agent/commands/command.hpp"

namespace nd {
namespace {

namespace fs = std::filesystem;

class EngineLoaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nd-engine-loader-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "rules");
        std::ofstream(dir_ / "rules" / "a.toml")
            << "[[rule]]\nid = \"acme-printer\"\nwhy = \"sysDescr says Acme printer\"\nclass = \"printer\"\n"
               "class_weight = 0.9\nvendor = \"Acme\"\nmodel = \"{model}\"\n"
               "when.sys_descr = 'Acme (?P<model>P\\d+) printer'\n";
        if (const char* old = std::getenv("NETDOSSIER_CACHE_DIR")) saved_cache_dir_ = old;
        ::setenv("NETDOSSIER_CACHE_DIR", "", 1);  // no cache: the test reads its own folder only
    }
    void TearDown() override {
        if (saved_cache_dir_) {
            ::setenv("NETDOSSIER_CACHE_DIR", saved_cache_dir_->c_str(), 1);
        } else {
            ::unsetenv("NETDOSSIER_CACHE_DIR");
        }
        fs::remove_all(dir_);
    }
    std::vector<std::string> rules() const { return {(dir_ / "rules").string()}; }
    static SnmpWalk system(const std::string& descr) {
        SnmpWalk w;
        w[*Oid::parse("1.3.6.1.2.1.1.1.0")] = {SnmpType::kOctetString, descr, 0};
        return w;
    }
    fs::path dir_;
    std::optional<std::string> saved_cache_dir_;
};

TEST_F(EngineLoaderTest, ClassifyingAheadLeavesTheVerdictAlone) {
    BackgroundEngineLoader loader(rules());
    loader.classify_ahead(system("Acme P200 printer"));
    loader.classify_ahead(system("something else"));  // only the first counts
    const FingerprintEngine engine = loader.get();
    EXPECT_EQ(engine.rule_count(), 1U);
    DeviceEvidence device;
    device.snmp = system("Acme P200 printer");
    const Verdict v = engine.classify(device);
    EXPECT_EQ(v.device_class, DeviceClass::kPrinter);
    ASSERT_TRUE(v.model);
    EXPECT_EQ(v.model->value, "P200");
}

TEST_F(EngineLoaderTest, NoAnswerAndNoCallerNeverHang) {
    // On a thread of its own, so that a hang fails the test after 30 s instead of stalling the run.
    auto done = std::make_shared<std::promise<std::size_t>>();
    std::thread([rules = rules(), done] {
        std::size_t counted = 0;
        {
            BackgroundEngineLoader loader(rules);
            counted += loader.get().rule_count();  // nothing to classify ahead: get() does not wait for it
        }
        { BackgroundEngineLoader abandoned(rules); }  // the caller threw before get(): the destructor joins
        BackgroundEngineLoader late(rules);
        const FingerprintEngine engine = late.get();
        SnmpWalk system;
        system[*Oid::parse("1.3.6.1.2.1.1.1.0")] = {SnmpType::kOctetString, "Acme P200 printer", 0};
        late.classify_ahead(system);  // after get(): ignored
        done->set_value(counted + engine.rule_count());
    }).detach();
    auto result = done->get_future();
    ASSERT_EQ(result.wait_for(std::chrono::seconds(30)), std::future_status::ready) << "the loader hung";
    EXPECT_EQ(result.get(), 2U);
}

// The walk's plan asks for the rules' reads before anything is classified, as often as it likes.
TEST_F(EngineLoaderTest, RuleReadsArePublishedAsSoonAsTheRulesLoad) {
    std::ofstream(dir_ / "rules" / "c.toml") << "[[rule]]\nid = \"acme-serial\"\nwhen.enterprise = [77777]\n"
                                                "from.serial = [\"1.3.6.1.4.1.77777.3.1.0\"]\n";
    BackgroundEngineLoader loader(rules());
    const SnmpReads reads = loader.snmp_reads();  // no classify_ahead, no get(): must not wait for them
    ASSERT_TRUE(reads.by_maker.contains(77777));
    EXPECT_EQ(reads.by_maker.at(77777).at(0).subtree, *Oid::parse("1.3.6.1.4.1.77777.3.1.0"));
    EXPECT_EQ(loader.snmp_reads().by_maker.size(), reads.by_maker.size());
    EXPECT_NO_THROW((void)loader.get());
}

TEST_F(EngineLoaderTest, BadRuleFileIsAnExitTwoErrorNamingIt) {
    std::ofstream(dir_ / "rules" / "b.toml") << "[[rule]]\nid = \"b\"\nclass = \"server\n";
    BackgroundEngineLoader loader(rules());
    EXPECT_TRUE(loader.snmp_reads().by_maker.empty());  // the walk goes on with the standard MIBs
    loader.classify_ahead(system("Acme P200 printer"));
    try {
        (void)loader.get();
        ADD_FAILURE() << "a broken rule file loaded";
    } catch (const CommandError& e) {
        EXPECT_EQ(e.exit_code, 2);
        EXPECT_THAT(e.message, ::testing::HasSubstr("b.toml:3"));
    }
}

}  // namespace
}  // namespace nd
