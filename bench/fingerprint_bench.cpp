// Classifies 10,000 devices drawn round-robin from the labelled corpora (real SNMP walks of the LibreNMS
// recordings, recog sysDescr/mDNS strings) and prints the time. Issue 4: "classifying 10,000 devices takes
// well under a second". The first pass pays for RE2's lazily built automata; a site of 10,000 devices
// repeats models, so the second pass is the steady state. It times one device after another on one thread,
// then all at once on every CPU with classify_all(), as a scan classifies its devices.
// With --rules DIR it reads that rule folder instead of the shipped ones; with --dump FILE it also writes
// every device's full verdict (confidences to the last bit, every reason, every matching rule) so that two
// builds of the engine can be compared byte for byte. It also prints how long the OUI registry takes to load.
// usage: fingerprint_bench [--rules DIR] [--dump FILE] [CORPUS_ROOT] [DEVICES]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "collectors/oui/oui_registry.hpp"
#include "fingerprint/engine.hpp"
#include "fingerprint/report/corpus_loader.hpp"

namespace {

using Seconds = std::chrono::duration<double>;

// CPU time of this thread: on a shared machine wall time swings with other people's load, CPU time less.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct PassTime {
    double wall = 0.0;
    double cpu = 0.0;
};

PassTime classify_one_by_one(const nd::FingerprintEngine& engine,
                             const std::vector<const nd::DeviceEvidence*>& devices, std::size_t count,
                             std::size_t& classified) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    classified = 0;
    for (std::size_t i = 0; i < count; ++i) {
        classified += engine.classify(*devices[i % devices.size()]).device_class != nd::DeviceClass::kUnknown;
    }
    return {Seconds(std::chrono::steady_clock::now() - start).count(), thread_cpu_seconds() - cpu_start};
}

// The corpus's devices whose recordings could be read.
std::vector<const nd::DeviceEvidence*> readable_devices(const nd::fp::Corpus& corpus) {
    std::vector<const nd::DeviceEvidence*> devices;
    for (const auto& d : corpus.devices) {
        if (d.problem.empty()) devices.push_back(&d.evidence);
    }
    return devices;
}

// The same classifications as a scan makes them: all devices at once, on every CPU (classify_all).
PassTime classify_all_at_once(const nd::FingerprintEngine& engine,
                              const std::vector<const nd::DeviceEvidence*>& devices, std::size_t count,
                              std::size_t& classified) {
    std::vector<const nd::DeviceEvidence*> site;
    site.reserve(count);
    for (std::size_t i = 0; i < count; ++i) site.push_back(devices[i % devices.size()]);
    const auto start = std::chrono::steady_clock::now();
    const auto verdicts = engine.classify_all(site);
    const double wall = Seconds(std::chrono::steady_clock::now() - start).count();
    classified = 0;
    for (const auto& v : verdicts) classified += v.device_class != nd::DeviceClass::kUnknown;
    return {wall, 0.0};
}

void dump_finding(std::ostream& out, const char* name, const std::optional<nd::Finding>& finding) {
    if (!finding) return;
    char confidence[40];
    std::snprintf(confidence, sizeof confidence, "%.17g", finding->confidence);
    out << "  " << name << " " << finding->value << " @" << confidence << "\n";
    for (const auto& reason : finding->reasons) out << "    " << reason << "\n";
}

