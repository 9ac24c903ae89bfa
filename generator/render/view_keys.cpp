// Fingerprints of what a page's view is made from. Each part below mirrors a read in
// page_view (view.cpp); the view is never built for a page whose fingerprint is unchanged.
#include <cstring>

#include "render/view.h"
#include "util/hash.h"

namespace tk {

namespace {

/// Collects the parts of a key and hashes them together.
struct KeyParts {
    std::vector<uint64_t> parts;
    void add(uint64_t v) { parts.push_back(v); }
    void add(std::string_view s) { parts.push_back(hash64(s)); }
    uint64_t done() const {
        return hash64({reinterpret_cast<const char*>(parts.data()), parts.size() * sizeof(uint64_t)});
    }
};

}  // namespace

uint64_t ViewBuilder::site_key() const {
    std::call_once(m_keys_once, [this] {
        const Config& c = m_in.config;
        KeyParts k;
        // Built once per build and copied into every view.
        for (const mustache::data* d : {&m_site, &m_assets, &m_stages}) k.add(view_fingerprint(*d).value_or(0));
        // Config read directly by page_view: URLs, labels, links to the repository, review dates.
        k.add(c.base.origin);
        k.add(c.base.path);
        for (const Labels* labels : {&c.audiences, &c.roles})
            for (const auto& [id, label] : *labels) {
                k.add(id);
                k.add(label);
            }
        k.add(c.repo_url);
        k.add(c.repo_branch);
        k.add(c.feedback_email);
        k.add(uint64_t(c.review_interval_months));
        k.add(uint64_t(m_in.today.year) << 16 | uint64_t(m_in.today.month) << 8 | m_in.today.day);
        k.add(uint64_t(m_in.serve) | uint64_t(m_in.has_feed) << 1);
        m_site_key = k.done();
        // A page as others show it: item(), prev/next and the stage groups.
        m_item_keys.resize(m_in.tree.pages.size());
        for (size_t i = 0; i < m_in.tree.pages.size(); ++i) {
            const Page& p = m_in.tree.pages[i];
            KeyParts item;
            item.add(p.title);
            item.add(p.url);
            item.add(p.summary);
            item.add(uint64_t(p.type));
            for (const auto& a : p.audiences) item.add(a);
            m_item_keys[i] = item.done();
        }
    });
    return m_site_key;
}

uint64_t ViewBuilder::item_key(size_t page) const {
    site_key();
    return m_item_keys[page];
}

uint64_t ViewBuilder::page_key(size_t i, const std::string& step_nav) const {
    const Page& p = m_in.tree.pages[i];
    const RenderedMarkdown& md = m_in.markdown[i];
    KeyParts k;
    k.add(site_key());
    // The page itself: every field of a Page comes from its text, its path and its place.
    k.add(p.text);
    k.add(p.rel_path);
    k.add(p.id);
    k.add(p.url);
    k.add(p.stage);
    k.add(uint64_t(p.type));
    k.add(md.html);
    for (const auto& h : md.headings) {
        k.add(uint64_t(h.level));
        k.add(h.id);
        k.add(h.text);
    }
    auto dates = m_in.dates.find(p.id);
    k.add(dates == m_in.dates.end() ? std::string_view("-") : std::string_view(dates->second.last_updated));
    k.add(step_nav);
    // Its neighbours in reading order, in the link graph and, for a stage, its items.
    if (auto pos = m_in.tree.sequence_pos.find(p.id); pos != m_in.tree.sequence_pos.end()) {
        size_t at = pos->second;
        k.add(at > 0 ? item_key(m_in.tree.sequence[at - 1]) : 1);
        k.add(at + 1 < m_in.tree.sequence.size() ? item_key(m_in.tree.sequence[at + 1]) : 2);
    }
    // The neighbours and their places in reading order (which decide their order on the page),
    // without sorting them as neighbours() does.
    auto pos = [&](size_t n) {
        auto it = m_in.tree.sequence_pos.find(m_in.tree.pages[n].id);
        return uint64_t(it == m_in.tree.sequence_pos.end() ? m_in.tree.sequence.size() + n : it->second);
    };
    for (const auto* links : {&m_in.graph.out[i], &m_in.graph.in[i]}) {
        k.add(3);
        for (size_t n : *links) {
            k.add(item_key(n));
            k.add(pos(n));
        }
    }
    if (const Stage* stage = m_in.tree.stage_of(p); stage && p.type == PageType::Stage) {
        k.add(4);
        for (size_t item : stage->items) k.add(item_key(item));
    }
    return k.done();
}

uint64_t ViewBuilder::listing_key(PageType type) const {
    KeyParts k;
    k.add(site_key());
    k.add(uint64_t(type));
    for (const auto& st : m_in.tree.stages) {
        k.add(5);
        for (size_t item : st.items)
            if (m_in.tree.pages[item].type == type) k.add(item_key(item));
    }
    return k.done();
}

uint64_t ViewBuilder::stage_nav_key(size_t stage_index, size_t group) const {
    KeyParts k;
    k.add(site_key());
    k.add(7);
    k.add(uint64_t(stage_index));
    k.add(uint64_t(group));
    k.add(uint64_t(m_in.config.step_nav_limit));
    for (size_t s = 0; s < m_in.tree.stages.size(); ++s) {
        const Stage& st = m_in.tree.stages[s];
        k.add(uint64_t(st.page));  // the marks carry page numbers
        if (s != stage_index) continue;
        for (size_t item : st.items) {
            k.add(uint64_t(item));
            k.add(item_key(item));
        }
    }
    return k.done();
}

uint64_t ViewBuilder::all_pages_key() const {
    KeyParts k;
    k.add(site_key());
    k.add(6);
    for (size_t i = 0; i < m_in.tree.pages.size(); ++i) k.add(item_key(i));
    return k.done();
}

}  // namespace tk
