#pragma once
// Table cells about one device, the same in every format. Annotations win over discovered values;
// where both exist and disagree, the cell shows the annotation and notes the discovered value.
#include <optional>
#include <string>

#include "collectors/snmp/snmp_facts.hpp"
#include "exporters/dossier_view.hpp"
#include "model/device_record.hpp"

namespace nd {

// The annotation `key` if set, else `discovered`; a note when both exist and differ.
ViewCell annotated(const DeviceRecord& d, const std::string& key,
                   const std::optional<std::string>& discovered);

ViewCell name_cell(const DeviceRecord& d);   // annotated name over hostname; the dossier's label
ViewCell model_cell(const DeviceRecord& d);  // "Cisco WS-C3560-48TS-S" (vendor and model)
// The model the fingerprint found, after its maker when the fingerprint named one; empty without a model
// (no MAC registrant in its place, for tables that show the registrant in a column of its own).
ViewCell found_model_cell(const DeviceRecord& d);
ViewCell location_cell(const DeviceRecord& d);     // annotated location over sysLocation
ViewCell notes_cell(const DeviceRecord& d);        // owner, role, VIP user, responsible person, notes
ViewCell switch_port_cell(const DeviceRecord& d);  // "core-sw1 Fa0/12 (VLAN 100)"
std::string ips_text(const DeviceRecord& d);
std::string macs_text(const DeviceRecord& d);
std::string day_text(Clock::time_point t);  // "2026-11-22", "" for never

ViewCell supplies_cell(const PrinterFacts& p);  // "Black toner 45 %, Drum 80 %"; alert when one is low
ViewCell printer_status_cell(const PrinterFacts& p);
ViewCell battery_cell(const UpsFacts& u);     // "normal, 100 %, 42 min"; alert on low / on battery
ViewCell resources_cell(const HostFacts& h);  // "4 CPUs, 16 GiB RAM, disks 120/500 GB"

// A supply at or under this percentage is "low".
inline constexpr int kLowSupplyPercent = 10;

}  // namespace nd
