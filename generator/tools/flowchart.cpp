#include "tools/flowchart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>

#include "util/strings.h"

namespace tk {

namespace {

constexpr double k_box_w = 190;     // node width
constexpr double k_line_h = 17;     // text line height
constexpr double k_pad = 10;        // padding inside a box
constexpr double k_dummy_w = 14;    // width kept free for a long edge passing through a layer
constexpr double k_gap_x = 26;      // between items of a layer
constexpr double k_gap_y = 78;      // between layers: room for the answer labels
constexpr double k_margin = 12;
constexpr size_t k_chars = 24;      // characters per line in a box
constexpr size_t k_label_chars = 18;

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        next_code_point(s, i);
        ++n;
    }
    return n;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (ends_with(s, ".0")) s.resize(s.size() - 2);
    return s;
}

/// One slot in a layer: a node's box, or a point that a long edge passes through.
struct Item {
    bool dummy = false;
    size_t node = 0;  // for boxes
    size_t edge = 0;  // for dummies: index into edges
    double w = 0;
    double x = 0;     // centre
    std::vector<size_t> up, down;  // neighbouring items in the layers above and below
};

struct Graph {
    std::vector<Item> items;
    std::vector<std::vector<size_t>> layers;  // item indexes, in order
    std::vector<size_t> pos;                  // item -> position in its layer
    std::vector<size_t> layer_of;

    void renumber() {
        for (const auto& l : layers)
            for (size_t k = 0; k < l.size(); ++k) pos[l[k]] = k;
    }
    size_t crossings() const {
        size_t n = 0;
        for (size_t L = 0; L + 1 < layers.size(); ++L) {
            std::vector<std::pair<size_t, size_t>> segs;
            for (size_t a : layers[L])
                for (size_t b : items[a].down) segs.push_back({pos[a], pos[b]});
            for (size_t i = 0; i < segs.size(); ++i)
                for (size_t j = i + 1; j < segs.size(); ++j)
                    if ((segs[i].first < segs[j].first && segs[i].second > segs[j].second) ||
                        (segs[i].first > segs[j].first && segs[i].second < segs[j].second))
                        ++n;
        }
        return n;
    }
};

double mean_pos(const Graph& g, const std::vector<size_t>& nbrs, double fallback) {
    if (nbrs.empty()) return fallback;
    double s = 0;
    for (size_t n : nbrs) s += double(g.pos[n]);
    return s / double(nbrs.size());
}

double mean_x(const Graph& g, const std::vector<size_t>& nbrs, double fallback) {
    if (nbrs.empty()) return fallback;
    double s = 0;
    for (size_t n : nbrs) s += g.items[n].x;
    return s / double(nbrs.size());
}

/// Places a layer's items as near their wished-for centres as the order and spacing allow:
/// the mean of a left-to-right and a right-to-left greedy pass, both of which keep the order.
void place(Graph& g, const std::vector<size_t>& layer, const std::vector<double>& want) {
    size_t n = layer.size();
    std::vector<double> l(n), r(n);
    for (size_t k = 0; k < n; ++k) {
        double w = g.items[layer[k]].w;
        l[k] = want[k];
        if (k) l[k] = std::max(l[k], l[k - 1] + g.items[layer[k - 1]].w / 2 + k_gap_x + w / 2);
    }
    for (size_t k = n; k-- > 0;) {
        double w = g.items[layer[k]].w;
        r[k] = want[k];
        if (k + 1 < n) r[k] = std::min(r[k], r[k + 1] - g.items[layer[k + 1]].w / 2 - k_gap_x - w / 2);
    }
    for (size_t k = 0; k < n; ++k) g.items[layer[k]].x = (l[k] + r[k]) / 2;
}

}  // namespace

