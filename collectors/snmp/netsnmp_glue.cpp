#include "collectors/snmp/netsnmp_glue.hpp"

// clang-format off
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
// clang-format on
#include <spdlog/spdlog.h>

#include <charconv>
#include <cstring>
#include <mutex>

namespace nd {
namespace {

int log_to_spdlog(int /*major*/, int /*minor*/, void* server_arg, void* /*client_arg*/) {
    const auto* message = static_cast<const snmp_log_message*>(server_arg);
    if (message == nullptr || message->msg == nullptr) return 0;
    std::string text = message->msg;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    // net-snmp's own chatter is never an incident of ours: debug level only.
    if (auto logger = spdlog::get("collector.snmp")) {
        logger->debug("net-snmp: {}", text);
    } else {
        spdlog::debug("net-snmp: {}", text);
    }
    return 0;
}

struct AuthProto {
    const oid* id;
    std::size_t length;
};

AuthProto auth_proto(SnmpAuthProtocol p) {
    switch (p) {
        case SnmpAuthProtocol::kMd5:
            return {usmHMACMD5AuthProtocol, OID_LENGTH(usmHMACMD5AuthProtocol)};
        case SnmpAuthProtocol::kSha:
            return {usmHMACSHA1AuthProtocol, OID_LENGTH(usmHMACSHA1AuthProtocol)};
        case SnmpAuthProtocol::kSha224:
            return {usmHMAC128SHA224AuthProtocol, OID_LENGTH(usmHMAC128SHA224AuthProtocol)};
        case SnmpAuthProtocol::kSha256:
            return {usmHMAC192SHA256AuthProtocol, OID_LENGTH(usmHMAC192SHA256AuthProtocol)};
        case SnmpAuthProtocol::kSha384:
            return {usmHMAC256SHA384AuthProtocol, OID_LENGTH(usmHMAC256SHA384AuthProtocol)};
        case SnmpAuthProtocol::kSha512:
            return {usmHMAC384SHA512AuthProtocol, OID_LENGTH(usmHMAC384SHA512AuthProtocol)};
    }
    return {usmHMACSHA1AuthProtocol, OID_LENGTH(usmHMACSHA1AuthProtocol)};
}

AuthProto priv_proto(SnmpPrivProtocol p) {
    switch (p) {
        case SnmpPrivProtocol::kDes:
            return {usmDESPrivProtocol, OID_LENGTH(usmDESPrivProtocol)};
        case SnmpPrivProtocol::kAes:
            return {usmAESPrivProtocol, OID_LENGTH(usmAESPrivProtocol)};
        case SnmpPrivProtocol::kAes192:
            return {usmAES192PrivProtocol, OID_LENGTH(usmAES192PrivProtocol)};
        case SnmpPrivProtocol::kAes256:
            return {usmAES256PrivProtocol, OID_LENGTH(usmAES256PrivProtocol)};
    }
    return {usmAESPrivProtocol, OID_LENGTH(usmAESPrivProtocol)};
}

}  // namespace

void ensure_netsnmp_initialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Numeric OIDs only: no MIB files are read, so nothing depends on what is installed.
        ::setenv("MIBS", "", 1);     // NOLINT(concurrency-mt-unsafe): once, before any session
        ::setenv("MIBDIRS", "", 1);  // NOLINT(concurrency-mt-unsafe)
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
        netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_MIB_WARNINGS, 0);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_QUICK_PRINT, 1);
        netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_OID_OUTPUT_FORMAT,
                           NETSNMP_OID_OUTPUT_NUMERIC);
        snmp_disable_log();
        snmp_register_callback(SNMP_CALLBACK_LIBRARY, SNMP_CALLBACK_LOGGING, log_to_spdlog, nullptr);
        netsnmp_register_loghandler(NETSNMP_LOGHANDLER_CALLBACK, LOG_DEBUG);
        init_snmp("netdossier");
    });
}

std::optional<SnmpTarget> parse_snmp_target(std::string_view text, std::uint16_t default_port) {
    SnmpTarget t{std::string(text), default_port};
    if (text.empty()) return std::nullopt;
    if (auto colon = text.rfind(':'); colon != std::string_view::npos) {
        std::string_view port = text.substr(colon + 1);
        unsigned value = 0;
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) {
            return std::nullopt;
        }
        t.host = std::string(text.substr(0, colon));
        t.port = static_cast<std::uint16_t>(value);
    }
    if (t.host.empty()) return std::nullopt;
    return t;
}

void SessionCloser::operator()(void* session) const {
    if (session == nullptr) return;
    // net-snmp keeps localized v3 keys in a process-wide user list keyed by (engine ID, user) and
    // reuses them for the next session: a wrong passphrase tried first would poison the right one,
    // and a changed passphrase would never be picked up. Forget the user with its session.
    if (netsnmp_session* ss = snmp_sess_session(session);
        ss != nullptr && ss->version == SNMP_VERSION_3 && ss->securityName != nullptr) {
        if (usmUser* user = usm_get_user(ss->securityEngineID, ss->securityEngineIDLen, ss->securityName)) {
            usm_remove_user(user);
            usm_free_user(user);
        }
    }
    snmp_sess_close(session);
}

