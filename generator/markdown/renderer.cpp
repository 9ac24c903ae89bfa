#include "markdown/renderer.h"

#include <md4c.h>

#include <cstring>

#include "util/slug.h"
#include "util/strings.h"

namespace tk {

void MarkdownHooks::text(std::string_view text, bool, std::string& out) { html_escape_to(out, text); }

std::string strip_tags(std::string_view html) {
    std::string out;
    bool in_tag = false;
    for (size_t i = 0; i < html.size(); ++i) {
        char c = html[i];
        if (in_tag) {
            if (c == '>') in_tag = false;
            continue;
        }
        if (c == '<') { in_tag = true; continue; }
        if (c == '&') {
            static const std::pair<const char*, const char*> ents[] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
            bool done = false;
            for (auto [e, r] : ents) {
                size_t n = std::strlen(e);
                if (html.substr(i, n) == e) {
                    out += r;
                    i += n - 1;
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        out += c;
    }
    return out;
}

namespace {

struct Chunk {
    size_t buf_offset;
    const char* src;  // where this chunk's text starts in the source, or nullptr
};

struct QuoteState {
    size_t out_offset;
    bool first_para_pending = true;
    bool alert = false;
};

const char* k_alert_kinds[] = {"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"};
const char* k_alert_titles[] = {"Note", "Tip", "Important", "Warning", "Caution"};

class Renderer {
public:
    explicit Renderer(const MarkdownInput& in) : m_in(in) { m_hooks = in.hooks ? in.hooks : &m_default_hooks; }

    RenderedMarkdown run() {
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = MD_DIALECT_GITHUB;
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->enter_block(t, d); };
        parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->leave_block(t, d); };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->enter_span(t, d); };
        parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->leave_span(t, d); };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
            return static_cast<Renderer*>(u)->text(t, s, n);
        };
        std::string_view body = m_in.text.substr(m_in.body_offset);
        m_out.html.reserve(body.size() * 5 / 4);
        md_parse(body.data(), MD_SIZE(body.size()), &parser, this);
        flush();
        return std::move(m_out);
    }

private:
    const MarkdownInput& m_in;
    MarkdownHooks m_default_hooks;
    MarkdownHooks* m_hooks;
    RenderedMarkdown m_out;
    std::string& out() { return m_image_depth ? m_alt : m_out.html; }

    std::string m_pending;
    std::vector<Chunk> m_chunks;
    std::vector<QuoteState> m_quotes;
    std::vector<size_t> m_para_starts;
    size_t m_heading_start = 0;
    int m_heading_level = 0;
    int m_link_depth = 0;
    int m_image_depth = 0;
    std::string m_alt;
    std::string m_img_src, m_img_title;
    bool m_skip_leading_newline = false;
    SlugCounter m_slugs;

    // md4c reports links in source order: lines are counted on from the last one asked for.
    mutable LineCursor m_lines{m_in.text};

    SourceLocation loc_of(const char* p) const {
        const char* begin = m_in.text.data();
        if (p < begin || p > begin + m_in.text.size()) return {m_in.path, 0, 0};
        auto lc = m_lines.at(size_t(p - begin));
        return {m_in.path, lc.line, lc.col};
    }

    /// md4c's attribute text points into the input unless it held escapes or entities;
    /// then the first occurrence of the text after `hint` in the source is the best guess.
    SourceLocation loc_of_attr(const MD_ATTRIBUTE& a, const std::string& value) const {
        const char* begin = m_in.text.data();
        if (a.text >= begin && a.text < begin + m_in.text.size()) return loc_of(a.text);
        size_t pos = m_in.text.find(value, m_in.body_offset);
        if (pos != std::string_view::npos) return loc_of(begin + pos);
        return {m_in.path, 0, 0};
    }

