#pragma once
// The live capture of the passive listener: receive-only libpcap on one interface with full frames
// (LLDP-MED and mDNS announcements run to a kilobyte and more; the ARP sweep's 128-byte snap length
// would cut them) and promiscuous mode, so LLDP/CDP multicast reaches us on real NICs too.
#include <string>

#include "collectors/arp/frame_channel.hpp"

struct pcap;

namespace nd {

class PcapListenChannel final : public FrameChannel {
public:
    // Throws PcapError (collectors/arp/pcap_channel.hpp) naming the interface and what failed.
    PcapListenChannel(const std::string& interface, const std::string& filter, bool promiscuous = true);
    ~PcapListenChannel() override;
    PcapListenChannel(const PcapListenChannel&) = delete;
    PcapListenChannel& operator=(const PcapListenChannel&) = delete;

    SendStatus send(std::span<const std::uint8_t>) override { return SendStatus::kFailed; }  // listens only
    std::size_t receive(Clock::time_point deadline, const FrameHandler& on_frame) override;
    std::uint64_t dropped() override;
    Clock::time_point now() const override { return Clock::now(); }

private:
    std::size_t dispatch(const FrameHandler& on_frame);

    pcap* handle_ = nullptr;
    int fd_ = -1;
};

}  // namespace nd
