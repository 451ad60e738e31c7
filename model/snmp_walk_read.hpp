#pragma once
// Reading stored SNMP walks: table columns, scalars and value conversions. Shared by the
// collectors' MIB decoders and the store's identity reads (storage sits below collectors).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/address.hpp"
#include "model/snmp_value.hpp"

namespace nd::snmp_decode {

using Index = std::vector<std::uint32_t>;  // the instance part of an OID (after the column)

Oid oid(std::string_view dotted);  // for constant OIDs in decoders; throws on bad text
const SnmpValue* scalar(const SnmpWalk& walk, const Oid& o);
// index -> value for every instance of one table column, in OID order.
std::map<Index, const SnmpValue*> column(const SnmpWalk& walk, const Oid& column_oid);
// Rows of a table: every index seen in any of the listed columns.
std::vector<Index> rows(const SnmpWalk& walk, const Oid& entry_oid,
                        std::initializer_list<std::uint32_t> columns);
const SnmpValue* cell(const SnmpWalk& walk, const Oid& entry_oid, std::uint32_t column, const Index& index);

std::string text(const SnmpValue* v);  // printable text of strings; "" for others and missing
std::optional<std::int64_t> number(const SnmpValue* v);  // integers/counters/gauges/ticks only
std::optional<MacAddress> mac(const SnmpValue* v);       // 6-byte octet string (or "aa:bb:.." text)
std::optional<MacAddress> mac_from_index(const Index& index, std::size_t offset);
std::optional<Ipv4Address> ipv4(const SnmpValue* v);  // IpAddress, 4-byte string or dotted text
std::optional<Ipv4Address> ipv4_from_index(const Index& index, std::size_t offset);
// BITS (SNMP octet string, bit 0 = MSB of the first byte) -> set bit positions.
std::vector<int> bits(const SnmpValue* v);
std::uint32_t index_at(const Index& index, std::size_t i);  // 0 when absent
std::string hex(const SnmpValue* v);  // octet string as lower-case hex without separators; "" otherwise

}  // namespace nd::snmp_decode
