#include "collectors/snmp/host_walk.hpp"

// clang-format off
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
// clang-format on
#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <set>

#include "collectors/collector.hpp"

namespace nd {
namespace {

constexpr int kMaxConsecutiveTimeouts = 2;  // then the agent is considered gone
// Subtrees one GETBULK carries at most: enough that the ~60 subtrees of the default plan take a few
// requests on a device that has few of them (a printer, a UPS), small enough for 1,500-byte answers.
constexpr std::size_t kMaxSubtreesPerRequest = 16;
// Rounds of device subtrees (WalkPlan::more): each may depend on what the ones before found (the private
// MIBs a device serves are found one after the other); a plan that keeps asking is cut off here.
constexpr int kMaxDeviceRounds = 12;

std::vector<oid> to_netsnmp(const Oid& o) { return {o.arcs().begin(), o.arcs().end()}; }

std::string error_status_text(long status) {
    const char* text = snmp_errstring(static_cast<int>(status));
    return text != nullptr ? text : "error " + std::to_string(status);
}

}  // namespace

HostWalk::HostWalk(SnmpTarget target, const SnmpOptions& options, const WalkPlan& plan,
                   const std::atomic<bool>* cancel)
    : target_(std::move(target)),
      options_(options),
      plan_(plan),
      cancel_(cancel),
      width_(static_cast<std::size_t>(std::max(1, options.subtrees_in_flight))),
      repetitions_(std::max(1, options.bulk_repetitions)),
      varbinds_(std::max(1, options.bulk_varbinds)) {
    result_.target = target_;
    std::set<Oid> seen;
    for (const Oid& root : plan_.subtrees) {
        if (!seen.insert(root).second) continue;
        std::set<Oid> cuts;  // ordered, inside this subtree
        for (const Oid& s : plan_.splits)
            if (s.starts_with(root) && s != root) cuts.insert(s);
        Oid from = root;
        for (const Oid& cut : cuts) {
            cursors_.emplace_back(root, options_.limits, from, cut);
            from = cut;
        }
        cursors_.emplace_back(root, options_.limits, from, std::nullopt);  // the last range, or all of it
    }
    plan_cursors_ = cursors_.size();
    cursor_started_.assign(cursors_.size(), false);
    cursor_busy_.assign(cursors_.size(), false);
    cursor_alone_.assign(cursors_.size(), false);
}

HostWalk::~HostWalk() {
    // Closing may call back into us; mark everything stale first.
    ++generation_;
    session_.reset();
    retired_.clear();
}

void HostWalk::start() {
    started_ = Clock::now();
    if (options_.credentials.empty()) {
        result_.error = "no SNMP credential configured";
        finish(false);
        return;
    }
    credential_ = static_cast<std::size_t>(-1);  // resume() advances first (wraps to 0)
    open_pending_ = true;
    resume();
}

void HostWalk::retire_session() {
    ++generation_;
    in_flight_.clear();
    sent_at_.clear();
    if (session_) retired_.push_back(std::move(session_));
}

void HostWalk::try_next_credential() {
    // The next session opens from the poller once this one is closed (see resume()): net-snmp must
    // forget a v3 user's keys before the same user is tried with other passphrases.
    retire_session();
    open_pending_ = true;
}

void HostWalk::resume() {
    if (!open_pending_ || done_) return;
    open_pending_ = false;
    if (retry_credential_) {
        retry_credential_ = false;  // the engine ID just arrived: the same credential again
        --credential_;
    }
    while (++credential_ < options_.credentials.size()) {
        const SnmpCredential& c = options_.credentials[credential_];
        std::string error;
        if (c.version == SnmpVersion::kV3 && engine_id_.empty()) {
            if (v3_silent_) {
                tried_.push_back(c.name);
                continue;  // the warning was given when discovery timed out
            }
            start_discovery();
            if (session_) return;
            tried_.push_back(c.name);
            continue;
        }
        tried_.push_back(c.name);
        session_ = open_session(target_, c, options_.timeout, 0, error, engine_id_);
        if (session_) {
            probing_ = true;
            attempt_ = 0;
            send_probe();
            if (session_) return;
            continue;
        }
        result_.warnings.push_back(error);
    }
    std::string names;
    for (const auto& n : tried_) names += (names.empty() ? "" : ", ") + n;
    result_.error = "no answer with any credential (tried " + names + ")";
    finish(false);
}

void HostWalk::start_discovery() {
    std::string error;
    session_ = open_discovery_session(target_, options_.timeout, 0, error);
    if (!session_) {
        result_.warnings.push_back(error);
        v3_silent_ = true;
        return;
    }
    discovering_ = true;
    attempt_ = 0;
    send_discovery();
}

void HostWalk::send_discovery() {
    if (send_request(discovery_pdu()) == 0) {
        int lib_error = 0;
        int sys_error = 0;
        char* text = nullptr;
        snmp_sess_error(session_.get(), &lib_error, &sys_error, &text);
        const std::string why = text != nullptr ? text : "unknown error";
        free(text);  // NOLINT: allocated by net-snmp
        discovering_ = false;
        v3_silent_ = true;
        result_.warnings.push_back("cannot send the SNMPv3 engine-ID discovery to " + target_.to_string() +
                                   ": " + why);
        retire_session();
    }
}

void HostWalk::on_discovery(int op, snmp_pdu* pdu) {
    discovering_ = false;
    if (op != NETSNMP_CALLBACK_OP_TIMED_OUT && pdu != nullptr) {
        engine_id_ = reported_engine_id(*pdu);
        // net-snmp may already have moved it to the session (its own discovery bookkeeping).
        if (const netsnmp_session* ss = snmp_sess_session(session_.get());
            engine_id_.empty() && ss != nullptr && ss->securityEngineIDLen > 0) {
            engine_id_.assign(reinterpret_cast<const char*>(ss->securityEngineID), ss->securityEngineIDLen);
        }
        if (engine_id_.empty()) {
            result_.warnings.push_back("SNMPv3 discovery answer without engine ID (PDU type " +
                                       std::to_string(pdu->command) + ", " + std::to_string(pdu->errstat) +
                                       ")");
        }
    }
    if (engine_id_.empty()) {
        // Every v3 credential needs the engine ID: they are all skipped, v1/v2c ones still run.
        v3_silent_ = true;
        tried_.push_back(options_.credentials[credential_].name);
        result_.warnings.push_back("no SNMPv3 engine ID from " + target_.to_string() +
                                   (op == NETSNMP_CALLBACK_OP_TIMED_OUT
                                        ? std::string(" (no answer)")
                                        : " (no usable report, op " + std::to_string(op) + ")") +
                                   "; SNMPv3 credentials skipped");
    } else {
        retry_credential_ = true;
    }
    retire_session();
    open_pending_ = true;
}

void HostWalk::send_probe() {
    netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_GET);
    for (const Oid& o : plan_.get) {
        auto arcs = to_netsnmp(o);
        snmp_add_null_var(pdu, arcs.data(), arcs.size());
    }
    if (send_request(pdu) == 0) {
        result_.warnings.push_back("cannot send to " + target_.to_string());
        retire_session();
    }
}