// Everything classify() and matching_rules() say about one device, exactly.
void dump_device(std::ostream& out, const nd::FingerprintEngine& engine,
                 const nd::fp::LabelledDevice& device) {
    const auto verdict = engine.classify(device.evidence);
    char confidence[40];
    std::snprintf(confidence, sizeof confidence, "%.17g", verdict.class_confidence);
    out << "== " << device.id << "\n  class " << nd::to_string(verdict.device_class) << " @" << confidence
        << "\n";
    for (const auto& reason : verdict.class_reasons) out << "    " << reason << "\n";
    for (const auto& alt : verdict.alternatives) {
        std::snprintf(confidence, sizeof confidence, "%.17g", alt.confidence);
        out << "  alternative " << nd::to_string(alt.device_class) << " @" << confidence << "\n";
        for (const auto& reason : alt.reasons) out << "    " << reason << "\n";
    }
    dump_finding(out, "vendor", verdict.vendor);
    dump_finding(out, "model", verdict.model);
    dump_finding(out, "firmware", verdict.firmware);
    dump_finding(out, "serial", verdict.serial);
    dump_finding(out, "os", verdict.os);
    dump_finding(out, "hostname", verdict.hostname);
    out << "  oui " << verdict.oui_registrant << "\n  rules";
    for (const auto& id : engine.matching_rules(device.evidence)) out << " " << id;
    out << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> rule_dirs;
    const char* dump = nullptr;
    std::vector<const char*> args;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rule_dirs.emplace_back(argv[++i]);
        else if (std::strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            dump = argv[++i];
        else
            args.push_back(argv[i]);
    }
    const char* root = args.size() > 0 ? args[0] : NETDOSSIER_CORPUS_DIR;
    const long count = args.size() > 1 ? std::atol(args[1]) : 10000;
    if (count <= 0 || count > 10000000) {
        std::fprintf(stderr, "fingerprint_bench: DEVICES must be 1..10000000\n");
        return 2;
    }
    try {
        auto load_engine = [&] {
            return rule_dirs.empty() ? nd::FingerprintEngine::load_default()
                                     : nd::FingerprintEngine::load(rule_dirs);
        };
        auto t0 = std::chrono::steady_clock::now();
        const auto engine = load_engine();
        const double load = Seconds(std::chrono::steady_clock::now() - t0).count();
        const auto corpora = nd::fp::load_corpora(root);
        std::printf("one thread (classify):\n");
        for (const auto& corpus : corpora) {
            const auto devices = readable_devices(corpus);
            if (devices.empty()) continue;
            std::size_t classified = 0;
            const auto first =
                classify_one_by_one(engine, devices, static_cast<std::size_t>(count), classified);
            const auto second =
                classify_one_by_one(engine, devices, static_cast<std::size_t>(count), classified);
            std::printf(
                "%-14s %5zu distinct devices: %ld classifications %.3f s first pass (cpu %.3f s), %.3f s "
                "again "
                "(cpu %.3f s) (%zu classified)\n",
                corpus.name.c_str(), devices.size(), count, first.wall, first.cpu, second.wall, second.cpu,
                classified);
        }
        // A fresh engine, so that its first pass pays for the lazily built automata as a scan's would.
        const auto fresh = load_engine();
        std::printf("all at once, %u CPUs (classify_all, as a scan does):\n",
                    std::max(1U, std::thread::hardware_concurrency()));
        for (const auto& corpus : corpora) {
            const auto devices = readable_devices(corpus);
            if (devices.empty()) continue;
            std::size_t classified = 0;
            const auto n = static_cast<std::size_t>(count);
            const auto first = classify_all_at_once(fresh, devices, n, classified);
            const auto second = classify_all_at_once(fresh, devices, n, classified);
            std::printf(
                "%-14s %5zu distinct devices: %ld classifications %.3f s first pass, %.3f s again (%zu "
                "classified)\n",
                corpus.name.c_str(), devices.size(), count, first.wall, second.wall, classified);
        }
        if (dump != nullptr) {  // after the timings, which it would warm up
            std::ofstream out(dump);
            for (const auto& corpus : corpora) {
                for (const auto& d : corpus.devices)
                    if (d.problem.empty()) dump_device(out, engine, d);
            }
            if (!out.flush()) throw std::runtime_error(std::string("cannot write ") + dump);
        }
        std::printf("rules: %zu, loaded in %.3f s\n", engine.rule_count(), load);
        // The OUI registry is parsed once per scan, before the first MAC is named.
        t0 = std::chrono::steady_clock::now();
        const nd::OuiRegistry registry;
        const auto blocks = registry.size();
        std::printf("OUI registry: %zu blocks, loaded in %.3f s\n", blocks,
                    Seconds(std::chrono::steady_clock::now() - t0).count());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fingerprint_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
