#include "util/slug.h"

#include "util/strings.h"

namespace tk {

namespace {
bool is_punct_cp(char32_t cp) {
    if (cp < 0x80) {
        char c = char(cp);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
        if (c == '-' || c == '_' || c == ' ') return false;
        return true;
    }
    // General punctuation, Latin-1 punctuation and symbols, CJK punctuation, typographic quotes and dashes.
    if (cp >= 0x2000 && cp <= 0x206F) return true;
    if (cp >= 0x00A1 && cp <= 0x00BF && cp != 0x00AA && cp != 0x00B5 && cp != 0x00BA) return true;
    if (cp == 0x00D7 || cp == 0x00F7) return true;
    if (cp >= 0x3000 && cp <= 0x303F) return true;
    if (cp >= 0x2190 && cp <= 0x2BFF) return true;  // arrows, maths, technical, shapes, dingbats
    if (cp >= 0x1F000) return true;                // emoji
    return false;
}

char32_t lower_cp(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp - 'A' + 'a';
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 0x20;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    return cp;
}
}  // namespace

std::string github_slug(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        char32_t cp = next_code_point(text, i);
        if (is_punct_cp(cp)) continue;
        if (cp == ' ') { out += '-'; continue; }
        append_utf8(out, lower_cp(cp));
    }
    return out;
}

std::string SlugCounter::unique(std::string_view heading_text) {
    std::string base = github_slug(heading_text);
    auto it = m_seen.find(base);
    if (it == m_seen.end()) {
        m_seen[base] = 0;
        return base;
    }
    // GitHub counts repeats of the base text; a generated "x-1" can still collide with a real "x-1".
    for (;;) {
        std::string candidate = base + "-" + std::to_string(++it->second);
        if (!m_seen.count(candidate)) {
            m_seen[candidate] = 0;
            return candidate;
        }
    }
}

std::string title_from_slug(std::string_view slug) {
    std::string out;
    for (char c : slug) out += (c == '-' || c == '_') ? ' ' : c;
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

}  // namespace tk
