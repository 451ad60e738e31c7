#include "fingerprint/verdict_text.hpp"

#include <iomanip>

namespace nd {
namespace {

void reasons(std::ostream& out, const std::vector<std::string>& list, bool all) {
    std::size_t shown = all ? list.size() : std::min<std::size_t>(3, list.size());
    for (std::size_t i = 0; i < shown; ++i) out << "      because " << list[i] << "\n";
    if (shown < list.size()) out << "      (" << list.size() - shown << " more reasons)\n";
}

void finding(std::ostream& out, const char* name, const std::optional<Finding>& f, bool all) {
    out << "  " << std::left << std::setw(9) << name << std::right;
    if (!f) {
        out << "unknown\n";
        return;
    }
    out << f->value << "  (confidence " << static_cast<int>(f->confidence * 100 + 0.5) << "%)\n";
    reasons(out, f->reasons, all);
}

}  // namespace

void print_verdict(std::ostream& out, const Verdict& v, bool all) {
    out << "  " << std::left << std::setw(9) << "class" << std::right << to_string(v.device_class);
    if (v.device_class != DeviceClass::kUnknown)
        out << "  (confidence " << static_cast<int>(v.class_confidence * 100 + 0.5) << "%)";
    out << "\n";
    reasons(out, v.class_reasons, all);
    for (const auto& alt : v.alternatives) {
        out << "    or " << to_string(alt.device_class) << "  (confidence "
            << static_cast<int>(alt.confidence * 100 + 0.5) << "%)\n";
        reasons(out, alt.reasons, all);
    }
    finding(out, "vendor", v.vendor, all);
    if (!v.oui_registrant.empty())
        out << "  " << std::left << std::setw(9) << "oui" << std::right << v.oui_registrant
            << "  (IEEE registrant)\n";
    finding(out, "model", v.model, all);
    finding(out, "firmware", v.firmware, all);
    finding(out, "serial", v.serial, all);
    finding(out, "os", v.os, all);
    if (v.hostname)
        out << "  " << std::left << std::setw(9) << "hostname" << std::right << v.hostname->value << "\n";
}

}  // namespace nd
