// The only file that calls gumbo. Its nodes are allocated from an arena that is reset whole
// when the page is done: gumbo makes many small allocations, and freeing them one by one
// costs as much as parsing. Each thread keeps its arena's memory from page to page, so the
// pages after the first cost no fresh memory (and no page faults) at all.
#include "check/html_scan.h"

#include <gumbo.h>

#include <cstdlib>
#include <memory>

#include "check/srcset.h"
#include "util/strings.h"

namespace tk {

namespace {

class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena() {
        for (auto& b : m_blocks) std::free(b.first);
    }
    void* alloc(size_t n) {
        n = (n + 15) & ~size_t(15);
        while (n > m_left) {
            // The next block kept from an earlier page, or a new one.
            if (++m_next > m_blocks.size()) {
                size_t size = std::max(n, k_block);
                char* b = static_cast<char*>(std::malloc(size));
                if (!b) std::abort();
                m_blocks.push_back({b, size});
            }
            m_cur = m_blocks[m_next - 1].first;
            m_left = m_blocks[m_next - 1].second;
        }
        void* p = m_cur;
        m_cur += n;
        m_left -= n;
        return p;
    }
    /// Forgets every allocation, keeping the memory for the next page.
    void reset() {
        m_next = 0;
        m_cur = nullptr;
        m_left = 0;
    }

private:
    static constexpr size_t k_block = size_t(1) << 20;
    std::vector<std::pair<char*, size_t>> m_blocks;
    size_t m_next = 0;  // blocks in use
    char* m_cur = nullptr;
    size_t m_left = 0;
};

void* arena_alloc(void* arena, size_t n) { return static_cast<Arena*>(arena)->alloc(n); }
void arena_free(void*, void*) {}

/// A parsed document; the arena owns every node, so nothing else needs freeing.
class GumboDocument {
public:
    GumboDocument(std::string_view html, Arena& arena) : m_arena(arena) {
        m_arena.reset();
        GumboOptions options = kGumboDefaultOptions;
        options.allocator = arena_alloc;
        options.deallocator = arena_free;
        options.userdata = &m_arena;
        options.max_errors = 0;  // parse errors are not ours to report
        m_output = gumbo_parse_with_options(&options, html.data(), html.size());
    }
    const GumboNode* root() const { return m_output ? m_output->root : nullptr; }

private:
    Arena& m_arena;  // owns every node
    GumboOutput* m_output = nullptr;
};

std::string tag_name(const GumboElement& e) {
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece s = e.original_tag;
    gumbo_tag_from_original_text(&s);
    return to_lower_ascii(std::string_view(s.data, s.length));
}

const char* attr(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : nullptr;
}

void add(ScannedPage& page, const GumboElement& e, const std::string& tag, const char* attribute, std::string url) {
    page.links.push_back({tag, attribute, std::move(url), int(e.start_pos.line)});
}

void scan_element(const GumboElement& e, ScannedPage& page) {
    if (const char* id = attr(e, "id"); id && *id) page.ids.emplace_back(id);
    if (e.attributes.length == 0) return;
    std::string tag = tag_name(e);
    if (tag == "a") {
        if (const char* name = attr(e, "name"); name && *name) page.ids.emplace_back(name);
    }
    if (const char* href = attr(e, "href")) {
        if (tag == "base") {
            if (page.base_href.empty()) page.base_href = href;
        } else {
            // preconnect and dns-prefetch name an origin to warm up, not a resource.
            const char* rel = tag == "link" ? attr(e, "rel") : nullptr;
            std::string r = rel ? to_lower_ascii(rel) : "";
            if (r.find("preconnect") == std::string::npos && r.find("dns-prefetch") == std::string::npos)
                add(page, e, tag, "href", href);
        }
    }
    if (const char* src = attr(e, "src")) add(page, e, tag, "src", src);
    if (const char* srcset = attr(e, "srcset")) {
        for (auto& u : parse_srcset(srcset)) add(page, e, tag, "srcset", std::move(u));
    }
    if (const char* action = attr(e, "action")) add(page, e, tag, "action", action);
    if (tag == "meta") {
        const char* equiv = attr(e, "http-equiv");
        const char* content = attr(e, "content");
        if (equiv && content && to_lower_ascii(equiv) == "refresh") {
            std::string u = meta_refresh_url(content);
            if (!u.empty()) add(page, e, tag, "content", u);
        }
    }
}

}  // namespace

std::string meta_refresh_url(std::string_view content) {
    // "5; url='/x/'" : skip the delay, then an optional "url=", then an optionally quoted URL.
    size_t i = 0;
    while (i < content.size() && (content[i] == ' ' || (content[i] >= '0' && content[i] <= '9') || content[i] == '.')) ++i;
    while (i < content.size() && (content[i] == ';' || content[i] == ',' || content[i] == ' ')) ++i;
    std::string_view rest = content.substr(i);
    if (rest.size() >= 3 && to_lower_ascii(rest.substr(0, 3)) == "url") {
        size_t j = 3;
        while (j < rest.size() && rest[j] == ' ') ++j;
        if (j < rest.size() && rest[j] == '=') {
            rest.remove_prefix(j + 1);
            while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
        }
    }
    if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
        char q = rest[0];
        rest.remove_prefix(1);
        rest = rest.substr(0, rest.find(q));
    }
    return std::string(trim(rest));
}

ScannedPage scan_html(std::string_view html) {
    ScannedPage page;
    thread_local Arena arena;
    GumboDocument doc(html, arena);
    std::vector<const GumboNode*> stack;
    if (doc.root()) stack.push_back(doc.root());
    // Depth first, children in document order, so links come out in the order of the page.
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
        const GumboElement& e = n->v.element;
        scan_element(e, page);
        for (unsigned i = e.children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
    }
    return page;
}

}  // namespace tk
