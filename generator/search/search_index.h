#pragma once
// The site's search index: what the build calls, after the pages are rendered. It indexes what
// readers see (each page's rendered Markdown, title and summary, and the glossary) and writes
// the files of search/index_writer.h through the output folder.
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/content_tree.h"
#include "content/site_data.h"
#include "markdown/renderer.h"
#include "output/output_dir.h"

namespace tk {

struct SearchInputs {
    const Config& config;
    const ContentTree& tree;
    const SiteData& data;
    const std::vector<RenderedMarkdown>& markdown;  // per page of `tree`
    struct SearchCache* cache = nullptr;             // serve: pages analysed in the previous build
    std::function<void()> analysed = {};             // called when only one core's work is left
};

struct SearchStats {
    size_t pages = 0;
    size_t terms = 0;
    size_t files = 0;
    size_t bytes = 0;
};

/// Builds the index into search/ of `out`. Synonym file errors go to `diags`.
SearchStats build_search_index(const SearchInputs& in, OutputDir& out, Diagnostics& diags);

}  // namespace tk
