#include "collectors/packets/mdns.hpp"

#include <ldns/ldns.h>

#include <algorithm>
#include <memory>

namespace nd::packets {
namespace {

struct RrDeleter {
    void operator()(ldns_rr* rr) const { ldns_rr_free(rr); }
};

// Wire-format domain name (uncompressed labels, as ldns stores it) to "label.label.label".
std::string dname_text(const ldns_rdf* rdf) {
    if (rdf == nullptr || ldns_rdf_get_type(rdf) != LDNS_RDF_TYPE_DNAME) return {};
    const Bytes wire{ldns_rdf_data(rdf), ldns_rdf_size(rdf)};
    std::string out;
    std::size_t pos = 0;
    while (pos < wire.size()) {
        const std::size_t length = wire[pos];
        if (length == 0 || pos + 1 + length > wire.size()) break;
        if (!out.empty()) out.push_back('.');
        out += printable_text(wire.subspan(pos + 1, length));
        pos += 1 + length;
    }
    return out;
}

bool same_name(const std::string& a, const std::string& b) { return ascii_lower(a) == ascii_lower(b); }

// "_ipp._tcp.local" -> "_ipp._tcp"; "_universal._sub._ipp._tcp.local" -> "_ipp._tcp".
std::string type_of(std::string owner) {
    if (const auto sub = owner.find("._sub."); sub != std::string::npos) owner = owner.substr(sub + 6);
    constexpr std::string_view kLocal = ".local";
    if (owner.size() > kLocal.size() &&
        same_name(owner.substr(owner.size() - kLocal.size()), std::string{kLocal})) {
        owner.resize(owner.size() - kLocal.size());
    }
    return owner;
}

// Keeps the records DNS-SD assembly needs; other types (OPT, TSIG, NSEC, ...) are skipped.
void collect(const ldns_rr* rr, DnsRecords& out) {
    const std::string owner = dname_text(ldns_rr_owner(rr));
    switch (ldns_rr_get_type(rr)) {
        case LDNS_RR_TYPE_PTR:
            if (ldns_rr_rd_count(rr) == 1) out.ptr.push_back({owner, dname_text(ldns_rr_rdf(rr, 0))});
            break;
        case LDNS_RR_TYPE_SRV:
            if (ldns_rr_rd_count(rr) == 4 && ldns_rdf_size(ldns_rr_rdf(rr, 2)) == 2) {
                out.srv.push_back(
                    {owner, dname_text(ldns_rr_rdf(rr, 3)), ldns_rdf2native_int16(ldns_rr_rdf(rr, 2))});
            }
            break;
        case LDNS_RR_TYPE_TXT: {
            TxtRecord txt{owner, {}};
            for (std::size_t k = 0; k < ldns_rr_rd_count(rr); ++k) {
                const ldns_rdf* rdf = ldns_rr_rdf(rr, k);
                const Bytes data{ldns_rdf_data(rdf), ldns_rdf_size(rdf)};
                if (data.empty() || data[0] + 1U > data.size()) continue;  // length-prefixed string
                if (data[0] == 0) continue;
                txt.strings.push_back(printable_text(data.subspan(1, data[0])));
            }
            out.txt.push_back(std::move(txt));
            break;
        }
        case LDNS_RR_TYPE_A:
            if (ldns_rr_rd_count(rr) == 1 && ldns_rdf_size(ldns_rr_rdf(rr, 0)) == 4) {
                const std::uint8_t* d = ldns_rdf_data(ldns_rr_rdf(rr, 0));
                out.a.push_back(
                    {owner, Ipv4Address{(std::uint32_t{d[0]} << 24U) | (std::uint32_t{d[1]} << 16U) |
                                        (std::uint32_t{d[2]} << 8U) | d[3]}});
            }
            break;
        case LDNS_RR_TYPE_AAAA:
            if (ldns_rr_rd_count(rr) == 1) {
                char* text = ldns_rdf2str(ldns_rr_rdf(rr, 0));
                if (text != nullptr) {
                    out.aaaa_owners.push_back(owner);
                    out.aaaa_addresses.emplace_back(text);
                    free(text);  // NOLINT(cppcoreguidelines-no-malloc): ldns allocates with malloc
                }
            }
            break;
        default:
            break;
    }
}

}  // namespace

void DnsRecords::append(const DnsRecords& other) {
    ptr.insert(ptr.end(), other.ptr.begin(), other.ptr.end());
    srv.insert(srv.end(), other.srv.begin(), other.srv.end());
    txt.insert(txt.end(), other.txt.begin(), other.txt.end());
    a.insert(a.end(), other.a.begin(), other.a.end());
    aaaa_owners.insert(aaaa_owners.end(), other.aaaa_owners.begin(), other.aaaa_owners.end());
    aaaa_addresses.insert(aaaa_addresses.end(), other.aaaa_addresses.begin(), other.aaaa_addresses.end());
}

DecodeResult<MdnsMessage> decode_mdns(Bytes payload) {
    if (payload.size() < 12) return DecodeError::truncated;
    // Record by record with ldns_wire2rr instead of ldns_wire2pkt: ldns_wire2pkt leaks every TSIG
    // record but the last one when a message carries several (NLnetLabs/ldns#317, found by our fuzzer).
    const std::uint8_t* wire = payload.data();
    MdnsMessage out;
    out.id = LDNS_ID_WIRE(wire);
    out.response = LDNS_QR_WIRE(wire) != 0;
    const std::pair<ldns_pkt_section, std::size_t> sections[] = {
        {LDNS_SECTION_QUESTION, LDNS_QDCOUNT(wire)},
        {LDNS_SECTION_ANSWER, LDNS_ANCOUNT(wire)},
        {LDNS_SECTION_AUTHORITY, LDNS_NSCOUNT(wire)},
        {LDNS_SECTION_ADDITIONAL, LDNS_ARCOUNT(wire)},
    };
    std::size_t pos = LDNS_HEADER_SIZE;
    for (const auto& [section, count] : sections) {
        for (std::size_t i = 0; i < count; ++i) {
            ldns_rr* raw = nullptr;
            if (ldns_wire2rr(&raw, wire, payload.size(), &pos, section) != LDNS_STATUS_OK || raw == nullptr) {
                if (raw != nullptr) ldns_rr_free(raw);
                return DecodeError::library_error;
            }
            const std::unique_ptr<ldns_rr, RrDeleter> rr{raw};
            if (section == LDNS_SECTION_QUESTION) {
                out.questions.push_back(dname_text(ldns_rr_owner(rr.get())));
            } else {
                collect(rr.get(), out.records);
            }
        }
    }
    return out;
}

std::vector<std::string> service_types(const DnsRecords& records) {
    std::vector<std::string> out;
    for (const auto& p : records.ptr) {
        if (!same_name(p.owner, std::string{kServiceEnumeration})) continue;
        if (std::none_of(out.begin(), out.end(), [&](const auto& t) { return same_name(t, p.target); })) {
            out.push_back(p.target);
        }
    }
    return out;
}

std::map<std::string, std::string> parse_txt(const std::vector<std::string>& strings) {
    std::map<std::string, std::string> out;
    for (const auto& s : strings) {
        const auto eq = s.find('=');
        std::string key = ascii_lower(s.substr(0, eq));
        if (key.empty()) continue;
        std::string value = eq == std::string::npos ? std::string{} : s.substr(eq + 1);
        out.emplace(std::move(key), std::move(value));  // RFC 6763 6.4: later duplicates ignored
    }
    return out;
}

std::vector<MdnsService> assemble_services(const DnsRecords& records) {
    std::vector<MdnsService> out;
    auto find = [&](const std::string& instance) {
        return std::find_if(out.begin(), out.end(),
                            [&](const auto& s) { return same_name(s.instance, instance); });
    };
    auto add = [&](const std::string& instance, const std::string& type) -> MdnsService& {
        auto it = find(instance);
        if (it != out.end()) return *it;
        MdnsService service;
        service.instance = instance;
        service.type = type;
        out.push_back(std::move(service));
        return out.back();
    };
    for (const auto& p : records.ptr) {
        if (same_name(p.owner, std::string{kServiceEnumeration}) || p.target.empty()) continue;
        if (p.owner.find("._tcp") == std::string::npos && p.owner.find("._udp") == std::string::npos)
            continue;
        add(p.target, type_of(p.owner));
    }
    // SRV/TXT owners are "<instance label>.<_type>.<_proto>.local": the type is the last three labels.
    auto type_from_instance = [](const std::string& instance) {
        auto proto = instance.rfind("._tcp.");
        if (proto == std::string::npos) proto = instance.rfind("._udp.");
        if (proto == std::string::npos || proto == 0) return std::string{};
        const auto start = instance.rfind("._", proto - 1);
        return start == std::string::npos ? std::string{} : type_of(instance.substr(start + 1));
    };
    for (const auto& s : records.srv) {
        if (find(s.owner) == out.end() && type_from_instance(s.owner).empty()) continue;
        auto& service = add(s.owner, type_from_instance(s.owner));
        if (service.host.empty()) {
            service.host = s.target;
            service.port = s.port;
        }
    }
    for (const auto& t : records.txt) {
        auto it = find(t.owner);
        if (it == out.end()) continue;  // TXT alone says nothing about which service it is
        for (auto& [k, v] : parse_txt(t.strings)) it->txt.emplace(k, v);
    }
    return out;
}

std::vector<std::string> hostnames_for(const DnsRecords& records, Ipv4Address address) {
    std::vector<std::string> out;
    for (const auto& a : records.a) {
        if (a.address != address || a.owner.empty()) continue;
        if (std::none_of(out.begin(), out.end(), [&](const auto& h) { return same_name(h, a.owner); })) {
            out.push_back(a.owner);
        }
    }
    return out;
}

}  // namespace nd::packets
