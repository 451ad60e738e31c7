#pragma once
// libpcap's functions, resolved on first use from the installed libpcap (collectors/shared_library.hpp):
// only commands that capture or sweep ARP load it. Each pointer is typed from <pcap/pcap.h> (decltype),
// so the table cannot disagree with the header it is built against.
#include <pcap/pcap.h>

namespace nd {

struct PcapLibrary {
    decltype(&::pcap_create) create;
    decltype(&::pcap_open_offline) open_offline;
    decltype(&::pcap_close) close;
    decltype(&::pcap_set_snaplen) set_snaplen;
    decltype(&::pcap_set_promisc) set_promisc;
    decltype(&::pcap_set_immediate_mode) set_immediate_mode;
    decltype(&::pcap_set_buffer_size) set_buffer_size;
    decltype(&::pcap_activate) activate;
    decltype(&::pcap_statustostr) statustostr;
    decltype(&::pcap_geterr) geterr;
    decltype(&::pcap_datalink) datalink;
    decltype(&::pcap_setdirection) setdirection;
    decltype(&::pcap_compile) compile;
    decltype(&::pcap_setfilter) setfilter;
    decltype(&::pcap_freecode) freecode;
    decltype(&::pcap_setnonblock) setnonblock;
    decltype(&::pcap_get_selectable_fd) get_selectable_fd;
    decltype(&::pcap_inject) inject;
    decltype(&::pcap_dispatch) dispatch;
    decltype(&::pcap_next_ex) next_ex;
    decltype(&::pcap_stats) stats;
};

// Loads libpcap once (thread-safe); throws PcapError (collectors/arp/pcap_channel.hpp) when it is not
// installed or lacks a function.
const PcapLibrary& pcap_library();

}  // namespace nd