SessionHandle open_discovery_session(const SnmpTarget& target, std::chrono::milliseconds timeout, int retries,
                                     std::string& error) {
    ensure_netsnmp_initialised();
    netsnmp_session s;
    snmp_sess_init(&s);
    std::string peer = "udp:" + target.host + ":" + std::to_string(target.port);
    s.peername = peer.data();
    s.timeout = static_cast<long>(timeout.count()) * 1000;
    s.retries = retries;
    s.version = SNMP_VERSION_3;
    s.securityLevel = SNMP_SEC_LEVEL_NOAUTH;
    s.flags |= SNMP_FLAGS_DONT_PROBE;  // no user, no blocking probe: we send the discovery ourselves
    void* handle = snmp_sess_open(&s);
    if (handle == nullptr) {
        const char* reason = snmp_api_errstring(s.s_snmp_errno);
        error = "cannot open SNMPv3 discovery session to " + target.to_string() + ": " +
                (reason != nullptr ? reason : "unknown error");
        return nullptr;
    }
    // snmp_sess_open clears the flag once open; without it the first send would run net-snmp's
    // blocking probe instead of sending our request.
    snmp_sess_session(handle)->flags |= SNMP_FLAGS_DONT_PROBE;
    return SessionHandle(handle);
}

snmp_pdu* discovery_pdu() {
    // USM sends the discovery as the empty user, which must exist in the library's user list
    // (net-snmp's own probe creates it the same way, in a function it does not export).
    static std::once_flag once;
    std::call_once(once, [] {
        if (usm_get_user(nullptr, 0, "") != nullptr) return;
        auto* user = static_cast<usmUser*>(calloc(1, sizeof(usmUser)));  // freed by net-snmp
        if (user == nullptr) return;
        user->name = strdup("");
        user->secName = strdup("");
        user->authProtocolLen = OID_LENGTH(usmNoAuthProtocol);
        user->authProtocol = snmp_duplicate_objid(usmNoAuthProtocol, user->authProtocolLen);
        user->privProtocolLen = OID_LENGTH(usmNoPrivProtocol);
        user->privProtocol = snmp_duplicate_objid(usmNoPrivProtocol, user->privProtocolLen);
        usm_add_user(user);
    });
    netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_GET);
    pdu->version = SNMP_VERSION_3;
    pdu->securityModel = SNMP_SEC_MODEL_USM;
    pdu->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
    pdu->securityName = strdup("");
    pdu->securityNameLen = 0;
    return pdu;
}

std::string reported_engine_id(const snmp_pdu& report) {
    if (report.securityEngineID == nullptr || report.securityEngineIDLen == 0) return {};
    return {reinterpret_cast<const char*>(report.securityEngineID), report.securityEngineIDLen};
}

