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
void add_annotate_command(CLI::App& app, const GlobalOptions& global);
void add_changes_command(CLI::App& app, const GlobalOptions& global);
void add_merge_command(CLI::App& app, const GlobalOptions& global);
void add_split_command(CLI::App& app, const GlobalOptions& global);
// Shared by annotate/changes/merge/split (annotate_command.cpp): the store named by --db, else by
// --config's [store] path, else ./netdossier.db; opened existing (exit 5 when unusable).
class Store;
Store open_store_for(const std::string& config, const std::string& db);
std::int64_t device_named(const Store& store, const std::string& name);  // exit 4 when none/ambiguous

}  // namespace nd
