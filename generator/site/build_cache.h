#pragma once
// Everything one build keeps for the next (serve). Each part is reused only where the inputs it
// was made from are unchanged, so an incremental build gives exactly the files a full build
// gives: pages parsed (by bytes), Markdown rendered (by text, data and link resolutions),
// templates rendered (by view).
#include <cstdint>

#include "config/config.h"
#include "content/page_cache.h"
#include "site/page_markdown.h"
#include "templates/render_cache.h"

namespace tk {

struct BuildOptions;

struct BuildCache {
    PageCache pages;
    MarkdownCache markdown;
    RenderCache renders;

    /// Starts a build with these settings; a change of settings invalidates every page.
    void begin(uint64_t settings) { pages.settings = markdown.settings = settings; }
    /// Ends a build: after success only what it used is kept.
    void finish(bool ok) {
        pages.entries.finish(ok);
        markdown.entries.finish(ok);
        renders.entries.finish(ok);
    }
};

/// What every page depends on: config.toml's text, the build options and content/_data.
uint64_t settings_key(const Config& config, const BuildOptions& options);

}  // namespace tk
