#pragma once
// Pure parsers for what TCP services say first: SSH identification strings, HTTP status, Server
// header and page <title>. Input is untrusted and bounded by the caller; output is printable text.
#include <optional>
#include <string>
#include <string_view>

namespace nd {

// "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n" -> "SSH-2.0-OpenSSH_9.2p1 Debian-2"; RFC 4253 4.2 lets servers
// send other lines first. nullopt when no line starts with "SSH-".
std::optional<std::string> parse_ssh_banner(std::string_view data);

struct HttpSummary {
    int status = 0;                // 0 when the status line is not HTTP
    std::string server;            // Server header, trimmed
    std::string title;             // <title> of the body, entities decoded, whitespace collapsed
    std::string www_authenticate;  // Basic realm of devices that want a login ("HP LaserJet ...")
};

// `response` is the start of an HTTP/1.x response, headers and as much body as was read.
HttpSummary parse_http_response(std::string_view response);

// Printable ASCII of the first bytes of anything else (telnet greetings, ...), at most `limit` chars.
std::string printable_prefix(std::string_view data, std::size_t limit = 128);

}  // namespace nd
