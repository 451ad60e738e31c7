#pragma once
// Finding which of many literals a text holds in one pass over the text (Aho-Corasick): the rule index's
// prefilter asks this of every sysDescr for a few thousand literals, where one search per literal was half
// of a classification.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nd::fp {

class LiteralScan {
public:
    LiteralScan() = default;
    // Literal i is reported as i; a repeated literal under its first index, an empty one never.
    explicit LiteralScan(const std::vector<std::string>& literals);

    // Calls found(i) for every literal i that occurs in `text` (once per occurrence).
    template <typename Found>
    void scan(std::string_view text, Found&& found) const {
        if (nodes_.empty()) return;
        std::uint32_t state = 0;
        for (char c : text) {
            state = step(state, static_cast<unsigned char>(c));
            for (auto at = state; at != kNone; at = nodes_[at].next_output) {
                if (nodes_[at].literal != kNone) found(nodes_[at].literal);
            }
        }
    }

private:
    static constexpr std::uint32_t kNone = 0xffffffffU;
    struct Node {
        std::vector<std::pair<unsigned char, std::uint32_t>> children;  // sorted by byte
        std::uint32_t fail = 0;             // the longest proper suffix that is also a trie path
        std::uint32_t literal = kNone;      // the literal ending here, if any
        std::uint32_t next_output = kNone;  // the nearest node on the fail chain that ends a literal
    };
    std::vector<Node> nodes_;

    std::uint32_t child(std::uint32_t node, unsigned char c) const;
    std::uint32_t step(std::uint32_t state, unsigned char c) const;
};

}  // namespace nd::fp
