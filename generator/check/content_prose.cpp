#include "check/content_prose.h"

#include <md4c.h>

#include <algorithm>
#include <cstring>

#include "util/strings.h"

namespace tk {

size_t ProseBlock::source_offset(size_t i) const {
    auto it = std::upper_bound(chunks.begin(), chunks.end(), i,
                               [](size_t v, const ProseChunk& c) { return v < c.text_offset; });
    if (it == chunks.begin()) return chunks.empty() ? 0 : chunks.front().src_offset;
    --it;
    return it->exact ? it->src_offset + (i - it->text_offset) : it->src_offset;
}

namespace {

/// The few entities prose uses; others stay as written (they are rare and never words to avoid).
std::string decode_entity(std::string_view e) {
    static const std::pair<const char*, const char*> named[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}};
    for (auto [name, text] : named)
        if (e == name) return text;
    if (e.size() > 3 && e[1] == '#') {
        bool hex = e[2] == 'x' || e[2] == 'X';
        std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
        char* end = nullptr;
        unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (end && *end == '\0' && cp > 0 && cp < 0x110000) {
            std::string out;
            append_utf8(out, char32_t(cp));
            return out;
        }
    }
    return std::string(e);
}

void mask(std::string& s, size_t begin, size_t end, char with) {
    for (size_t i = begin; i < end && i < s.size(); ++i) s[i] = with;
}

class ProseWalker {
public:
    ProseWalker(std::string_view file, size_t body_offset) : m_file(file), m_body_offset(body_offset) {}

    std::vector<ProseBlock> run() {
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = MD_DIALECT_GITHUB;
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<ProseWalker*>(u)->enter_block(t, d); };
        parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return static_cast<ProseWalker*>(u)->leave_block(t); };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<ProseWalker*>(u)->enter_span(t, d); };
        parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return static_cast<ProseWalker*>(u)->leave_span(t); };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
            return static_cast<ProseWalker*>(u)->text(t, s, n);
        };
        m_last_src = m_body_offset;
        std::string_view body = m_file.substr(std::min(m_body_offset, m_file.size()));
        md_parse(body.data(), MD_SIZE(body.size()), &parser, this);
        flush();
        return std::move(m_blocks);
    }

