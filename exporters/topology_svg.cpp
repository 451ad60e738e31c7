// A layered drawing of the topology as inline SVG, without an external layout program: the core
// (routers and firewalls, else the best-linked switch) on top, each further hop one row lower, rows
// ordered by the position of their parents so links cross little, long rows wrapped.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <queue>

#include "exporters/templates.hpp"
#include "exporters/topology.hpp"
#include "model/evidence_json.hpp"

namespace nd {
namespace {

constexpr double kNodeHeight = 44;
constexpr double kRowGap = 78;
constexpr double kColumnGap = 26;
constexpr double kMargin = 20;
constexpr double kCharWidth = 6.4;     // average advance at 11-12 px sans
constexpr std::size_t kMaxLabel = 30;  // characters before an ellipsis
constexpr std::size_t kRowWidth = 7;   // nodes per row before wrapping

// SVG text and attributes escape exactly as HTML does (the SVG sits inline in the HTML dossier).
std::string xml(std::string_view text) { return html_escape(text); }

// Shortens to `max` characters (UTF-8 aware), with an ellipsis.
std::string shorten(const std::string& text, std::size_t max) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (++chars > max) return text.substr(0, i) + "\xe2\x80\xa6";
    }
    return text;
}

std::size_t chars_of(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

int rank_of(const std::string& kind) {
    if (kind == "router" || kind == "firewall") return 0;
    if (kind == "switch") return 1;
    if (kind == "access-point") return 2;
    if (kind == "external") return 3;
    return 4;
}

struct Style {
    const char* fill;
    const char* stroke;
};

Style style_of(const std::string& kind) {
    if (kind == "router") return {"#dbe7f5", "#1f4e79"};
    if (kind == "firewall") return {"#f6dcdc", "#8b1e1e"};
    if (kind == "switch") return {"#dcefe0", "#2e6b3a"};
    if (kind == "access-point") return {"#e8e0f4", "#5b3f8e"};
    if (kind == "external") return {"#ffffff", "#7a7a7a"};
    if (kind == "group") return {"#f1f1f1", "#9a9a9a"};
    return {"#f7f7f2", "#6f6f6f"};
}

struct Placed {
    double x = 0, y = 0, w = 0;  // centre x, top y, width
};

// Row index of every node: hops from the core of its component; unlinked nodes get -1.
std::vector<int> layers(const Topology& t, const std::vector<std::vector<std::size_t>>& adj) {
    std::vector<int> layer(t.nodes.size(), -1);
    std::vector<std::size_t> order(t.nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int ra = rank_of(t.nodes[a].kind), rb = rank_of(t.nodes[b].kind);
        return ra != rb ? ra < rb : adj[a].size() > adj[b].size();
    });
    for (std::size_t root : order) {
        if (layer[root] != -1 || adj[root].empty()) continue;
        std::queue<std::size_t> q;
        layer[root] = 0;
        q.push(root);
        while (!q.empty()) {
            const auto n = q.front();
            q.pop();
            for (auto m : adj[n]) {
                if (layer[m] == -1) {
                    layer[m] = layer[n] + 1;
                    q.push(m);
                }
            }
        }
    }
    return layer;
}

}  // namespace

