#pragma once
// A small hand-built site: a switch, a printer, a phone, an unclassified host and a routed host.
#include <string>

#include "exporters/dossier.hpp"
#include "model/evidence_json.hpp"

namespace nd::test {

inline Finding found(std::string value, double confidence = 0.9) {
    return Finding{std::move(value), confidence, {"rule"}};
}

inline void put(SnmpWalk& walk, const std::string& oid, std::string text) {
    walk[*Oid::parse(oid)] = SnmpValue{SnmpType::kOctetString, std::move(text), 0};
}
inline void put(SnmpWalk& walk, const std::string& oid, std::int64_t number) {
    walk[*Oid::parse(oid)] = SnmpValue{SnmpType::kInteger, "", number};
}

// An LLDP-MIB remote-table row as a switch reports it: local port `port` (named `port_name`) sees
// `system_name` on its port `remote_port`.
inline void lldp_neighbour(SnmpWalk& walk, int port, const std::string& port_name,
                           const std::string& system_name, const std::string& remote_port) {
    const std::string idx = ".0." + std::to_string(port) + ".1";
    put(walk, "1.0.8802.1.1.2.1.3.7.1.3." + std::to_string(port), port_name);
    put(walk, "1.0.8802.1.1.2.1.4.1.1.4" + idx, 7);  // chassis id subtype: local
    put(walk, "1.0.8802.1.1.2.1.4.1.1.5" + idx, system_name + "-chassis");
    put(walk, "1.0.8802.1.1.2.1.4.1.1.6" + idx, 5);  // port id subtype: interface name
    put(walk, "1.0.8802.1.1.2.1.4.1.1.7" + idx, remote_port);
    put(walk, "1.0.8802.1.1.2.1.4.1.1.9" + idx, system_name);
}

inline DeviceRecord device(std::int64_t id, DeviceClass cls, const char* mac, const char* ip) {
    DeviceRecord d;
    d.id = id;
    d.verdict.device_class = cls;
    d.verdict.class_confidence = cls == DeviceClass::kUnknown ? 0.0 : 0.9;
    if (mac != nullptr) d.macs.push_back(*MacAddress::parse(mac));
    if (ip != nullptr) d.ips.push_back(*Ipv4Address::parse(ip));
    d.first_seen = *parse_iso8601("2026-11-20T08:00:00Z");
    d.last_seen = *parse_iso8601("2026-11-22T08:00:00Z");
    d.first_scan = 1;
    d.last_scan = 2;
    return d;
}

inline DossierInput sample_site() {
    DossierInput in;
    in.site = "Müller & Söhne | Zentrale";
    in.generated = *parse_iso8601("2026-11-22T09:00:00Z");
    ScanRun scan;
    scan.id = 2;
    scan.started = *parse_iso8601("2026-11-22T08:00:00Z");
    scan.finished = *parse_iso8601("2026-11-22T08:00:05Z");
    scan.completed = true;
    scan.targets = {"198.18.0.0/24"};
    scan.devices_seen = 5;
    in.scans.push_back(scan);

    auto sw = device(1, DeviceClass::kSwitch, "00:1b:a9:00:00:01", "198.18.0.2");
    sw.verdict.vendor = found("Cisco");
    sw.verdict.model = found("WS-C2960X-48FPD-L");
    sw.verdict.firmware = found("15.2(7)E4");
    sw.verdict.serial = found("FOC1234X0AB");
    sw.verdict.hostname = found("core-sw1");
    sw.verdict.oui_registrant = "Cisco Systems, Inc";
    in.devices.push_back(sw);

    auto printer = device(2, DeviceClass::kPrinter, "3c:2a:f4:01:02:03", "198.18.0.20");
    printer.verdict.vendor = found("Brother");
    printer.verdict.model = found("HL-L2350DW");
    printer.evidence.oui_registrant = "Brother Industries, LTD.";
    printer.evidence.open_tcp_ports = {631, 9100};
    printer.evidence.mdns.push_back(
        MdnsService{"HL._ipp._tcp.local", "_ipp._tcp", "BRN3C2AF4010203.local.", 631, {{"rp", "ipp/print"}}});
    printer.annotations["location"] = "Floor 2\nnext to the kitchen";
    in.devices.push_back(printer);

    auto phone = device(3, DeviceClass::kVoipPhone, "00:04:f2:aa:bb:cc", "198.18.0.30");
    phone.verdict.vendor = found("Poly");
    phone.verdict.firmware = found("5.9.0");
    in.devices.push_back(phone);

    auto unknown = device(4, DeviceClass::kUnknown, "52:54:00:12:34:56", "198.18.0.40");
    unknown.evidence.oui_registrant = "Realtek | weird_name *bold*";
    in.devices.push_back(unknown);

    auto routed = device(5, DeviceClass::kUnknown, nullptr, "198.18.1.10");
    in.devices.push_back(routed);

    in.changes.push_back(
        ChangeEvent{1, 2, 2, in.generated, "ip-changed", "ip", "198.18.0.21", "198.18.0.20"});
    in.changes.push_back(
        ChangeEvent{2, 1, 1, in.generated, "new-device", "", "", ""});  // older scan: not shown
    return in;
}

}  // namespace nd::test
