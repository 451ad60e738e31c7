// Discovery breadth on the small site, from inside the scanner namespace: the ICMP sweep finds the
// hosts on the routed subnet, the DNS-SD browse lists the printer's services with their TXT keys,
// and the passive listener knows the phones from LLDP-MED. Each is checked against the ground truth.
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "collectors/icmp/icmp_sweep.hpp"
#include "collectors/icmp/raw_icmp_channel.hpp"
#include "collectors/mdns/mdns_browser.hpp"
#include "collectors/mdns/udp_channel.hpp"
#include "collectors/passive/passive_listener.hpp"
#include "collectors/passive/pcap_listen_channel.hpp"
#include "storage/store.hpp"
#include "tests/integration/lab_fixture.hpp"

namespace nd::lab {
namespace {

// Moves this thread into a lab namespace for the guard's lifetime: sockets opened meanwhile live there.
class NetnsGuard {
public:
    explicit NetnsGuard(const std::string& netns) {
        original_ = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        const int target = ::open(("/var/run/netns/" + netns).c_str(), O_RDONLY | O_CLOEXEC);
        entered_ = original_ >= 0 && target >= 0 && ::setns(target, CLONE_NEWNET) == 0;
        if (target >= 0) ::close(target);
    }
    ~NetnsGuard() {
        if (entered_) (void)::setns(original_, CLONE_NEWNET);
        if (original_ >= 0) ::close(original_);
    }
    NetnsGuard(const NetnsGuard&) = delete;
    NetnsGuard& operator=(const NetnsGuard&) = delete;
    bool entered() const { return entered_; }

private:
    int original_ = -1;
    bool entered_ = false;
};

struct VectorSink : ObservationSink {
    void emit(Observation o) override { observations.push_back(std::move(o)); }
    std::vector<Observation> observations;
};

using Discovery = SmallLabTest;

TEST_F(Discovery, IcmpSweepFindsTheRoutedHostsAndNoPhantoms) {
    const auto& t = lab().truth();
    std::vector<Ipv4Network> routed;
    for (const auto& s : t.subnets) {
        if (!s.on_scanner_link) routed.push_back(*Ipv4Network::parse(s.cidr));
    }
    ASSERT_FALSE(routed.empty());
    std::set<std::string> expected;      // every routed address of a device that answers ICMP
    std::set<std::string> one_hop_away;  // hosts behind the router (their replies lose one TTL)
    for (const auto& d : t.devices) {
        for (const auto& text : d.ips) {
            const auto ip = Ipv4Address::parse(text);
            const bool routed_ip = std::any_of(routed.begin(), routed.end(),
                                               [&](const auto& n) { return ip && n.contains(*ip); });
            if (routed_ip && d.answers_to("icmp")) expected.insert(text);
            if (routed_ip && text == d.ip) one_hop_away.insert(text);
        }
    }
    ASSERT_FALSE(expected.empty());

    NetnsGuard in_scanner{t.scanner.netns};
    ASSERT_TRUE(in_scanner.entered());
    boost::asio::io_context io;
    RawIcmpChannel channel{io, Ipv4Address::parse(t.scanner.ip)};
    VectorSink sink;
    IcmpSweepOptions options;
    options.on_link = {Ipv4Network{*Ipv4Address::parse(t.scanner.ip), t.scanner.prefix_length}};
    const auto result = IcmpSweep{channel, options}.run(icmp_sweep_addresses(routed, {}), sink);

    std::set<std::string> found;
    for (const auto& o : sink.observations) {
        ASSERT_EQ(o.evidence.ips.size(), 1U);
        const auto ip = o.evidence.ips[0].to_string();
        found.insert(ip);
        ASSERT_TRUE(o.evidence.ttl);
        EXPECT_EQ(*o.evidence.ttl, one_hop_away.count(ip) != 0 ? 63 : 64)
            << ip << ": Linux TTL 64, minus the hop";
        ASSERT_TRUE(o.evidence.rtt_ms);
        EXPECT_GE(*o.evidence.rtt_ms, 0.0);
        EXPECT_LT(*o.evidence.rtt_ms, 1000.0);
    }
    EXPECT_EQ(found, expected);
    EXPECT_EQ(result.stats.send_errors, 0U);
    // 253 addresses at 2,000/s, one reply timeout per pass (one retry): well under 4 s.
    EXPECT_LT(result.elapsed.count(), 4.0);
    RecordProperty("icmp_elapsed_s", std::to_string(result.elapsed.count()));
}

TEST_F(Discovery, MdnsBrowseListsThePrinterServicesWithTxtKeys) {
    const auto& t = lab().truth();
    const LabDevice* printer = nullptr;
    for (const auto& d : t.devices) {
        if (d.answers_to("mdns")) printer = &d;
    }
    ASSERT_NE(printer, nullptr) << "the small site announces one printer over mDNS";

    NetnsGuard in_scanner{t.scanner.netns};
    ASSERT_TRUE(in_scanner.entered());
    boost::asio::io_context io;
    UdpChannel channel{io, *Ipv4Address::parse(t.scanner.ip), UdpChannel::Mode::kMdnsPort};
    VectorSink sink;
    MdnsBrowseOptions options;
    options.unicast_response = false;  // full-size multicast answers: the IPP TXT record exceeds 512 bytes
    const auto result = MdnsBrowser{channel, options}.browse(sink);
    EXPECT_EQ(result.stats.malformed, 0U);

    const auto it = std::find_if(sink.observations.begin(), sink.observations.end(), [&](const auto& o) {
        return o.evidence.ips == std::vector<Ipv4Address>{*Ipv4Address::parse(printer->ip)};
    });
    ASSERT_NE(it, sink.observations.end()) << "no mDNS answer from " << printer->ip;
    EXPECT_EQ(it->source, "mdns");
    EXPECT_FALSE(it->evidence.hostnames.empty());
    for (const auto* type : {"_ipp._tcp", "_printer._tcp", "_pdl-datastream._tcp"}) {
        const auto s = std::find_if(it->evidence.mdns.begin(), it->evidence.mdns.end(),
                                    [&](const auto& m) { return m.type == type; });
        ASSERT_NE(s, it->evidence.mdns.end()) << type;
        EXPECT_NE(s->port, 0);
        EXPECT_FALSE(s->host.empty());
        for (const auto* key : {"ty", "product", "usb_mfg", "usb_mdl"}) {
            EXPECT_EQ(s->txt.count(key), 1U) << type << " lacks TXT key " << key;
        }
        EXPECT_NE(s->txt.at("ty").find("LaserJet"), std::string::npos);
    }
    // Only lab devices answer, each from its own address.
    for (const auto& o : sink.observations) {
        EXPECT_TRUE(std::any_of(t.devices.begin(), t.devices.end(),
                                [&](const auto& d) { return d.ip == o.evidence.ips.at(0).to_string(); }));
    }
}

TEST_F(Discovery, PassiveListenerKnowsThePhonesFromLldpMed) {
    const auto& t = lab().truth();
    std::map<std::string, const LabDevice*> phones;  // by MAC
    for (const auto& d : t.devices) {
        if (d.answers_to("lldp")) phones[d.mac] = &d;
    }
    ASSERT_FALSE(phones.empty());

    NetnsGuard in_scanner{t.scanner.netns};
    ASSERT_TRUE(in_scanner.entered());
    PcapListenChannel channel{t.scanner.interface, passive_filter()};
    VectorSink sink;
    PassiveListener listener{channel, sink};
    std::map<std::string, LldpNeighbor> heard;
    const auto deadline = std::chrono::steady_clock::now() + 15s;  // lldpd tx-interval is 5 s
    while (heard.size() < phones.size() && std::chrono::steady_clock::now() < deadline) {
        listener.poll_until(std::chrono::steady_clock::now() + 200ms);
        for (const auto& o : sink.observations) {
            if (o.source == "lldp" && o.evidence.mac && !o.evidence.lldp.empty()) {
                heard[o.evidence.mac->to_string()] = o.evidence.lldp[0];
            }
        }
    }
    EXPECT_EQ(listener.stats().malformed, 0U);
    for (const auto& [mac, device] : phones) {
        const auto it = heard.find(mac);
        ASSERT_NE(it, heard.end()) << "no LLDP from " << device->name << " (" << mac << ")";
        const auto& n = it->second;
        EXPECT_EQ(n.med_device_class, 3) << device->name;
        EXPECT_TRUE(n.enabled_capabilities & 0x20) << device->name << " enables the telephone capability";
        EXPECT_EQ(n.med_voice_vlan, 100) << device->name;
        if (device->model) {
            EXPECT_NE(n.system_description.find(*device->model), std::string::npos) << n.system_description;
        }
    }
}

// The same three findings through the whole pipeline: `netdossier scan` of the on-link and the routed
// subnets (ARP, ICMP, mDNS and the passive listener sharing one rate limit) records them in the store.
TEST_F(Discovery, ScanRecordsRoutedHostsPrinterServicesAndPhonesInTheStore) {
    const auto& t = lab().truth();
    const auto db = std::filesystem::temp_directory_path() / (lab().prefix() + "-discovery-scan.db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
    std::string command = std::string(NETDOSSIER_BINARY) + " -q scan --db " + db.string() +
                          " --stages icmp,mdns,passive --listen 12";
    for (const auto& s : t.subnets) command += " --target " + s.cidr;
    const auto result = lab().run_in_scanner(command, 120s);
    ASSERT_TRUE(result.ok()) << result.err << result.out;

    auto store = Store::open(db);
    const auto devices = store.devices();
    auto holding = [&](const std::string& ip) -> const DeviceRecord* {
        const auto want = *Ipv4Address::parse(ip);
        for (const auto& d : devices)
            if (std::find(d.ips.begin(), d.ips.end(), want) != d.ips.end()) return &d;
        return nullptr;
    };
    for (const auto& d : t.devices) {
        const auto subnet = std::find_if(t.subnets.begin(), t.subnets.end(),
                                         [&](const auto& s) { return s.cidr == d.subnet; });
        ASSERT_NE(subnet, t.subnets.end());
        if (!subnet->on_scanner_link && d.answers_to("icmp")) {
            EXPECT_NE(holding(d.ip), nullptr) << "routed host " << d.name << " " << d.ip << " not recorded";
        }
        if (d.answers_to("mdns")) {
            const auto* rec = holding(d.ip);
            ASSERT_NE(rec, nullptr) << d.name;
            const auto ipp = std::find_if(rec->evidence.mdns.begin(), rec->evidence.mdns.end(),
                                          [](const auto& m) { return m.type == "_ipp._tcp"; });
            ASSERT_NE(ipp, rec->evidence.mdns.end()) << d.name << " without its IPP service";
            for (const auto* key : {"ty", "product", "usb_mfg", "usb_mdl"})
                EXPECT_EQ(ipp->txt.count(key), 1U) << key;
        }
        if (d.answers_to("lldp")) {
            const auto* rec = holding(d.ip);
            ASSERT_NE(rec, nullptr) << d.name;
            ASSERT_FALSE(rec->evidence.lldp.empty()) << d.name << " recorded without LLDP";
            EXPECT_EQ(rec->evidence.lldp[0].med_device_class, 3) << d.name;
            EXPECT_EQ(rec->evidence.lldp[0].med_voice_vlan, 100) << d.name;
        }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
}

}  // namespace
}  // namespace nd::lab
