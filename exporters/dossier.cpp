#include "exporters/dossier.hpp"

namespace nd {

const ScanRun* latest_scan(const DossierInput& input) {
    const ScanRun* best = nullptr;
    for (const auto& scan : input.scans) {
        if (best == nullptr || scan.id > best->id) best = &scan;
    }
    return best;
}

}  // namespace nd
