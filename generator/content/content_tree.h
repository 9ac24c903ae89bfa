#pragma once
// All pages of a site, their stages and order, and the files beside them.
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "content/page.h"
#include "diag/diagnostics.h"

namespace tk {

struct Stage {
    std::string id;          // "strategy"
    size_t page = 0;         // index of its _index.md page
    int number = 0;          // 1..n in life-cycle order
    std::vector<size_t> items;  // guidance, template and tool pages by weight, then title
};

struct StaticFile {
    std::string rel;       // path under content/ and under the output: "strategy/diagram.png"
    std::string source;    // path to read
};

struct ContentTree {
    std::vector<Page> pages;        // sorted by id
    std::vector<Stage> stages;      // in life-cycle order
    std::vector<size_t> sequence;   // reading order: each stage page, then its items
    std::vector<StaticFile> files;  // page-bundle files, sorted
    std::unordered_map<std::string, size_t> by_id;
    std::unordered_map<std::string, size_t> by_rel_path;  // "strategy/x.md"
    std::unordered_map<std::string, size_t> by_url;
    std::unordered_map<std::string, size_t> sequence_pos;  // id -> position in sequence

    const Page* find(std::string_view id) const;
    const Stage* stage_of(const Page& p) const;
    const Page* home() const;
};

struct PageCache;

/// Walks content/, loads every page and indexes them. Problems go to `diags`. With a cache
/// (serve), unchanged files are not parsed again.
ContentTree load_content(const Config& config, bool drafts, Diagnostics& diags, PageCache* cache = nullptr);

/// Builds the indexes, stages and order of already loaded pages (used by load_content and tests).
void index_content(ContentTree& tree, Diagnostics& diags);

}  // namespace tk