std::vector<std::string> wrap_words(std::string_view text, size_t width) {
    std::vector<std::string> lines;
    std::string line;
    for (auto word : split(text, ' ')) {
        if (word.empty()) continue;
        if (!line.empty() && code_points(line) + 1 + code_points(word) > width) {
            lines.push_back(line);
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

FlowLayout layout_flowchart(const DecisionTree& tree) {
    FlowLayout out;
    if (!tree.find(tree.start)) return out;
    size_t start = tree.index.at(tree.start);
    size_t n = tree.nodes.size();

    // Edges, one per (from, to): answers that lead to the same place share an arrow and a label.
    struct Link {
        size_t from, to;
        std::vector<std::string> labels;
    };
    std::vector<Link> links;
    std::map<std::pair<size_t, size_t>, size_t> link_index;
    for (size_t i = 0; i < n; ++i)
        for (const auto& a : tree.nodes[i].answers) {
            size_t j = tree.index.at(a.next);
            auto [it, fresh] = link_index.emplace(std::make_pair(i, j), links.size());
            if (fresh) links.push_back({i, j, {}});
            links[it->second].labels.push_back(a.short_label.empty() ? a.label : a.short_label);
        }

    // Depth-first order from the start gives the first left-to-right order; the reverse of its
    // finishing order is a topological order, which gives each node its longest-path layer.
    std::vector<size_t> first_seen(n, SIZE_MAX), finish;
    size_t counter = 0;
    std::function<void(size_t)> dfs = [&](size_t i) {
        first_seen[i] = counter++;
        for (const auto& a : tree.nodes[i].answers) {
            size_t j = tree.index.at(a.next);
            if (first_seen[j] == SIZE_MAX) dfs(j);
        }
        finish.push_back(i);
    };
    dfs(start);
    std::vector<size_t> layer(n, 0);
    for (auto it = finish.rbegin(); it != finish.rend(); ++it)
        for (const auto& a : tree.nodes[*it].answers) {
            size_t j = tree.index.at(a.next);
            layer[j] = std::max(layer[j], layer[*it] + 1);
        }

    Graph g;
    std::vector<size_t> node_item(n, SIZE_MAX);
    size_t depth = 0;
    for (size_t i = 0; i < n; ++i) {
        if (first_seen[i] == SIZE_MAX) continue;
        node_item[i] = g.items.size();
        Item it;
        it.node = i;
        it.w = k_box_w;
        g.items.push_back(it);
        g.layer_of.push_back(layer[i]);
        depth = std::max(depth, layer[i] + 1);
    }
    std::vector<std::vector<size_t>> chain(links.size());  // items each edge passes through
    for (size_t e = 0; e < links.size(); ++e) {
        const Link& lk = links[e];
        if (node_item[lk.from] == SIZE_MAX) continue;
        size_t prev = node_item[lk.from];
        chain[e].push_back(prev);
        for (size_t L = layer[lk.from] + 1; L < layer[lk.to]; ++L) {
            Item d;
            d.dummy = true;
            d.edge = e;
            d.w = k_dummy_w;
            size_t id = g.items.size();
            g.items.push_back(d);
            g.layer_of.push_back(L);
            g.items[prev].down.push_back(id);
            g.items[id].up.push_back(prev);
            chain[e].push_back(id);
            prev = id;
        }
        size_t last = node_item[lk.to];
        g.items[prev].down.push_back(last);
        g.items[last].up.push_back(prev);
        chain[e].push_back(last);
    }
    g.layers.assign(depth, {});
    g.pos.assign(g.items.size(), 0);
    // First order: boxes by depth-first discovery, dummies after the item above them.
    std::vector<size_t> order(g.items.size());
    std::iota(order.begin(), order.end(), 0);
    auto rank = [&](size_t id) {
        const Item& it = g.items[id];
        return it.dummy ? double(first_seen[links[it.edge].from]) + 0.5 : double(first_seen[it.node]);
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
    for (size_t id : order) g.layers[g.layer_of[id]].push_back(id);
    g.renumber();

    // Barycentre sweeps, keeping the order with the fewest crossings.
    auto best = g.layers;
    size_t best_crossings = g.crossings();
    for (int round = 0; round < 8 && best_crossings > 0; ++round) {
        bool down = round % 2 == 0;
        for (size_t s = 1; s < depth; ++s) {
            size_t L = down ? s : depth - 1 - s;
            auto& l = g.layers[L];
            std::vector<std::pair<double, size_t>> keyed;
            for (size_t id : l)
                keyed.push_back({mean_pos(g, down ? g.items[id].up : g.items[id].down, double(g.pos[id])), id});
            std::stable_sort(keyed.begin(), keyed.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (size_t k = 0; k < l.size(); ++k) l[k] = keyed[k].second;
            g.renumber();
        }
        size_t c = g.crossings();
        if (c < best_crossings) {
            best_crossings = c;
            best = g.layers;
        }
    }
    g.layers = best;
    g.renumber();
    out.crossings = best_crossings;

    // Horizontal positions: start packed, then pull each item towards its neighbours, down and up.
    for (const auto& l : g.layers) {
        double x = 0;
        for (size_t id : l) {
            g.items[id].x = x + g.items[id].w / 2;
            x += g.items[id].w + k_gap_x;
        }
    }
    for (int round = 0; round < 6; ++round) {
        bool down = round % 2 == 0;
        for (size_t s = 0; s < depth; ++s) {
            size_t L = down ? s : depth - 1 - s;
            const auto& l = g.layers[L];
            std::vector<double> want;
            for (size_t id : l) {
                const Item& it = g.items[id];
                want.push_back(mean_x(g, down ? it.up : it.down, it.x));
            }
            place(g, l, want);
        }
    }
    double min_x = 1e18, max_x = -1e18;
    for (const auto& it : g.items) {
        min_x = std::min(min_x, it.x - it.w / 2);
        max_x = std::max(max_x, it.x + it.w / 2);
    }
    for (auto& it : g.items) it.x += k_margin - min_x;
    out.width = max_x - min_x + 2 * k_margin;

    // Vertical positions: each layer as tall as its tallest box.
    std::vector<double> top(depth, 0), height(depth, 0);
    std::vector<std::vector<std::string>> lines(n);
    for (size_t id = 0; id < g.items.size(); ++id) {
        const Item& it = g.items[id];
        if (it.dummy) continue;
        lines[it.node] = wrap_words(tree.nodes[it.node].title, k_chars);
        height[g.layer_of[id]] =
            std::max(height[g.layer_of[id]], double(lines[it.node].size()) * k_line_h + 2 * k_pad);
    }
    double y = k_margin;
    for (size_t L = 0; L < depth; ++L) {
        top[L] = y;
        y += height[L] + k_gap_y;
    }
    out.height = y - k_gap_y + k_margin;

    for (size_t id = 0; id < g.items.size(); ++id) {
        const Item& it = g.items[id];
        if (it.dummy) continue;
        FlowBox b;
        b.node = it.node;
        b.layer = g.layer_of[id];
        b.w = it.w;
        b.h = double(lines[it.node].size()) * k_line_h + 2 * k_pad;
        b.x = it.x - it.w / 2;
        b.y = top[b.layer] + (height[b.layer] - b.h) / 2;
        b.lines = lines[it.node];
        out.boxes.push_back(std::move(b));
    }
    std::map<size_t, const FlowBox*> box_of;
    for (const auto& b : out.boxes) box_of[b.node] = &b;
    for (size_t e = 0; e < links.size(); ++e) {
        if (chain[e].empty()) continue;
        FlowEdge fe;
        fe.from = links[e].from;
        fe.to = links[e].to;
        const FlowBox* a = box_of[fe.from];
        const FlowBox* b = box_of[fe.to];
        fe.points.push_back({a->x + a->w / 2, a->y + a->h});
        for (size_t k = 1; k + 1 < chain[e].size(); ++k) {
            const Item& d = g.items[chain[e][k]];
            size_t L = g.layer_of[chain[e][k]];
            fe.points.push_back({d.x, top[L]});
            fe.points.push_back({d.x, top[L] + height[L]});
        }
        fe.points.push_back({b->x + b->w / 2, b->y});
        std::string label;
        for (size_t k = 0; k < links[e].labels.size(); ++k) label += (k ? " or " : "") + links[e].labels[k];
        fe.label = wrap_words(label, k_label_chars);
        // The label sits in the gap under the question, on the first stretch of the arrow.
        const FlowPoint& p0 = fe.points[0];
        const FlowPoint& p1 = fe.points[1];
        double t = std::min(1.0, (k_gap_y * 0.45) / std::max(1.0, p1.y - p0.y));
        fe.label_at = {p0.x + (p1.x - p0.x) * t, p0.y + (p1.y - p0.y) * t};
        out.edges.push_back(std::move(fe));
    }
    return out;
}

std::string render_flowchart(const DecisionTree& tree, const FlowLayout& layout, const std::string& id,
                             const std::string& title, const std::string& desc) {
    std::string s;
    s += "<svg class=\"flowchart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(layout.width) + " " +
         num(layout.height) + "\" width=\"" + num(layout.width) + "\" height=\"" + num(layout.height) +
         "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" focusable=\"false\">\n";
    s += "<title id=\"" + id + "-title\">" + html_escape(title) + "</title>\n";
    s += "<desc id=\"" + id + "-desc\">" + html_escape(desc) + "</desc>\n";
    s += "<defs><marker id=\"" + id +
         "-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
         "orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"#505a5f\"/></marker></defs>\n";
    s += "<g class=\"flowchart__edges\">\n";
    for (const auto& e : layout.edges) {
        s += "<polyline points=\"";
        for (size_t k = 0; k < e.points.size(); ++k) {
            if (k) s += ' ';
            s += num(e.points[k].x);
            s += ',';
            s += num(e.points[k].y);
        }
        s += "\" fill=\"none\" stroke=\"#505a5f\" stroke-width=\"1.5\" marker-end=\"url(#" + id + "-arrow)\"/>\n";
    }
    s += "</g>\n<g class=\"flowchart__labels\">\n";
    for (const auto& e : layout.edges) {
        size_t widest = 0;
        for (const auto& l : e.label) widest = std::max(widest, code_points(l));
        double w = double(widest) * 6.6 + 8, h = double(e.label.size()) * 14 + 6;
        s += "<rect x=\"" + num(e.label_at.x - w / 2) + "\" y=\"" + num(e.label_at.y - h / 2) + "\" width=\"" + num(w) +
             "\" height=\"" + num(h) + "\" rx=\"3\" fill=\"#ffffff\"/>\n";
        s += "<text class=\"flowchart__label\" x=\"" + num(e.label_at.x) + "\" y=\"" + num(e.label_at.y - h / 2 + 1) +
             "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">";
        for (const auto& l : e.label)
            s += "<tspan x=\"" + num(e.label_at.x) + "\" dy=\"14\">" + html_escape(l) + "</tspan>";
        s += "</text>\n";
    }
    s += "</g>\n<g class=\"flowchart__nodes\">\n";
    for (const auto& b : layout.boxes) {
        const TreeNode& node = tree.nodes[b.node];
        bool outcome = node.is_outcome();
        s += "<g class=\"flowchart__node flowchart__node--" + std::string(outcome ? "outcome" : "question") + "\">";
        s += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) +
             "\" rx=\"" + (outcome ? "14" : "3") + "\" fill=\"" + (outcome ? "#e1f0ef" : "#ffffff") +
             "\" stroke=\"" + (outcome ? "#005a5b" : "#0b0c0c") + "\" stroke-width=\"" + (outcome ? "2" : "1.5") + "\"/>";
        s += "<text x=\"" + num(b.x + b.w / 2) + "\" y=\"" + num(b.y + k_pad - 4) +
             "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#0b0c0c\"" +
             (outcome ? " font-weight=\"bold\"" : "") + ">";
        for (const auto& l : b.lines)
            s += "<tspan x=\"" + num(b.x + b.w / 2) + "\" dy=\"" + num(k_line_h) + "\">" + html_escape(l) + "</tspan>";
        s += "</text></g>\n";
    }
    s += "</g>\n</svg>";
    return s;
}

}  // namespace tk
