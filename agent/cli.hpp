#pragma once
#include <string>
#include <vector>

namespace nd {

// Parses the command line, runs the chosen sub-command and returns the process exit code.
// Never throws: every failure becomes a one-line message on stderr and a non-zero code.
int run_cli(int argc, char** argv);

}  // namespace nd
