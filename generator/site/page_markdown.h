#pragma once
// One page's Markdown, rendered through the link hooks, or taken from the previous build (serve)
// when nothing it was made from has changed: its text, the site's settings and data, and the
// resolution of every link it holds (a page added, renamed or deleted elsewhere changes those).
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "config/config.h"
#include "content/site_data.h"
#include "links/page_hooks.h"
#include "links/resolver.h"
#include "markdown/renderer.h"

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

/// Like the page cache (content/page_cache.h), the Markdown is lent to a build and given back.
class MarkdownCache {
public:
    struct Entry {
        uint64_t key = 0;  // the page's text and the settings
        RenderedMarkdown md;
        bool home = false;  // md is here, not lent to a build
        std::vector<LinkCall> calls;
        std::vector<Diagnostic> diags;
        uint64_t links_state = 0;  // what every link could resolve to, when links and anchors were made
        std::vector<size_t> links;
        std::vector<AnchorCheck> anchors;
        bool seen = false;
    };

    uint64_t settings = 0;     // config, build options and content/_data
    uint64_t links_state = 0;  // this build's link_state()

    Entry* find(const std::string& rel);
    Entry& put(const std::string& rel);
    /// Takes back the Markdown of each page of `tree` (same order) when a build has finished.
    void give_back(const ContentTree& tree, std::vector<RenderedMarkdown>& markdown);
    void finish(bool ok);

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;  // by path under content/
};

/// What links can resolve to: every page's path and URL, every file, every generated path.
/// While it is the same, every link resolves as before and page numbers are the same.
uint64_t link_state(const ContentTree& tree, const std::unordered_set<std::string>& generated, const BaseUrl& base);

PageMarkdown render_page_markdown(const Page& page, const LinkResolver& resolver, const SiteData& data,
                                  const Config& config, MarkdownCache* cache, Diagnostics& diags);

}  // namespace tk
