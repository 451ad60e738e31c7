#pragma once
// The live FrameChannel: one libpcap handle on an interface that injects frames and captures, through
// a kernel BPF filter, only what the collector asked for. Non-blocking; waits with ppoll on its fd.
// The ARP sweep uses it with a short snap length; the passive listener (PcapListenChannel) with full
// frames, promiscuous mode and no sending.
#include <memory>
#include <stdexcept>
#include <string>

#include "collectors/arp/frame_channel.hpp"
#include "model/address.hpp"

struct pcap;

namespace nd {

// The interface can't be opened or the filter can't be installed; the message names both.
class PcapError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// BPF filter for ARP replies addressed to `mac`, plain or 802.1Q-tagged.
std::string arp_reply_filter(const MacAddress& mac);

struct PcapOptions {
    int snap_length = 128;               // Ethernet + VLAN + ARP fit with room to spare
    bool promiscuous = false;            // replies are addressed to us; no need to see anyone else's traffic
    int buffer_bytes = 8 * 1024 * 1024;  // a /16's replies never overrun it
    int max_per_dispatch = -1;           // frames handed out per receive(); -1: all that are buffered
    bool can_send = true;
};

class PcapChannel : public FrameChannel {
public:
    // Opens `interface` for capture with `filter` (immediate mode, inbound only), and for injection.
    PcapChannel(const std::string& interface, const std::string& filter, PcapOptions options = {});
    ~PcapChannel() override;
    PcapChannel(const PcapChannel&) = delete;
    PcapChannel& operator=(const PcapChannel&) = delete;

    SendStatus send(std::span<const std::uint8_t> frame) override;
    std::size_t receive(Clock::time_point deadline, const FrameHandler& on_frame) override;
    std::uint64_t dropped() override;
    Clock::time_point now() const override { return Clock::now(); }

private:
    std::size_t dispatch(const FrameHandler& on_frame);

    pcap* handle_ = nullptr;
    int fd_ = -1;
    std::string interface_;
    PcapOptions options_;
};

}  // namespace nd