int HostWalk::send_request(snmp_pdu* pdu) {
    // A collector stopped while waiting for a token sends nothing more.
    if (options_.rate != nullptr && !options_.rate->take(cancel_)) {
        snmp_free_pdu(pdu);
        return 0;
    }
    tags_.push_back({this, generation_});
    ++result_.requests;
    const int reqid = snmp_sess_async_send(session_.get(), pdu, &HostWalk::on_pdu_trampoline, &tags_.back());
    if (reqid == 0) {
        snmp_free_pdu(pdu);
    } else {
        sent_at_[reqid] = Clock::now();
    }
    return reqid;
}

bool HostWalk::retry(int reqid) {
    if (discovering_ || probing_) {
        const int tries = probing_ && options_.probe_retries >= 0 ? options_.probe_retries : options_.retries;
        if (attempt_ >= tries) return false;
        ++attempt_;
        if (discovering_) {
            send_discovery();
            if (!session_) tried_.push_back(options_.credentials[credential_].name);
        } else {
            send_probe();
        }
        if (!session_) open_pending_ = true;  // could not send again: the next credential, from the poller
        return true;
    }
    answer_lost_ = true;  // perhaps too big for the path: no request fills the varbind budget alone now
    auto it = in_flight_.find(reqid);
    if (it == in_flight_.end() || it->second.attempt >= options_.retries) return false;
    const InFlight request = std::move(it->second);
    in_flight_.erase(it);
    for (std::size_t c : request.cursors) cursor_busy_[c] = false;
    // The lost answer may have been too big for the path: a shared request is asked again in halves.
    const auto& cursors = request.cursors;
    if (cursors.size() == 1) {
        send_walk(cursors, request.attempt + 1);
    } else {
        const auto half = cursors.begin() + static_cast<std::ptrdiff_t>(cursors.size() / 2);
        send_walk({cursors.begin(), half}, request.attempt + 1);
        send_walk({half, cursors.end()}, request.attempt + 1);
    }
    if (!done_) pump();
    return true;
}

