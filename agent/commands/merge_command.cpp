// `netdossier merge A B`: the engineer says two device records are one device. B folds into A (A keeps
// its id and annotations); the store remembers it, so rescans keep them together.
// Exit codes: 0 done, 2 bad arguments, 4 no such device (or ambiguous), 5 store unusable.
#include <iostream>

#include "agent/commands/commands.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

struct MergeFlags {
    std::string config;
    std::string db;
    std::string keep;
    std::string absorb;
    std::string note;
};

void run_merge(const MergeFlags& flags) {
    auto store = open_store_for(flags.config, flags.db);
    const auto keep = device_named(store, flags.keep);
    const auto absorb = device_named(store, flags.absorb);
    if (keep == absorb)
        throw CommandError{"merge: '" + flags.keep + "' and '" + flags.absorb + "' are already one device (" +
                               std::to_string(keep) + ")",
                           2};
    try {
        store.merge(keep, absorb, flags.note);
    } catch (const StoreError& e) {
        throw CommandError{std::string("merge: ") + e.what(), 5};
    }
    std::cout << "merged device " << absorb << " into device " << keep << "\n";
}

}  // namespace

void add_merge_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<MergeFlags>();
    auto* cmd =
        app.add_subcommand("merge", "Correct identity: two device records are one device (B folds into A)");
    cmd->add_option("a", flags->keep, "Device to keep: id, IP, MAC or host name")->required();
    cmd->add_option("b", flags->absorb, "Device folded into A")->required();
    cmd->add_option("--note", flags->note, "Why (kept in the identity log)");
    cmd->add_option("--config", flags->config, "Config file (TOML): store path");
    cmd->add_option("--db", flags->db, "Store file (default: the config's, else netdossier.db)");
    cmd->callback([flags] { run_merge(*flags); });
}

}  // namespace nd
