// The lab checks itself: its ground truth describes the site the issue asks for, it is sealed off from
// the root namespace, every device answers from the scanner exactly what the truth says (and no more),
// and tear-down leaves nothing behind.
#include <signal.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/integration/lab_fixture.hpp"

namespace nd::lab {
namespace {

std::string probe(const std::string& args) {
    return "/usr/bin/python3 " + std::string(NETDOSSIER_SOURCE_DIR) + "/lab/probe.py " + args;
}

std::vector<std::string> lab_namespaces(const std::string& prefix) {
    const auto r = run_command({"ip", "netns", "list"}, 10s);
    std::vector<std::string> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        const auto name = line.substr(0, line.find(' '));
        if (name.rfind(prefix + "-", 0) == 0) out.push_back(name);
    }
    return out;
}

bool in_lab_range(const std::string& ip) {
    return ip.rfind("198.18.", 0) == 0 || ip.rfind("198.19.", 0) == 0 || ip.rfind("127.", 0) == 0;
}

// "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.634" -> the sysObjectID the recording serves.
std::string recorded_sys_object_id(const std::string& recording) {
    std::ifstream in(std::string(NETDOSSIER_CORPUS_DIR) + "/librenms-dev/snmprec/" + recording + ".snmprec");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("1.3.6.1.2.1.1.2.0|6|", 0) == 0) return line.substr(20);
    }
    return {};
}

TEST(LabTruthParse, ReadsDevicesAndNullsAsAbsent) {
    const auto t = LabTruth::parse(R"({"site":"s","size":"small","prefix":"p","arp_steering":"none",
      "scanner":{"netns":"p-scan","interface":"eth0","ip":"198.18.1.10","prefix_length":24,"mac":"e4:54:e8:2f:9a:10"},
      "subnets":[{"cidr":"198.18.1.0/24","on_scanner_link":true},{"cidr":"198.18.2.0/24","on_scanner_link":false}],
      "devices":[{"name":"ups","netns":"p-ups","ip":"198.18.1.50","mac":"00:20:85:e1:04:e0","subnet":"198.18.1.0/24",
        "class":"power","vendor":"Eaton","model":null,"serial":"GA10J05109","firmware":null,
        "answers":["arp","snmp"],"snmp":{"community":"public","recording":"eaton-mgeups_9pxle","agent":"snmpsim"}},
        {"name":"r","netns":"p-r1","ip":"198.18.2.10","mac":"54:bf:64:70:11:2c","subnet":"198.18.2.0/24",
        "class":"workstation","vendor":"Dell","answers":["icmp"],"snmp":null}]})");
    ASSERT_EQ(t.devices.size(), 2u);
    const auto* ups = t.find("ups");
    ASSERT_NE(ups, nullptr);
    EXPECT_FALSE(ups->model.has_value());
    EXPECT_EQ(ups->serial, "GA10J05109");
    ASSERT_TRUE(ups->snmp.has_value());
    EXPECT_EQ(ups->snmp->recording, "eaton-mgeups_9pxle");
    EXPECT_TRUE(ups->answers_to("snmp"));
    EXPECT_FALSE(ups->answers_to("icmp"));
    EXPECT_EQ(ups->ips, std::vector<std::string>{"198.18.1.50"});
    ASSERT_EQ(t.on_scanner_link().size(), 1u);
    EXPECT_EQ(t.on_scanner_link()[0]->name, "ups");
}

TEST(LabTruthParse, RejectsBrokenTruthWithAClearError) {
    EXPECT_THROW(LabTruth::parse("{not json"), std::runtime_error);
    try {
        LabTruth::parse(R"({"site":"s","size":"small","prefix":"p","scanner":{},"subnets":[],"devices":[]})");
        FAIL() << "a scanner without netns must be rejected";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("netns"), std::string::npos) << e.what();
    }
}

using SmallLab = SmallLabTest;

