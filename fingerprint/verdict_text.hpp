#pragma once
// Human-readable verdicts for `netdossier explain` and `identify`: every finding, its confidence and why.
#include <ostream>

#include "model/verdict.hpp"

namespace nd {

// With `all_reasons` false, prints at most three reasons per finding.
void print_verdict(std::ostream& out, const Verdict& verdict, bool all_reasons = true);

}  // namespace nd
