#include "collectors/probes/banner_parse.hpp"

#include <gtest/gtest.h>

namespace nd {
namespace {

TEST(SshBanner, TakesTheIdentificationLineAfterOtherLines) {
    EXPECT_EQ(parse_ssh_banner("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"),
              "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
    EXPECT_EQ(parse_ssh_banner("Welcome\r\nSSH-2.0-dropbear_2019.78\r\n"), "SSH-2.0-dropbear_2019.78");
    EXPECT_FALSE(parse_ssh_banner("220 FTP ready\r\n"));
    EXPECT_EQ(parse_ssh_banner("SSH-2.0-x\x1b[2J\r\n"), "SSH-2.0-x[2J");  // no terminal escapes
}

TEST(HttpResponse, ServerHeaderTitleAndRealm) {
    const auto http = parse_http_response(
        "HTTP/1.1 401 Unauthorized\r\nserver:  HP HTTP Server; HP LaserJet MFP M129-M134 - G3Q47A \r\n"
        "WWW-Authenticate: Basic realm=\"Printer\"\r\nContent-Type: text/html\r\n\r\n"
        "<html><HEAD><Title>\n  HP LaserJet &amp; Co\n</TITLE></head></html>");
    EXPECT_EQ(http.status, 401);
    EXPECT_EQ(http.server, "HP HTTP Server; HP LaserJet MFP M129-M134 - G3Q47A");
    EXPECT_EQ(http.title, "HP LaserJet & Co");
    EXPECT_EQ(http.www_authenticate, "Basic realm=\"Printer\"");
}

TEST(HttpResponse, ToleratesGarbageAndTruncation) {
    EXPECT_EQ(parse_http_response("").status, 0);
    EXPECT_EQ(parse_http_response("SSH-2.0-x\r\n").status, 0);
    EXPECT_EQ(parse_http_response("HTTP/1.0 2").status, 0);
    const auto cut = parse_http_response("HTTP/1.0 200 OK\r\nServer: debut/1.20\r\n\r\n<title>Brother HL");
    EXPECT_EQ(cut.server, "debut/1.20");
    EXPECT_EQ(cut.title, "");  // unterminated title: nothing rather than half a name
    const std::string huge = "HTTP/1.1 200 OK\r\nServer: " + std::string(5000, 'A') + "\r\n\r\n";
    EXPECT_LE(parse_http_response(huge).server.size(), 256U);
}

TEST(PrintablePrefix, DropsControlBytesAndBounds) {
    EXPECT_EQ(printable_prefix("\xff\xfd\x18\xff\xfd\x20login: "), "login:");
    EXPECT_EQ(printable_prefix(std::string(500, 'x'), 10), std::string(10, 'x'));
}

}  // namespace
}  // namespace nd