TEST_F(SmallLab, TruthDescribesTheWholeSite) {
    const auto& t = lab().truth();
    EXPECT_EQ(t.size, "small");
    EXPECT_EQ(t.prefix, lab().prefix());
    std::map<std::string, int> classes;
    std::set<std::string> ips, macs;
    int silent = 0, routed = 0;
    for (const auto& d : t.devices) {
        ++classes[d.device_class];
        EXPECT_TRUE(ips.insert(d.ip).second) << "duplicate ip " << d.ip;
        EXPECT_TRUE(macs.insert(d.mac).second) << "duplicate mac " << d.mac;
        EXPECT_TRUE(in_lab_range(d.ip)) << d.ip;
        EXPECT_TRUE(d.oui_vendor.has_value()) << d.name << ": " << d.mac << " has no IEEE registry entry";
        EXPECT_TRUE(d.vendor.has_value()) << d.name;
        if (d.answers == std::vector<std::string>{"arp"}) ++silent;
        if (d.subnet == "198.18.2.0/24") ++routed;
        if (d.answers_to("snmp")) {
            EXPECT_TRUE(d.snmp.has_value()) << d.name;
        }
    }
    EXPECT_EQ(classes["router"], 1);
    EXPECT_EQ(classes["switch"], 1);
    EXPECT_EQ(classes["printer"], 2);
    EXPECT_EQ(classes["voip-phone"], 2);
    EXPECT_EQ(classes["server"], 1);
    EXPECT_EQ(classes["power"], 1);
    EXPECT_GE(classes["workstation"], 3);
    EXPECT_GE(silent, 2) << "silent hosts that answer only ARP";
    EXPECT_GE(routed, 2) << "hosts reachable only through the router";
    const auto* printer = t.find("printer1");
    ASSERT_NE(printer, nullptr);
    EXPECT_EQ(printer->hostname, "NPI952EA0");
    int non_default_community = 0;
    for (const auto& d : t.devices) non_default_community += d.snmp && d.snmp->community != "public";
    EXPECT_GE(non_default_community, 1);
}

TEST_F(SmallLab, IsSealedOffFromTheRootNamespace) {
    const auto check = lab().site("check");
    EXPECT_TRUE(check.ok()) << check.out << check.err;

    // Independently of the script's own check: routes, addresses and links of every lab namespace.
    const auto namespaces = lab_namespaces(lab().prefix());
    ASSERT_GE(namespaces.size(), lab().truth().devices.size() + 2);
    for (const auto& ns : namespaces) {
        const auto routes = run_command({"ip", "-n", ns, "route", "show", "table", "all"}, 10s);
        ASSERT_TRUE(routes.ok()) << routes.err;
        EXPECT_EQ(routes.out.find("default"), std::string::npos) << ns << " has a default route:\n"
                                                                 << routes.out;
        const auto addrs = run_command({"ip", "-n", ns, "-j", "addr", "show"}, 10s);
        ASSERT_TRUE(addrs.ok()) << addrs.err;
        for (const auto& link : nlohmann::json::parse(addrs.out)) {
            for (const auto& a : link.value("addr_info", nlohmann::json::array())) {
                EXPECT_TRUE(in_lab_range(a.at("local").get<std::string>())) << ns << ": " << a.dump();
            }
        }
    }
    // No link in the root namespace may have its peer in a lab namespace.
    const auto ids = nlohmann::json::parse(run_command({"ip", "-j", "netns", "list-id"}, 10s).out);
    std::set<int> lab_ids;
    for (const auto& id : ids) {
        if (id.value("name", std::string{}).rfind(lab().prefix() + "-", 0) == 0)
            lab_ids.insert(id.at("nsid").get<int>());
    }
    const auto root_links = run_command({"ip", "-j", "-d", "link", "show"}, 10s);
    ASSERT_TRUE(root_links.ok());
    for (const auto& link : nlohmann::json::parse(root_links.out)) {
        if (link.contains("link_netnsid")) {
            EXPECT_EQ(lab_ids.count(link.at("link_netnsid").get<int>()), 0u)
                << "root link into the lab: " << link.dump();
        }
    }
}

TEST_F(SmallLab, OnLinkDevicesAnswerArpWithTheirTruthMac) {
    const auto& t = lab().truth();
    for (const auto* d : t.on_scanner_link()) {
        // Any datagram makes the kernel resolve the address (bash's /dev/udp); the neighbour entry then
        // carries the MAC that answered.
        const auto b = lab().run_in_scanner(
            "ip neigh del " + d->ip + " dev eth0 2>/dev/null; bash -c 'echo x > /dev/udp/" + d->ip +
                "/9' 2>/dev/null; for i in $(seq 30); do ip neigh show " + d->ip +
                " | grep -q lladdr && break; sleep 0.1; done; ip neigh show " + d->ip,
            20s);
        EXPECT_NE(b.out.find("lladdr " + d->mac), std::string::npos)
            << d->name << " " << d->ip << ": " << b.out;
    }
    // An unused address stays unresolved: no phantom hosts.
    const auto none = lab().run_in_scanner(
        "bash -c 'echo x > /dev/udp/198.18.1.150/9' 2>/dev/null; sleep 3.5; ip neigh show 198.18.1.150", 20s);
    EXPECT_EQ(none.out.find("lladdr"), std::string::npos) << none.out;
}

TEST_F(SmallLab, IcmpAnswersExactlyAsTheTruthSays) {
    if (LabSite::unavailable_reason(LabSize::Small) || ::access("/usr/bin/fping", X_OK) != 0) {
        GTEST_SKIP() << "needs fping";
    }
    for (const auto& d : lab().truth().devices) {
        const auto r = lab().run_in_scanner("fping -c1 -t700 -r1 -q " + d.ip, 20s);
        EXPECT_EQ(r.ok(), d.answers_to("icmp")) << d.name << " " << d.ip << ": " << r.err;
    }
}