int HostWalk::on_pdu_trampoline(int op, snmp_session* /*session*/, int reqid, snmp_pdu* pdu, void* magic) {
    auto* tag = static_cast<Tag*>(magic);
    tag->self->on_pdu(tag->generation, op, reqid, pdu);
    return 1;
}

void HostWalk::on_pdu(int generation, int op, int reqid, snmp_pdu* pdu) {
    if (generation != generation_ || done_) return;  // a retired session's late callback
    // net-snmp 5.9 also reports retransmissions and connects; only final outcomes matter here.
    if (op != NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE && op != NETSNMP_CALLBACK_OP_TIMED_OUT &&
        op != NETSNMP_CALLBACK_OP_SEND_FAILED && op != NETSNMP_CALLBACK_OP_SEC_ERROR) {
        return;
    }
    if (auto sent = sent_at_.find(reqid); sent != sent_at_.end()) {
        if (op == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE) {
            const auto now = Clock::now();
            width_.answered(reqid, now);
            const auto rtt = std::chrono::duration_cast<std::chrono::microseconds>(now - sent->second);
            result_.slowest_answer = std::max(result_.slowest_answer, rtt);
            answer_us_.push_back(rtt.count());
        }
        sent_at_.erase(sent);
    }
    if (op != NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE) width_.lost(reqid);  // the agent may be overloaded
    if (op == NETSNMP_CALLBACK_OP_TIMED_OUT && retry(reqid)) return;
    if (op == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE) ++result_.responses;
    if (op == NETSNMP_CALLBACK_OP_TIMED_OUT) ++result_.timeouts;
    if (discovering_) {
        on_discovery(op, pdu);
        return;
    }
    if (probing_) {
        on_probe(op, pdu);
        return;
    }
    auto it = in_flight_.find(reqid);
    if (it == in_flight_.end()) return;
    const std::vector<std::size_t> pack = std::move(it->second.cursors);
    in_flight_.erase(it);
    for (std::size_t c : pack) cursor_busy_[c] = false;
    on_walk(pack, op, pdu);
    if (!done_) pump();
}

void HostWalk::on_probe(int op, snmp_pdu* pdu) {
    // Any response PDU proves the credential (v1 agents answer noSuchName for a missing scalar);
    // a timeout or a v3 report (unknown user, wrong digest) moves on to the next credential.
    if (op != NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE || pdu == nullptr || pdu->command != SNMP_MSG_RESPONSE) {
        try_next_credential();
        return;
    }
    probing_ = false;
    result_.answered = true;
    result_.credential = options_.credentials[credential_].name;
    for (variable_list* vb = pdu->variables; vb != nullptr; vb = vb->next_variable) {
        SnmpValue value = to_snmp_value(*vb);
        if (!value.is_exception() && value.type != SnmpType::kNull)
            device_.walk.insert_or_assign(to_oid(*vb), value);
    }
    if (on_answered_) {
        // Inside net-snmp's callback: nothing may unwind through the C library.
        try {
            on_answered_(device_.walk);
        } catch (const std::exception& e) {
            spdlog::debug("{}: answer callback failed: {}", target_.to_string(), e.what());
        }
    }
    add_device_subtrees();
    pump();
}

