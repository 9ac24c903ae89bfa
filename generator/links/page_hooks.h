#pragma once
// The Markdown hooks for one page: links through the resolver, `value` shortcodes,
// and the first use of each glossary abbreviation marked up with <abbr>.
#include <set>
#include <string>
#include <vector>

#include "content/site_data.h"
#include "links/resolver.h"
#include "markdown/renderer.h"

namespace tk {

struct AnchorCheck {
    long target;          // page index, or -1 for the glossary
    std::string anchor;
    SourceLocation loc;
};

class PageHooks : public MarkdownHooks {
public:
    PageHooks(const Page& page, const LinkResolver& resolver, const SiteData& data, const BaseUrl& base,
              Diagnostics& diags)
        : m_page(page), m_resolver(resolver), m_data(data), m_base(base), m_diags(diags) {}

    std::string link(std::string_view href, bool image, const SourceLocation& loc) override;
    /// What link() does with a link once resolved: records it and returns the href to write.
    std::string use(const Resolution& r, std::string_view href, const SourceLocation& loc);
    const LinkResolver& resolver() const { return m_resolver; }
    std::optional<std::string> shortcode(std::string_view name, std::string_view args, const SourceLocation& loc) override;
    void text(std::string_view text, bool plain_only, std::string& out) override;

    std::vector<size_t> linked_pages;        // pages this page links to
    std::vector<AnchorCheck> anchors;        // anchors to check once every page is rendered
    std::set<std::string> abbreviations;     // abbreviations marked on this page

private:
    const Page& m_page;
    const LinkResolver& m_resolver;
    const SiteData& m_data;
    const BaseUrl& m_base;
    Diagnostics& m_diags;
};

}  // namespace tk
