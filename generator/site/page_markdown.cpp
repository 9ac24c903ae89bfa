#include "site/page_markdown.h"

#include "util/hash.h"

namespace tk {

namespace {

/// Passes everything to the page's hooks and writes down each link and what it resolved to.
class RecordingHooks : public MarkdownHooks {
public:
    RecordingHooks(PageHooks& inner, const LinkResolver& resolver, const Page& page, std::vector<LinkCall>& calls)
        : m_inner(inner), m_resolver(resolver), m_page(page), m_calls(calls) {}
    std::string link(std::string_view href, bool image, const SourceLocation& loc) override {
        Resolution r = m_resolver.resolve(m_page, href, image);
        m_calls.push_back({std::string(href), image, loc, r.kind, r.url, r.error});
        return m_inner.link(href, image, loc);
    }
    std::optional<std::string> shortcode(std::string_view name, std::string_view args, const SourceLocation& loc) override {
        return m_inner.shortcode(name, args, loc);
    }
    void text(std::string_view text, bool plain_only, std::string& out) override { m_inner.text(text, plain_only, out); }

private:
    PageHooks& m_inner;
    const LinkResolver& m_resolver;
    const Page& m_page;
    std::vector<LinkCall>& m_calls;
};

PageMarkdown render(const Page& p, const Config& config, MarkdownHooks* wrap, PageHooks& hooks, Diagnostics& diags) {
    MarkdownInput in{p.source_path, p.text, p.body_offset, config.unsafe_html, wrap ? wrap : &hooks, &diags};
    PageMarkdown out;
    out.md = render_markdown(in);
    out.links = std::move(hooks.linked_pages);
    out.anchors = std::move(hooks.anchors);
    return out;
}

}  // namespace

PageMarkdown render_page_markdown(const Page& p, const LinkResolver& resolver, const SiteData& data,
                                  const Config& config, MarkdownCache* cache, Diagnostics& diags) {
    if (!cache) {
        PageHooks hooks(p, resolver, data, config.base, diags);
        return render(p, config, nullptr, hooks, diags);
    }
    uint64_t key = hash_combine(hash64(p.text), cache->settings);
    if (auto hit = cache->entries.find(p.rel_path); hit && hit->key == key) {
        bool same = true;
        for (const auto& c : hit->calls) {
            Resolution r = resolver.resolve(p, c.href, c.image);
            if (r.kind != c.kind || r.url != c.url || r.error != c.error) {
                same = false;
                break;
            }
        }
        if (same) {
            // The same links through fresh hooks give the page numbers of this build.
            Diagnostics scratch;
            PageHooks hooks(p, resolver, data, config.base, scratch);
            for (const auto& c : hit->calls) hooks.link(c.href, c.image, c.loc);
            for (const auto& d : hit->diags) diags.add(d);
            return {hit->md, std::move(hooks.linked_pages), std::move(hooks.anchors)};
        }
    }
    Diagnostics local;
    PageHooks hooks(p, resolver, data, config.base, local);
    std::vector<LinkCall> calls;
    RecordingHooks recorder(hooks, resolver, p, calls);
    PageMarkdown out = render(p, config, &recorder, hooks, local);
    cache->entries.store(p.rel_path, CachedMarkdown{key, out.md, std::move(calls), local.sorted()});
    diags.merge(local);
    return out;
}

}  // namespace tk
