#pragma once
// The sub-commands, each defined in its own file in this folder.
#include "agent/commands/command.hpp"

namespace nd {

void add_scan_command(CLI::App& app, const GlobalOptions& global);
void add_export_command(CLI::App& app, const GlobalOptions& global);

void add_fingerprint_report_command(CLI::App& app, const GlobalOptions& global);
void add_explain_command(CLI::App& app, const GlobalOptions& global);
void add_identify_command(CLI::App& app, const GlobalOptions& global);
void add_daemon_command(CLI::App& app, const GlobalOptions& global);
void add_backup_command(CLI::App& app, const GlobalOptions& global);

}  // namespace nd
