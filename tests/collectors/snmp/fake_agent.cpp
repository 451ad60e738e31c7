#include "tests/collectors/snmp/fake_agent.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <vector>

namespace nd::test {
namespace {

// --- minimal BER ---
std::string tlv(unsigned char tag, const std::string& body) {
    std::string out(1, static_cast<char>(tag));
    const std::size_t n = body.size();
    if (n < 128) {
        out.push_back(static_cast<char>(n));
    } else if (n < 256) {
        out += "\x81";
        out.push_back(static_cast<char>(n));
    } else {
        out += "\x82";
        out.push_back(static_cast<char>(n >> 8U));
        out.push_back(static_cast<char>(n & 0xffU));
    }
    return out + body;
}

std::string ber_int(unsigned char tag, std::int64_t v, bool is_unsigned = false) {
    std::string body;
    if (is_unsigned) {
        auto u = static_cast<std::uint64_t>(v);
        do {
            body.insert(body.begin(), static_cast<char>(u & 0xffU));
            u >>= 8U;
        } while (u != 0);
        if ((static_cast<unsigned char>(body[0]) & 0x80U) != 0) body.insert(body.begin(), '\0');
    } else {
        for (;;) {
            body.insert(body.begin(), static_cast<char>(v & 0xff));
            const std::int64_t rest = v >> 8;
            const bool sign = (static_cast<unsigned char>(body[0]) & 0x80U) != 0;
            if ((rest == 0 && !sign) || (rest == -1 && sign)) break;
            v = rest;
        }
    }
    return tlv(tag, body);
}

std::string ber_oid(const Oid& o) {
    const auto& a = o.arcs();
    std::string body(1, static_cast<char>(a.size() >= 2 ? a[0] * 40 + a[1] : 0));
    for (std::size_t i = 2; i < a.size(); ++i) {
        std::string enc;
        std::uint32_t v = a[i];
        enc.insert(enc.begin(), static_cast<char>(v & 0x7fU));
        while ((v >>= 7U) != 0) enc.insert(enc.begin(), static_cast<char>(0x80U | (v & 0x7fU)));
        body += enc;
    }
    return tlv(0x06, body);
}

std::string ber_value(const SnmpValue& v) {
    switch (v.type) {
        case SnmpType::kInteger:
            return ber_int(0x02, v.number);
        case SnmpType::kOctetString:
            return tlv(0x04, v.bytes);
        case SnmpType::kOid:
            return ber_oid(*Oid::parse(v.bytes));
        case SnmpType::kIpAddress: {
            auto ip = *Oid::parse(v.bytes);  // dotted quad parses as arcs
            std::string b;
            for (auto x : ip.arcs()) b.push_back(static_cast<char>(x));
            return tlv(0x40, b);
        }
        case SnmpType::kCounter32:
            return ber_int(0x41, v.number, true);
        case SnmpType::kGauge32:
            return ber_int(0x42, v.number, true);
        case SnmpType::kTimeTicks:
            return ber_int(0x43, v.number, true);
        case SnmpType::kCounter64:
            return ber_int(0x46, v.number, true);
        case SnmpType::kNoSuchObject:
            return tlv(0x80, "");
        case SnmpType::kNoSuchInstance:
            return tlv(0x81, "");
        case SnmpType::kEndOfMibView:
            return tlv(0x82, "");
        default:
            return tlv(0x05, "");
    }
}

struct Reader {
    const std::string& s;
    std::size_t pos = 0;
    // Returns (tag, body) of the next TLV; throws on truncation.
    std::pair<unsigned char, std::string> next() {
        if (pos + 2 > s.size()) throw std::runtime_error("truncated");
        const auto tag = static_cast<unsigned char>(s[pos++]);
        std::size_t len = static_cast<unsigned char>(s[pos++]);
        if (len & 0x80U) {
            const std::size_t n = len & 0x7fU;
            len = 0;
            for (std::size_t i = 0; i < n; ++i) len = (len << 8U) | static_cast<unsigned char>(s.at(pos++));
        }
        if (pos + len > s.size()) throw std::runtime_error("truncated");
        std::string body = s.substr(pos, len);
        pos += len;
        return {tag, body};
    }
};

std::int64_t int_of(const std::string& body) {
    std::int64_t v = body.empty() ? 0 : static_cast<signed char>(body[0]);
    for (std::size_t i = 1; i < body.size(); ++i) v = (v << 8) | static_cast<unsigned char>(body[i]);
    return v;
}

Oid oid_of(const std::string& body) {
    std::vector<std::uint32_t> arcs;
    if (body.empty()) return Oid(arcs);
    arcs.push_back(static_cast<unsigned char>(body[0]) / 40U);
    arcs.push_back(static_cast<unsigned char>(body[0]) % 40U);
    std::uint32_t v = 0;
    for (std::size_t i = 1; i < body.size(); ++i) {
        const auto b = static_cast<unsigned char>(body[i]);
        v = (v << 7U) | (b & 0x7fU);
        if ((b & 0x80U) == 0) {
            arcs.push_back(v);
            v = 0;
        }
    }
    return Oid(arcs);
}

}  // namespace

FakeAgent::FakeAgent(SnmpWalk data, FakeAgentBehaviour behaviour)
    : data_(std::move(data)), behaviour_(std::move(behaviour)) {
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("bind");
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
}

FakeAgent::~FakeAgent() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
}

