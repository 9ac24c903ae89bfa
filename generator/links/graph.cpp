#include "links/graph.h"

#include <algorithm>

namespace tk {

std::vector<size_t> LinkGraph::neighbours(size_t page, const ContentTree& tree) const {
    std::set<size_t> all = out[page];
    all.insert(in[page].begin(), in[page].end());
    // In life-cycle order (pages outside it after, by index): each page's place looked up once.
    std::vector<std::pair<size_t, size_t>> by_pos;
    by_pos.reserve(all.size());
    for (size_t i : all) {
        auto it = tree.sequence_pos.find(tree.pages[i].id);
        by_pos.push_back({it == tree.sequence_pos.end() ? tree.sequence.size() + i : it->second, i});
    }
    std::sort(by_pos.begin(), by_pos.end());
    std::vector<size_t> v;
    v.reserve(by_pos.size());
    for (const auto& [pos, i] : by_pos) v.push_back(i);
    return v;
}

}  // namespace tk
