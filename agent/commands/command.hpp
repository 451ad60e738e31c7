#pragma once
// Each sub-command lives in its own file and registers itself in cli.cpp's explicit list.
#include <CLI/CLI.hpp>

namespace nd {

// Options every command shares (set before the sub-command's callback runs).
struct GlobalOptions {
    bool verbose = false;
    bool quiet = false;
};

// Thrown by a command for a user-facing failure: printed as one line, exit code kept.
struct CommandError {
    std::string message;
    int exit_code = 1;
};

}  // namespace nd