TEST_F(SmallLab, SnmpAgentsServeTheirRecordingOnlyToTheirCommunity) {
    for (const auto& d : lab().truth().devices) {
        if (!d.answers_to("snmp")) continue;
        ASSERT_TRUE(d.snmp.has_value()) << d.name;
        const auto r = lab().run_in_scanner(
            "snmpget -v2c -c " + d.snmp->community + " -t 2 -r 1 -On -Oqv " + d.ip + " 1.3.6.1.2.1.1.2.0",
            20s);
        ASSERT_TRUE(r.ok()) << d.name << ": " << r.err;
        if (d.snmp->recording) {
            const auto oid = recorded_sys_object_id(*d.snmp->recording);
            EXPECT_NE(r.out.find(oid.empty() ? "never" : oid), std::string::npos)
                << d.name << " serves " << r.out << ", recording says " << oid;
        }
        if (d.snmp->community != "public") {
            const auto wrong =
                lab().run_in_scanner("snmpget -v2c -c public -t 1 -r 0 " + d.ip + " 1.3.6.1.2.1.1.1.0", 10s);
            EXPECT_FALSE(wrong.ok()) << d.name << " answers the default community";
        }
    }
}

TEST_F(SmallLab, ServerSnmpdShowsHostResourcesButHidesProcessesAndSoftware) {
    const auto* server = lab().truth().find("server");
    ASSERT_NE(server, nullptr);
    const auto mem =
        lab().run_in_scanner("snmpget -v2c -c public -t 2 -r 1 -Oqv " + server->ip + " 1.3.6.1.2.1.25.2.2.0");
    ASSERT_TRUE(mem.ok()) << mem.err;
    EXPECT_GT(std::stoll(mem.out), 0) << "hrMemorySize";
    const auto next =
        lab().run_in_scanner("snmpgetnext -v2c -c public -t 2 -r 1 -On " + server->ip + " 1.3.6.1.2.1.25.4");
    ASSERT_TRUE(next.ok()) << next.err;
    for (const char* hidden : {".1.3.6.1.2.1.25.4.", ".1.3.6.1.2.1.25.5.", ".1.3.6.1.2.1.25.6."}) {
        EXPECT_EQ(next.out.find(hidden), std::string::npos) << next.out;
    }
}

TEST_F(SmallLab, PrinterAnnouncesIppPrinterAndPdlOverMdns) {
    const auto& t = lab().truth();
    const LabDevice* printer = nullptr;
    for (const auto& d : t.devices) {
        if (d.answers_to("mdns")) printer = &d;
    }
    ASSERT_NE(printer, nullptr);
    for (const char* service : {"_ipp._tcp", "_printer._tcp", "_pdl-datastream._tcp"}) {
        const auto r = lab().run_in_scanner(probe("mdns " + std::string(service) + " 4"), 20s);
        ASSERT_TRUE(r.ok()) << service << ": " << r.out << r.err;
        EXPECT_NE(r.out.find("PTR "), std::string::npos) << r.out;
        for (const char* key : {"TXT txtvers=1", "TXT ty=", "TXT product=", "TXT usb_MFG=", "TXT usb_MDL=",
                                "TXT pdl=", "TXT adminurl=", "TXT note=", "TXT UUID="}) {
            EXPECT_NE(r.out.find(key), std::string::npos) << service << " lacks " << key << ":\n" << r.out;
        }
        EXPECT_NE(r.out.find(" " + printer->ip), std::string::npos) << "A record of " << printer->ip << ":\n"
                                                                    << r.out;
    }
}

TEST_F(SmallLab, PhonesSendLldpMed) {
    size_t phones = 0;
    for (const auto& d : lab().truth().devices) phones += d.answers_to("lldp");
    ASSERT_GE(phones, 2u);
    // tx-interval is 5 s: within 12 s every phone has sent at least twice.
    const auto r = lab().run_in_scanner(probe("lldp eth0 12 " + std::to_string(phones)), 30s);
    ASSERT_TRUE(r.ok()) << r.err;
    for (const auto& d : lab().truth().devices) {
        if (!d.answers_to("lldp")) continue;
        EXPECT_NE(r.out.find(d.mac + " sysname="), std::string::npos) << d.name << " sent no LLDP:\n"
                                                                      << r.out;
        const auto line = r.out.substr(r.out.find(d.mac));
        EXPECT_EQ(line.substr(0, line.find('\n')).find("med=yes") == std::string::npos, false) << line;
    }
}

