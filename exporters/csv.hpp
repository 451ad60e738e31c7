#pragma once
// CSV building blocks (RFC 4180) for spreadsheets.
#include <string>
#include <string_view>

namespace nd {

// One field: invalid UTF-8 replaced, quoted when it holds a comma, quote or line break, and a value
// starting with = + - @ (or tab / CR) prefixed with an apostrophe so no spreadsheet runs it as a formula.
std::string csv_field(std::string_view raw);

}  // namespace nd
