// Classifies 10,000 devices drawn round-robin from the labelled corpora (real SNMP walks of the LibreNMS
// recordings, recog sysDescr/mDNS strings) and prints the time. Issue 4: "classifying 10,000 devices takes
// well under a second". The first pass pays for RE2's lazily built automata; a site of 10,000 devices
// repeats models, so the second pass is the steady state.
// usage: fingerprint_bench [CORPUS_ROOT] [DEVICES]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <vector>

#include "fingerprint/engine.hpp"
#include "fingerprint/report/corpus_loader.hpp"

namespace {

using Seconds = std::chrono::duration<double>;

double classify_all(const nd::FingerprintEngine& engine, const std::vector<const nd::DeviceEvidence*>& devices,
                    std::size_t count, std::size_t& classified) {
    const auto start = std::chrono::steady_clock::now();
    classified = 0;
    for (std::size_t i = 0; i < count; ++i) {
        classified += engine.classify(*devices[i % devices.size()]).device_class != nd::DeviceClass::kUnknown;
    }
    return Seconds(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const char* root = argc > 1 ? argv[1] : NETDOSSIER_CORPUS_DIR;
    const long count = argc > 2 ? std::atol(argv[2]) : 10000;
    if (count <= 0 || count > 10000000) {
        std::fprintf(stderr, "fingerprint_bench: DEVICES must be 1..10000000\n");
        return 2;
    }
    try {
        auto t0 = std::chrono::steady_clock::now();
        const auto engine = nd::FingerprintEngine::load_default();
        const double load = Seconds(std::chrono::steady_clock::now() - t0).count();
        const auto corpora = nd::fp::load_corpora(root);
        for (const auto& corpus : corpora) {
            std::vector<const nd::DeviceEvidence*> devices;
            for (const auto& d : corpus.devices) {
                if (d.problem.empty()) devices.push_back(&d.evidence);
            }
            if (devices.empty()) continue;
            std::size_t classified = 0;
            const double first = classify_all(engine, devices, static_cast<std::size_t>(count), classified);
            const double second = classify_all(engine, devices, static_cast<std::size_t>(count), classified);
            std::printf("%-14s %5zu distinct devices: %ld classifications %.3f s first pass, %.3f s again "
                        "(%zu classified)\n",
                        corpus.name.c_str(), devices.size(), count, first, second, classified);
        }
        std::printf("rules: %zu, loaded in %.3f s\n", engine.rule_count(), load);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fingerprint_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
