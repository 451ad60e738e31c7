#include "collectors/mdns/mdns_browser.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "collectors/mdns/mdns_query.hpp"
#include "tests/collectors/mdns/fake_datagram_channel.hpp"

namespace nd {
namespace {

struct VectorSink : ObservationSink {
    void emit(Observation o) override { observations.push_back(std::move(o)); }
    std::vector<Observation> observations;
};

const Ipv4Address kPrinter = *Ipv4Address::parse("198.18.1.31");
const Ipv4Address kNas = *Ipv4Address::parse("198.18.1.50");

bool asks(const std::vector<std::uint8_t>& query, const std::string& name) {
    const auto m = packets::decode_mdns(query);
    return m.ok() && std::find(m->questions.begin(), m->questions.end(), name) != m->questions.end();
}

// Two responders: a printer that answers a PTR browse without additional records (so SRV, TXT and A
// must be asked for), and a NAS that sends everything at once.
std::vector<test::ScriptedAnswer> site(const std::vector<std::uint8_t>& query) {
    std::vector<test::ScriptedAnswer> out;
    if (asks(query, "_services._dns-sd._udp.local")) {
        out.push_back({std::chrono::milliseconds{40}, kPrinter,
                       test::dns_response({"_services._dns-sd._udp.local. PTR _ipp._tcp.local.",
                                           "_services._dns-sd._udp.local. PTR _printer._tcp.local."})});
        out.push_back({std::chrono::milliseconds{90}, kNas,
                       test::dns_response({"_services._dns-sd._udp.local. PTR _smb._tcp.local."})});
    }
    if (asks(query, "_ipp._tcp.local")) {
        out.push_back({std::chrono::milliseconds{30}, kPrinter,
                       test::dns_response({"_ipp._tcp.local. PTR HP\\ LaserJet\\ v2\\.1._ipp._tcp.local."})});
    }
    if (asks(query, "HP LaserJet v2.1._ipp._tcp.local")) {
        out.push_back(
            {std::chrono::milliseconds{20}, kPrinter,
             test::dns_response({"HP\\ LaserJet\\ v2\\.1._ipp._tcp.local. SRV 0 0 631 NPI952EA0.local.",
                                 "HP\\ LaserJet\\ v2\\.1._ipp._tcp.local. TXT \"ty=HP LaserJet\" "
                                 "\"usb_MDL=M130\" \"note=Reception\""})});
    }
    if (asks(query, "NPI952EA0.local")) {
        out.push_back({std::chrono::milliseconds{20}, kPrinter,
                       test::dns_response({"NPI952EA0.local. A 198.18.1.31"})});
    }
    if (asks(query, "_smb._tcp.local")) {
        out.push_back({std::chrono::milliseconds{25}, kNas,
                       test::dns_response({"_smb._tcp.local. PTR nas._smb._tcp.local.",
                                           "nas._smb._tcp.local. SRV 0 0 445 nas.local.",
                                           "nas._smb._tcp.local. TXT \"\"", "nas.local. A 198.18.1.50"})});
        out.push_back({std::chrono::milliseconds{26}, kNas, {0x00, 0x01, 0x02}});  // garbage
    }
    return out;
}

TEST(MdnsBrowser, FollowsPtrSrvTxtAndAPerResponder) {
    test::FakeDatagramChannel channel{site};
    VectorSink sink;
    MdnsBrowser browser{channel, {}};
    const auto start = channel.now();
    const auto result = browser.browse(sink);
    EXPECT_LE(channel.now() - start, MdnsBrowseOptions{}.timeout);
    EXPECT_EQ(result.responders, 2U);
    EXPECT_GE(result.stats.malformed, 1U);
    ASSERT_EQ(sink.observations.size(), 2U);

    const auto& printer = sink.observations[0];
    EXPECT_EQ(printer.source, "mdns");
    EXPECT_EQ(printer.evidence.ips, std::vector<Ipv4Address>{kPrinter});
    EXPECT_EQ(printer.evidence.hostnames, std::vector<std::string>{"NPI952EA0.local"});
    ASSERT_EQ(printer.evidence.mdns.size(), 1U);
    const auto& ipp = printer.evidence.mdns[0];
    EXPECT_EQ(ipp.instance, "HP LaserJet v2.1._ipp._tcp.local");
    EXPECT_EQ(ipp.type, "_ipp._tcp");
    EXPECT_EQ(ipp.host, "NPI952EA0.local");
    EXPECT_EQ(ipp.port, 631);
    EXPECT_EQ(ipp.txt.at("usb_mdl"), "M130");
    EXPECT_EQ(ipp.txt.at("note"), "Reception");

    const auto& nas = sink.observations[1];
    EXPECT_EQ(nas.evidence.ips, std::vector<Ipv4Address>{kNas});
    ASSERT_EQ(nas.evidence.mdns.size(), 1U);
    EXPECT_EQ(nas.evidence.mdns[0].port, 445);
}

TEST(MdnsBrowser, QueriesGoToTheGroupWithTheUnicastResponseBit) {
    test::FakeDatagramChannel channel{site};
    VectorSink sink;
    MdnsBrowser{channel, {}}.browse(sink);
    ASSERT_GE(channel.sent.size(), 2U);
    for (const auto& [to, port] : channel.destinations) {
        EXPECT_EQ(to.to_string(), "224.0.0.251");
        EXPECT_EQ(port, 5353);
    }
    const auto& first = channel.sent.front();
    ASSERT_GE(first.size(), 12U + 4U);
    // Question class is the last two bytes of the first question: IN with the QU bit.
    EXPECT_EQ(first[first.size() - 2], 0x80);
    EXPECT_EQ(first[first.size() - 1], 0x01);
    EXPECT_TRUE(asks(first, "_services._dns-sd._udp.local"));
}

TEST(MdnsBrowser, SilentLinkEndsQuicklyWithNothing) {
    test::FakeDatagramChannel channel{[](const auto&) { return std::vector<test::ScriptedAnswer>{}; }};
    VectorSink sink;
    const auto start = channel.now();
    const auto result = MdnsBrowser{channel, {}}.browse(sink);
    EXPECT_TRUE(sink.observations.empty());
    EXPECT_EQ(result.stats.sent, 2U);  // the enumeration query, sent twice
    EXPECT_LT(channel.now() - start, std::chrono::seconds{1});
}

TEST(MdnsBrowser, ChattyResponderCannotExtendTheBrowseBeyondTheTimeout) {
    // Answers every query with 200 datagrams 10 ms apart.
    test::FakeDatagramChannel channel{[](const auto&) {
        std::vector<test::ScriptedAnswer> out;
        for (int i = 0; i < 200; ++i) {
            out.push_back({std::chrono::milliseconds{10 * i}, kNas,
                           test::dns_response({"_services._dns-sd._udp.local. PTR _x" + std::to_string(i) +
                                               "._tcp.local."})});
        }
        return out;
    }};
    VectorSink sink;
    MdnsBrowseOptions options;
    options.timeout = std::chrono::milliseconds{1500};
    const auto start = channel.now();
    MdnsBrowser{channel, options}.browse(sink);
    EXPECT_LE(channel.now() - start, std::chrono::milliseconds{1500});
}

TEST(MdnsQuery, InstanceLabelKeepsItsDots) {
    const auto q = instance_question("HP LaserJet v2.1._ipp._tcp.local", "_ipp._tcp", kDnsTypeSrv);
    EXPECT_EQ(q.labels, (std::vector<std::string>{"HP LaserJet v2.1", "_ipp", "_tcp", "local"}));
    EXPECT_TRUE(build_mdns_query({{{std::string(64, 'a'), "local"}, kDnsTypeA}}, false).empty());
    const auto wire = build_mdns_query({q}, false, 7);
    const auto decoded = packets::decode_mdns(wire);
    ASSERT_TRUE(decoded.ok());
    EXPECT_FALSE(decoded->response);
    EXPECT_EQ(decoded->id, 7);
}

}  // namespace
}  // namespace nd
