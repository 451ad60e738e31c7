// The topology as Graphviz DOT, for engineers who lay it out or edit it themselves
// (`dot -Tsvg topology.dot`). Only the network section has a topology.
#include "exporters/device_index.hpp"
#include "exporters/exporters.hpp"
#include "exporters/topology.hpp"

namespace nd {
namespace {

class DotExporter final : public Exporter {
public:
    DossierFormat format() const override { return DossierFormat::kDot; }
    std::vector<DossierDocument> render(const DossierInput& input, DossierSection section) const override {
        if (section != DossierSection::kAll && section != DossierSection::kNetwork) return {};
        const DeviceIndex index(input.devices);
        return single_document("topology.dot", topology_dot(build_topology(input, index)));
    }
};

}  // namespace

std::unique_ptr<Exporter> make_dot_exporter() { return std::make_unique<DotExporter>(); }

}  // namespace nd
