#include "collectors/probes/tcp_probe.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <deque>
#include <memory>

#include "collectors/probes/banner_parse.hpp"

namespace nd {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct HostState {
    Ipv4Address ip;
    std::deque<std::uint16_t> ports;  // not started yet
    std::size_t active = 0;
    DeviceEvidence evidence;
};

class Scheduler;

struct Job : std::enable_shared_from_this<Job> {
    Job(asio::io_context& io, Scheduler& s, std::size_t h, std::uint16_t p)
        : socket(io), timer(io), scheduler(s), host(h), port(p) {}
    void start();
    void on_connected();
    void read_some();
    void finish(bool open);

    tcp::socket socket;
    asio::steady_timer timer;
    Scheduler& scheduler;
    std::size_t host;
    std::uint16_t port;
    std::string request;
    std::string data;
    std::array<char, 2048> chunk{};
    bool done = false;
};

class Scheduler {
public:
    Scheduler(asio::io_context& io, const TcpProbeOptions& options, ObservationSink& sink)
        : io_(io), options_(options), sink_(sink), pace_timer_(io) {}

    void add(Ipv4Address ip) {
        HostState h;
        h.ip = ip;
        h.ports.assign(options_.ports.begin(), options_.ports.end());
        if (!h.ports.empty()) hosts_.push_back(std::move(h));
    }

    // Starts jobs round-robin over hosts while the limits allow: connections in all, per host (ours and
    // the scan's shared one) and the scan's packet rate (then a timer resumes at the next token).
    void fill() {
        bool started = true;
        while (started && active_ < options_.max_concurrent) {
            started = false;
            for (std::size_t n = 0; n < hosts_.size() && active_ < options_.max_concurrent; ++n) {
                auto& h = hosts_[next_];
                const auto index = next_;
                if (h.ports.empty() || h.active >= options_.per_host) {
                    next_ = (next_ + 1) % hosts_.size();
                    continue;
                }
                if (options_.host_slots != nullptr && !options_.host_slots->try_acquire(h.ip)) {
                    next_ = (next_ + 1) % hosts_.size();
                    continue;  // another collector has this host busy
                }
                if (options_.rate != nullptr && !options_.rate->try_take()) {
                    if (options_.host_slots != nullptr) options_.host_slots->release(h.ip);
                    wait_for_token();
                    return;
                }
                next_ = (next_ + 1) % hosts_.size();
                const auto port = h.ports.front();
                h.ports.pop_front();
                ++h.active;
                ++active_;
                ++result.stats.sent;
                std::make_shared<Job>(io_, *this, index, port)->start();
                started = true;
            }
        }
        // Every waiting host is held by another collector: look again shortly rather than give up.
        if (active_ == 0 && !pacing_ &&
            std::any_of(hosts_.begin(), hosts_.end(), [](const HostState& x) { return !x.ports.empty(); })) {
            pacing_ = true;
            pace_timer_.expires_after(std::chrono::milliseconds(10));
            pace_timer_.async_wait([this](const boost::system::error_code& ec) {
                pacing_ = false;
                if (!ec) fill();
            });
        }
    }

    void finished(const Job& job, bool open) {
        auto& h = hosts_[job.host];
        if (options_.host_slots != nullptr) options_.host_slots->release(h.ip);
        --h.active;
        --active_;
        if (open) record(h, job);
        if (h.active == 0 && h.ports.empty()) emit(h);
        fill();
    }

    const TcpProbeOptions& options() const { return options_; }
    TcpProbeResult result;

private:
    void record(HostState& h, const Job& job) {
        ++result.stats.received;
        h.evidence.open_tcp_ports.push_back(job.port);
        ServiceBanner banner;
        banner.port = job.port;
        if (options_.ssh_ports.count(job.port) != 0) {
            banner.ssh_banner = parse_ssh_banner(job.data).value_or("");
            if (banner.ssh_banner.empty()) banner.raw = printable_prefix(job.data);
        } else if (options_.http_ports.count(job.port) != 0) {
            const auto http = parse_http_response(job.data);
            banner.http_server = http.server;
            banner.http_title = http.title;
            if (http.status == 0) banner.raw = printable_prefix(job.data);
        } else {
            banner.raw = printable_prefix(job.data);
        }
        const bool said_something = !banner.ssh_banner.empty() || !banner.http_server.empty() ||
                                    !banner.http_title.empty() || !banner.raw.empty();
        if (said_something) h.evidence.banners.push_back(std::move(banner));
    }

