#pragma once
// Reads SNMP dumps that engineers send each other: `snmpwalk -On` output and snmpsim .snmprec
// recordings (plain or gzipped). Malformed lines are skipped and counted, never fatal.
#include <filesystem>
#include <string>
#include <string_view>

#include "model/snmp_value.hpp"

namespace nd {

struct WalkFileResult {
    SnmpWalk walk;
    std::size_t skipped_lines = 0;  // malformed lines tolerated
    std::string first_problem;      // description of the first skipped line, for warnings
};

// Detects the format from the content. Throws std::runtime_error naming the file when it can't be
// read at all or holds no valid record.
WalkFileResult read_walk_file(const std::filesystem::path& path);
WalkFileResult parse_snmprec(std::string_view text);
WalkFileResult parse_snmpwalk_output(std::string_view text);

}  // namespace nd
