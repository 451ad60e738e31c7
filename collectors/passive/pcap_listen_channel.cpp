#include "collectors/passive/pcap_listen_channel.hpp"

namespace nd {

PcapOptions passive_pcap_options(bool promiscuous) {
    PcapOptions o;
    o.snap_length = 9216;  // jumbo-frame sized: nothing we decode is cut
    o.promiscuous = promiscuous;
    o.buffer_bytes = 4 * 1024 * 1024;
    o.max_per_dispatch = 256;  // bounded work per call on a busy link
    o.can_send = false;        // listens only
    return o;
}

}  // namespace nd
