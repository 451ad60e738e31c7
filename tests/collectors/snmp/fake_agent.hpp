#pragma once
// A tiny SNMPv1/v2c agent on 127.0.0.1 (ephemeral port) for fault tests: it serves a walk and
// can misbehave on purpose - loop its OIDs, go silent after N requests, answer with wrong types.
// Hand-written BER so the faults are ours, not net-snmp's.
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/snmp_value.hpp"

namespace nd::test {

struct FakeAgentBehaviour {
    std::string community = "public";
    int silent_after = -1;          // stop answering after this many answered requests (-1: never)
    bool loop_after_first = false;  // every GETNEXT/GETBULK past the first answer repeats that OID
    int max_varbinds = 1000;        // cap varbinds per response (simulates short answers)
    // GETBULK with several OIDs: all answers to the first, then the second, ... instead of row by row.
    bool column_after_column = false;
    // Answer genErr to a GETBULK carrying more than this many OIDs (-1: never).
    int max_oids_asked = -1;
    // Cisco community indexing: "community@10" is served this walk instead (VLAN 10's instance).
    std::map<std::string, SnmpWalk> contexts;
    // Every answer waits this long first (one request at a time, like a busy agent's CPU).
    std::chrono::milliseconds delay{0};
    // Every answer is sent this long after it was made, while the agent goes on answering (a long path).
    std::chrono::milliseconds latency{0};
};

class FakeAgent {
public:
    FakeAgent(SnmpWalk data, FakeAgentBehaviour behaviour);
    ~FakeAgent();
    FakeAgent(const FakeAgent&) = delete;
    FakeAgent& operator=(const FakeAgent&) = delete;

    std::uint16_t port() const { return port_; }
    int requests() const { return requests_; }
    // The community of every request received, in arrival order (answered or not).
    std::vector<std::string> communities_seen() const;

private:
    void run();
    std::string answer(const std::string& packet);
    // Sends the held answers that are due; returns the wait until the next one (20 ms when none).
    int send_due();

    struct Held {
        std::chrono::steady_clock::time_point due;
        std::string reply;
        sockaddr_storage to;
        socklen_t to_len;
    };
    std::vector<Held> held_;

    SnmpWalk data_;
    FakeAgentBehaviour behaviour_;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> requests_{0};
    mutable std::mutex log_mutex_;
    std::vector<std::string> communities_seen_;
    std::thread thread_;
};

}  // namespace nd::test
