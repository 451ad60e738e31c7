#include "fingerprint/report/corpus_loader.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "collectors/snmp/snmp_decode.hpp"
#include "collectors/snmp/walk_file.hpp"
#include "fingerprint/regex_literals.hpp"

namespace nd::fp {
namespace {

using nlohmann::json;

std::vector<json> read_jsonl(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read");
    std::vector<json> out;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty()) continue;
        try {
            out.push_back(json::parse(line));
        } catch (const json::exception& e) {
            throw std::runtime_error(file.string() + ":" + std::to_string(n) + ": " + e.what());
        }
    }
    return out;
}

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return {};
    auto s = it->get<std::string>();
    return s == "<private>" ? std::string() : s;
}

std::vector<DeviceClass> classes_of(const json& j) {
    std::vector<DeviceClass> out;
    auto it = j.find("suggested_classes");
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& c : *it) {
        if (auto dc = device_class_from_string(c.get<std::string>())) out.push_back(*dc);
    }
    return out;
}

void set_system(DeviceEvidence& ev, const std::string& descr, const std::string& object_id) {
    if (!descr.empty()) ev.snmp[oids::kSysDescr] = SnmpValue{SnmpType::kOctetString, descr, 0};
    if (auto oid = Oid::parse(object_id))
        ev.snmp[oids::kSysObjectId] = SnmpValue{SnmpType::kOid, oid->to_string(), 0};
}

}  // namespace

Corpus load_librenms_corpus(const std::filesystem::path& dir) {
    Corpus corpus{"librenms-dev", {}, 0};
    for (const auto& j : read_jsonl(dir / "labels.jsonl")) {
        LabelledDevice d;
        d.id = str(j, "id");
        d.family = str(j, "os");
        d.classes = classes_of(j);
        if (auto e = j.find("expected"); e != j.end() && e->is_object()) {
            d.model = str(*e, "hardware");
            d.firmware = str(*e, "version");
            d.serial = str(*e, "serial");
        }
        auto rel = str(j, "snmprec");
        if (rel.empty()) {
            d.problem = "no recording in the corpus";
        } else {
            try {
                auto walk = read_walk_file(dir / rel);
                corpus.malformed_records += walk.skipped_lines;
                d.evidence.snmp = std::move(walk.walk);
                add_sysname_hostname(d.evidence);  // as identify and scans do
            } catch (const std::exception& e) {
                d.problem = e.what();
            }
        }
        corpus.devices.push_back(std::move(d));
    }
    return corpus;
}

Corpus load_recog_corpus(const std::filesystem::path& dir) {
    Corpus corpus{"recog-dev", {}, 0};
    for (const auto& j : read_jsonl(dir / "labels.jsonl")) {
        LabelledDevice d;
        d.id = str(j, "id");
        d.family = str(j, "fingerprint_sha1");  // the recog fingerprint the example belongs to
        d.classes = classes_of(j);
        auto text = str(j, "text");
        auto matches = str(j, "matches");
        if (matches == "snmp.sys_description") {
            set_system(d.evidence, text, "");
        } else if (matches == "snmp.sys_object_id") {  // "OID sysDescr"
            auto space = text.find(' ');
            set_system(d.evidence, space == std::string::npos ? "" : text.substr(space + 1),
                       text.substr(0, space));
        } else if (matches.starts_with("mdns.")) {
            MdnsService svc;
            svc.type = matches == "mdns.device-info.txt" ? "_device-info._tcp" : "_workstation._tcp";
            auto eq = text.find('=');
            std::string key = ascii_lower(text.substr(0, eq));
            svc.txt[key] = eq == std::string::npos ? "" : text.substr(eq + 1);
            d.evidence.mdns.push_back(std::move(svc));
        } else {
            d.problem = "unknown match key " + matches;
        }
        const auto& expected = j.at("expected");
        for (const char* key : {"hw.vendor", "os.vendor"}) {
            if (auto v = str(expected, key); !v.empty()) d.vendors.push_back(v);
        }
        const auto& asserted = j.at("asserted");
        for (const char* key : {"hw.product", "hw.model", "os.product"}) {
            if (auto v = str(asserted, key); !v.empty() && d.model.empty()) d.model = v;
        }
        for (const char* key : {"os.version", "hw.version"}) {
            if (auto v = str(asserted, key); !v.empty() && d.firmware.empty()) d.firmware = v;
        }
        corpus.devices.push_back(std::move(d));
    }
    return corpus;
}

Corpus load_snmpinfo_corpus(const std::filesystem::path& dir) {
    Corpus corpus{"snmpinfo-dev", {}, 0};
    std::ifstream map_in(dir / "vendor-map.json");
    json vendor_map = map_in ? json::parse(map_in, nullptr, false) : json::object();
    for (const auto& j : read_jsonl(dir / "labels.jsonl")) {
        // Real-device scoring only: the setup fixture, no made-up data (README "Comparing").
        if (str(j, "fixture") != "setup" || (j.contains("flags") && !j["flags"].empty())) continue;
        LabelledDevice d;
        d.id = str(j, "id");
        const auto& input = j.at("input");
        set_system(d.evidence, str(input, "sysDescr"), str(input, "sysObjectID"));
        const auto& e = j.at("expected");
        if (auto v = str(e, "vendor"); !v.empty()) {
            d.vendors.push_back(v);
            if (vendor_map.contains("vendors") && vendor_map["vendors"].contains(v)) {
                const auto& entry = vendor_map["vendors"][v];
                d.vendors.push_back(entry.value("maker", v));
                for (const auto& n : entry.value("names", json::array()))
                    d.vendors.push_back(n.get<std::string>());
            }
        }
        d.model = str(e, "model");
        d.firmware = str(e, "os_ver");
        d.serial = str(e, "serial");
        corpus.devices.push_back(std::move(d));
    }
    return corpus;
}

std::vector<Corpus> load_corpora(const std::filesystem::path& root) {
    // A corpus folder is known by its name's prefix (librenms-dev, librenms-holdout, ...); `root` may
    // itself be one corpus folder.
    auto load_one = [](const std::filesystem::path& dir) -> std::optional<Corpus> {
        auto name = dir.filename().string();
        if (!std::filesystem::exists(dir / "labels.jsonl")) return std::nullopt;
        std::optional<Corpus> c;
        if (name.starts_with("librenms"))
            c = load_librenms_corpus(dir);
        else if (name.starts_with("recog"))
            c = load_recog_corpus(dir);
        else if (name.starts_with("snmpinfo"))
            c = load_snmpinfo_corpus(dir);
        if (c) c->name = name;
        return c;
    };
    std::vector<Corpus> out;
    auto clean_root = root.filename().empty() ? root.parent_path() : root;
    if (auto c = load_one(clean_root)) {
        out.push_back(std::move(*c));
        return out;
    }
    std::vector<std::filesystem::path> dirs;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(clean_root, ec)) {
        if (entry.is_directory()) dirs.push_back(entry.path());
    }
    std::sort(dirs.begin(), dirs.end());
    for (const auto& dir : dirs) {
        if (auto c = load_one(dir)) out.push_back(std::move(*c));
    }
    if (out.empty())
        throw std::runtime_error(root.string() +
                                 ": no corpus folder (librenms*, recog*, snmpinfo* with labels.jsonl)");
    return out;
}

}  // namespace nd::fp
