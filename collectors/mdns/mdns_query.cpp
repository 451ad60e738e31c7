#include "collectors/mdns/mdns_query.hpp"

#include <ldns/ldns.h>

#include <cstdlib>
#include <memory>

namespace nd {
namespace {

constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxName = 255;
constexpr std::uint16_t kUnicastResponseBit = 0x8000;

struct PktDeleter {
    void operator()(ldns_pkt* p) const { ldns_pkt_free(p); }
};

// Wire-format labels straight into an rdf: ldns' text parser would split labels at dots.
ldns_rdf* make_dname(const std::vector<std::string>& labels) {
    std::vector<std::uint8_t> wire;
    for (const auto& label : labels) {
        if (label.empty() || label.size() > kMaxLabel) return nullptr;
        wire.push_back(static_cast<std::uint8_t>(label.size()));
        wire.insert(wire.end(), label.begin(), label.end());
    }
    wire.push_back(0);
    if (wire.size() > kMaxName) return nullptr;
    return ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, wire.size(), wire.data());
}

}  // namespace

std::vector<std::string> split_labels(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    std::vector<std::string> out;
    while (!name.empty()) {
        const auto dot = name.find('.');
        out.emplace_back(name.substr(0, dot));
        if (dot == std::string_view::npos) break;
        name.remove_prefix(dot + 1);
    }
    return out;
}

MdnsQuestion instance_question(std::string_view instance, std::string_view type, std::uint16_t rr_type) {
    const std::string suffix = "." + std::string{type} + ".local";
    MdnsQuestion q;
    q.type = rr_type;
    if (instance.size() > suffix.size() && instance.substr(instance.size() - suffix.size()) == suffix) {
        q.labels.emplace_back(instance.substr(0, instance.size() - suffix.size()));
        for (auto& l : split_labels(suffix.substr(1))) q.labels.push_back(std::move(l));
    } else {
        q.labels = split_labels(instance);
    }
    return q;
}

std::vector<std::uint8_t> build_mdns_query(const std::vector<MdnsQuestion>& questions, bool unicast_response,
                                           std::uint16_t id) {
    const std::unique_ptr<ldns_pkt, PktDeleter> pkt{ldns_pkt_new()};
    if (!pkt) return {};
    ldns_pkt_set_id(pkt.get(), id);
    ldns_pkt_set_rd(pkt.get(), false);
    for (const auto& q : questions) {
        ldns_rdf* owner = make_dname(q.labels);
        if (owner == nullptr) return {};
        ldns_rr* rr = ldns_rr_new();
        ldns_rr_set_owner(rr, owner);
        ldns_rr_set_type(rr, static_cast<ldns_rr_type>(q.type));
        const std::uint16_t rr_class = LDNS_RR_CLASS_IN | (unicast_response ? kUnicastResponseBit : 0U);
        ldns_rr_set_class(rr, static_cast<ldns_rr_class>(rr_class));
        ldns_rr_set_question(rr, true);
        if (!ldns_pkt_push_rr(pkt.get(), LDNS_SECTION_QUESTION, rr)) {
            ldns_rr_free(rr);
            return {};
        }
    }
    std::uint8_t* wire = nullptr;
    std::size_t size = 0;
    if (ldns_pkt2wire(&wire, pkt.get(), &size) != LDNS_STATUS_OK || wire == nullptr) return {};
    std::vector<std::uint8_t> out(wire, wire + size);
    std::free(wire);  // NOLINT(cppcoreguidelines-no-malloc): ldns allocates with malloc
    return out;
}

}  // namespace nd
