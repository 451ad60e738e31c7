#include "collectors/snmp/walk_file.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace nd {
namespace {

const SnmpValue& at(const WalkFileResult& r, const char* oid) { return r.walk.at(*Oid::parse(oid)); }

TEST(SnmprecTest, ParsesEveryTagAndEncoding) {
    auto r = parse_snmprec(
        "1.3.6.1.2.1.1.1.0|4|Cisco IOS Software\r\n"
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208\n"
        "1.3.6.1.2.1.1.3.0|67|718475737\n"
        "1.3.6.1.2.1.2.2.1.1.1|2|-5\n"
        "1.3.6.1.2.1.2.2.1.10.1|65|12\n"
        "1.3.6.1.2.1.2.2.1.5.1|66|1000000000\n"
        "1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615\n"
        "1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1\n"
        "1.3.6.1.2.1.4.20.1.2.10.0.0.1|64x|0a000002\n"
        "1.3.6.1.2.1.1.5.0|4x|48656c6c6f\n"
        "1.3.6.1.2.1.1.6.0|4e|a\\x07b\\nc\n"
        "1.3.6.1.2.1.1.7.0|5|\n"
        "\n# comment\n");
    EXPECT_EQ(r.skipped_lines, 0u) << r.first_problem;
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.1.0").text(), "Cisco IOS Software");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.2.0").type, SnmpType::kOid);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.2.0").bytes, "1.3.6.1.4.1.9.1.1208");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.3.0").number, 718475737);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.2.2.1.1.1").number, -5);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.2.2.1.10.1").type, SnmpType::kCounter32);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.2.2.1.5.1").type, SnmpType::kGauge32);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.31.1.1.1.6.1").type, SnmpType::kCounter64);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.4.20.1.1.10.0.0.1").bytes, "10.0.0.1");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.4.20.1.2.10.0.0.1").bytes, "10.0.0.2");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.5.0").bytes, "Hello");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.6.0").bytes, std::string("a\x07"
                                                            "b\nc"));
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.7.0").type, SnmpType::kNull);
}

TEST(SnmprecTest, ToleratesTheCorpusQuirks) {
    auto r = parse_snmprec(
        "1.3.6.1.2.1.1.1.0|4|ok\n"
        "1.3.6.1.2.1.1.9.0|40|unknown tag\n"
        "1.3.6.1.2.1.1.9.1|4xx|00\n"
        "1.3.6.1.2.1.1.9.2|4x|346288XXYYZZ\n"
        "1.3.6.1.2.1.4.20.1.1.1|64|<private>\n"
        "1.3.6.1.2.1.31.1.1.1.6.1|70|\n"
        "1.3.6.1.2.1.2.2.1.10.1|65|6git3159\n"
        "1.3.6.1.2.1.4.20.1.1.10.xx.xx.100|64|10.0.0.1\n"
        "<IPADDR>|4|x\n"
        "1.3.6.1.2.1.4.22.1.2.192.168.042.240|4x|00\n"
        "1.3.6.1.2.1.1.1.0|4|duplicate wins\n"
        "no bars at all\n");
    EXPECT_EQ(r.skipped_lines, 9u);
    EXPECT_FALSE(r.first_problem.empty());
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.1.0").text(), "duplicate wins");
    EXPECT_TRUE(r.walk.contains(*Oid::parse("1.3.6.1.2.1.4.22.1.2.192.168.42.240")));  // leading zero arc
}

TEST(SnmpwalkOutputTest, ParsesNetSnmpTypes) {
    auto r = parse_snmpwalk_output(
        ".1.3.6.1.2.1.1.1.0 = STRING: \"Linux box 5.10\"\n"
        ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.8072.3.2.10\n"
        ".1.3.6.1.2.1.1.3.0 = Timeticks: (123) 0:00:01.23\n"
        ".1.3.6.1.2.1.2.2.1.8.1 = INTEGER: up(1)\n"
        ".1.3.6.1.2.1.2.2.1.10.1 = Counter32: 42\n"
        ".1.3.6.1.2.1.2.2.1.5.1 = Gauge32: 1000\n"
        ".1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 99\n"
        ".1.3.6.1.2.1.4.20.1.1.10.0.0.1 = IpAddress: 10.0.0.1\n"
        ".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 1A 2B 3C \n"
        "4D 5E \n"
        ".1.3.6.1.2.1.1.4.0 = STRING: \"first line\n"
        "second line\"\n"
        ".1.3.6.1.2.1.1.5.0 = \"\"\n"
        ".1.3.6.1.2.1.1.6.0 = No Such Object available on this agent at this OID\n"
        "IF-MIB::ifDescr.1 = STRING: eth0\n");
    EXPECT_EQ(r.skipped_lines, 1u);  // the symbolic OID
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.1.0").text(), "Linux box 5.10");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.2.0").bytes, "1.3.6.1.4.1.8072.3.2.10");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.3.0").number, 123);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.2.2.1.8.1").number, 1);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.2.2.1.10.1").number, 42);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.31.1.1.1.6.1").type, SnmpType::kCounter64);
    EXPECT_EQ(at(r, "1.3.6.1.2.1.4.20.1.1.10.0.0.1").bytes, "10.0.0.1");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.2.2.1.6.1").bytes, std::string("\x00\x1a\x2b\x3c\x4d\x5e", 6));
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.4.0").text(), "first line\nsecond line");
    EXPECT_EQ(at(r, "1.3.6.1.2.1.1.5.0").bytes, "");
    EXPECT_TRUE(at(r, "1.3.6.1.2.1.1.6.0").is_exception());
}

TEST(WalkFileTest, ReadsPlainAndGzippedFilesAndDetectsTheFormat) {
    auto dir = std::filesystem::temp_directory_path() / ("nd-walk-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream(dir / "a.snmprec") << "1.3.6.1.2.1.1.1.0|4|plain\n";
        std::ofstream(dir / "b.txt") << ".1.3.6.1.2.1.1.1.0 = STRING: \"walk | with bar\"\n";
        gzFile gz = gzopen((dir / "c.snmprec.gz").c_str(), "wb");
        const char text[] = "1.3.6.1.2.1.1.1.0|4|zipped\n";
        gzwrite(gz, text, sizeof text - 1);
        gzclose(gz);
        std::ofstream(dir / "empty.snmprec") << "garbage\n";
    }
    EXPECT_EQ(at(read_walk_file(dir / "a.snmprec"), "1.3.6.1.2.1.1.1.0").text(), "plain");
    EXPECT_EQ(at(read_walk_file(dir / "b.txt"), "1.3.6.1.2.1.1.1.0").text(), "walk | with bar");
    EXPECT_EQ(at(read_walk_file(dir / "c.snmprec.gz"), "1.3.6.1.2.1.1.1.0").text(), "zipped");
    EXPECT_THROW(read_walk_file(dir / "empty.snmprec"), std::runtime_error);
    EXPECT_THROW(read_walk_file(dir / "missing.snmprec"), std::runtime_error);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nd