TEST_F(SmallLab, TcpAndSipPortsAnswer) {
    for (const auto& d : lab().truth().devices) {
        for (const auto& a : d.answers) {
            if (a.rfind("tcp:", 0) == 0) {
                const auto r = lab().run_in_scanner(probe("banner " + d.ip + " " + a.substr(4)), 20s);
                EXPECT_TRUE(r.ok()) << d.name << " " << a << ": " << r.err;
                if (a == "tcp:22") {
                    EXPECT_EQ(r.out.rfind("SSH-2.0-", 0), 0u) << r.out;
                }
            } else if (a == "udp:5060") {
                const auto r = lab().run_in_scanner(probe("sip " + d.ip), 20s);
                EXPECT_TRUE(r.ok()) << d.name << ": " << r.err;
                ASSERT_TRUE(d.vendor.has_value());
                EXPECT_NE(r.out.find(*d.vendor), std::string::npos) << "User-Agent " << r.out;
            }
        }
    }
}

// Its own lab: up, note the daemons it started, down, and check nothing is left behind.
TEST(LabLifecycle, DownLeavesNoNamespaceNoDaemonAndNoState) {
    if (auto reason = LabSite::unavailable_reason(LabSize::Small)) GTEST_SKIP() << *reason;
    const auto prefix = LabSite::unique_prefix();
    std::vector<pid_t> daemons;
    {
        LabSite site(LabSize::Small, prefix);
        EXPECT_LT(site.up_time(), 60s) << "small lab start-up is too slow";
        const auto status = site.site("status");
        EXPECT_TRUE(status.ok()) << status.err;
        EXPECT_NE(status.out.find("isolation ok"), std::string::npos) << status.out;
        for (const auto& entry :
             std::filesystem::directory_iterator("/run/netdossier-lab/" + prefix + "/pids")) {
            std::ifstream in(entry.path());
            pid_t pid = 0;
            in >> pid;
            daemons.push_back(pid);
        }
        EXPECT_GE(daemons.size(), 10u);
        site.down();
    }
    EXPECT_TRUE(lab_namespaces(prefix).empty());
    EXPECT_FALSE(std::filesystem::exists("/run/netdossier-lab/" + prefix));
    for (const auto pid : daemons) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string pid_s, comm, state;
        if (stat >> pid_s >> comm >> state) {
            EXPECT_EQ(state, "Z") << "daemon " << pid << " " << comm << " still runs";
        }
    }
}

// The scale site: thousands of hosts over a /16 on the scanner's segment, ARP steered in the bridge, and
// the kernel neighbour limits raised while it is up and restored afterwards.
TEST(ScaleLab, ComesUpQuicklyAndEveryHostAnswersArpWithItsTruthMac) {
    if (auto reason = LabSite::unavailable_reason(LabSize::Scale)) GTEST_SKIP() << *reason;
    auto read_gc = [] {
        std::ifstream in("/proc/sys/net/ipv4/neigh/default/gc_thresh3");
        long v = 0;
        in >> v;
        return v;
    };
    const long gc_before = read_gc();
    {
        LabSite site(LabSize::Scale);
        EXPECT_LT(site.up_time(), 120s);
        const auto& t = site.truth();
        EXPECT_EQ(t.size, "scale");
        EXPECT_EQ(t.arp_steering, "nftables");
        ASSERT_EQ(t.subnets.size(), 1u);
        EXPECT_EQ(t.subnets[0].cidr, "198.19.0.0/16");
        EXPECT_GE(t.devices.size(), 4000u);
        EXPECT_GE(read_gc(), 65536) << "neighbour table limit not raised";
        std::set<std::string> macs;
        for (const auto& d : t.devices) {
            EXPECT_TRUE(macs.insert(d.mac).second) << "duplicate mac " << d.mac;
            EXPECT_EQ(d.ip.rfind("198.19.", 0), 0u) << d.ip;
        }
        // Every 400th host, through the scanner kernel's own ARP.
        std::string script = "for h in";
        for (size_t i = 0; i < t.devices.size(); i += 400) script += " " + t.devices[i].ip;
        script +=
            "; do bash -c \"echo x > /dev/udp/$h/9\" 2>/dev/null; done; sleep 1; ip neigh show dev eth0";
        const auto r = site.run_in_scanner(script, 30s);
        ASSERT_TRUE(r.ok()) << r.err;
        for (size_t i = 0; i < t.devices.size(); i += 400) {
            EXPECT_NE(r.out.find(t.devices[i].ip + " lladdr " + t.devices[i].mac), std::string::npos)
                << t.devices[i].ip << " did not resolve to " << t.devices[i].mac << ":\n"
                << r.out;
        }
        const auto status = site.site("status");
        EXPECT_NE(status.out.find("arp_steering: nftables"), std::string::npos) << status.out;
    }
    EXPECT_EQ(read_gc(), gc_before) << "gc_thresh3 not restored";
}

}  // namespace
}  // namespace nd::lab
