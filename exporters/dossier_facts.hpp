#pragma once
// Facts the dossier derives from devices and scans, the same for every format.
#include <cstdint>
#include <string>
#include <vector>

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
// "198.18.0.20 (printer-2): address changed from 198.18.0.20 to 198.18.0.21".
std::string change_sentence(const ChangeEvent& change, const DossierInput& input);

// How to print to a printer: "ipp://host:631/ipp/print", "socket://198.18.0.20:9100", "lpd://...".
std::vector<std::string> printer_connections(const DeviceRecord& d);

}  // namespace nd
