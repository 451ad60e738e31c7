// HOST-RESOURCES-MIB: memory, processors, storage, devices.
#include "collectors/snmp/snmp_decode.hpp"
#include "model/snmp_walk_read.hpp"

namespace nd {
using namespace snmp_decode;
namespace {

// The last arc of an hrStorageTypes / hrDeviceTypes OID, named.
std::string storage_type(const std::string& type_oid) {
    static const std::string kPrefix = "1.3.6.1.2.1.25.2.1.";
    static const char* const kNames[] = {"",          "other",         "ram",        "virtualMemory",
                                         "fixedDisk", "removableDisk", "floppyDisk", "compactDisc",
                                         "ramDisk",   "flashMemory",   "networkDisk"};
    if (type_oid.rfind(kPrefix, 0) != 0) return "other";
    const int n = std::atoi(type_oid.c_str() + kPrefix.size());
    return n > 0 && n <= 10 ? kNames[n] : "other";
}

std::string device_type(const std::string& type_oid) {
    static const std::string kPrefix = "1.3.6.1.2.1.25.3.1.";
    static const char* const kNames[] = {"",
                                         "other",
                                         "unknown",
                                         "processor",
                                         "network",
                                         "printer",
                                         "diskStorage",
                                         "video",
                                         "audio",
                                         "coprocessor",
                                         "keyboard",
                                         "modem",
                                         "parallelPort",
                                         "pointing",
                                         "serialPort",
                                         "tape",
                                         "clock",
                                         "volatileMemory",
                                         "nonVolatileMemory"};
    if (type_oid.rfind(kPrefix, 0) != 0) return "other";
    const int n = std::atoi(type_oid.c_str() + kPrefix.size());
    return n > 0 && n <= 18 ? kNames[n] : "other";
}

}  // namespace

HostFacts decode_host_resources(const SnmpWalk& walk) {
    static const Oid kMemory = oid("1.3.6.1.2.1.25.2.2.0");
    static const Oid kUsers = oid("1.3.6.1.2.1.25.1.5.0");
    static const Oid kProcesses = oid("1.3.6.1.2.1.25.1.6.0");
    static const Oid kStorage = oid("1.3.6.1.2.1.25.2.3.1");
    static const Oid kDevice = oid("1.3.6.1.2.1.25.3.2.1");
    static const Oid kProcessorLoad = oid("1.3.6.1.2.1.25.3.3.1.2");

    HostFacts h;
    h.memory_kib = number(scalar(walk, kMemory));
    h.users = number(scalar(walk, kUsers));
    h.processes = number(scalar(walk, kProcesses));
    h.cpu_count = static_cast<int>(column(walk, kProcessorLoad).size());
    for (const Index& index : rows(walk, kStorage, {2, 3, 5})) {
        if (index.size() != 1) continue;
        StorageFacts s;
        s.index = index[0];
        std::string type = text(cell(walk, kStorage, 2, index));
        if (!type.empty() && type.front() == '.') type.erase(0, 1);
        s.type = storage_type(type);
        s.description = text(cell(walk, kStorage, 3, index));
        const auto unit = number(cell(walk, kStorage, 4, index)).value_or(0);
        const auto size = number(cell(walk, kStorage, 5, index)).value_or(0);
        const auto used = number(cell(walk, kStorage, 6, index)).value_or(0);
        if (unit > 0 && size >= 0)
            s.size_bytes = static_cast<std::uint64_t>(unit) * static_cast<std::uint64_t>(size);
        if (unit > 0 && used >= 0)
            s.used_bytes = static_cast<std::uint64_t>(unit) * static_cast<std::uint64_t>(used);
        h.storage.push_back(std::move(s));
    }
    for (const Index& index : rows(walk, kDevice, {2, 3})) {
        if (index.size() != 1) continue;
        HrDeviceFacts d;
        d.index = index[0];
        std::string type = text(cell(walk, kDevice, 2, index));
        if (!type.empty() && type.front() == '.') type.erase(0, 1);
        d.type = device_type(type);
        d.description = text(cell(walk, kDevice, 3, index));
        d.status = static_cast<int>(number(cell(walk, kDevice, 5, index)).value_or(0));
        h.devices.push_back(std::move(d));
    }
    return h;
}

}  // namespace nd
