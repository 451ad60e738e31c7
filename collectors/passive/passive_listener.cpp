#include "collectors/passive/passive_listener.hpp"

#include <spdlog/spdlog.h>

namespace nd {
namespace {

constexpr int kMaxDrainRounds = 64;

bool same_announcement(const DeviceEvidence& a, const DeviceEvidence& b) {
    return a.mac == b.mac && a.ips == b.ips && a.hostnames == b.hostnames && a.lldp == b.lldp &&
           a.cdp == b.cdp && a.mdns == b.mdns && a.dhcp == b.dhcp;
}

}  // namespace

bool PassiveListener::is_repeat(const Observation& o, FrameChannel::Clock::time_point received) {
    auto key = std::make_tuple(o.source, o.evidence.mac ? o.evidence.mac->to_string() : std::string{},
                               o.evidence.ips.empty() ? std::string{} : o.evidence.ips.front().to_string());
    const auto it = last_.find(key);
    if (it != last_.end() && received < it->second.at + options_.repeat_interval &&
        same_announcement(it->second.evidence, o.evidence)) {
        return true;
    }
    if (it == last_.end() && last_.size() >= options_.max_senders)
        last_.clear();  // a flood: forget, stay bounded
    last_[std::move(key)] = Seen{received, o.evidence};
    return false;
}

void PassiveListener::handle(std::span<const std::uint8_t> frame, FrameChannel::Clock::time_point received) {
    auto o = observe_frame(frame, std::chrono::system_clock::now(), stats_);
    if (!o) return;
    if (is_repeat(*o, received)) {
        ++stats_.suppressed;
        return;
    }
    o->scan_id = options_.scan_id;
    sink_.emit(std::move(*o));
}

std::size_t PassiveListener::poll() {
    std::size_t total = 0;
    for (int round = 0; round < kMaxDrainRounds; ++round) {  // bounded: a busy link can't starve the loop
        const auto n = channel_.receive(channel_.now() - std::chrono::seconds{1},
                                        [this](auto frame, auto when) { handle(frame, when); });
        total += n;
        if (n == 0) break;
    }
    return total;
}

std::size_t PassiveListener::poll_until(FrameChannel::Clock::time_point deadline) {
    return channel_.receive(deadline, [this](auto frame, auto when) { handle(frame, when); });
}

void PassiveListener::start(boost::asio::io_context& io) {
    if (running_) return;
    running_ = true;
    timer_ = std::make_unique<boost::asio::steady_timer>(io);
    schedule();
}

void PassiveListener::schedule() {
    timer_->expires_after(options_.poll_interval);
    timer_->async_wait([this](const boost::system::error_code& ec) {
        if (ec || !running_) return;
        try {
            poll();
        } catch (const std::exception& e) {  // nothing escapes io_context::run()
            spdlog::warn("collector.passive: capture failed: {}", e.what());
        }
        schedule();
    });
}

void PassiveListener::stop() {
    running_ = false;
    if (timer_) timer_->cancel();
}

CollectorStats PassiveListener::collector_stats() const {
    CollectorStats s;
    s.received = stats_.frames;
    s.malformed = stats_.malformed;
    return s;
}

}  // namespace nd
