// Builds a synthetic store of N devices (default 10,000) and times loading it and exporting every
// format and section. Issue 6 asks for under a second per format.
// usage: export_bench [DEVICES] [STORE_PATH]   (the store is rebuilt when missing)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <utility>

#include "exporters/dossier.hpp"
#include "storage/store.hpp"

namespace {

using nd::Clock;
using Seconds = std::chrono::duration<double>;

constexpr nd::DeviceClass kClasses[] = {
    nd::DeviceClass::kWorkstation, nd::DeviceClass::kWorkstation, nd::DeviceClass::kWorkstation,
    nd::DeviceClass::kPrinter,     nd::DeviceClass::kVoipPhone,   nd::DeviceClass::kSwitch,
    nd::DeviceClass::kServer,      nd::DeviceClass::kPower,       nd::DeviceClass::kUnknown,
    nd::DeviceClass::kAccessPoint,
};

nd::Observation observation(std::int64_t scan, int i) {
    nd::Observation o;
    o.source = "arp";
    o.time = Clock::now();
    o.scan_id = scan;
    o.evidence.mac = nd::MacAddress({0x00, 0x1b, 0xa9, static_cast<std::uint8_t>(i >> 16),
                                     static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i)});
    o.evidence.ips = {nd::Ipv4Address(0xc6120000U + 1U + static_cast<std::uint32_t>(i))};
    o.evidence.oui_registrant = "Brother Industries, LTD.";
    o.evidence.ttl = 64;
    o.evidence.hostnames = {"host-" + std::to_string(i) + ".local"};
    o.evidence.open_tcp_ports = {80, 443, 9100};
    o.evidence.snmp[nd::oids::kSysDescr] =
        nd::SnmpValue{nd::SnmpType::kOctetString, "Device " + std::to_string(i), 0};
    return o;
}

nd::Verdict verdict(int i) {
    nd::Verdict v;
    v.device_class = kClasses[i % std::size(kClasses)];
    v.class_confidence = 0.9;
    v.class_reasons = {"sysObjectID rule", "open port 9100"};
    v.vendor = nd::Finding{"Brother", 0.9, {"OUI"}};
    v.model = nd::Finding{"HL-L" + std::to_string(2000 + i % 500) + "DW", 0.8, {"sysDescr"}};
    v.firmware = nd::Finding{"1." + std::to_string(i % 30), 0.8, {"sysDescr"}};
    v.serial = nd::Finding{"E7" + std::to_string(100000 + i), 0.9, {"Printer-MIB"}};
    v.hostname = nd::Finding{"host-" + std::to_string(i), 0.9, {"mDNS"}};
    return v;
}

void build(const std::filesystem::path& path, int devices) {
    const auto start = std::chrono::steady_clock::now();
    auto store = nd::Store::open(path);
    store.set_meta("site", "Benchmark site");
    const auto scan = store.begin_scan({"198.18.0.0/16"});
    std::vector<nd::Observation> batch;
    for (int i = 0; i < devices; ++i) batch.push_back(observation(scan, i));
    const auto ids = store.record(batch);
    for (std::size_t i = 0; i < ids.size(); ++i) store.set_verdict(ids[i], verdict(static_cast<int>(i)));
    store.finish_scan(scan, devices);
    std::printf("built store of %d devices in %.2f s\n", devices,
                Seconds(std::chrono::steady_clock::now() - start).count());
}

// CPU seconds of this process: on a shared machine wall time also counts other people's work.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    const int devices = argc > 1 ? std::atoi(argv[1]) : 10000;
    const std::filesystem::path path =
        argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / "nd-export-bench.db";
    if (devices <= 0 || devices > 1000000) {
        std::fprintf(stderr, "export_bench: DEVICES must be 1..1000000\n");
        return 2;
    }
    try {
        if (!std::filesystem::exists(path)) build(path, devices);
        auto t0 = std::chrono::steady_clock::now();
        const double cpu0 = cpu_seconds();
        auto lap = [last = t0]() mutable {
            const auto now = std::chrono::steady_clock::now();
            return Seconds(now - std::exchange(last, now)).count();
        };
        auto store = nd::Store::open_existing(path);
        nd::DossierInput input;
        input.generated = Clock::now();
        input.site = store.meta("site").value_or("");
        const double open = lap();
        input.devices = store.devices();
        const double devices = lap();
        input.scans = store.scans();
        input.changes = store.events();
        const double rest = lap();
        const double load = Seconds(std::chrono::steady_clock::now() - t0).count();
        const double load_cpu = cpu_seconds() - cpu0;
        std::printf(
            "store %s: %zu devices loaded in %.3f s, %.3f s CPU (open %.3f, devices %.3f, "
            "scans+events %.3f)\n",
            path.c_str(), input.devices.size(), load, load_cpu, open, devices, rest);
        std::printf("%-6s %-8s %6s %10s %9s %9s %11s %11s\n", "format", "section", "files", "bytes", "render",
                    "cpu", "load+render", "(cpu)");
        // Issue 6: under a second per format, loading included.
        bool slow = false;
        for (const char* name : {"json", "md", "csv", "html", "dot"}) {
            auto exporter = nd::make_exporter(*nd::format_from_string(name));
            if (!exporter) {
                std::printf("%-6s %-8s %6s\n", name, "all", "(not implemented)");
                continue;
            }
            t0 = std::chrono::steady_clock::now();
            const double cpu1 = cpu_seconds();
            const auto docs = exporter->render(input, nd::DossierSection::kAll);
            const double seconds = Seconds(std::chrono::steady_clock::now() - t0).count();
            const double cpu = cpu_seconds() - cpu1;
            std::size_t bytes = 0;
            for (const auto& d : docs) bytes += d.content.size();
            const double total = load + seconds;
            std::printf("%-6s %-8s %6zu %10zu %9.3f %9.3f %11.3f %11.3f%s\n", name, "all", docs.size(), bytes,
                        seconds, cpu, total, load_cpu + cpu, total < 1.0 ? "" : "  SLOWER THAN 1 s");
            slow = slow || total >= 1.0;
        }
        if (slow) return 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "export_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
