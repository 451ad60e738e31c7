// `netdossier annotate DEVICE key=value ...`: what no scan can know (location, owner, role, VIP user,
// responsible person, notes). `key=` removes a key. Scans never touch annotations.
// Exit codes: 0 done, 2 bad arguments, 4 no such device (or ambiguous), 5 store unusable.
#include <iostream>

#include "agent/commands/commands.hpp"
#include "agent/config.hpp"
#include "model/config_error.hpp"
#include "storage/store.hpp"

namespace nd {

Store open_store_for(const std::string& config, const std::string& db) {
    std::filesystem::path path{std::string(kDefaultStorePath)};
    if (!config.empty()) {
        try {
            path = load_config(config).store_path;
        } catch (const ConfigError& e) {
            throw CommandError{e.what(), 2};
        }
    }
    if (!db.empty()) path = db;
    try {
        return Store::open_existing(path);
    } catch (const StoreError& e) {
        throw CommandError{e.what(), 5};
    }
}

std::int64_t device_named(const Store& store, const std::string& name) {
    try {
        return store.resolve_device(name);
    } catch (const StoreError& e) {
        throw CommandError{e.what(), 4};
    }
}

namespace {

constexpr std::size_t kMaxValueBytes = 2000;

struct AnnotateFlags {
    std::string config;
    std::string db;
    std::string device;
    std::vector<std::string> pairs;
};

std::string allowed_keys() {
    std::string out;
    for (auto k : kAnnotationKeys) out += (out.empty() ? "" : ", ") + std::string(k);
    return out;
}

// Checks every pair before writing any, so a typo changes nothing.
std::vector<std::pair<std::string, std::string>> parse_pairs(const std::vector<std::string>& pairs) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : pairs) {
        const auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            throw CommandError{"annotate: '" + p + "' is not key=value (keys: " + allowed_keys() + ")", 2};
        std::string key = p.substr(0, eq);
        std::string value = p.substr(eq + 1);
        if (!is_annotation_key(key))
            throw CommandError{"annotate: unknown key '" + key + "' (keys: " + allowed_keys() + ")", 2};
        if (value.size() > kMaxValueBytes)
            throw CommandError{
                "annotate: " + key + ": value longer than " + std::to_string(kMaxValueBytes) + " bytes", 2};
        for (unsigned char c : value) {
            if (c < 0x20 && c != '\t')
                throw CommandError{"annotate: " + key + ": control characters are not allowed in values", 2};
        }
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
        out.emplace_back(std::move(key), std::move(value));
    }
    return out;
}

void run_annotate(const AnnotateFlags& flags) {
    const auto pairs = parse_pairs(flags.pairs);
    auto store = open_store_for(flags.config, flags.db);
    const auto id = device_named(store, flags.device);
    try {
        for (const auto& [key, value] : pairs) store.annotate(id, key, value);
    } catch (const StoreError& e) {
        throw CommandError{e.what(), 5};
    }
    const auto device = store.device(id);
    std::cout << "device " << id << ":";
    if (!device || device->annotations.empty()) std::cout << " no annotations";
    std::cout << "\n";
    if (device) {
        for (const auto& [key, value] : device->annotations)
            std::cout << "  " << key << " = " << value << "\n";
    }
}

}  // namespace

void add_annotate_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto flags = std::make_shared<AnnotateFlags>();
    auto* cmd =
        app.add_subcommand("annotate", "Add what no scan can know to a device (key=value; key= removes)");
    cmd->add_option("device", flags->device, "Device: id, IP, MAC or host name")->required();
    cmd->add_option("pairs", flags->pairs, "location=, owner=, role=, vip=, responsible=, notes=")
        ->required();
    cmd->add_option("--config", flags->config, "Config file (TOML): store path");
    cmd->add_option("--db", flags->db, "Store file (default: the config's, else netdossier.db)");
    cmd->callback([flags] { run_annotate(*flags); });
}

}  // namespace nd
