#pragma once
// Everything one build keeps for the next (serve). Each part is reused only where the inputs it
// was made from are unchanged, so an incremental build gives exactly the files a full build
// gives: pages parsed (by bytes), Markdown rendered (by text, data and link resolutions),
// pages made (by what their view reads), templates rendered (by view), pages analysed for search
// (by what their search entry is made from).
#include <cstdint>

#include "config/config.h"
#include "content/page_cache.h"
#include "search/index_builder.h"
#include "site/page_markdown.h"
#include "site/page_render.h"
#include "templates/render_cache.h"

namespace tk {

struct BuildOptions;

struct BuildCache {
    PageCache pages;
    MarkdownCache markdown;
    RenderCache renders;
    PageHtmlCache pages_html;
    SearchCache search;

    /// Starts a build with these settings; a change of settings invalidates every page.
    void begin(uint64_t settings) { pages.settings = markdown.settings = settings; }
    /// Ends a build: after success only what it used is kept.
    void finish(bool ok) {
        pages.finish(ok);
        markdown.finish(ok);
        renders.entries.finish(ok);
        pages_html.entries.finish(ok);
        search.finish(ok);
    }
};

/// What every page depends on: config.toml's text, the build options and content/_data.
uint64_t settings_key(const Config& config, const BuildOptions& options);

}  // namespace tk
