#include "collectors/arp/pcap_library.hpp"

#include "collectors/arp/pcap_channel.hpp"
#include "collectors/shared_library.hpp"

namespace nd {
namespace {

PcapLibrary load_pcap_library() {
    // Debian's runtime package (libpcap0.8) keeps the old soname; upstream builds use libpcap.so.1.
    const SharedLibrary lib({"libpcap.so.0.8", "libpcap.so.1", "libpcap.so"});
    PcapLibrary api{};
    // Each member is named after its function (pcap_<member>), so one line per function cannot mismatch.
#define ND_PCAP_FUNCTION(member) api.member = lib.function<decltype(api.member)>("pcap_" #member)
    ND_PCAP_FUNCTION(create);
    ND_PCAP_FUNCTION(open_offline);
    ND_PCAP_FUNCTION(close);
    ND_PCAP_FUNCTION(set_snaplen);
    ND_PCAP_FUNCTION(set_promisc);
    ND_PCAP_FUNCTION(set_immediate_mode);
    ND_PCAP_FUNCTION(set_buffer_size);
    ND_PCAP_FUNCTION(activate);
    ND_PCAP_FUNCTION(statustostr);
    ND_PCAP_FUNCTION(geterr);
    ND_PCAP_FUNCTION(datalink);
    ND_PCAP_FUNCTION(setdirection);
    ND_PCAP_FUNCTION(compile);
    ND_PCAP_FUNCTION(setfilter);
    ND_PCAP_FUNCTION(freecode);
    ND_PCAP_FUNCTION(setnonblock);
    ND_PCAP_FUNCTION(get_selectable_fd);
    ND_PCAP_FUNCTION(inject);
    ND_PCAP_FUNCTION(dispatch);
    ND_PCAP_FUNCTION(next_ex);
    ND_PCAP_FUNCTION(stats);
#undef ND_PCAP_FUNCTION
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
