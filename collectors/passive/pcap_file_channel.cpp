#include "collectors/passive/pcap_file_channel.hpp"

#include "collectors/arp/pcap_channel.hpp"
#include "collectors/arp/pcap_library.hpp"

namespace nd {

PcapFileChannel::PcapFileChannel(const std::string& path, const std::string& filter) {
    char error[PCAP_ERRBUF_SIZE] = {};
    handle_ = pcap_library().open_offline(path.c_str(), error);
    if (handle_ == nullptr) throw PcapError("cannot read capture " + path + ": " + error);
    bpf_program program{};
    if (pcap_library().compile(handle_, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0 ||
        pcap_library().setfilter(handle_, &program) != 0) {
        const std::string message = "bad capture filter for " + path + ": " + pcap_library().geterr(handle_);
        pcap_library().freecode(&program);
        pcap_library().close(handle_);
        throw PcapError(message);
    }
    pcap_library().freecode(&program);
    if (pcap_library().datalink(handle_) != DLT_EN10MB) {
        pcap_library().close(handle_);
        throw PcapError("capture " + path + " is not Ethernet");
    }
}

PcapFileChannel::~PcapFileChannel() { pcap_library().close(handle_); }

std::size_t PcapFileChannel::receive(Clock::time_point, const FrameHandler& on_frame) {
    std::size_t count = 0;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int rc = 0;
    while ((rc = pcap_library().next_ex(handle_, &header, &data)) == 1) {
        now_ = Clock::time_point{std::chrono::seconds{header->ts.tv_sec} +
                                 std::chrono::microseconds{header->ts.tv_usec}};
        on_frame({data, header->caplen}, now_);
        ++count;
    }
    exhausted_ = true;  // PCAP_ERROR_BREAK at end of file, or a read error: either way, no more frames
    return count;
}

}  // namespace nd
