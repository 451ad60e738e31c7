#pragma once
// JSON forms of the shared model types, for the store's evidence columns, `identify --json` and the
// dossier. Round trips are exact for every field; SNMP values keep their type, and octet strings that
// are not clean UTF-8 text travel as hex. Other free-text fields (banners, TXT records) are device
// input: bytes that are not valid UTF-8 are replaced by U+FFFD so any dump() of the result succeeds.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "model/address.hpp"
#include "model/evidence.hpp"
#include "model/snmp_value.hpp"
#include "model/verdict.hpp"

namespace nd {

// Thrown by the from_json functions when the JSON has the wrong shape; names the field.
class EvidenceJsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "2026-11-22T21:05:46.123Z" (UTC, milliseconds); parse accepts with or without the fraction.
std::string to_iso8601(std::chrono::system_clock::time_point t);
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

// Replaces invalid UTF-8 sequences with U+FFFD; valid text is returned unchanged.
std::string sanitize_utf8(std::string_view text);
bool is_valid_utf8(std::string_view text);

// Contract spelling of SNMP types ("octet-string", "counter64", ...).
std::string_view to_string(SnmpType type);
std::optional<SnmpType> snmp_type_from_string(std::string_view text);

void to_json(nlohmann::json& j, const MacAddress& mac);
void from_json(const nlohmann::json& j, MacAddress& mac);
void to_json(nlohmann::json& j, const Ipv4Address& ip);
void from_json(const nlohmann::json& j, Ipv4Address& ip);

void to_json(nlohmann::json& j, const SnmpValue& value);
void from_json(const nlohmann::json& j, SnmpValue& value);
// A walk is an object keyed by dotted OID: {"1.3.6.1.2.1.1.1.0": {"type": "octet-string", "value": ".."}}.
nlohmann::json snmp_walk_to_json(const SnmpWalk& walk);
SnmpWalk snmp_walk_from_json(const nlohmann::json& j);

void to_json(nlohmann::json& j, const MdnsService& s);
void from_json(const nlohmann::json& j, MdnsService& s);
void to_json(nlohmann::json& j, const LldpNeighbor& n);
void from_json(const nlohmann::json& j, LldpNeighbor& n);
void to_json(nlohmann::json& j, const CdpNeighbor& n);
void from_json(const nlohmann::json& j, CdpNeighbor& n);
void to_json(nlohmann::json& j, const DhcpFingerprint& d);
void from_json(const nlohmann::json& j, DhcpFingerprint& d);
void to_json(nlohmann::json& j, const ServiceBanner& b);
void from_json(const nlohmann::json& j, ServiceBanner& b);

// Empty parts are left out, so a collector's fragment stays small.
void to_json(nlohmann::json& j, const DeviceEvidence& e);
void from_json(const nlohmann::json& j, DeviceEvidence& e);

void to_json(nlohmann::json& j, const Observation& o);
void from_json(const nlohmann::json& j, Observation& o);

void to_json(nlohmann::json& j, const Finding& f);
void from_json(const nlohmann::json& j, Finding& f);
void to_json(nlohmann::json& j, const ClassAlternative& a);
void from_json(const nlohmann::json& j, ClassAlternative& a);
// {"class": "printer", "class_confidence": .., "vendor": {"value", "confidence", "reasons"} | null, ...}
void to_json(nlohmann::json& j, const Verdict& v);
void from_json(const nlohmann::json& j, Verdict& v);

}  // namespace nd
