#include "collectors/arp/pcap_library.hpp"

#include "collectors/arp/pcap_channel.hpp"
#include "collectors/shared_library.hpp"

namespace nd {
namespace {

PcapLibrary load_pcap_library() {
    // Debian's runtime package (libpcap0.8) keeps the old soname; upstream builds use libpcap.so.1.
    const SharedLibrary lib({"libpcap.so.0.8", "libpcap.so.1", "libpcap.so"});
    PcapLibrary api{};
    api.create = lib.function<decltype(api.create)>("pcap_create");
    api.open_offline = lib.function<decltype(api.open_offline)>("pcap_open_offline");
    api.close = lib.function<decltype(api.close)>("pcap_close");
    api.set_snaplen = lib.function<decltype(api.set_snaplen)>("pcap_set_snaplen");
    api.set_promisc = lib.function<decltype(api.set_promisc)>("pcap_set_promisc");
    api.set_immediate_mode = lib.function<decltype(api.set_immediate_mode)>("pcap_set_immediate_mode");
    api.set_buffer_size = lib.function<decltype(api.set_buffer_size)>("pcap_set_buffer_size");
    api.activate = lib.function<decltype(api.activate)>("pcap_activate");
    api.statustostr = lib.function<decltype(api.statustostr)>("pcap_statustostr");
    api.geterr = lib.function<decltype(api.geterr)>("pcap_geterr");
    api.datalink = lib.function<decltype(api.datalink)>("pcap_datalink");
    api.setdirection = lib.function<decltype(api.setdirection)>("pcap_setdirection");
    api.compile = lib.function<decltype(api.compile)>("pcap_compile");
    api.setfilter = lib.function<decltype(api.setfilter)>("pcap_setfilter");
    api.freecode = lib.function<decltype(api.freecode)>("pcap_freecode");
    api.setnonblock = lib.function<decltype(api.setnonblock)>("pcap_setnonblock");
    api.get_selectable_fd = lib.function<decltype(api.get_selectable_fd)>("pcap_get_selectable_fd");
    api.inject = lib.function<decltype(api.inject)>("pcap_inject");
    api.dispatch = lib.function<decltype(api.dispatch)>("pcap_dispatch");
    api.next_ex = lib.function<decltype(api.next_ex)>("pcap_next_ex");
    api.stats = lib.function<decltype(api.stats)>("pcap_stats");
    return api;
}

}  // namespace

const PcapLibrary& pcap_library() {
    // A failed load throws out of the initialiser, so the next call tries again and reports the same.
    static const PcapLibrary api = [] {
        try {
            return load_pcap_library();
        } catch (const SharedLibraryError& e) {
            throw PcapError(std::string("libpcap: ") + e.what() + " (install the libpcap0.8 package)");
        }
    }();
    return api;
}

}  // namespace nd
