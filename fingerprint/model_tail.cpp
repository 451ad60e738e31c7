#include "fingerprint/model_tail.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string_view>

#include "fingerprint/regex_literals.hpp"

namespace nd::fp {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool has_digit(std::string_view word) { return std::any_of(word.begin(), word.end(), is_digit); }

std::string bare(std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ':'))
        word.remove_suffix(1);
    return ascii_lower(word);
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// A release number: up to two letters, then digits with dots, dashes or underscores between them
// ("2.20", "V1.6.4", "A2.14", "1322-4.4.9.1", "4-5-8-2"). `dots` is how many separators it needs at least.
bool is_release(std::string_view word, int dots) {
    std::size_t i = 0;
    while (i < word.size() && i < 2 && is_alpha(word[i])) ++i;
    if (i == word.size() || !is_digit(word[i])) return false;
    int seps = 0;
    for (; i < word.size(); ++i) {
        char c = word[i];
        if (c == '.' || c == '-' || c == '_') {
            if (i + 1 < word.size() && is_alpha(word[i + 1]) && c != '.')
                return false;  // "T3048-LY8": a code
            ++seps;
        } else if (!std::isalnum(static_cast<unsigned char>(c)) && c != '(' && c != ')') {
            return false;
        }
    }
    return seps >= dots;
}

// "Ver.2.1", "v2.3", "FW1.302": a label glued to its release.
bool is_labelled_release(std::string_view word) {
    auto lower = ascii_lower(word);
    for (std::string_view label : {"ver.", "ver", "rev.", "fw", "sw", "v"}) {
        if (lower.size() > label.size() && lower.compare(0, label.size(), label) == 0 &&
            is_digit(lower[label.size()]))
            return is_release(std::string_view(word).substr(label.size()), 1);
    }
    return false;
}

// Where the release or serial after the model starts; words.size() when there is none.
std::size_t release_start(const std::vector<std::string>& words) {
    bool code_before = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (code_before) {
            auto word = bare(words[i]);
            bool labelled = i + 1 < words.size() && is_release(words[i + 1], 0) &&
                            one_of(word, {"sw", "fw", "firmware", "ver", "ver.", "version", "rev", "rev.",
                                          "release", "software", "sn", "s/n"});
            if (labelled || is_labelled_release(words[i]) || is_release(words[i], 2)) return i;
        }
        code_before = code_before || has_digit(words[i]);
    }
    return words.size();
}

// Words about the link a device serves, not its model ("ADSL/VDSL2", "PoE+", "G.fast").
bool is_technology(std::string_view word) {
    auto lower = bare(word);
    std::size_t from = 0;
    while (from <= lower.size()) {
        auto slash = lower.find('/', from);
        auto part = std::string_view(lower).substr(
            from, slash == std::string::npos ? std::string::npos : slash - from);
        if (!one_of(part, {"adsl", "adsl2", "adsl2+",  "vdsl",   "vdsl2",    "g.fast",   "docsis",
                           "gpon", "epon",  "xgs-pon", "ge-pon", "gepon",    "lte",      "3g",
                           "4g",   "5g",    "poe",     "poe+",   "e1",       "t1",       "fxs",
                           "fxo",  "sip",   "isdn",    "dect",   "gps",      "l2",       "l3",
                           "10g",  "1g",    "10gbe",   "gbe",    "802.11ac", "802.11ax", "802.11n"}))
            return false;
        if (slash == std::string::npos) break;
        from = slash + 1;
    }
    return true;
}

// A word with a digit that names the device, not its link.
bool is_model_code(std::string_view word) { return has_digit(word) && !is_technology(word); }

// The software on the device, said after its model: "NimbleOS", "PeakOS", "ADM", "BMC".
bool is_software_word(std::string_view word) {
    auto lower = bare(word);
    if (one_of(lower, {"bmc", "adm", "cdm", "odsp", "fingerprint", "firmware", "software"})) return true;
    return word.size() >= 2 && word.substr(word.size() - 2) == "OS" &&
           std::all_of(word.begin(), word.end(), [](char c) { return is_alpha(c); });
}

// What the device is, closing a "<model> <what it is>" phrase.
bool is_kind_noun(std::string_view word) {
    // clang-format off
    return one_of(bare(word), {
        "router", "switch", "gateway", "controller", "server", "olt", "onu", "ont", "node", "radio", "appliance",
        "multiplexer", "device", "broker", "printer", "unit", "modem", "balancer", "aggregator", "bridge",
        "transport", "point-to-point", "extender", "manager", "kvm", "switcher", "monitor", "sbc", "camera",
        "recorder", "phone", "projector", "ups", "pdu", "sensor", "encoder", "decoder", "firewall", "ap"});
    // clang-format on
}

bool is_resolution(std::string_view word) {
    auto lower = bare(word);
    return lower.size() > 3 && lower.compare(lower.size() - 3, 3, "dpi") == 0 &&
           std::all_of(lower.begin(), lower.end() - 3, is_digit);
}

bool code_left(const std::vector<std::string>& words, std::size_t end) {
    return std::any_of(words.begin(), words.begin() + static_cast<long>(end),
                       [](const std::string& w) { return is_model_code(w); });
}

}  // namespace

void drop_model_tail(std::vector<std::string>& words) {
    words.resize(release_start(words));
    for (std::size_t i = 1; i < words.size();) {
        if (is_resolution(words[i]) && code_left(words, i))
            words.erase(words.begin() + static_cast<long>(i));
        else
            ++i;
    }
    while (words.size() > 1) {
        const auto& last = words.back();
        if (is_software_word(last) && code_left(words, words.size() - 1)) {
            words.pop_back();
            continue;
        }
        if (!is_kind_noun(last)) break;
        // The whole phrase after the last model code: "MM-124 Managed Switch", "VR-3033 ADSL/VDSL2 Router".
        std::size_t end = words.size() - 1;
        while (end > 0 && !is_model_code(words[end - 1])) --end;
        if (end == 0) break;
        words.resize(end);
    }
}

}  // namespace nd::fp
