#pragma once
// mDNS / DNS-SD message decoding with ldns (never a hand-rolled name parser): the records a
// responder sends (PTR, SRV, TXT, A, AAAA) and their assembly into service instances.
#include <map>
#include <string>
#include <vector>

#include "collectors/packets/byte_reader.hpp"
#include "collectors/packets/decode_result.hpp"
#include "model/evidence.hpp"

namespace nd::packets {

inline constexpr std::string_view kServiceEnumeration = "_services._dns-sd._udp.local";

struct PtrRecord {
    std::string owner;   // "_ipp._tcp.local"
    std::string target;  // "Office LaserJet._ipp._tcp.local"
};
struct SrvRecord {
    std::string owner;   // service instance
    std::string target;  // host, "NPI1A2B3C.local"
    std::uint16_t port = 0;
};
struct TxtRecord {
    std::string owner;
    std::vector<std::string> strings;  // raw "key=value" strings
};
struct AddressRecord {
    std::string owner;
    Ipv4Address address;
};

// Names are kept as their labels joined by '.', without the trailing dot, control characters dropped.
struct DnsRecords {
    std::vector<PtrRecord> ptr;
    std::vector<SrvRecord> srv;
    std::vector<TxtRecord> txt;
    std::vector<AddressRecord> a;
    std::vector<std::string> aaaa_owners;  // hosts that announced IPv6 (address kept as text below)
    std::vector<std::string> aaaa_addresses;
    void append(const DnsRecords& other);
};

struct MdnsMessage {
    std::uint16_t id = 0;
    bool response = false;
    std::vector<std::string> questions;  // question names
    DnsRecords records;                  // answer, authority and additional sections
};

// `payload` is the UDP payload of a DNS or mDNS message.
DecodeResult<MdnsMessage> decode_mdns(Bytes payload);

// Service types listed under _services._dns-sd._udp.local ("_ipp._tcp.local").
std::vector<std::string> service_types(const DnsRecords& records);

// Service instances: PTR type -> instance, SRV (host, port) and TXT of each instance. Instances
// announced with SRV/TXT but no PTR are kept too. TXT keys lower-cased, first occurrence wins.
std::vector<MdnsService> assemble_services(const DnsRecords& records);

// Host names ("NPI1A2B3C.local") with an A record for `address`.
std::vector<std::string> hostnames_for(const DnsRecords& records, Ipv4Address address);

// "key=value" TXT strings to a map: keys lower-cased, values kept, first occurrence wins.
std::map<std::string, std::string> parse_txt(const std::vector<std::string>& strings);

}  // namespace nd::packets
