// Printer-MIB (RFC 3805) supplies, trays, counters, alerts, and the HOST-RESOURCES printer status.
#include <array>

#include "collectors/snmp/snmp_decode.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;
namespace {

std::string supply_type_name(int type) {
    static constexpr std::array<const char*, 35> kNames{"",
                                                        "other",
                                                        "unknown",
                                                        "toner",
                                                        "wasteToner",
                                                        "ink",
                                                        "inkCartridge",
                                                        "inkRibbon",
                                                        "wasteInk",
                                                        "opc",
                                                        "developer",
                                                        "fuserOil",
                                                        "solidWax",
                                                        "ribbonWax",
                                                        "wasteWax",
                                                        "fuser",
                                                        "coronaWire",
                                                        "fuserOilWick",
                                                        "cleanerUnit",
                                                        "fuserCleaningPad",
                                                        "transferUnit",
                                                        "tonerCartridge",
                                                        "fuserOiler",
                                                        "water",
                                                        "wasteWater",
                                                        "glueWaterAdditive",
                                                        "wastePaper",
                                                        "bindingSupply",
                                                        "bandingSupply",
                                                        "stitchingWire",
                                                        "shrinkWrap",
                                                        "paperWrap",
                                                        "staples",
                                                        "inserts",
                                                        "covers"};
    return type > 0 && type < static_cast<int>(kNames.size()) ? kNames[static_cast<std::size_t>(type)] : "";
}

std::string severity_name(int severity) {
    switch (severity) {
        case 1:
            return "other";
        case 3:
            return "critical";
        case 4:
            return "warning";
        case 5:
            return "warningBinaryChangeEvent";
        default:
            return "";
    }
}

// Printer-MIB capacities: -1 other, -2 unknown, -3 "at least one unit remains" (levels only).
std::optional<std::int64_t> capacity(const SnmpValue* v, bool is_level) {
    auto n = number(v);
    if (!n) return std::nullopt;
    if (*n >= 0 || (is_level && *n == -3)) return n;
    return std::nullopt;
}

}  // namespace

std::string PrinterFacts::status_text() const {
    if (!printer_status) return "";
    switch (*printer_status) {
        case 1:
            return "other";
        case 2:
            return "unknown";
        case 3:
            return "idle";
        case 4:
            return "printing";
        case 5:
            return "warmup";
        default:
            return "";
    }
}

PrinterFacts decode_printer(const SnmpWalk& walk) {
    static const Oid kSerial = oid("1.3.6.1.2.1.43.5.1.1.17");
    static const Oid kMarker = oid("1.3.6.1.2.1.43.10.2.1");
    static const Oid kSupply = oid("1.3.6.1.2.1.43.11.1.1");
    static const Oid kColorant = oid("1.3.6.1.2.1.43.12.1.1");
    static const Oid kInput = oid("1.3.6.1.2.1.43.8.2.1");
    static const Oid kAlert = oid("1.3.6.1.2.1.43.18.1.1");
    static const Oid kConsole = oid("1.3.6.1.2.1.43.16.5.1.2");
    static const Oid kPrinterStatus = oid("1.3.6.1.2.1.25.3.5.1.1");
    static const Oid kErrorState = oid("1.3.6.1.2.1.25.3.5.1.2");
    static const Oid kDeviceStatus = oid("1.3.6.1.2.1.25.3.2.1.5");
    static const std::array<const char*, 16> kErrorBits{"lowPaper",
                                                        "noPaper",
                                                        "lowToner",
                                                        "noToner",
                                                        "doorOpen",
                                                        "jammed",
                                                        "offline",
                                                        "serviceRequested",
                                                        "inputTrayMissing",
                                                        "outputTrayMissing",
                                                        "markerSupplyMissing",
                                                        "outputNearFull",
                                                        "outputFull",
                                                        "inputTrayEmpty",
                                                        "overduePreventMaint",
                                                        ""};

    PrinterFacts p;
    for (const auto& [index, value] : column(walk, kSerial)) {
        p.serial = text(value);
        if (!p.serial.empty()) break;
    }
    for (const auto& [index, value] : column(walk, kMarker.child(4))) {  // prtMarkerLifeCount
        if (auto n = number(value)) {
            p.page_count = n;
            break;
        }
    }
    for (const Index& index : rows(walk, kSupply, {5, 6, 9})) {
        if (index.size() != 2) continue;  // hrDeviceIndex.supplyIndex
        PrinterSupply s;
        s.index = index[1];
        s.description = text(cell(walk, kSupply, 6, index));
        s.type = static_cast<int>(number(cell(walk, kSupply, 5, index)).value_or(0));
        s.type_name = supply_type_name(s.type);
        s.unit = static_cast<int>(number(cell(walk, kSupply, 7, index)).value_or(0));
        s.max_capacity = capacity(cell(walk, kSupply, 8, index), false);
        s.level = capacity(cell(walk, kSupply, 9, index), true);
        if (s.max_capacity && *s.max_capacity > 0 && s.level && *s.level >= 0) {
            s.percent = static_cast<int>(std::min<std::int64_t>(100, (*s.level * 100) / *s.max_capacity));
        }
        if (auto colorant = number(cell(walk, kSupply, 3, index)); colorant && *colorant > 0) {
            s.colorant =
                text(cell(walk, kColorant, 4, Index{index[0], static_cast<std::uint32_t>(*colorant)}));
        }
        p.supplies.push_back(std::move(s));
    }
    for (const Index& index : rows(walk, kInput, {2, 13, 18})) {
        if (index.size() != 2) continue;
        PrinterTray t;
        t.index = index[1];
        t.type = static_cast<int>(number(cell(walk, kInput, 2, index)).value_or(0));
        t.max_capacity = capacity(cell(walk, kInput, 9, index), false);
        t.current_level = capacity(cell(walk, kInput, 10, index), true);
        t.media_name = text(cell(walk, kInput, 12, index));
        t.name = text(cell(walk, kInput, 13, index));
        t.description = text(cell(walk, kInput, 18, index));
        p.trays.push_back(std::move(t));
    }
    for (const Index& index : rows(walk, kAlert, {2, 7, 8})) {
        if (index.size() != 2) continue;
        PrinterAlert a;
        a.index = index[1];
        a.severity = static_cast<int>(number(cell(walk, kAlert, 2, index)).value_or(0));
        a.severity_name = severity_name(a.severity);
        a.group = static_cast<int>(number(cell(walk, kAlert, 4, index)).value_or(0));
        a.code = static_cast<int>(number(cell(walk, kAlert, 7, index)).value_or(0));
        a.description = text(cell(walk, kAlert, 8, index));
        p.alerts.push_back(std::move(a));
    }
    for (const auto& [index, value] : column(walk, kConsole)) {
        if (std::string line = text(value); !line.empty()) p.console_lines.push_back(line);
    }
    for (const auto& [index, value] : column(walk, kPrinterStatus)) {  // index: hrDeviceIndex
        auto n = number(value);
        if (!n || index.size() != 1) continue;
        p.printer_status = static_cast<int>(*n);
        if (auto d = number(scalar(walk, kDeviceStatus.child(index[0]))))
            p.device_status = static_cast<int>(*d);
        for (int bit : bits(scalar(walk, kErrorState.child(index[0])))) {
            if (bit < 15) p.error_states.emplace_back(kErrorBits[static_cast<std::size_t>(bit)]);
        }
        break;
    }
    return p;
}

}  // namespace nd
