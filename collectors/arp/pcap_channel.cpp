#include "collectors/arp/pcap_channel.hpp"

#include <poll.h>

#include <cerrno>
#include <cstdio>

#include "collectors/arp/pcap_library.hpp"

namespace nd {
namespace {

struct DispatchContext {
    const FrameChannel::FrameHandler* handler;
    // The kernel stamps frames on arrival with the wall clock; we hand out steady-clock times, so
    // RTTs don't include the time the frame waited in the buffer while we were busy sending.
    FrameChannel::Clock::time_point steady_now;
    std::chrono::system_clock::time_point wall_now;
};

void on_packet(u_char* user, const pcap_pkthdr* header, const u_char* bytes) {
    auto* ctx = reinterpret_cast<DispatchContext*>(user);
    const auto stamp =
        std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::seconds(header->ts.tv_sec) + std::chrono::microseconds(header->ts.tv_usec)));
    auto received =
        ctx->steady_now - std::chrono::duration_cast<FrameChannel::Clock::duration>(ctx->wall_now - stamp);
    if (received > ctx->steady_now) received = ctx->steady_now;  // clock steps: never in the future
    (*ctx->handler)(std::span<const std::uint8_t>(bytes, header->caplen), received);
}

}  // namespace

std::string arp_reply_filter(const MacAddress& mac) {
    const auto m = mac.to_string();
    // arp[6:2] is the ARP opcode; in a tagged frame it sits 4 bytes further (ether[24:2]).
    return "ether dst " + m + " and (arp and arp[6:2] = 2 or (vlan and arp and ether[24:2] = 2))";
}

PcapChannel::PcapChannel(const std::string& interface, const std::string& filter, PcapOptions options)
    : interface_(interface), options_(options) {
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    handle_ = pcap_library().create(interface.c_str(), errbuf);
    if (handle_ == nullptr) throw PcapError(interface + ": " + errbuf);
    auto fail = [&](const std::string& what, bool with_pcap_error) {
        std::string message = interface + ": " + what;
        if (with_pcap_error) {
            const std::string detail = pcap_library().geterr(handle_);
            if (!detail.empty()) message += " (" + detail + ")";
        }
        pcap_library().close(handle_);
        handle_ = nullptr;
        throw PcapError(message);
    };
    pcap_library().set_snaplen(handle_, options_.snap_length);
    pcap_library().set_promisc(handle_, options_.promiscuous ? 1 : 0);
    pcap_library().set_immediate_mode(handle_, 1);
    pcap_library().set_buffer_size(handle_, options_.buffer_bytes);
    if (const int status = pcap_library().activate(handle_); status < 0)
        fail(pcap_library().statustostr(status), true);
    if (pcap_library().datalink(handle_) != DLT_EN10MB) fail("not an Ethernet interface", false);
    pcap_library().setdirection(handle_, PCAP_D_IN);
    bpf_program program{};
    if (pcap_library().compile(handle_, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0)
        fail("filter", true);
    const int set = pcap_library().setfilter(handle_, &program);
    pcap_library().freecode(&program);
    if (set != 0) fail("setfilter", true);
    if (pcap_library().setnonblock(handle_, 1, errbuf) != 0) fail(errbuf, false);
    fd_ = pcap_library().get_selectable_fd(handle_);
    if (fd_ < 0) fail("no selectable descriptor", false);
}

PcapChannel::~PcapChannel() {
    if (handle_ != nullptr) pcap_library().close(handle_);
}

FrameChannel::SendStatus PcapChannel::send(std::span<const std::uint8_t> frame) {
    if (!options_.can_send) return SendStatus::kFailed;
    errno = 0;
    if (pcap_library().inject(handle_, frame.data(), frame.size()) >= 0) return SendStatus::kSent;
    // libpcap keeps errno from send(2): a full socket buffer is back-pressure, not a failure.
    if (errno == ENOBUFS || errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        return SendStatus::kBusy;
    return SendStatus::kFailed;
}

std::size_t PcapChannel::dispatch(const FrameHandler& on_frame) {
    DispatchContext ctx{&on_frame, Clock::now(), std::chrono::system_clock::now()};
    std::size_t total = 0;
    for (;;) {
        const int n = pcap_library().dispatch(handle_, options_.max_per_dispatch, on_packet,
                                              reinterpret_cast<u_char*>(&ctx));
        if (n <= 0) break;  // 0: nothing more now; <0: error (counted by pcap_stats), try again later
        total += static_cast<std::size_t>(n);
        if (options_.max_per_dispatch > 0) break;  // bounded work per call on a busy link
    }
    return total;
}

std::size_t PcapChannel::receive(Clock::time_point deadline, const FrameHandler& on_frame) {
    std::size_t got = dispatch(on_frame);
    if (got > 0) return got;
    const auto now = Clock::now();
    if (deadline <= now) return 0;
    const auto wait = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - now);
    timespec timeout{};
    timeout.tv_sec = static_cast<time_t>(wait.count() / 1'000'000'000);
    timeout.tv_nsec = static_cast<long>(wait.count() % 1'000'000'000);
    pollfd pfd{fd_, POLLIN, 0};
    if (ppoll(&pfd, 1, &timeout, nullptr) > 0) got = dispatch(on_frame);
    return got;
}

std::uint64_t PcapChannel::dropped() {
    pcap_stat stats{};
    if (pcap_library().stats(handle_, &stats) != 0) return 0;
    return std::uint64_t{stats.ps_drop} + stats.ps_ifdrop;
}

}  // namespace nd
