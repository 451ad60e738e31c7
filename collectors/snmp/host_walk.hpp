#pragma once
// One host's SNMP conversation as an asynchronous state machine on a net-snmp single-API session:
// probe credentials in order (a GET of the system scalars), then walk the plan's subtrees with
// GETBULK (GETNEXT for v1), as many requests in flight as the agent's pace is worth (RequestWidth),
// each GETBULK carrying several subtrees (one varbind each; the answer interleaves their rows,
// RFC 3416 4.2.3). Driven by SnmpCollector's poller; never blocks on the network: v3 engine-ID
// discovery is one more asynchronous request (once per host, shared by every v3 credential), so a
// silent v3 host costs its own timeout and nobody else's.
// Retries are ours, not net-snmp's (sessions have none): every request PDU and every retry takes a
// token from options.rate first, the only place a walk may wait.
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "collectors/snmp/netsnmp_glue.hpp"
#include "collectors/snmp/request_width.hpp"
#include "collectors/snmp/snmp_config.hpp"
#include "collectors/snmp/walk_cursor.hpp"
#include "collectors/snmp/walk_plan.hpp"

struct snmp_pdu;
struct snmp_session;

namespace nd {

struct SnmpHostResult {
    SnmpTarget target;
    bool answered = false;   // some credential got an answer
    std::string credential;  // its name (never the secret)
    SnmpWalk walk;
    std::vector<std::string> warnings;  // partial results, guards that fired
    std::string error;                  // why nothing was read, when !answered
    bool complete = false;              // every subtree walked to its end
    std::uint64_t requests = 0;
    std::uint64_t responses = 0;
    std::uint64_t timeouts = 0;
    std::chrono::milliseconds elapsed{0};
    std::chrono::microseconds slowest_answer{0};  // the longest request -> response time seen
    std::chrono::microseconds usual_answer{0};    // 90th percentile of request -> response times
    // Walk requests allowed in flight once the agent's pace was known (the most allowed when its first
    // round was a single request); 0 when nothing answered.
    std::size_t requests_in_flight = 0;
};

class HostWalk {
public:
    using Clock = std::chrono::steady_clock;
    // `cancel` (optional) ends a wait for a rate-limit token early (the collector's stop()).
    HostWalk(SnmpTarget target, const SnmpOptions& options, const WalkPlan& plan,
             const std::atomic<bool>* cancel = nullptr);
    HostWalk(const HostWalk&) = delete;
    HostWalk& operator=(const HostWalk&) = delete;
    ~HostWalk();

    // Called once, on the polling thread, when a credential is answered: the probe's system scalars
    // (sysDescr, sysObjectID ...), long before the walk ends. The walk passed is the live one: copy
    // what is kept. Exceptions are logged and dropped (they must not unwind through net-snmp).
    void on_answered(std::function<void(const SnmpWalk& system_scalars)> callback) {
        on_answered_ = std::move(callback);
    }
    void start();
    bool done() const { return done_; }
    // Enforces the per-device time budget; call after each poll round.
    void tick(Clock::time_point now);
    // Stops at once, keeping what was read (Ctrl-C, collector stop()).
    void cancel(const std::string& why);
    // The live session, for the poller's select/read/timeout calls; nullptr when none.
    void* session() const { return session_.get(); }
    // Sessions to close: never closed from inside a net-snmp callback.
    void close_retired() { retired_.clear(); }
    // After close_retired(): opens the next credential's session when one is due.
    void resume();
    SnmpHostResult take_result();