    static std::string attr_text(const MD_ATTRIBUTE& a) {
        std::string s;
        if (!a.text) return s;
        for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
            MD_OFFSET b = a.substr_offsets[i], e = a.substr_offsets[i + 1];
            std::string_view piece(a.text + b, e - b);
            if (a.substr_types[i] == MD_TEXT_ENTITY) {
                std::string dec = strip_tags(piece);
                s += dec;
            } else if (a.substr_types[i] == MD_TEXT_NULLCHAR) {
                s += "\xEF\xBF\xBD";
            } else {
                s += piece;
            }
        }
        return s;
    }

    void pend(const char* s, size_t n) {
        m_chunks.push_back({m_pending.size(), s});
        m_pending.append(s, n);
    }

    void flush() {
        if (m_pending.empty()) return;
        std::string text = std::move(m_pending);
        std::vector<Chunk> chunks = std::move(m_chunks);
        m_pending.clear();
        m_chunks.clear();
        std::string_view view = text;
        if (!m_quotes.empty() && m_quotes.back().first_para_pending && !m_para_starts.empty()) {
            m_quotes.back().first_para_pending = false;
            size_t skip = detect_alert(view);
            view.remove_prefix(skip);
            if (skip) m_skip_leading_newline = true;
        }
        if (m_skip_leading_newline) {
            while (!view.empty() && (view[0] == '\n' || view[0] == ' ')) view.remove_prefix(1);
            if (!view.empty()) m_skip_leading_newline = false;
        }
        size_t base = size_t(view.data() - text.data());
        // Shortcodes: {{< name args >}}
        size_t pos = 0;
        bool plain_only = m_link_depth > 0 || m_heading_level > 0 || m_image_depth > 0;
        while (pos < view.size()) {
            size_t open = view.find("{{<", pos);
            if (open == std::string_view::npos) break;
            size_t close = view.find(">}}", open + 3);
            if (close == std::string_view::npos) break;
            emit_text(view.substr(pos, open - pos), plain_only);
            std::string_view inner = trim(view.substr(open + 3, close - open - 3));
            size_t sp = inner.find_first_of(" \t");
            std::string_view name = inner.substr(0, sp);
            std::string_view args = sp == std::string_view::npos ? std::string_view{} : trim(inner.substr(sp));
            SourceLocation loc = chunk_loc(chunks, base + open);
            auto html = m_hooks->shortcode(name, args, loc);
            if (html) out() += m_image_depth ? strip_tags(*html) : *html;
            pos = close + 3;
        }
        emit_text(view.substr(pos), plain_only);
    }

    SourceLocation chunk_loc(const std::vector<Chunk>& chunks, size_t buf_offset) const {
        const Chunk* c = nullptr;
        for (const auto& ch : chunks)
            if (ch.buf_offset <= buf_offset) c = &ch;
        if (c && c->src) return loc_of(c->src + (buf_offset - c->buf_offset));
        return {m_in.path, 0, 0};
    }

    void emit_text(std::string_view t, bool plain_only) {
        if (t.empty()) return;
        if (m_image_depth) {
            m_alt += t;
            return;
        }
        m_hooks->text(t, plain_only, m_out.html);
    }

    /// Turns the current blockquote into a callout when its text starts with [!KIND].
    size_t detect_alert(std::string_view text) {
        if (!starts_with(text, "[!")) return 0;
        size_t close = text.find(']');
        if (close == std::string_view::npos) return 0;
        std::string kind(text.substr(2, close - 2));
        for (char& c : kind) c = char(toupper(static_cast<unsigned char>(c)));
        for (int k = 0; k < 5; ++k) {
            if (kind != k_alert_kinds[k]) continue;
            QuoteState& q = m_quotes.back();
            std::string lower = to_lower_ascii(kind);
            std::string open = "<div class=\"callout callout--" + lower + "\" role=\"note\" aria-label=\"" +
                               k_alert_titles[k] + "\">\n<p class=\"callout__title\">" + k_alert_titles[k] + "</p>\n";
            std::string& html = m_out.html;
            const std::string old = "<blockquote>\n";
            if (html.compare(q.out_offset, old.size(), old) == 0) {
                html.replace(q.out_offset, old.size(), open);
                for (auto& ps : m_para_starts)
                    if (ps > q.out_offset) ps += open.size() - old.size();
                q.alert = true;
                return close + 1;
            }
        }
        return 0;
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        flush();
        std::string& h = m_out.html;
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_QUOTE:
                m_quotes.push_back({h.size()});
                h += "<blockquote>\n";
                break;
            case MD_BLOCK_UL: {
                auto* d = static_cast<MD_BLOCK_UL_DETAIL*>(detail);
                (void)d;
                h += "<ul>\n";
                break;
            }
            case MD_BLOCK_OL: {
                auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
                if (d->start != 1) h += "<ol start=\"" + std::to_string(d->start) + "\">\n";
                else h += "<ol>\n";
                break;
            }
            case MD_BLOCK_LI: {
                auto* d = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
                if (d->is_task) {
                    bool done = d->task_mark == 'x' || d->task_mark == 'X';
                    h += done ? "<li class=\"task task--done\"><span class=\"task__box\" aria-hidden=\"true\">&#9745;</span>"
                                "<span class=\"visually-hidden\">Done: </span>"
                              : "<li class=\"task\"><span class=\"task__box\" aria-hidden=\"true\">&#9744;</span>"
                                "<span class=\"visually-hidden\">To do: </span>";
                } else {
                    h += "<li>";
                }
                break;
            }
            case MD_BLOCK_HR: h += "<hr>\n"; break;
            case MD_BLOCK_H: {
                auto* d = static_cast<MD_BLOCK_H_DETAIL*>(detail);
                m_heading_level = int(d->level);
                m_heading_start = h.size();
                break;
            }
            case MD_BLOCK_CODE: {
                auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
                std::string lang = attr_text(d->lang);
                if (lang.empty()) h += "<pre><code>";
                else h += "<pre><code class=\"language-" + attr_escape(lang) + "\">";
                break;
            }
            case MD_BLOCK_HTML:
                if (!m_in.unsafe_html) h += "<p class=\"escaped-html\">";
                break;
            case MD_BLOCK_P:
                m_para_starts.push_back(h.size());
                h += "<p>";
                break;
            case MD_BLOCK_TABLE: h += "<div class=\"table-wrap\">\n<table>\n"; break;
            case MD_BLOCK_THEAD: h += "<thead>\n"; break;
            case MD_BLOCK_TBODY: h += "<tbody>\n"; break;
            case MD_BLOCK_TR: h += "<tr>"; break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                auto* d = static_cast<MD_BLOCK_TD_DETAIL*>(detail);
                const char* tag = type == MD_BLOCK_TH ? "th" : "td";
                h += "<";
                h += tag;
                if (type == MD_BLOCK_TH) h += " scope=\"col\"";
                if (d->align == MD_ALIGN_CENTER) h += " class=\"align-center\"";
                else if (d->align == MD_ALIGN_RIGHT) h += " class=\"align-right\"";
                h += ">";
                break;
            }
            default: break;
        }
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type, void* detail) {
        flush();
        std::string& h = m_out.html;
        switch (type) {
            case MD_BLOCK_QUOTE: {
                bool alert = !m_quotes.empty() && m_quotes.back().alert;
                if (!m_quotes.empty()) m_quotes.pop_back();
                h += alert ? "</div>\n" : "</blockquote>\n";
                break;
            }
            case MD_BLOCK_UL: h += "</ul>\n"; break;
            case MD_BLOCK_OL: h += "</ol>\n"; break;
            case MD_BLOCK_LI: h += "</li>\n"; break;
            case MD_BLOCK_H: {
                std::string inner = h.substr(m_heading_start);
                h.resize(m_heading_start);
                std::string plain = std::string(trim(strip_tags(inner)));
                std::string id = m_slugs.unique(plain);
                int level = m_heading_level;
                m_heading_level = 0;
                h += "<h" + std::to_string(level) + " id=\"" + attr_escape(id) + "\">" + inner + "</h" +
                     std::to_string(level) + ">\n";
                m_out.headings.push_back({level, plain, id});
                break;
            }
            case MD_BLOCK_CODE: h += "</code></pre>\n"; break;
            case MD_BLOCK_HTML:
                if (!m_in.unsafe_html) h += "</p>\n";
                break;
            case MD_BLOCK_P: {
                size_t start = m_para_starts.empty() ? std::string::npos : m_para_starts.back();
                if (!m_para_starts.empty()) m_para_starts.pop_back();
                if (start != std::string::npos && h.size() == start + 3) {
                    h.resize(start);  // the paragraph held only an alert marker
                } else {
                    h += "</p>\n";
                }
                m_skip_leading_newline = false;
                break;
            }
            case MD_BLOCK_TABLE: h += "</table>\n</div>\n"; break;
            case MD_BLOCK_THEAD: h += "</thead>\n"; break;
            case MD_BLOCK_TBODY: h += "</tbody>\n"; break;
            case MD_BLOCK_TR: h += "</tr>\n"; break;
            case MD_BLOCK_TH: h += "</th>"; break;
            case MD_BLOCK_TD: h += "</td>"; break;
            default: break;
        }
        return 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        flush();
        if (m_image_depth && type != MD_SPAN_IMG) return 0;
        std::string& h = m_out.html;
        switch (type) {
            case MD_SPAN_EM: h += "<em>"; break;
            case MD_SPAN_STRONG: h += "<strong>"; break;
            case MD_SPAN_DEL: h += "<del>"; break;
            case MD_SPAN_U: h += "<u>"; break;
            case MD_SPAN_CODE: h += "<code>"; break;
            case MD_SPAN_A: {
                auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
                std::string href = attr_text(d->href);
                SourceLocation loc = loc_of_attr(d->href, href);
                if (!d->href.text || d->href.size == 0) loc = {m_in.path, 0, 0};
                m_out.links.push_back({href, false, loc, {}});
                std::string target = m_hooks->link(href, false, loc);
                m_out.links.back().url = target;
                h += "<a href=\"" + attr_escape(target) + "\"";
                std::string title = attr_text(d->title);
                if (!title.empty()) h += " title=\"" + attr_escape(title) + "\"";
                h += ">";
                ++m_link_depth;
                break;
            }
            case MD_SPAN_IMG: {
                auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
                if (m_image_depth++ == 0) {
                    std::string src = attr_text(d->src);
                    SourceLocation loc = loc_of_attr(d->src, src);
                    m_out.links.push_back({src, true, loc, {}});
                    m_img_src = m_hooks->link(src, true, loc);
                    m_out.links.back().url = m_img_src;
                    m_img_title = attr_text(d->title);
                    m_alt.clear();
                }
                break;
            }
            default: break;
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type, void* detail) {
        flush();
        if (type == MD_SPAN_IMG) {
            if (--m_image_depth == 0) {
                std::string& h = m_out.html;
                h += "<img src=\"" + attr_escape(m_img_src) + "\" alt=\"" + attr_escape(m_alt) + "\"";
                if (!m_img_title.empty()) h += " title=\"" + attr_escape(m_img_title) + "\"";
                h += " loading=\"lazy\">";
            }
            return 0;
        }
        if (m_image_depth) return 0;
        std::string& h = m_out.html;
        switch (type) {
            case MD_SPAN_EM: h += "</em>"; break;
            case MD_SPAN_STRONG: h += "</strong>"; break;
            case MD_SPAN_DEL: h += "</del>"; break;
            case MD_SPAN_U: h += "</u>"; break;
            case MD_SPAN_CODE: h += "</code>"; break;
            case MD_SPAN_A:
                h += "</a>";
                --m_link_depth;
                break;
            default: break;
        }
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n) {
        std::string_view t(s, n);
        switch (type) {
            case MD_TEXT_NORMAL: pend(s, n); break;
            case MD_TEXT_SOFTBR: pend("\n", 1); m_chunks.back().src = nullptr; break;
            case MD_TEXT_BR:
                flush();
                if (!m_image_depth) m_out.html += "<br>\n";
                break;
            case MD_TEXT_CODE:
                flush();
                if (m_image_depth) m_alt += t;
                else html_escape_to(m_out.html, t);
                break;
            case MD_TEXT_HTML: {
                flush();
                m_out.raw_html.push_back(loc_of(s));
                if (m_in.unsafe_html) m_out.html += t;
                else html_escape_to(out(), t);
                break;
            }
            case MD_TEXT_ENTITY:
                flush();
                if (m_image_depth) m_alt += strip_tags(t);
                else m_out.html += t;
                break;
            case MD_TEXT_NULLCHAR:
                flush();
                out() += "\xEF\xBF\xBD";
                break;
            default:
                flush();
                html_escape_to(out(), t);
                break;
        }
        return 0;
    }
};

}  // namespace

RenderedMarkdown render_markdown(const MarkdownInput& in) {
    Renderer r(in);
    return r.run();
}

}  // namespace tk
