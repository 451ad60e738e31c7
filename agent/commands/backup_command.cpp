// `netdossier backup`: a consistent, integrity-checked copy of the store, safe while the daemon runs.
// Exit codes: 0 done, 5 store missing or unreadable, 7 the copy could not be written or failed its check.
#include <cstdio>

#include "agent/commands/commands.hpp"
#include "agent/daemon/store_backup.hpp"

namespace nd {
namespace {

struct BackupFlags {
    std::string db;
    std::string out;
    bool force = false;
};

void run_backup(const BackupFlags& flags) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(flags.db, ec)) throw CommandError{flags.db + ": no such store", 5};
    BackupResult result;
    try {
        result = backup_store(flags.db, flags.out, flags.force);
    } catch (const BackupError& e) {
        throw CommandError{e.what(), 7};
    }
    std::printf("%s -> %s: %llu pages, %llu bytes, integrity %s\n", flags.db.c_str(), flags.out.c_str(),
                static_cast<unsigned long long>(result.pages), static_cast<unsigned long long>(result.bytes),
                result.integrity.c_str());
}

}  // namespace

void add_backup_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<BackupFlags>();
    auto* cmd = app.add_subcommand("backup", "Copy the store consistently (also while the daemon scans)");
    cmd->add_option("--db", flags->db, "Store to copy")->type_name("PATH")->required();
    cmd->add_option("-o,--out", flags->out, "Where to write the copy")->type_name("FILE")->required();
    cmd->add_flag("--force", flags->force, "Replace FILE if it exists");
    cmd->callback([flags] { run_backup(*flags); });
}

}  // namespace nd
