#pragma once
// One page's Markdown, rendered through the link hooks, or taken from the previous build (serve)
// when nothing it was made from has changed: its text, the site's settings and data, and the
// resolution of every link it holds (a page added, renamed or deleted elsewhere changes those).
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/site_data.h"
#include "links/page_hooks.h"
#include "links/resolver.h"
#include "markdown/renderer.h"
#include "util/generation_cache.h"

namespace tk {

struct PageMarkdown {
    RenderedMarkdown md;
    std::vector<size_t> links;          // pages it links to
    std::vector<AnchorCheck> anchors;   // anchors to check once every page is rendered
};

/// A link as the renderer asked for it, and what it resolved to.
struct LinkCall {
    std::string href;
    bool image = false;
    SourceLocation loc;
    Resolution::Kind kind = Resolution::Broken;
    std::string url;
    std::string error;
};

struct CachedMarkdown {
    uint64_t key = 0;  // the page's text and the settings
    RenderedMarkdown md;
    std::vector<LinkCall> calls;
    std::vector<Diagnostic> diags;
};

struct MarkdownCache {
    uint64_t settings = 0;  // config, build options and content/_data
    GenerationCache<std::string, CachedMarkdown> entries;  // by path under content/
};

PageMarkdown render_page_markdown(const Page& page, const LinkResolver& resolver, const SiteData& data,
                                  const Config& config, MarkdownCache* cache, Diagnostics& diags);

}  // namespace tk