    void emit(HostState& h) {
        if (h.evidence.open_tcp_ports.empty()) return;
        ++result.hosts_with_open_ports;
        std::sort(h.evidence.open_tcp_ports.begin(), h.evidence.open_tcp_ports.end());
        Observation o;
        o.source = "tcp";
        o.time = std::chrono::system_clock::now();
        o.scan_id = options_.scan_id;
        o.evidence = std::move(h.evidence);
        o.evidence.ips = {h.ip};
        sink_.emit(std::move(o));
    }

    void wait_for_token() {
        if (pacing_) return;
        pacing_ = true;
        pace_timer_.expires_at(options_.rate->next_token(std::chrono::steady_clock::now()));
        pace_timer_.async_wait([this](const boost::system::error_code& ec) {
            pacing_ = false;
            if (!ec) fill();
        });
    }

    asio::io_context& io_;
    const TcpProbeOptions& options_;
    ObservationSink& sink_;
    asio::steady_timer pace_timer_;
    bool pacing_ = false;
    std::vector<HostState> hosts_;
    std::size_t next_ = 0;
    std::size_t active_ = 0;

public:
    Ipv4Address ip_of(std::size_t host) const { return hosts_[host].ip; }
};

void Job::start() {
    const auto& o = scheduler.options();
    timer.expires_after(o.connect_timeout);
    timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
        if (!ec && !self->done) {
            ++self->scheduler.result.stats.timeouts;
            self->finish(false);
        }
    });
    const tcp::endpoint endpoint{asio::ip::address_v4{scheduler.ip_of(host).value()}, port};
    socket.async_connect(endpoint, [self = shared_from_this()](const boost::system::error_code& ec) {
        if (self->done) return;
        if (ec) {
            self->finish(false);  // refused or unreachable: closed
            return;
        }
        self->on_connected();
    });
}

void Job::on_connected() {
    const auto& o = scheduler.options();
    const bool http = o.http_ports.count(port) != 0;
    const bool listen = http || o.ssh_ports.count(port) != 0 || o.greeting_ports.count(port) != 0;
    if (!listen) {
        finish(true);
        return;
    }
    timer.cancel();
    timer.expires_after(o.read_timeout);
    timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
        if (!ec && !self->done) self->finish(true);  // open; it said what it said in time
    });
    if (http) {
        request = "GET / HTTP/1.0\r\nHost: " + scheduler.ip_of(host).to_string() +
                  "\r\nUser-Agent: netdossier\r\nAccept: text/html\r\nConnection: close\r\n\r\n";
        asio::async_write(socket, asio::buffer(request), [self = shared_from_this()](auto ec, std::size_t) {
            if (self->done) return;
            if (ec) {
                self->finish(true);
                return;
            }
            self->read_some();
        });
    } else {
        read_some();
    }
}

void Job::read_some() {
    socket.async_read_some(asio::buffer(chunk), [self = shared_from_this()](auto ec, std::size_t n) {
        if (self->done) return;
        const auto& o = self->scheduler.options();
        self->data.append(self->chunk.data(), std::min(n, o.max_response - self->data.size()));
        const bool ssh_line =
            o.ssh_ports.count(self->port) != 0 && self->data.find('\n') != std::string::npos;
        const bool greeting = o.greeting_ports.count(self->port) != 0 && !self->data.empty();
        if (ec || self->data.size() >= o.max_response || ssh_line || greeting) {
            self->finish(true);
            return;
        }
        self->read_some();
    });
}

void Job::finish(bool open) {
    if (done) return;
    done = true;
    boost::system::error_code ignored;
    timer.cancel();
    socket.close(ignored);
    scheduler.finished(*this, open);
}

}  // namespace

TcpProbeResult TcpProbe::probe(const std::vector<Ipv4Address>& hosts, ObservationSink& sink) {
    const auto start = std::chrono::steady_clock::now();
    asio::io_context io;
    TcpProbeOptions options = options_;
    options.max_concurrent = std::max<std::size_t>(1, options.max_concurrent);
    options.per_host = std::max<std::size_t>(1, options.per_host);
    options.max_response = std::max<std::size_t>(256, options.max_response);
    Scheduler scheduler{io, options, sink};
    for (const auto& h : hosts) scheduler.add(h);
    scheduler.fill();
    io.run();
    scheduler.result.elapsed = std::chrono::steady_clock::now() - start;
    return scheduler.result;
}

}  // namespace nd