bool HostWalk::add_device_subtrees() {
    if (!plan_.more || device_rounds_ >= kMaxDeviceRounds || device_.budget_exhausted) return false;
    ++device_rounds_;
    round_first_ = cursors_.size();  // (a plan that throws ends the rounds here)
    std::vector<ExtraSubtree> extra;
    try {  // inside net-snmp's callback too
        extra = plan_.more(device_.walk);
    } catch (const std::exception& e) {
        spdlog::debug("{}: device subtrees not added: {}", target_.to_string(), e.what());
        return false;
    }
    std::vector<Oid> planned;  // walked to their ends: what lies inside them is read anyway
    for (std::size_t i = 0; i < plan_cursors_; ++i) planned.push_back(cursors_[i].root());
    auto ask = [&](const ExtraSubtree& sub) {
        const bool inside = std::any_of(planned.begin(), planned.end(),
                                        [&](const Oid& root) { return sub.root.starts_with(root); });
        // Roots net-snmp cannot carry (too short to start before, too long with the start's extra arc).
        if (inside || sub.root.size() < 2 || sub.root.size() > 120) return;
        // Root, start and end of each range: what an earlier round asked is not asked again.
        const std::string key = sub.root.to_string() + " " + (sub.after ? sub.after->to_string() : "") + " " +
                                (sub.until ? sub.until->to_string() : "");
        if (!device_subtrees_asked_.insert(key).second) return;
        // GETNEXT answers what follows the OID it is given: start just before the root, so that a root that
        // is itself an instance (a scalar's .0, one row) is read too.
        std::vector<std::uint32_t> before = sub.root.arcs();
        const std::uint32_t last = before.back();
        before.pop_back();
        if (last > 0) {
            before.push_back(last - 1);
            before.push_back(std::numeric_limits<std::uint32_t>::max());
        }
        cursors_.emplace_back(sub.root, options_.limits, sub.after.value_or(Oid(std::move(before))),
                              sub.until);
        cursors_.back().cap_rows(std::max<std::size_t>(1, sub.max_oids));
        cursor_started_.push_back(false);
        cursor_busy_.push_back(false);
        cursor_alone_.push_back(false);
    };
    for (const auto& sub : extra)
        if (!sub.once_settled) ask(sub);
    if (cursors_.size() == round_first_) {  // nothing new: the search has settled, its guesses may go
        for (const auto& sub : extra)
            if (sub.once_settled) ask(sub);
    }
    return cursors_.size() > round_first_;
}

bool HostWalk::next_device_round() {
    if (device_rounds_ == 0 || round_first_ >= cursors_.size())
        return false;  // none yet, or the last asked nothing
    const bool round_done = std::all_of(cursors_.begin() + static_cast<std::ptrdiff_t>(round_first_),
                                        cursors_.end(), [](const WalkCursor& c) { return c.done(); });
    if (!round_done) return false;
    if (add_device_subtrees()) return true;
    round_first_ = cursors_.size();  // nothing new: the rounds are over
    return false;
}

void HostWalk::pump() {
    next_device_round();
    const std::size_t slots = width_.width();
    while (!done_ && in_flight_.size() < slots) {
        std::vector<std::size_t> pack = next_pack(slots - in_flight_.size());
        if (pack.empty()) break;
        send_walk(std::move(pack));
    }
    if (!first_round_sent_) {
        // The walk's first requests, sent together: their answers show the agent's pace.
        first_round_sent_ = true;
        std::map<int, Clock::time_point> round;
        for (const auto& [reqid, request] : in_flight_)
            if (auto sent = sent_at_.find(reqid); sent != sent_at_.end()) round.emplace(reqid, sent->second);
        width_.first_round(round);
    }
    if (!done_ && in_flight_.empty()) {
        const bool complete =
            std::all_of(cursors_.begin(), cursors_.end(), [](const WalkCursor& c) { return c.done(); });
        if (complete) finish(device_.warnings.empty());
    }
}

