#include "fingerprint/literal_scan.hpp"

#include <algorithm>
#include <deque>

namespace nd::fp {

LiteralScan::LiteralScan(const std::vector<std::string>& literals) : nodes_(1) {
    // The trie of the literals.
    for (std::uint32_t i = 0; i < literals.size(); ++i) {
        if (literals[i].empty()) continue;
        std::uint32_t node = 0;
        for (char ch : literals[i]) {
            const auto c = static_cast<unsigned char>(ch);
            auto next = child(node, c);
            if (next == kNone) {
                next = static_cast<std::uint32_t>(nodes_.size());
                auto& kids = nodes_[node].children;
                kids.insert(std::lower_bound(kids.begin(), kids.end(), std::make_pair(c, std::uint32_t{0})),
                            {c, next});
                nodes_.emplace_back();
            }
            node = next;
        }
        if (nodes_[node].literal == kNone) nodes_[node].literal = i;
    }
    // Fail and output links, breadth first (a node's links use those of shallower nodes).
    std::deque<std::uint32_t> queue;
    for (const auto& [c, kid] : nodes_[0].children) queue.push_back(kid);
    while (!queue.empty()) {
        const auto node = queue.front();
        queue.pop_front();
        for (const auto& [c, kid] : nodes_[node].children) {
            auto fail = nodes_[node].fail;
            while (fail != 0 && child(fail, c) == kNone) fail = nodes_[fail].fail;
            const auto target = child(fail, c);
            nodes_[kid].fail = target == kNone ? 0 : target;  // (shallower than kid: never kid itself)
            const auto& f = nodes_[nodes_[kid].fail];
            nodes_[kid].next_output = f.literal != kNone ? nodes_[kid].fail : f.next_output;
            queue.push_back(kid);
        }
    }
    // The root ends no literal; its output link must not loop.
    nodes_[0].next_output = kNone;
}

std::uint32_t LiteralScan::child(std::uint32_t node, unsigned char c) const {
    const auto& kids = nodes_[node].children;
    auto it = std::lower_bound(
        kids.begin(), kids.end(), c,
        [](const std::pair<unsigned char, std::uint32_t>& kid, unsigned char b) { return kid.first < b; });
    return it != kids.end() && it->first == c ? it->second : kNone;
}

std::uint32_t LiteralScan::step(std::uint32_t state, unsigned char c) const {
    for (;;) {
        if (auto next = child(state, c); next != kNone) return next;
        if (state == 0) return 0;
        state = nodes_[state].fail;
    }
}

}  // namespace nd::fp
