#pragma once
// Pure part of the passive listener: one captured frame in, at most one Observation out. LLDP
// (source "lldp"), CDP ("cdp"), mDNS responses ("mdns"), DHCP client requests ("dhcp") and
// gratuitous ARP ("arp-passive"); everything else is ignored, malformed frames are counted.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "collectors/packets/byte_reader.hpp"
#include "model/evidence.hpp"

namespace nd {

struct PassiveStats {
    std::uint64_t frames = 0;
    std::uint64_t lldp = 0, cdp = 0, mdns = 0, dhcp = 0, arp = 0;
    std::uint64_t malformed = 0;
    std::uint64_t ignored = 0;     // frames of no interest (the filter is wider than the decoders)
    std::uint64_t suppressed = 0;  // repeats of an unchanged announcement within the repeat interval
};

// The BPF filter the live capture and file replay use: LLDP, CDP, mDNS, DHCP, gratuitous ARP,
// plain or 802.1Q-tagged.
std::string passive_filter();

std::optional<Observation> observe_frame(packets::Bytes frame, std::chrono::system_clock::time_point when,
                                         PassiveStats& stats);

}  // namespace nd
