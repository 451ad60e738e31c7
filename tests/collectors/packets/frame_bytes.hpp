#pragma once
// Test helpers: hex literals to bytes, and the frames of a capture file in tests/captures/.
#include "collectors/arp/pcap_library.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nd::test {

inline std::vector<std::uint8_t> from_hex(std::string_view hex) {
    std::vector<std::uint8_t> out;
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    for (std::size_t i = 0; i + 1 < hex.size();) {
        if (hex[i] == ' ' || hex[i] == '\n') {
            ++i;
            continue;
        }
        out.push_back(static_cast<std::uint8_t>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
        i += 2;
    }
    return out;
}

inline std::vector<std::vector<std::uint8_t>> capture_frames(const std::string& name) {
    const std::string path = std::string{NETDOSSIER_SOURCE_DIR} + "/tests/captures/" + name;
    char error[PCAP_ERRBUF_SIZE] = {};
    std::vector<std::vector<std::uint8_t>> out;
    const auto& lib = pcap_library();
    pcap_t* p = lib.open_offline(path.c_str(), error);
    if (p == nullptr) return out;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    while (lib.next_ex(p, &header, &data) == 1) out.emplace_back(data, data + header->caplen);
    lib.close(p);
    return out;
}

}  // namespace nd::test
