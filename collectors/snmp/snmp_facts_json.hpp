#pragma once
// Decoded SNMP facts as JSON (an extension of the export contract's device object, under
// "snmp_facts") and as a short human summary for `identify` without --json. Empty parts are
// left out; unknown numbers are null.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/snmp/snmp_facts.hpp"

namespace nd {

nlohmann::json snmp_facts_json(const SnmpDeviceFacts& facts);
// A few lines: chassis, interfaces, MAC table, neighbours, supplies, UPS battery, host resources.
std::vector<std::string> snmp_facts_summary(const SnmpDeviceFacts& facts);

}  // namespace nd
