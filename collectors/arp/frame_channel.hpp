#pragma once
// The I/O seam of link-layer collectors: send raw Ethernet frames, receive the frames the capture
// filter lets through, and tell time. The live implementation is libpcap (pcap_channel.hpp); tests
// use a fake with a virtual clock, so pacing, retries and timeouts are tested without root.
#include <chrono>
#include <cstdint>
#include <functional>
#include <span>

namespace nd {

class FrameChannel {
public:
    using Clock = std::chrono::steady_clock;
    using FrameHandler = std::function<void(std::span<const std::uint8_t> frame, Clock::time_point received)>;

    enum class SendStatus {
        kSent,
        kBusy,    // transient back-pressure (ENOBUFS, EAGAIN): send the same frame again a little later
        kFailed,  // the frame was not sent and won't be (interface down, ...)
    };

    virtual ~FrameChannel() = default;

    virtual SendStatus send(std::span<const std::uint8_t> frame) = 0;
    // Hands every frame that is ready to `on_frame`; waits for one until `deadline` if none is ready
    // (a deadline in the past only drains). Returns how many frames were handed over.
    virtual std::size_t receive(Clock::time_point deadline, const FrameHandler& on_frame) = 0;
    // Frames the capture lost before we could read them (kernel buffer overrun): a sign of loss.
    virtual std::uint64_t dropped() { return 0; }
    virtual Clock::time_point now() const = 0;
};

}  // namespace nd
