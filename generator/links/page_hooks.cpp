#include "links/page_hooks.h"

#include "util/strings.h"

namespace tk {

std::string PageHooks::link(std::string_view href, bool image, const SourceLocation& loc) {
    return use(m_resolver.resolve(m_page, href, image), href, loc);
}

std::string PageHooks::use(const Resolution& r, std::string_view href, const SourceLocation& loc) {
    switch (r.kind) {
        case Resolution::Broken:
            m_diags.error(loc, r.error, m_page.text);
            return std::string(href);
        case Resolution::Page:
            linked_pages.push_back(size_t(r.target));
            if (!r.anchor.empty()) anchors.push_back({r.target, r.anchor, loc});
            break;
        case Resolution::SelfAnchor:
            anchors.push_back({-2, r.anchor, loc});
            break;
        case Resolution::SitePath:
            if (!r.anchor.empty() && starts_with(href, "/glossary/")) anchors.push_back({-1, r.anchor, loc});
            break;
        default: break;
    }
    return r.url;
}

std::optional<std::string> PageHooks::shortcode(std::string_view name, std::string_view args, const SourceLocation& loc) {
    if (name != "value") {
        std::string msg = "unknown shortcode '" + std::string(name) + "'";
        if (auto n = nearest(name, {"value"})) msg += " (did you mean '" + *n + "'?)";
        m_diags.error(loc, msg, m_page.text);
        return std::nullopt;
    }
    auto parts = split(args, ' ');
    std::string key(trim(parts.empty() ? std::string_view{} : parts[0]));
    if (key.empty()) {
        m_diags.error(loc, "the value shortcode needs a key: {{< value thresholds.goods_and_services >}}", m_page.text);
        return std::nullopt;
    }
    std::string value, error;
    if (!m_data.format_value(key, value, error)) {
        m_diags.error(loc, error, m_page.text);
        return std::nullopt;
    }
    std::string html = html_escape(value);
    // "from 1 January 2026" where that matters: `{{< value key from >}}`.
    if (parts.size() > 1 && trim(parts[1]) == "from") {
        std::string date, err2;
        if (m_data.format_value(key + ".effective_from", date, err2)) html += " (from " + html_escape(date) + ")";
        else {
            m_diags.error(loc, "value '" + key + "' has no effective_from date", m_page.text);
        }
    }
    return html;
}

void PageHooks::text(std::string_view text, bool plain_only, std::string& out) {
    if (plain_only || m_data.abbr_index.empty()) {
        html_escape_to(out, text);
        return;
    }
    auto is_word = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               (static_cast<unsigned char>(c) >= 0x80);
    };
    size_t i = 0, last = 0;
    while (i < text.size()) {
        if (!is_word(text[i])) { ++i; continue; }
        size_t start = i;
        while (i < text.size() && is_word(text[i])) ++i;
        // No abbreviation starts so, or is this long (with a plural s): not one.
        if (!m_data.abbr_first[static_cast<unsigned char>(text[start])] || i - start > m_data.abbr_max_len + 1) continue;
        std::string word(text.substr(start, i - start));
        // "SMEs" is a use of "SME".
        std::string key = word;
        auto it = m_data.abbr_index.find(key);
        if (it == m_data.abbr_index.end() && word.size() > 2 && word.back() == 's') {
            key = word.substr(0, word.size() - 1);
            it = m_data.abbr_index.find(key);
        }
        if (it == m_data.abbr_index.end() || abbreviations.count(key)) continue;
        abbreviations.insert(key);
        const GlossaryTerm& g = m_data.glossary[it->second];
        html_escape_to(out, text.substr(last, start - last));
        out += "<a class=\"abbr-link\" href=\"" + attr_escape(m_base.rel("/glossary/")) + "#" + g.anchor + "\"><abbr title=\"" +
               attr_escape(g.term) + "\">" + html_escape(word) + "</abbr></a>";
        last = i;
    }
    html_escape_to(out, text.substr(last));
}

}  // namespace tk
