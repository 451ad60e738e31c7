#pragma once
// Text a regex cannot match without: the rule index's cheap test before running a sysDescr regex.
// Compiling every sysDescr regex (or sets of them) before the first device was a third of a rule
// load; with this, a regex is compiled only when a sysDescr holds its literal.
#include <string>
#include <string_view>
#include <vector>

namespace nd::fp {

// Literals, lower-case ASCII, of which any text the regex matches contains at least one (one per
// top-level alternative, the longest run of plain characters each branch requires). Conservative: every
// construct it does not read (classes, groups, escapes, quantifiers) only ends a run, and an empty result
// means "no literal known" (the regex must be run). A literal never holds a non-ASCII byte, whose case
// variants ASCII lower-casing does not know.
std::vector<std::string> required_literals(std::string_view pattern);

// ASCII lower-casing, the form required_literals() compares with. Texts with non-ASCII bytes must not be
// judged by literals (case folding of e.g. U+212A KELVIN SIGN to 'k'): see has_non_ascii().
std::string ascii_lower(std::string_view text);
bool has_non_ascii(std::string_view text);

}  // namespace nd::fp