SessionHandle open_session(const SnmpTarget& target, const SnmpCredential& credential,
                           std::chrono::milliseconds timeout, int retries, std::string& error,
                           const std::string& engine_id) {
    ensure_netsnmp_initialised();
    netsnmp_session s;
    snmp_sess_init(&s);
    std::string peer = "udp:" + target.host + ":" + std::to_string(target.port);
    s.peername = peer.data();
    s.timeout = static_cast<long>(timeout.count()) * 1000;
    s.retries = retries;
    std::string community = credential.community.reveal();
    std::string user = credential.user;
    std::string context = credential.context;
    std::string engine = engine_id;
    switch (credential.version) {
        case SnmpVersion::kV1:
            s.version = SNMP_VERSION_1;
            break;
        case SnmpVersion::kV2c:
            s.version = SNMP_VERSION_2c;
            break;
        case SnmpVersion::kV3:
            s.version = SNMP_VERSION_3;
            break;
    }
    if (credential.version != SnmpVersion::kV3) {
        s.community = reinterpret_cast<u_char*>(community.data());
        s.community_len = community.size();
    } else {
        s.securityName = user.data();
        s.securityNameLen = user.size();
        if (!context.empty()) {
            s.contextName = context.data();
            s.contextNameLen = context.size();
        }
        if (!engine.empty()) {
            // Known engine: net-snmp skips its synchronous probe and localises the keys at open.
            s.securityEngineID = reinterpret_cast<u_char*>(engine.data());
            s.securityEngineIDLen = engine.size();
            s.contextEngineID = reinterpret_cast<u_char*>(engine.data());
            s.contextEngineIDLen = engine.size();
            s.flags |= SNMP_FLAGS_DONT_PROBE;
        }
        s.securityLevel = credential.level == SnmpSecurityLevel::kAuthPriv     ? SNMP_SEC_LEVEL_AUTHPRIV
                          : credential.level == SnmpSecurityLevel::kAuthNoPriv ? SNMP_SEC_LEVEL_AUTHNOPRIV
                                                                               : SNMP_SEC_LEVEL_NOAUTH;
        if (credential.level != SnmpSecurityLevel::kNoAuthNoPriv) {
            const AuthProto auth = auth_proto(credential.auth_protocol);
            s.securityAuthProto = snmp_duplicate_objid(auth.id, auth.length);
            s.securityAuthProtoLen = auth.length;
            s.securityAuthKeyLen = USM_AUTH_KU_LEN;
            const std::string& pass = credential.auth_passphrase.reveal();
            if (generate_Ku(auth.id, auth.length, reinterpret_cast<const u_char*>(pass.data()), pass.size(),
                            s.securityAuthKey, &s.securityAuthKeyLen) != SNMPERR_SUCCESS) {
                error = "credential " + credential.name + ": cannot derive the auth key";
                SNMP_FREE(s.securityAuthProto);
                return nullptr;
            }
        }
        if (credential.level == SnmpSecurityLevel::kAuthPriv) {
            const AuthProto auth = auth_proto(credential.auth_protocol);
            const AuthProto priv = priv_proto(credential.priv_protocol);
            s.securityPrivProto = snmp_duplicate_objid(priv.id, priv.length);
            s.securityPrivProtoLen = priv.length;
            s.securityPrivKeyLen = USM_PRIV_KU_LEN;
            const std::string& pass = credential.priv_passphrase.reveal();
            if (generate_Ku(auth.id, auth.length, reinterpret_cast<const u_char*>(pass.data()), pass.size(),
                            s.securityPrivKey, &s.securityPrivKeyLen) != SNMPERR_SUCCESS) {
                error = "credential " + credential.name + ": cannot derive the privacy key";
                SNMP_FREE(s.securityAuthProto);
                SNMP_FREE(s.securityPrivProto);
                return nullptr;
            }
        }
    }
    void* handle = snmp_sess_open(&s);
    // The library keeps its own copies; wipe ours.
    std::memset(s.securityAuthKey, 0, sizeof(s.securityAuthKey));
    std::memset(s.securityPrivKey, 0, sizeof(s.securityPrivKey));
    std::fill(community.begin(), community.end(), '\0');
    SNMP_FREE(s.securityAuthProto);
    SNMP_FREE(s.securityPrivProto);
    if (handle == nullptr) {
        const char* reason = snmp_api_errstring(s.s_snmp_errno);
        error = "cannot open SNMP session to " + target.to_string() + " with credential " + credential.name +
                ": " + (reason != nullptr ? reason : "unknown error");
        return nullptr;
    }
    return SessionHandle(handle);
}

Oid to_oid(const variable_list& vb) {
    std::vector<std::uint32_t> arcs(vb.name, vb.name + vb.name_length);
    return Oid(std::move(arcs));
}

SnmpValue to_snmp_value(const variable_list& vb) {
    SnmpValue v;
    switch (vb.type) {
        case ASN_INTEGER:
            v.type = SnmpType::kInteger;
            if (vb.val.integer != nullptr) v.number = *vb.val.integer;
            break;
        case ASN_OCTET_STR:
        case ASN_OPAQUE:
            v.type = vb.type == ASN_OCTET_STR ? SnmpType::kOctetString : SnmpType::kOpaque;
            if (vb.val.string != nullptr)
                v.bytes.assign(reinterpret_cast<const char*>(vb.val.string), vb.val_len);
            break;
        case ASN_OBJECT_ID: {
            v.type = SnmpType::kOid;
            if (vb.val.objid != nullptr) {
                std::vector<std::uint32_t> arcs(vb.val.objid, vb.val.objid + vb.val_len / sizeof(oid));
                v.bytes = Oid(std::move(arcs)).to_string();
            }
            break;
        }
        case ASN_IPADDRESS:
            v.type = SnmpType::kIpAddress;
            if (vb.val.string != nullptr && vb.val_len == 4) {
                const u_char* b = vb.val.string;
                v.bytes = std::to_string(b[0]) + "." + std::to_string(b[1]) + "." + std::to_string(b[2]) +
                          "." + std::to_string(b[3]);
            }
            break;
        case ASN_COUNTER:
        case ASN_GAUGE:
        case ASN_TIMETICKS:
            v.type = vb.type == ASN_COUNTER ? SnmpType::kCounter32
                     : vb.type == ASN_GAUGE ? SnmpType::kGauge32
                                            : SnmpType::kTimeTicks;
            if (vb.val.integer != nullptr)
                v.number = static_cast<std::int64_t>(*vb.val.integer & 0xffffffffUL);
            break;
        case ASN_COUNTER64:
            v.type = SnmpType::kCounter64;
            if (vb.val.counter64 != nullptr) {
                v.number =
                    static_cast<std::int64_t>((static_cast<std::uint64_t>(vb.val.counter64->high) << 32U) |
                                              (vb.val.counter64->low & 0xffffffffUL));
            }
            break;
        case SNMP_NOSUCHOBJECT:
            v.type = SnmpType::kNoSuchObject;
            break;
        case SNMP_NOSUCHINSTANCE:
            v.type = SnmpType::kNoSuchInstance;
            break;
        case SNMP_ENDOFMIBVIEW:
            v.type = SnmpType::kEndOfMibView;
            break;
        default:
            v.type = SnmpType::kNull;
            break;
    }
    return v;
}

}  // namespace nd