void FakeAgent::run() {
    char buffer[65536];
    while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, send_due()) <= 0) continue;
        sockaddr_in from{};
        socklen_t len = sizeof from;
        const ssize_t n = ::recvfrom(fd_, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &len);
        if (n <= 0) continue;
        std::string reply;
        try {
            reply = answer(std::string(buffer, static_cast<std::size_t>(n)));
        } catch (const std::exception&) {
            continue;  // malformed request: ignore, like a real agent
        }
        if (reply.empty()) continue;
        if (behaviour_.latency.count() > 0) {
            Held held{std::chrono::steady_clock::now() + behaviour_.latency, std::move(reply), {}, len};
            std::memcpy(&held.to, &from, std::min<std::size_t>(len, sizeof from));
            held_.push_back(std::move(held));
        } else {
            ::sendto(fd_, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr*>(&from), len);
        }
    }
}

int FakeAgent::send_due() {
    const auto now = std::chrono::steady_clock::now();
    int wait_ms = 20;
    for (auto it = held_.begin(); it != held_.end();) {
        if (it->due <= now) {
            ::sendto(fd_, it->reply.data(), it->reply.size(), 0, reinterpret_cast<sockaddr*>(&it->to),
                     it->to_len);
            it = held_.erase(it);
        } else {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(it->due - now).count() + 1;
            wait_ms = std::min(wait_ms, static_cast<int>(left));
            ++it;
        }
    }
    return wait_ms;
}

std::vector<std::string> FakeAgent::communities_seen() const {
    const std::lock_guard lock(log_mutex_);
    return communities_seen_;
}

std::string FakeAgent::answer(const std::string& packet) {
    Reader outer{packet};
    auto [seq_tag, message] = outer.next();
    Reader m{message};
    const std::int64_t version = int_of(m.next().second);
    const std::string community = m.next().second;
    {
        const std::lock_guard lock(log_mutex_);
        communities_seen_.push_back(community);
    }
    if (behaviour_.delay.count() > 0) std::this_thread::sleep_for(behaviour_.delay);
    const SnmpWalk* data = &data_;
    if (auto ctx = behaviour_.contexts.find(community); ctx != behaviour_.contexts.end()) {
        data = &ctx->second;
    } else if (community != behaviour_.community) {
        return "";
    }
    auto [pdu_tag, pdu] = m.next();
    Reader p{pdu};
    const std::int64_t reqid = int_of(p.next().second);
    const std::int64_t non_repeaters = int_of(p.next().second);
    const std::int64_t max_rep = int_of(p.next().second);
    (void)non_repeaters;
    Reader vbl{p.next().second};
    std::vector<Oid> asked;
    while (vbl.pos < vbl.s.size()) {
        Reader vb{vbl.next().second};
        asked.push_back(oid_of(vb.next().second));
    }
    const int served = requests_++;
    if (behaviour_.silent_after >= 0 && served >= behaviour_.silent_after) return "";

    std::string varbinds;
    int count = 0;
    auto add = [&](const Oid& o, const SnmpValue& v) {
        varbinds += tlv(0x30, ber_oid(o) + ber_value(v));
        ++count;
    };
    std::int64_t errstat = 0;
    std::int64_t errindex = 0;
    if (pdu_tag == 0xa5 && behaviour_.max_oids_asked >= 0 &&
        asked.size() > static_cast<std::size_t>(behaviour_.max_oids_asked)) {
        errstat = 5;  // genErr
        errindex = 1;
    } else if (pdu_tag == 0xa0) {  // GET
        for (const Oid& o : asked) {
            auto it = data->find(o);
            add(o, it != data->end() ? it->second : SnmpValue{SnmpType::kNoSuchObject, "", 0});
        }
    } else {
        // GETNEXT, or GETBULK: row after row, one varbind per OID asked (RFC 3416 4.2.3), unless
        // the agent is told to list each OID's answers one after the other (a known agent bug).
        const bool bulk = pdu_tag == 0xa5;
        const int rows = bulk ? static_cast<int>(max_rep) : 1;
        std::vector<Oid> cursors = asked;
        std::vector<bool> ended(asked.size(), false);
        auto step = [&](std::size_t c) {
            if (ended[c]) {
                add(cursors[c], {SnmpType::kEndOfMibView, "", 0});
                return;
            }
            // A looping agent answers "next after X" with X itself once it has answered anything.
            auto it = behaviour_.loop_after_first && served > 0 ? data->lower_bound(cursors[c])
                                                                : data->upper_bound(cursors[c]);
            if (it == data->end()) {
                if (version == 0) {
                    errstat = 2;  // noSuchName
                    errindex = static_cast<std::int64_t>(c) + 1;
                } else {
                    add(cursors[c], {SnmpType::kEndOfMibView, "", 0});
                }
                ended[c] = true;
                return;
            }
            add(it->first, it->second);
            cursors[c] = it->first;
        };
        if (behaviour_.column_after_column) {
            for (std::size_t c = 0; c < asked.size(); ++c)
                for (int r = 0; r < rows && count < behaviour_.max_varbinds; ++r) step(c);
        } else {
            for (int r = 0; r < rows && count < behaviour_.max_varbinds; ++r)
                for (std::size_t c = 0; c < asked.size() && count < behaviour_.max_varbinds; ++c) step(c);
        }
        if (errstat != 0) varbinds.clear();
    }
    std::string body =
        ber_int(0x02, reqid) + ber_int(0x02, errstat) + ber_int(0x02, errindex) + tlv(0x30, varbinds);
    std::string msg = ber_int(0x02, version) + tlv(0x04, community) + tlv(0xa2, body);
    (void)seq_tag;
    return tlv(0x30, msg);
}

}  // namespace nd::test