std::string topology_svg(const Topology& t) {
    if (t.empty()) return "";
    std::vector<std::vector<std::size_t>> adj(t.nodes.size());
    for (const auto& e : t.edges) {
        adj[e.from].push_back(e.to);
        adj[e.to].push_back(e.from);
    }
    const auto layer = layers(t, adj);
    int deepest = -1;
    for (int l : layer) deepest = std::max(deepest, l);
    // Rows: layers 0..deepest, then the unlinked nodes last.
    std::vector<std::vector<std::size_t>> by_layer(static_cast<std::size_t>(deepest + 2));
    for (std::size_t i = 0; i < t.nodes.size(); ++i)
        by_layer[layer[i] == -1 ? by_layer.size() - 1 : static_cast<std::size_t>(layer[i])].push_back(i);

    std::vector<Placed> at(t.nodes.size());
    std::vector<double> slot(t.nodes.size(), 0);  // order within the layer, for barycentres
    std::vector<std::string> labels(t.nodes.size()), details(t.nodes.size());
    for (std::size_t i = 0; i < t.nodes.size(); ++i) {
        labels[i] = shorten(t.nodes[i].label, kMaxLabel);
        details[i] = shorten(t.nodes[i].detail, kMaxLabel + 6);
        const double chars = static_cast<double>(std::max(chars_of(labels[i]) + 2, chars_of(details[i])));
        at[i].w = std::max(96.0, chars * kCharWidth + 22);
    }
    struct Row {
        std::vector<std::size_t> nodes;
        double width = 0;
        bool unlinked = false;
    };
    std::vector<Row> rows;
    for (std::size_t l = 0; l < by_layer.size(); ++l) {
        auto& nodes = by_layer[l];
        if (nodes.empty()) continue;
        const bool unlinked = l + 1 == by_layer.size();
        // Barycentre of already placed neighbours; ties by rank and name, so output is stable.
        std::vector<std::pair<double, std::size_t>> keyed;
        for (auto n : nodes) {
            double sum = 0;
            int count = 0;
            for (auto m : adj[n]) {
                if (layer[m] != -1 && layer[m] < layer[n]) {
                    sum += slot[m];
                    ++count;
                }
            }
            keyed.emplace_back(count == 0 ? 1e9 : sum / count, n);
        }
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first < b.first;
            const int ra = rank_of(t.nodes[a.second].kind), rb = rank_of(t.nodes[b.second].kind);
            return ra != rb ? ra < rb : t.nodes[a.second].label < t.nodes[b.second].label;
        });
        for (std::size_t i = 0; i < keyed.size(); i += kRowWidth) {
            Row row;
            row.unlinked = unlinked;
            for (std::size_t j = i; j < std::min(keyed.size(), i + kRowWidth); ++j) {
                row.nodes.push_back(keyed[j].second);
                slot[keyed[j].second] = static_cast<double>(j);
                row.width += at[keyed[j].second].w + (row.nodes.size() > 1 ? kColumnGap : 0);
            }
            rows.push_back(std::move(row));
        }
    }
    double width = 0;
    for (const auto& r : rows) width = std::max(width, r.width);
    width += 2 * kMargin;
    double y = kMargin;
    double unlinked_y = -1;
    for (const auto& r : rows) {
        if (r.unlinked && unlinked_y < 0 && y > kMargin) {  // a separator only below linked rows
            unlinked_y = y;
            y += 18;
        }
        double x = (width - r.width) / 2;
        for (auto n : r.nodes) {
            at[n].x = x + at[n].w / 2;
            at[n].y = y;
            x += at[n].w + kColumnGap;
        }
        y += kNodeHeight + kRowGap;
    }
    const double height = y - kRowGap + kMargin;

    std::string out;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" role=\"img\" "
                  "aria-label=\"Network topology\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                  "font-family=\"-apple-system,Segoe UI,Helvetica,Arial,sans-serif\">\n",
                  width, height, width);
    out += buf;
    if (unlinked_y >= 0) {
        std::snprintf(buf, sizeof buf,
                      "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#ccc\" "
                      "stroke-dasharray=\"4 4\"/><text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" "
                      "fill=\"#777\">No link seen</text>\n",
                      kMargin, unlinked_y - kRowGap / 2 + 6, width - kMargin, unlinked_y - kRowGap / 2 + 6,
                      kMargin, unlinked_y - kRowGap / 2 + 20);
        out += buf;
    }
    out += "<g class=\"links\" fill=\"none\" stroke=\"#8797a8\" stroke-width=\"1.4\">\n";
    std::string port_labels;
    for (const auto& e : t.edges) {
        auto a = e.from, b = e.to;
        std::string a_port = e.from_port, b_port = e.to_port;
        if (at[a].y > at[b].y) {
            std::swap(a, b);
            std::swap(a_port, b_port);
        }
        const double x1 = at[a].x, x2 = at[b].x;
        double y1 = at[a].y + kNodeHeight, y2 = at[b].y;
        if (at[a].y == at[b].y) y1 = y2 = at[a].y + kNodeHeight / 2;  // same row: side by side
        const double mid = (y1 + y2) / 2;
        std::snprintf(buf, sizeof buf, "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\"%s/>\n", x1, y1,
                      x1, mid, x2, mid, x2, y2, e.source == "fdb" ? " stroke-dasharray=\"5 3\"" : "");
        out += buf;
        auto label = [&](const std::string& text, double x, double yy, double toward) {
            if (text.empty()) return;
            const double dx = std::clamp((toward - x) * 0.18, -40.0, 40.0);
            std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + dx, yy);
            port_labels += buf + xml(shorten(text, 16)) + "</text>\n";
        };
        label(a_port, x1, y1 + 13, x2);
        label(b_port, x2, y2 - 5, x1);
    }
    out +=
        "</g>\n<g class=\"ports\" font-size=\"9.5\" fill=\"#4a5866\" paint-order=\"stroke\" stroke=\"#fff\" "
        "stroke-width=\"3\">\n" +
        port_labels + "</g>\n<g class=\"nodes\">\n";
    for (std::size_t i = 0; i < t.nodes.size(); ++i) {
        const auto& n = t.nodes[i];
        const Style s = style_of(n.kind);
        std::snprintf(buf, sizeof buf,
                      "<g class=\"node\" data-kind=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                      "height=\"%.0f\" rx=\"7\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.3\"%s/>",
                      xml(n.kind).c_str(), at[i].x - at[i].w / 2, at[i].y, at[i].w, kNodeHeight, s.fill,
                      s.stroke, n.kind == "external" ? " stroke-dasharray=\"4 3\"" : "");
        out += buf;
        out += "<title>" + xml(n.label + " \xe2\x80\x94 " + n.detail) + "</title>";
        std::snprintf(
            buf, sizeof buf,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" "
            "fill=\"#1d2733\">",
            at[i].x, at[i].y + 18);
        out += buf + xml(labels[i]) + "</text>";
        std::snprintf(buf, sizeof buf,
                      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"#55606b\">",
                      at[i].x, at[i].y + 33);
        out += buf + xml(details[i]) + "</text></g>\n";
    }
    return out + "</g>\n</svg>\n";
}

}  // namespace nd
