#pragma once
// What the collectors learned about one device: the input of fingerprinting and of the dossier.
// Each collector fills the parts it knows; storage merges fragments per device.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/address.hpp"
#include "model/snmp_value.hpp"

namespace nd {

struct MdnsService {
    std::string instance;  // "Office LaserJet._ipp._tcp.local"
    std::string type;      // "_ipp._tcp"
    std::string host;      // "NPI1A2B3C.local"
    std::uint16_t port = 0;
    std::map<std::string, std::string> txt;  // keys lower-cased
    bool operator==(const MdnsService&) const = default;
};

struct LldpNeighbor {
    std::string chassis_id;  // MAC as text when the subtype is a MAC address
    std::string port_id;
    std::string port_description;
    std::string system_name;
    std::string system_description;
    std::uint16_t capabilities = 0;          // IEEE 802.1AB bit map (bit 2 bridge, 4 router, 5 phone, ...)
    std::uint16_t enabled_capabilities = 0;
    std::optional<Ipv4Address> management_address;
    // LLDP-MED (ANSI/TIA-1057)
    std::optional<int> med_device_class;  // 1..3 endpoint classes, 4 network connectivity
    std::string med_hardware_revision, med_firmware_revision, med_software_revision, med_serial,
        med_manufacturer, med_model, med_asset_id;
    std::uint16_t med_capabilities = 0;           // LLDP-MED capability bit map
    std::optional<std::uint16_t> med_voice_vlan;  // LLDP-MED network policy, application "voice"
    bool operator==(const LldpNeighbor&) const = default;
};

struct CdpNeighbor {
    std::string device_id;
    std::string platform;          // "cisco WS-C2960X-48FPD-L", "Cisco IP Phone 8845"
    std::string software_version;
    std::string port_id;
    std::uint32_t capabilities = 0;
    std::optional<Ipv4Address> address;
    std::vector<Ipv4Address> addresses;  // every IPv4 address in the Addresses TLV
    std::optional<std::uint16_t> native_vlan;
    std::optional<std::uint16_t> voice_vlan;
    bool operator==(const CdpNeighbor&) const = default;
};

struct DhcpFingerprint {
    std::string hostname;                 // option 12
    std::string vendor_class;             // option 60
    std::vector<std::uint8_t> parameter_request_list;  // option 55
    std::optional<Ipv4Address> requested_ip;  // option 50
    std::string client_id;                    // option 61, hex "01:aa:bb:..."
    std::optional<int> message_type;          // option 53 (1 discover, 3 request, 8 inform, ...)
    bool operator==(const DhcpFingerprint&) const = default;
};

struct ServiceBanner {
    std::uint16_t port = 0;
    std::string ssh_banner;   // "SSH-2.0-OpenSSH_9.2p1 Debian-2"
    std::string http_server;  // "Server:" header
    std::string http_title;   // <title>
    std::string raw;          // first bytes of anything else, printable only
    bool operator==(const ServiceBanner&) const = default;
};

struct DeviceEvidence {
    std::optional<MacAddress> mac;
    std::vector<Ipv4Address> ips;
    std::string oui_registrant;  // IEEE registry name of the MAC's OUI, as registered
    std::optional<int> ttl;      // IP TTL of replies (64 Linux/printers, 128 Windows, 255 network gear)
    std::optional<double> rtt_ms;
    std::vector<std::string> hostnames;  // from mDNS, DHCP, reverse DNS, sysName
    SnmpWalk snmp;                       // every OID read from the device's agent
    std::string snmp_credential;         // name of the SNMP credential that answered, never the secret
    std::vector<MdnsService> mdns;
    std::vector<LldpNeighbor> lldp;  // what the device itself advertised
    std::vector<CdpNeighbor> cdp;
    std::optional<DhcpFingerprint> dhcp;
    std::vector<std::uint16_t> open_tcp_ports;
    std::vector<ServiceBanner> banners;
};

// One collector's finding about one device at one time.
struct Observation {
    std::string source;  // collector name: "arp", "icmp", "snmp", "mdns", "lldp", ...
    std::chrono::system_clock::time_point time;
    std::int64_t scan_id = 0;  // 0 for passive observations outside a scan
    DeviceEvidence evidence;
};

}  // namespace nd
