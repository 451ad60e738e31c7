#pragma once
// The IANA private enterprise number registry (1.3.6.1.4.1.<n> -> the organisation it is registered to), as
// Debian ships it with Wireshark's data (libwireshark-data): the maker of a device no rule knows, by its
// sysObjectID, the way the IEEE registry names a MAC's maker.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace nd::fp {

inline constexpr std::string_view kDefaultEnterpriseRegistry = "/usr/share/wireshark/enterprises.tsv";

class EnterpriseRegistry {
public:
    // Nothing is read until the first lookup; then the file is parsed once (thread-safe). A missing or
    // unreadable file gives an empty registry: the engine then names only makers its rules know.
    explicit EnterpriseRegistry(
        std::filesystem::path file = std::filesystem::path(kDefaultEnterpriseRegistry));

    // The organisation as registered ("Samlex America Inc"); nullopt when the number is not registered.
    std::optional<std::string_view> lookup(std::uint32_t number) const;
    std::size_t size() const;             // numbers loaded (forces the load)
    std::size_t malformed_lines() const;  // lines that were neither comments nor "<number> <name>"

    // Adds the lines of a registry text ("<number><spaces or tabs><name>", '#' comments); for tests. Set-up
    // only: not synchronised with lookups on other threads.
    void add_text(std::string_view text);

private:
    void ensure_loaded() const;
    std::filesystem::path file_;
    mutable std::once_flag loaded_;
    std::unordered_map<std::uint32_t, std::string> names_;
    std::size_t malformed_ = 0;
};

// Whether a registrant reads like a person rather than a company ("Marc Hirsch"): two capitalised words and
// nothing that names a business. Such numbers were registered by whoever wrote the agent, not the maker.
bool looks_like_a_person(std::string_view registrant);
// Whether a registrant names a maker: not empty, no placeholder ("Reserved", "---none---"), no person.
bool registrant_names_a_maker(std::string_view registrant);

}  // namespace nd::fp