    // While the walk runs (the collector starts a switch's VLAN walks early with these):
    // a credential answered and the subtree walks have begun.
    bool walking() const { return result_.answered && !probing_; }
    // The walk holds everything its cursors so far will read under `subtree`: every cursor overlapping it
    // has finished or moved past it (cursors walk in OID order; a later round of device subtrees may still
    // add one, never inside a planned subtree). True when nothing covers it.
    bool walked_past(const Oid& subtree) const;
    const SnmpWalk& walk_so_far() const { return device_.walk; }
    // The credential that answered; nullptr before one did.
    const SnmpCredential* answered_credential() const;
    // 90th percentile of the request -> response times so far (zero before any answer).
    std::chrono::microseconds usual_answer() const;

private:
    struct Tag {
        HostWalk* self;
        int generation;
    };
    static int on_pdu_trampoline(int op, snmp_session* session, int reqid, snmp_pdu* pdu, void* magic);
    void on_pdu(int generation, int op, int reqid, snmp_pdu* pdu);
    void try_next_credential();
    void start_discovery();
    void on_discovery(int op, snmp_pdu* pdu);
    // Takes a rate token and sends; returns net-snmp's request id, 0 when not sent (pdu freed).
    int send_request(snmp_pdu* pdu);
    // A request timed out: sends it again when it has retries left (true), else false.
    bool retry(int reqid);
    void send_discovery();
    void send_probe();
    void on_probe(int op, snmp_pdu* pdu);
    // The plan's `more` for this device: once its system scalars are in, then again after each round of
    // those subtrees is read (what they found may ask for more). False when nothing new was added.
    bool add_device_subtrees();
    bool next_device_round();  // the last round is read: asks for the next one; true when it added some
    void pump();  // keeps up to width_.width() walk requests in flight (at most options.subtrees_in_flight)
    // The cursors the next request carries: those waiting to go on, then new ones, sorted by OID.
    std::vector<std::size_t> next_pack(std::size_t free_slots);
    std::optional<std::size_t> next_to_start() const;
    bool carried_on(std::size_t index) const;
    // The range `index` reached its end: takes over the next range when nobody started it.
    bool take_over_next_range(std::size_t index);
    bool uses_getnext() const;  // the credential that answered is v1: one GETNEXT per subtree
    // GETBULK max-repetitions for a request carrying these cursors.
    int repetitions_for(const std::vector<std::size_t>& pack) const;
    bool send_walk(std::vector<std::size_t> pack, int attempt = 0);
    void on_walk(const std::vector<std::size_t>& pack, int op, snmp_pdu* pdu);
    // Reads a response's varbinds into the pack's cursors; false when the agent did not interleave
    // the rows as asked (the pack's cursors are then walked one per request).
    bool accept_rows(const std::vector<std::size_t>& pack, snmp_pdu* pdu);
    // The pack goes back to the queue; `alone`: each of its cursors in a request of its own from now.
    void requeue(const std::vector<std::size_t>& pack, bool alone);
    void finish(bool complete);
    void retire_session();

    SnmpTarget target_;
    std::function<void(const SnmpWalk&)> on_answered_;
    const SnmpOptions& options_;
    const WalkPlan& plan_;
    const std::atomic<bool>* cancel_;
    SnmpHostResult result_;
    DeviceWalkState device_;
    std::vector<WalkCursor> cursors_;
    std::vector<bool> cursor_started_;  // per cursor: a request was sent for it (or it was taken over)
    std::vector<bool> cursor_busy_;     // per cursor: in a request in flight
    std::vector<bool> cursor_alone_;    // per cursor: never shares a request (its agent objected)
    std::size_t plan_cursors_ = 0;      // cursors_[0, plan_cursors_): the plan's subtrees; then device ones
    std::size_t round_first_ = 0;       // the latest round of device subtrees: cursors_[round_first_, end)
    int device_rounds_ = 0;
    std::set<std::string> device_subtrees_asked_;  // root, start and end of each device subtree asked
    struct InFlight {
        std::vector<std::size_t> cursors;  // one varbind each, in this order
        int attempt;                       // 0: first try
    };
    std::map<int, InFlight> in_flight_;  // reqid -> walk request
    RequestWidth width_;                 // how many of them the agent's pace is worth
    bool first_round_sent_ = false;
    bool answer_lost_ = false;  // a request timed out: long tables keep bulk_repetitions from then on
    std::map<int, Clock::time_point> sent_at_;  // reqid -> when, for slowest_answer
    std::vector<std::int64_t> answer_us_;       // every answer's round trip, for usual_answer
    int attempt_ = 0;                           // of the probe or discovery request in flight
    SessionHandle session_;
    std::vector<SessionHandle> retired_;
    std::deque<Tag> tags_;  // stable addresses for net-snmp's callback magic
    int generation_ = 0;
    std::size_t credential_ = 0;
    bool probing_ = false;
    bool discovering_ = false;       // waiting for the agent's engine ID
    bool retry_credential_ = false;  // reopen the current credential (engine ID now known)
    bool v3_silent_ = false;         // discovery failed: v3 credentials are skipped
    std::string engine_id_;          // the agent's snmpEngineID, once discovered
    bool open_pending_ = false;
    bool done_ = false;
    int repetitions_ = 10;
    int varbinds_ = 40;  // per GETBULK, shared by the subtrees it carries
    int consecutive_timeouts_ = 0;
    std::vector<std::string> tried_;
    Clock::time_point started_;
};

}  // namespace nd
