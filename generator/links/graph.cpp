#include "links/graph.h"

#include <algorithm>

namespace tk {

std::vector<size_t> LinkGraph::neighbours(size_t page, const ContentTree& tree) const {
    std::set<size_t> all = out[page];
    all.insert(in[page].begin(), in[page].end());
    std::vector<size_t> v(all.begin(), all.end());
    auto pos = [&](size_t i) {
        auto it = tree.sequence_pos.find(tree.pages[i].id);
        return it == tree.sequence_pos.end() ? tree.sequence.size() + i : it->second;
    };
    std::sort(v.begin(), v.end(), [&](size_t a, size_t b) { return pos(a) < pos(b); });
    return v;
}

}  // namespace tk
