#pragma once
// A decision tree drawn as an SVG flowchart: layered top-down (longest path from the start),
// long edges routed through placeholder points, layers ordered by barycentres to cut crossings.
#include <string>
#include <vector>

#include "tools/tool.h"

namespace tk {

struct FlowPoint {
    double x = 0, y = 0;
};

struct FlowBox {
    size_t node = 0;     // index into DecisionTree::nodes
    size_t layer = 0;
    double x = 0, y = 0;  // top-left corner
    double w = 0, h = 0;
    std::vector<std::string> lines;  // the wrapped title
};

struct FlowEdge {
    size_t from = 0, to = 0;          // node indexes
    std::vector<FlowPoint> points;    // from the bottom of `from` to the top of `to`
    std::vector<std::string> label;   // wrapped answer label(s)
    FlowPoint label_at;               // centre of the label
};

struct FlowLayout {
    std::vector<FlowBox> boxes;  // one per node reachable from the start
    std::vector<FlowEdge> edges;
    double width = 0, height = 0;
    size_t crossings = 0;        // edge crossings between adjacent layers, after ordering
};

/// Wraps text at spaces into lines of at most `width` code points (a longer word stays whole).
std::vector<std::string> wrap_words(std::string_view text, size_t width);

/// Lays out a checked tree (every node reachable, no loops).
FlowLayout layout_flowchart(const DecisionTree& tree);

/// The SVG, with <title> and <desc>; `id` prefixes its ids so that they are unique on the page.
std::string render_flowchart(const DecisionTree& tree, const FlowLayout& layout, const std::string& id,
                             const std::string& title, const std::string& desc);

}  // namespace tk