std::vector<std::size_t> HostWalk::next_pack(std::size_t free_slots) {
    const std::size_t limit =
        uses_getnext() ? 1
                       : std::min(kMaxSubtreesPerRequest, static_cast<std::size_t>(std::max(1, varbinds_)));
    std::vector<std::size_t> waiting;  // walked before, going on
    std::size_t unstarted = 0;
    for (std::size_t i = 0; i < cursors_.size(); ++i) {
        if (cursors_[i].done() || cursor_busy_[i]) continue;
        if (!cursor_started_[i]) {
            ++unstarted;
        } else if (cursor_alone_[i] || limit == 1) {
            return {i};
        } else {
            waiting.push_back(i);
        }
    }
    // Spread the work over the free slots (several requests in flight hide a LAN's round trips), but
    // never thinner than a full request: a subtree gets at most `repetitions_` rows per request, so a
    // pack of fewer than varbinds / repetitions subtrees leaves the request part empty, and an agent that
    // answers one request at a time (snmpsim, small embedded agents) then needs more of them (a printer's
    // whole tree on loopback: 19 requests spread, 14 packed).
    const std::size_t full =
        static_cast<std::size_t>((varbinds_ + repetitions_ - 1) / std::max(1, repetitions_));
    const std::size_t spread =
        (waiting.size() + unstarted + free_slots - 1) / std::max<std::size_t>(1, free_slots);
    const std::size_t target = std::clamp<std::size_t>(std::max(spread, full), 1, limit);
    // A device round's new subtrees go first: the next round (and its reads) waits for them, not for the
    // long tables of the plan going on beside.
    std::vector<std::size_t> pack;
    for (std::size_t i = plan_cursors_; i < cursors_.size() && pack.size() < target; ++i) {
        if (cursor_started_[i] || cursors_[i].done() || cursor_busy_[i]) continue;
        cursor_started_[i] = true;
        pack.push_back(i);
    }
    for (std::size_t i = 0; i < waiting.size() && pack.size() < target; ++i) pack.push_back(waiting[i]);
    while (pack.size() < target) {
        const auto next = next_to_start();
        if (!next) break;
        cursor_started_[*next] = true;
        pack.push_back(*next);
    }
    // In OID order: an agent that does not interleave the rows as asked then shows at once (an OID
    // behind the cursor it lands in) instead of ending another subtree early.
    std::sort(pack.begin(), pack.end(),
              [&](std::size_t a, std::size_t b) { return cursors_[a].next() < cursors_[b].next(); });
    return pack;
}

bool HostWalk::uses_getnext() const { return options_.credentials[credential_].version == SnmpVersion::kV1; }

int HostWalk::repetitions_for(const std::vector<std::size_t>& pack) const {
    // Subtrees nothing was read from yet are mostly absent (a printer has no bridge tables, a switch
    // no supplies): their first shared request asks one row each, the rest come once they show data.
    const bool first_rows = pack.size() > 1 && std::all_of(pack.begin(), pack.end(), [&](std::size_t c) {
                                return cursors_[c].next() == cursors_[c].from();
                            });
    if (first_rows) return 1;
    // Subtrees that already gave a request's worth of rows are long tables: together they may fill the
    // request's whole varbind budget (a lone one too, so the walk needs fewer requests), where a short
    // subtree keeps the usual repetitions and few rows are asked past its end.
    const bool long_tables = !answer_lost_ && std::all_of(pack.begin(), pack.end(), [&](std::size_t c) {
        return cursors_[c].count() >= static_cast<std::size_t>(repetitions_);
    });
    int most = long_tables ? std::max(varbinds_, repetitions_) : repetitions_;
    // Capped reads only (device subtrees): no more rows than the hungriest of them still wants.
    std::size_t wanted = 0;
    for (std::size_t c : pack) {
        auto left = cursors_[c].rows_wanted();
        if (!left) {
            wanted = std::numeric_limits<std::size_t>::max();
            break;
        }
        wanted = std::max(wanted, *left);
    }
    most = static_cast<int>(
        std::min<std::size_t>(static_cast<std::size_t>(most), std::max<std::size_t>(1, wanted)));
    return std::clamp(varbinds_ / static_cast<int>(std::max<std::size_t>(1, pack.size())), 1, most);
}

