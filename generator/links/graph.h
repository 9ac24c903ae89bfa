#pragma once
// The link graph: `related` ids plus Markdown links between pages, and the reverse links.
#include <set>
#include <vector>

#include "content/content_tree.h"

namespace tk {

struct LinkGraph {
    std::vector<std::set<size_t>> out;  // page -> pages it links to
    std::vector<std::set<size_t>> in;   // page -> pages that link to it

    explicit LinkGraph(size_t n = 0) : out(n), in(n) {}
    void add(size_t from, size_t to) {
        if (from == to) return;
        out[from].insert(to);
        in[to].insert(from);
    }
    /// Pages linked either way, sorted by the reading order of the site.
    std::vector<size_t> neighbours(size_t page, const ContentTree& tree) const;
};

}  // namespace tk