private:
    struct Open {
        MD_BLOCKTYPE type;
        int id;
    };
    struct Link {
        size_t start;
        std::string href;
    };

    std::string_view m_file;
    size_t m_body_offset;
    std::vector<ProseBlock> m_blocks;
    ProseBlock m_cur;
    std::vector<Open> m_open;  // every open block that matters: quotes, list items, prose blocks
    std::vector<Link> m_links;
    int m_next_id = 1;
    int m_skip_depth = 0;      // inside a code block or an HTML block
    int m_image_depth = 0;
    int m_code_span = 0;
    size_t m_last_src = 0;

    static bool is_prose_block(MD_BLOCKTYPE t) {
        return t == MD_BLOCK_P || t == MD_BLOCK_H || t == MD_BLOCK_LI || t == MD_BLOCK_TH || t == MD_BLOCK_TD;
    }

    static ProseKind kind_of(MD_BLOCKTYPE t) {
        switch (t) {
            case MD_BLOCK_H: return ProseKind::Heading;
            case MD_BLOCK_LI: return ProseKind::ListItem;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: return ProseKind::TableCell;
            default: return ProseKind::Paragraph;
        }
    }

    /// A whole callout is one passage; otherwise the innermost list item; otherwise the block.
    int passage() const {
        for (const auto& o : m_open)
            if (o.type == MD_BLOCK_QUOTE) return o.id;
        for (auto it = m_open.rbegin(); it != m_open.rend(); ++it)
            if (it->type == MD_BLOCK_LI) return it->id;
        for (auto it = m_open.rbegin(); it != m_open.rend(); ++it)
            if (is_prose_block(it->type)) return it->id;
        return 0;
    }

    const Open* prose_block() const {
        for (auto it = m_open.rbegin(); it != m_open.rend(); ++it)
            if (is_prose_block(it->type)) return &*it;
        return nullptr;
    }

    bool in_quote() const {
        return std::any_of(m_open.begin(), m_open.end(), [](const Open& o) { return o.type == MD_BLOCK_QUOTE; });
    }

    void flush() {
        const Open* block = prose_block();
        if (block && trim(m_cur.text).size() > 0) {
            std::string& t = m_cur.text;
            // {{< value key >}} shows one value: one word.
            for (size_t open = t.find("{{<"); open != std::string::npos; open = t.find("{{<", open)) {
                size_t close = t.find(">}}", open + 3);
                if (close == std::string::npos) break;
                mask(t, open, close + 3, k_mask_word);
                open = close + 3;
            }
            // A callout's first line, [!NOTE], is markup.
            if (in_quote() && starts_with(t, "[!")) {
                size_t close = t.find(']');
                if (close != std::string::npos &&
                    std::all_of(t.begin() + 2, t.begin() + long(close), [](char c) { return isalpha((unsigned char)c); }))
                    mask(t, 0, close + 1, k_mask_skip);
            }
            m_cur.kind = kind_of(block->type);
            m_cur.passage = passage();
            m_blocks.push_back(std::move(m_cur));
        }
        m_cur = ProseBlock{};
    }

    bool collecting() const { return m_skip_depth == 0 && m_image_depth == 0 && prose_block() != nullptr; }

    void append(std::string_view s, const char* src, bool exact) {
        const char* begin = m_file.data();
        bool inside = src >= begin && src < begin + m_file.size();
        size_t offset = inside ? size_t(src - begin) : m_last_src;
        if (inside) m_last_src = offset + s.size();
        if (!collecting()) return;
        m_cur.chunks.push_back({m_cur.text.size(), offset, inside && exact});
        m_cur.text += s;
    }

    int enter_block(MD_BLOCKTYPE type, void*) {
        flush();
        if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) ++m_skip_depth;
        if (is_prose_block(type) || type == MD_BLOCK_QUOTE) m_open.push_back({type, m_next_id++});
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type) {
        flush();
        if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) --m_skip_depth;
        if ((is_prose_block(type) || type == MD_BLOCK_QUOTE) && !m_open.empty()) m_open.pop_back();
        return 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        if (type == MD_SPAN_IMG) ++m_image_depth;
        if (type == MD_SPAN_CODE) ++m_code_span;
        if (type == MD_SPAN_A) {
            auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
            m_links.push_back({m_cur.text.size(), d->href.text ? std::string(d->href.text, d->href.size) : ""});
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type) {
        if (type == MD_SPAN_IMG) --m_image_depth;
        if (type == MD_SPAN_CODE) --m_code_span;
        if (type == MD_SPAN_A && !m_links.empty()) {
            Link link = std::move(m_links.back());
            m_links.pop_back();
            // An autolink (or a link whose text is its URL) shows a URL, not words.
            if (link.start <= m_cur.text.size()) {
                std::string shown = m_cur.text.substr(link.start);
                const std::string& h = link.href;
                if (!shown.empty() && (shown == h || "mailto:" + shown == h || "http://" + shown == h ||
                                       "https://" + shown == h))
                    mask(m_cur.text, link.start, m_cur.text.size(), k_mask_skip);
            }
        }
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n) {
        std::string_view t(s, n);
        switch (type) {
            case MD_TEXT_NORMAL: append(t, s, true); break;
            case MD_TEXT_CODE: append(std::string(n, k_mask_word), s, true); break;
            case MD_TEXT_HTML: append(std::string(n, k_mask_skip), s, true); break;
            case MD_TEXT_ENTITY: append(decode_entity(t), s, false); break;
            case MD_TEXT_SOFTBR:
            case MD_TEXT_BR: append(m_code_span ? std::string(1, k_mask_word) : " ", s, false); break;
            case MD_TEXT_NULLCHAR: append(std::string(1, k_mask_skip), s, false); break;
            default: append(std::string(n, k_mask_skip), s, true); break;
        }
        return 0;
    }
};

}  // namespace

std::vector<ProseBlock> extract_prose(std::string_view file_text, size_t body_offset) {
    ProseWalker w(file_text, body_offset);
    return w.run();
}

}  // namespace tk