bool HostWalk::send_walk(std::vector<std::size_t> pack, int attempt) {
    if (device_.budget_exhausted)
        for (std::size_t c : pack) cursors_[c].finish();
    std::erase_if(pack, [&](std::size_t c) { return cursors_[c].done(); });
    if (pack.empty()) return false;
    const bool v1 = uses_getnext();
    netsnmp_pdu* pdu = snmp_pdu_create(v1 ? SNMP_MSG_GETNEXT : SNMP_MSG_GETBULK);
    if (!v1) {
        pdu->non_repeaters = 0;
        pdu->max_repetitions = repetitions_for(pack);
    }
    for (std::size_t c : pack) {
        auto arcs = to_netsnmp(cursors_[c].next());
        snmp_add_null_var(pdu, arcs.data(), arcs.size());
    }
    const int reqid = send_request(pdu);
    if (reqid == 0) {
        for (std::size_t c : pack)
            cursors_[c].abort(cancel_ != nullptr && cancel_->load() ? "collector stopped" : "send failed",
                              device_);
        return false;
    }
    for (std::size_t c : pack) cursor_busy_[c] = true;
    in_flight_[reqid] = InFlight{std::move(pack), attempt};
    return true;
}

void HostWalk::on_walk(const std::vector<std::size_t>& pack, int op, snmp_pdu* pdu) {
    auto abort_all = [&](const std::string& why) {
        for (std::size_t c : pack) cursors_[c].abort(why, device_);
    };
    if (op != NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE || pdu == nullptr) {
        abort_all(op == NETSNMP_CALLBACK_OP_TIMED_OUT   ? "agent stopped answering"
                  : op == NETSNMP_CALLBACK_OP_SEC_ERROR ? "SNMPv3 security error"
                                                        : "send failed");
        if (++consecutive_timeouts_ >= kMaxConsecutiveTimeouts) {
            cancel("agent stopped answering");
        }
        return;
    }
    consecutive_timeouts_ = 0;
    const bool shared = pack.size() > 1;
    const int asked = uses_getnext() ? 1 : static_cast<int>(pack.size()) * repetitions_for(pack);
    if (pdu->command != SNMP_MSG_RESPONSE) {
        abort_all("unexpected PDU type " + std::to_string(pdu->command));
    } else if (pdu->errstat == SNMP_ERR_TOOBIG && asked > 1) {
        varbinds_ = std::max(1, asked / 2);  // and ask again from the same place
        repetitions_ = std::min(repetitions_, varbinds_);
        requeue(pack, false);
    } else if (pdu->errstat == SNMP_ERR_NOSUCHNAME && !shared) {
        cursors_[pack.front()].finish();  // v1's way of saying "end of the MIB view"
    } else if (pdu->errstat != SNMP_ERR_NOERROR) {
        // One of the subtrees may be what the agent objects to: each is asked on its own.
        if (shared) {
            requeue(pack, true);
        } else {
            abort_all("agent error \"" + error_status_text(pdu->errstat) + "\"");
        }
    } else if (pdu->variables == nullptr) {
        for (std::size_t c : pack) cursors_[c].finish();
    } else if (!accept_rows(pack, pdu)) {
        requeue(pack, true);
    }
}

bool HostWalk::accept_rows(const std::vector<std::size_t>& pack, snmp_pdu* pdu) {
    const std::size_t k = pack.size();
    std::vector<bool> ended(k, false);
    std::size_t i = 0;
    for (variable_list* vb = pdu->variables; vb != nullptr; vb = vb->next_variable, ++i) {
        const std::size_t j = i % k;  // row after row, one varbind per subtree asked
        if (ended[j]) continue;
        WalkCursor& cursor = cursors_[pack[j]];
        Oid oid = to_oid(*vb);
        if (k > 1 && vb->type != SNMP_ENDOFMIBVIEW && !cursor.done() && oid <= cursor.next()) return false;
        while (cursor.until() && !(oid < *cursor.until()) && take_over_next_range(pack[j])) {
        }
        if (!cursor.accept(oid, to_snmp_value(*vb), device_)) ended[j] = true;
    }
    return true;
}

