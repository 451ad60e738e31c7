// `netdossier split DEVICE KEY...`: the engineer says some MACs or addresses of a device record belong to
// another device. They move to a new record, and the matcher never merges them back.
// Exit codes: 0 done, 2 bad arguments, 4 no such device (or ambiguous), 5 store unusable.
#include <iostream>

#include "agent/commands/commands.hpp"
#include "storage/store.hpp"

namespace nd {
namespace {

struct SplitFlags {
    std::string config;
    std::string db;
    std::string device;
    std::vector<std::string> keys;
    std::string note;
};

void run_split(const SplitFlags& flags) {
    auto store = open_store_for(flags.config, flags.db);
    const auto id = device_named(store, flags.device);
    std::int64_t fresh = 0;
    try {
        fresh = store.split(id, flags.keys, flags.note);
    } catch (const StoreError& e) {
        throw CommandError{std::string("split: ") + e.what(), 2};
    }
    std::cout << "split off device " << fresh << " from device " << id << ":";
    for (const auto& k : flags.keys) std::cout << " " << k;
    std::cout << "\n";
}

}  // namespace

void add_split_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<SplitFlags>();
    auto* cmd =
        app.add_subcommand("split", "Correct identity: move MACs/addresses of a device to a new device");
    cmd->add_option("device", flags->device, "Device: id, IP, MAC or host name")->required();
    cmd->add_option("keys", flags->keys, "MACs and IPv4 addresses that belong to another device")->required();
    cmd->add_option("--note", flags->note, "Why (kept in the identity log)");
    cmd->add_option("--config", flags->config, "Config file (TOML): store path");
    cmd->add_option("--db", flags->db, "Store file (default: the config's, else netdossier.db)");
    cmd->callback([flags] { run_split(*flags); });
}

}  // namespace nd
