// libpcap and libsystemd are opened at run time (collectors/shared_library.hpp): a missing library or
// function must give an error that names it, and the installed libpcap must provide every function.
#include "collectors/arp/pcap_library.hpp"

#include <gtest/gtest.h>

#include "collectors/shared_library.hpp"

namespace nd {
namespace {

TEST(SharedLibraryTest, MissingLibraryIsNamed) {
    try {
        SharedLibrary lib({"libnetdossier-no-such-library.so.7", "libnetdossier-nor-this.so"});
        FAIL() << "loaded a library that does not exist";
    } catch (const SharedLibraryError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("libnetdossier-no-such-library.so.7"), std::string::npos) << what;
        EXPECT_NE(what.find("libnetdossier-nor-this.so"), std::string::npos) << what;
    }
}

TEST(SharedLibraryTest, FallsBackToTheNextNameAndNamesAMissingFunction) {
    const SharedLibrary lib({"libnetdossier-no-such-library.so.7", "libc.so.6"});
    EXPECT_EQ(lib.soname(), "libc.so.6");
    using Strlen = std::size_t (*)(const char*);
    EXPECT_EQ(lib.function<Strlen>("strlen")("four"), 4U);
    try {
        (void)lib.function<Strlen>("netdossier_no_such_function");
        FAIL() << "found a function that does not exist";
    } catch (const SharedLibraryError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("libc.so.6"), std::string::npos) << what;
        EXPECT_NE(what.find("netdossier_no_such_function"), std::string::npos) << what;
    }
}

TEST(PcapLibraryTest, InstalledLibpcapProvidesEveryFunction) {
    const PcapLibrary& pcap = pcap_library();
    EXPECT_NE(pcap.create, nullptr);
    EXPECT_NE(pcap.open_offline, nullptr);
    EXPECT_NE(pcap.next_ex, nullptr);
    EXPECT_NE(pcap.stats, nullptr);
    // A real call through the table: libpcap reports its own error text for a missing file.
    char error[PCAP_ERRBUF_SIZE] = {};
    EXPECT_EQ(pcap.open_offline("/nonexistent/netdossier.pcap", error), nullptr);
    EXPECT_STRNE(error, "");
}

}  // namespace
}  // namespace nd
