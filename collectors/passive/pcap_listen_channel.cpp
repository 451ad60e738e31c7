#include "collectors/passive/pcap_listen_channel.hpp"

#include <pcap/pcap.h>
#include <poll.h>

#include "collectors/arp/pcap_channel.hpp"

namespace nd {
namespace {

constexpr int kSnapLength = 9216;  // jumbo-frame sized: nothing we decode is cut
constexpr int kBufferBytes = 4 * 1024 * 1024;
constexpr int kMaxPerDispatch = 256;  // bounded work per call on a busy link

void on_packet(u_char* user, const pcap_pkthdr* header, const u_char* bytes) {
    const auto& handler = *reinterpret_cast<const FrameChannel::FrameHandler*>(user);
    handler({bytes, header->caplen}, FrameChannel::Clock::now());
}

}  // namespace

PcapListenChannel::PcapListenChannel(const std::string& interface, const std::string& filter,
                                     bool promiscuous) {
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    handle_ = pcap_create(interface.c_str(), errbuf);
    if (handle_ == nullptr) throw PcapError(interface + ": " + errbuf);
    auto fail = [&](const std::string& what) {
        const std::string message = interface + ": " + what + ": " + pcap_geterr(handle_);
        pcap_close(handle_);
        handle_ = nullptr;
        throw PcapError(message);
    };
    pcap_set_snaplen(handle_, kSnapLength);
    pcap_set_promisc(handle_, promiscuous ? 1 : 0);
    pcap_set_immediate_mode(handle_, 1);
    pcap_set_buffer_size(handle_, kBufferBytes);
    if (const int status = pcap_activate(handle_); status < 0) fail(pcap_statustostr(status));
    if (pcap_datalink(handle_) != DLT_EN10MB) fail("not an Ethernet interface");
    pcap_setdirection(handle_, PCAP_D_IN);
    bpf_program program{};
    if (pcap_compile(handle_, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) fail("filter");
    const int set = pcap_setfilter(handle_, &program);
    pcap_freecode(&program);
    if (set != 0) fail("setfilter");
    if (pcap_setnonblock(handle_, 1, errbuf) != 0) fail(errbuf);
    fd_ = pcap_get_selectable_fd(handle_);
    if (fd_ < 0) fail("no selectable descriptor");
}

PcapListenChannel::~PcapListenChannel() {
    if (handle_ != nullptr) pcap_close(handle_);
}

std::size_t PcapListenChannel::dispatch(const FrameHandler& on_frame) {
    auto* user = reinterpret_cast<u_char*>(const_cast<FrameHandler*>(&on_frame));
    const int n = pcap_dispatch(handle_, kMaxPerDispatch, on_packet, user);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

std::size_t PcapListenChannel::receive(Clock::time_point deadline, const FrameHandler& on_frame) {
    if (const auto n = dispatch(on_frame); n > 0) return n;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (wait.count() <= 0) return 0;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) return 0;
    return dispatch(on_frame);
}

std::uint64_t PcapListenChannel::dropped() {
    pcap_stat stats{};
    if (pcap_stats(handle_, &stats) != 0) return 0;
    return std::uint64_t{stats.ps_drop} + stats.ps_ifdrop;
}

}  // namespace nd
