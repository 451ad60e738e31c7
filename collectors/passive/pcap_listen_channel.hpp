#pragma once
// The live capture of the passive listener: the one libpcap channel (collectors/arp/pcap_channel.hpp)
// receive-only, with full frames (LLDP-MED and mDNS announcements run to a kilobyte and more; the ARP
// sweep's 128-byte snap length would cut them) and promiscuous mode, so LLDP/CDP multicast reaches us on
// real NICs too.
#include <string>

#include "collectors/arp/pcap_channel.hpp"

namespace nd {

// Throws PcapError naming the interface and what failed.
PcapOptions passive_pcap_options(bool promiscuous = true);

class PcapListenChannel final : public PcapChannel {
public:
    PcapListenChannel(const std::string& interface, const std::string& filter, bool promiscuous = true)
        : PcapChannel(interface, filter, passive_pcap_options(promiscuous)) {}
};

}  // namespace nd