void HostWalk::requeue(const std::vector<std::size_t>& pack, bool alone) {
    for (std::size_t c : pack) {
        cursor_busy_[c] = false;
        if (alone) cursor_alone_[c] = true;
    }
}

void HostWalk::tick(Clock::time_point now) {
    if (!done_ && now - started_ > options_.limits.max_walk_time) cancel("device walk time limit reached");
}

void HostWalk::cancel(const std::string& why) {
    if (done_) return;
    for (auto& c : cursors_) c.abort(why, device_);
    if ((probing_ || discovering_) && !result_.answered) result_.error = why;
    finish(false);
}

void HostWalk::finish(bool complete) {
    done_ = true;
    result_.complete = complete && result_.answered;
    retire_session();
}

// A subtree cut into ranges (WalkPlan::splits) is walked by a few cursors at once, each going on
// into the ranges after it that nobody started; so a new cursor starts in the middle of the longest
// run of unstarted ranges ahead of a running one, and an empty range seldom costs a request of its own.
// Plain subtrees start in plan order.
std::optional<std::size_t> HostWalk::next_to_start() const {
    std::optional<std::size_t> best;
    std::size_t best_length = 1;  // a single range is left to the cursor before it
    for (std::size_t i = 0; i < cursors_.size();) {
        if (cursor_started_[i] || cursors_[i].done()) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < cursors_.size() && !cursor_started_[end] && !cursors_[end].done() &&
               cursors_[end].root() == cursors_[i].root())
            ++end;
        if (!carried_on(i)) return i;
        if (end - i > best_length) {
            best_length = end - i;
            best = i + best_length / 2;
        }
        i = end;
    }
    return best;
}

// Range `index` will be reached by a running cursor whose range ends where it begins.
bool HostWalk::carried_on(std::size_t index) const {
    const WalkCursor& range = cursors_[index];
    if (range.from() == range.root()) return false;  // a plain subtree, or a subtree's first range
    return std::any_of(cursors_.begin(), cursors_.end(), [&](const WalkCursor& c) {
        return !c.done() && c.until() == range.from() && c.root() == range.root();
    });
}

bool HostWalk::take_over_next_range(std::size_t index) {
    WalkCursor& cursor = cursors_[index];
    if (cursor.capped()) return false;  // a device subtree's cap covers its own range only
    for (std::size_t i = 0; i < cursors_.size(); ++i) {
        WalkCursor& next = cursors_[i];
        if (i == index || next.root() != cursor.root() || next.from() != *cursor.until()) continue;
        if (cursor_started_[i] || next.done()) return false;
        cursor_started_[i] = true;
        next.finish();
        cursor.extend_until(next.until());
        return true;
    }
    return false;
}

bool HostWalk::walked_past(const Oid& subtree) const {
    if (done_) return true;
    if (!walking()) return false;
    for (const WalkCursor& c : cursors_) {
        if (c.done() || !(c.root().starts_with(subtree) || subtree.starts_with(c.root()))) continue;
        if (c.until() && !(subtree < *c.until())) continue;  // a range that ends before the subtree
        if (c.next() < subtree || c.next().starts_with(subtree)) return false;
    }
    return true;
}

const SnmpCredential* HostWalk::answered_credential() const {
    return result_.answered && credential_ < options_.credentials.size() ? &options_.credentials[credential_]
                                                                         : nullptr;
}

std::chrono::microseconds HostWalk::usual_answer() const {
    if (answer_us_.empty()) return std::chrono::microseconds{0};
    std::vector<std::int64_t> samples = answer_us_;
    const auto p90 = samples.begin() + static_cast<std::ptrdiff_t>(samples.size() * 9 / 10);
    std::nth_element(samples.begin(), p90, samples.end());
    return std::chrono::microseconds(*p90);
}

SnmpHostResult HostWalk::take_result() {
    result_.walk = std::move(device_.walk);
    for (auto& w : device_.warnings) result_.warnings.push_back(std::move(w));
    result_.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started_);
    result_.usual_answer = usual_answer();
    result_.requests_in_flight = result_.answered ? width_.width() : 0;
    return std::move(result_);
}

}  // namespace nd
