// SNMPv2-MIB system group and ENTITY-MIB physical table.
#include "collectors/snmp/snmp_decode.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;

void add_sysname_hostname(DeviceEvidence& evidence) {
    const SystemFacts system = decode_system(evidence.snmp);
    if (!system.name.empty()) evidence.hostnames.push_back(system.name);
}

SystemFacts decode_system(const SnmpWalk& walk) {
    SystemFacts s;
    s.description = text(scalar(walk, oids::kSysDescr));
    s.object_id = text(scalar(walk, oids::kSysObjectId));
    if (!s.object_id.empty() && s.object_id.front() == '.') s.object_id.erase(0, 1);
    s.name = text(scalar(walk, oids::kSysName));
    s.contact = text(scalar(walk, oids::kSysContact));
    s.location = text(scalar(walk, oids::kSysLocation));
    s.uptime_ticks = number(scalar(walk, oids::kSysUpTime));
    return s;
}

std::vector<EntityFacts> decode_entities(const SnmpWalk& walk) {
    static const Oid kEntry = oid("1.3.6.1.2.1.47.1.1.1.1");
    std::vector<EntityFacts> out;
    for (const Index& index : rows(walk, kEntry, {2, 5, 7, 11, 13})) {
        if (index.size() != 1) continue;
        EntityFacts e;
        e.index = index[0];
        e.description = text(cell(walk, kEntry, 2, index));
        e.vendor_type = text(cell(walk, kEntry, 3, index));
        e.contained_in = static_cast<std::uint32_t>(number(cell(walk, kEntry, 4, index)).value_or(0));
        e.physical_class = static_cast<int>(number(cell(walk, kEntry, 5, index)).value_or(0));
        e.name = text(cell(walk, kEntry, 7, index));
        e.hardware_revision = text(cell(walk, kEntry, 8, index));
        e.firmware_revision = text(cell(walk, kEntry, 9, index));
        e.software_revision = text(cell(walk, kEntry, 10, index));
        e.serial = text(cell(walk, kEntry, 11, index));
        e.manufacturer = text(cell(walk, kEntry, 12, index));
        e.model = text(cell(walk, kEntry, 13, index));
        if (auto fru = number(cell(walk, kEntry, 16, index))) e.field_replaceable = *fru == 1;
        out.push_back(std::move(e));
    }
    return out;
}

const EntityFacts* main_chassis(const std::vector<EntityFacts>& entities) {
    const EntityFacts* best = nullptr;
    for (const auto& e : entities) {
        // The first chassis with a serial or model; stacks list one chassis per member, in order.
        if (e.physical_class == 3 && (best == nullptr || (best->serial.empty() && best->model.empty())))
            best = &e;
    }
    if (best != nullptr) return best;
    for (const auto& e : entities) {
        if (e.contained_in == 0) return &e;
    }
    return entities.empty() ? nullptr : &entities.front();
}

}  // namespace nd
