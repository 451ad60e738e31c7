#pragma once
// A FrameChannel that replays a capture file through the same BPF filter as the live capture, so
// tests and `--pcap` runs see exactly what the listener would have seen. Time is the capture's.
#include <string>

#include "collectors/arp/frame_channel.hpp"

struct pcap;

namespace nd {

class PcapFileChannel final : public FrameChannel {
public:
    // Throws PcapError (collectors/arp/pcap_channel.hpp) naming the file or the filter.
    PcapFileChannel(const std::string& path, const std::string& filter);
    ~PcapFileChannel() override;
    PcapFileChannel(const PcapFileChannel&) = delete;
    PcapFileChannel& operator=(const PcapFileChannel&) = delete;

    SendStatus send(std::span<const std::uint8_t>) override { return SendStatus::kFailed; }
    // Hands over every remaining frame at once; the deadline does not matter for a file.
    std::size_t receive(Clock::time_point deadline, const FrameHandler& on_frame) override;
    Clock::time_point now() const override { return now_; }
    bool exhausted() const { return exhausted_; }

private:
    pcap* handle_ = nullptr;
    Clock::time_point now_{};
    bool exhausted_ = false;
};

}  // namespace nd
