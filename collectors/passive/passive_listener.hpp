#pragma once
// The passive listener: frames from a FrameChannel (live libpcap with passive_filter(), or a capture
// file) turned into Observations. Repeats of an unchanged announcement from the same sender (LLDP
// every 30 s, mDNS refreshes) are emitted once per repeat interval, so the store is not flooded.
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <map>
#include <string>
#include <tuple>

#include "collectors/arp/frame_channel.hpp"
#include "collectors/collector.hpp"
#include "collectors/passive/frame_observer.hpp"

namespace nd {

struct PassiveOptions {
    std::chrono::seconds repeat_interval{300};    // re-emit an unchanged announcement after this
    std::chrono::milliseconds poll_interval{50};  // how often start() drains the capture
    std::int64_t scan_id = 0;                     // 0 outside a scan
    std::size_t max_senders = 65536;              // bounds the repeat table
};

class PassiveListener {
public:
    PassiveListener(FrameChannel& channel, ObservationSink& sink, PassiveOptions options = {})
        : channel_(channel), sink_(sink), options_(options) {}

    // Drains the capture on `io` every poll_interval until stop(); never throws out of the loop.
    void start(boost::asio::io_context& io);
    void stop();  // idempotent
    // Hands every ready frame to the decoders now (for a capture file: the whole file).
    std::size_t poll();
    // Waits up to `deadline` for frames and handles them (for a blocking loop or a thread of its own).
    std::size_t poll_until(FrameChannel::Clock::time_point deadline);

    const PassiveStats& stats() const { return stats_; }
    CollectorStats collector_stats() const;

private:
    void handle(std::span<const std::uint8_t> frame, FrameChannel::Clock::time_point received);
    bool is_repeat(const Observation& o, FrameChannel::Clock::time_point received);
    void schedule();

    FrameChannel& channel_;
    ObservationSink& sink_;
    PassiveOptions options_;
    PassiveStats stats_;
    struct Seen {
        FrameChannel::Clock::time_point at;
        DeviceEvidence evidence;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Seen> last_;  // (source, mac, ip)
    std::unique_ptr<boost::asio::steady_timer> timer_;
    bool running_ = false;
};

}  // namespace nd
