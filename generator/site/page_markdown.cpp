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
        return m_inner.use(r, href, loc);
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

uint64_t link_state(const ContentTree& tree, const std::unordered_set<std::string>& generated, const BaseUrl& base) {
    uint64_t h = hash_combine(hash64(base.origin), hash64(base.path));
    for (const auto& p : tree.pages) h = hash_combine(hash_combine(h, hash64(p.rel_path)), hash64(p.url));
    for (const auto& f : tree.files) h = hash_combine(h, hash64(f.rel));
    uint64_t set = 0;  // the set's own order is arbitrary: add its members' hashes up
    for (const auto& g : generated) set += hash64(g);
    return hash_combine(h, set);
}

PageMarkdown render_page_markdown(const Page& p, const LinkResolver& resolver, const SiteData& data,
                                  const Config& config, MarkdownCache* cache, Diagnostics& diags) {
    if (!cache) {
        PageHooks hooks(p, resolver, data, config.base, diags);
        return render(p, config, nullptr, hooks, diags);
    }
    uint64_t key = hash_combine(hash64(p.text), cache->settings);
    MarkdownCache::Entry* hit = cache->find(p.rel_path);
    if (hit && !(hit->home && hit->key == key)) hit = nullptr;
    if (hit && hit->links_state != cache->links_state) {
        // Every link must resolve as it did; through fresh hooks they give this build's page numbers.
        Diagnostics scratch;
        PageHooks hooks(p, resolver, data, config.base, scratch);
        for (const auto& c : hit->calls) {
            Resolution r = resolver.resolve(p, c.href, c.image);
            if (r.kind != c.kind || r.url != c.url || r.error != c.error) {
                hit = nullptr;
                break;
            }
            hooks.use(r, c.href, c.loc);
        }
        if (hit) {
            hit->links_state = cache->links_state;
            hit->links = std::move(hooks.linked_pages);
            hit->anchors = std::move(hooks.anchors);
        }
    }
    if (hit) {
        // Nothing it was made from has changed: lend it.
        for (const auto& d : hit->diags) diags.add(d);
        hit->seen = true;
        hit->home = false;
        return {std::move(hit->md), hit->links, hit->anchors};
    }
    Diagnostics local;
    PageHooks hooks(p, resolver, data, config.base, local);
    std::vector<LinkCall> calls;
    RecordingHooks recorder(hooks, resolver, p, calls);
    PageMarkdown out = render(p, config, &recorder, hooks, local);
    MarkdownCache::Entry& e = cache->put(p.rel_path);
    e = MarkdownCache::Entry{};
    e.key = key;
    e.calls = std::move(calls);
    e.diags = local.sorted();
    e.links_state = cache->links_state;
    e.links = out.links;
    e.anchors = out.anchors;
    e.seen = true;
    diags.merge(local);
    return out;
}

MarkdownCache::Entry* MarkdownCache::find(const std::string& rel) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(rel);
    return it == m_entries.end() ? nullptr : &it->second;
}

MarkdownCache::Entry& MarkdownCache::put(const std::string& rel) {
    std::lock_guard lock(m_mutex);
    return m_entries[rel];
}

void MarkdownCache::give_back(const ContentTree& tree, std::vector<RenderedMarkdown>& markdown) {
    std::lock_guard lock(m_mutex);
    for (size_t i = 0; i < markdown.size() && i < tree.pages.size(); ++i) {
        auto it = m_entries.find(tree.pages[i].rel_path);
        if (it == m_entries.end() || it->second.home || !it->second.seen) continue;
        it->second.md = std::move(markdown[i]);
        it->second.home = true;
    }
}

void MarkdownCache::finish(bool ok) {
    std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if ((ok && !it->second.seen) || (it->second.seen && !it->second.home)) {
            it = m_entries.erase(it);
            continue;
        }
        it->second.seen = false;
        ++it;
    }
}

}  // namespace tk
