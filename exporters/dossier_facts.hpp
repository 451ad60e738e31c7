#pragma once
// Facts the dossier derives from devices and scans, the same for every format.
#include <cstdint>
#include <string>
#include <vector>

#include "exporters/device_index.hpp"
#include "exporters/dossier.hpp"
#include "model/address.hpp"

namespace nd {

struct SubnetSummary {
    Ipv4Network network;
    std::int64_t devices = 0;
    bool scanned = false;  // a scan target; else inferred as the /24 of addresses seen outside targets
};

// Scan targets (every scan's) with the devices in each, then the /24s of addresses outside them.
std::vector<SubnetSummary> subnets_seen(const DossierInput& input);

// The changes the last scan brought, oldest first (every change when there are no scans).
std::vector<const ChangeEvent*> latest_changes(const DossierInput& input);
// "printer-2 (198.18.0.21): address changed from 198.18.0.20 to 198.18.0.21", in plain words for every
// kind the store emits (new device, gone, address, firmware, switch port, supply low, new neighbour).
std::string change_sentence(const ChangeEvent& change, const DeviceIndex& devices);
// The same, building an index first: for one sentence only (a loop must build the index once).
std::string change_sentence(const ChangeEvent& change, const DossierInput& input);

// How to print to a printer, from what was actually seen (mDNS services, open TCP ports):
// "ipp://198.18.0.20:631/ipp/print", "socket://198.18.0.20:9100", "lpd://198.18.0.20/queue".
std::vector<std::string> printer_connections(const DeviceRecord& d);

}  // namespace nd
