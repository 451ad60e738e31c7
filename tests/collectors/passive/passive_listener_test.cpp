#include "collectors/passive/passive_listener.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "collectors/passive/pcap_file_channel.hpp"

namespace nd {
namespace {

struct VectorSink : ObservationSink {
    void emit(Observation o) override { observations.push_back(std::move(o)); }
    std::vector<Observation> observations;
    std::vector<const Observation*> from(std::string_view source) const {
        std::vector<const Observation*> out;
        for (const auto& o : observations) {
            if (o.source == source) out.push_back(&o);
        }
        return out;
    }
};

std::string capture(const char* name) {
    return std::string{NETDOSSIER_SOURCE_DIR} + "/tests/captures/" + name;
}

TEST(PassiveListener, KnowsThePhoneFromLldpMedAndCdp) {
    PcapFileChannel channel{capture("lldp-med-cdp.pcap"), passive_filter()};
    VectorSink sink;
    PassiveListener listener{channel, sink};
    listener.poll();
    EXPECT_TRUE(channel.exhausted());
    const auto lldp = sink.from("lldp");
    ASSERT_FALSE(lldp.empty());
    const auto& phone = *lldp.front();
    EXPECT_EQ(phone.evidence.mac->to_string(), "00:04:f2:64:16:7f");
    EXPECT_EQ(phone.evidence.ips, std::vector<Ipv4Address>{*Ipv4Address::parse("198.18.99.41")});
    EXPECT_EQ(phone.evidence.hostnames, std::vector<std::string>{"Polycom_64167f1c883e"});
    ASSERT_EQ(phone.evidence.lldp.size(), 1U);
    EXPECT_EQ(phone.evidence.lldp[0].med_device_class, 3);
    EXPECT_EQ(phone.evidence.lldp[0].med_voice_vlan, 100);
    const auto cdp = sink.from("cdp");
    ASSERT_EQ(cdp.size(), 1U);
    EXPECT_EQ(cdp[0]->evidence.cdp.at(0).platform, "VVX 411");
    EXPECT_EQ(listener.stats().malformed, 0U);
}

TEST(PassiveListener, ListsAvahiPrinterServices) {
    PcapFileChannel channel{capture("mdns-printer.pcap"), passive_filter()};
    VectorSink sink;
    PassiveListener listener{channel, sink};
    listener.poll();
    std::vector<std::string> types;
    for (const auto* o : sink.from("mdns")) {
        EXPECT_EQ(o->evidence.ips, std::vector<Ipv4Address>{*Ipv4Address::parse("198.18.99.41")});
        for (const auto& s : o->evidence.mdns) types.push_back(s.type);
    }
    for (const auto* type : {"_ipp._tcp", "_printer._tcp", "_pdl-datastream._tcp"}) {
        EXPECT_NE(std::find(types.begin(), types.end(), type), types.end()) << type;
    }
    EXPECT_EQ(listener.stats().malformed, 0U);
}

TEST(PassiveListener, DhcpGratuitousArpAndMalformedFrames) {
    PcapFileChannel channel{capture("dhcp-garp.pcap"), passive_filter()};
    VectorSink sink;
    PassiveListener listener{channel, sink};
    listener.poll();
    const auto dhcp = sink.from("dhcp");
    ASSERT_EQ(dhcp.size(), 1U);
    EXPECT_EQ(dhcp[0]->evidence.mac->to_string(), "3c:52:82:11:22:33");
    EXPECT_EQ(dhcp[0]->evidence.hostnames, std::vector<std::string>{"DESKTOP-123"});
    ASSERT_TRUE(dhcp[0]->evidence.dhcp);
    EXPECT_EQ(dhcp[0]->evidence.dhcp->vendor_class, "MSFT 5.0");
    EXPECT_EQ(dhcp[0]->evidence.dhcp->message_type, 1);
    EXPECT_EQ(dhcp[0]->evidence.dhcp->parameter_request_list.size(), 14U);

    const auto arp = sink.from("arp-passive");
    ASSERT_EQ(arp.size(), 1U);  // the ordinary request is filtered out; the repeat is suppressed
    EXPECT_EQ(arp[0]->evidence.ips, std::vector<Ipv4Address>{*Ipv4Address::parse("198.18.1.60")});

    const auto lldp = sink.from("lldp");
    ASSERT_EQ(lldp.size(), 1U);  // the VLAN-tagged one; the truncated one is counted
    EXPECT_EQ(lldp[0]->evidence.hostnames, std::vector<std::string>{"sw-core"});
    EXPECT_EQ(listener.stats().malformed, 1U);
    EXPECT_EQ(listener.stats().suppressed, 1U);
}

TEST(PassiveListener, DhcpOptionOverloadFromACapture) {
    // Written by tests/captures/make_sweep_captures.py: options in the file and sname fields (option 52).
    PcapFileChannel channel{capture("dhcp-overload.pcap"), passive_filter()};
    VectorSink sink;
    PassiveListener listener{channel, sink};
    listener.poll();
    const auto dhcp = sink.from("dhcp");
    ASSERT_EQ(dhcp.size(), 1U);  // the second request's option 52 is malformed: counted and dropped
    EXPECT_EQ(dhcp[0]->evidence.mac->to_string(), "00:1b:a9:00:00:21");
    EXPECT_EQ(dhcp[0]->evidence.hostnames, std::vector<std::string>{"printer-01"});
    ASSERT_TRUE(dhcp[0]->evidence.dhcp);
    EXPECT_EQ(dhcp[0]->evidence.dhcp->vendor_class, "HP-JetDirec");
    EXPECT_EQ(dhcp[0]->evidence.dhcp->parameter_request_list, (std::vector<std::uint8_t>{1, 3, 15, 6}));
    EXPECT_EQ(listener.stats().malformed, 1U);
}

TEST(PassiveListener, RepeatIntervalReemitsUnchangedAnnouncements) {
    PcapFileChannel channel{capture("dhcp-garp.pcap"), passive_filter()};
    VectorSink sink;
    PassiveOptions options;
    options.repeat_interval = std::chrono::seconds{0};
    PassiveListener listener{channel, sink, options};
    listener.poll();
    EXPECT_EQ(sink.from("arp-passive").size(), 2U);
}

TEST(PassiveListener, BadCaptureFileIsAClearError) {
    try {
        PcapFileChannel channel{capture("no-such.pcap"), passive_filter()};
        FAIL() << "expected an error";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string{e.what()}.find("no-such.pcap"), std::string::npos);
    }
}

TEST(FrameObserver, GarbageIsCountedNeverThrown) {
    PassiveStats stats;
    const std::vector<std::uint8_t> junk(7, 0xff);
    EXPECT_FALSE(observe_frame(junk, {}, stats));
    EXPECT_EQ(stats.malformed, 1U);
}

}  // namespace
}  // namespace nd
