#include "util/strings.h"

#include <cstdint>
#include <cstring>

#include <algorithm>

namespace tk {

void html_escape_to(std::string& out, std::string_view s, bool apostrophe) {
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const char* rep;
        switch (s[i]) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'':
                if (!apostrophe) continue;
                rep = "&apos;";
                break;
            default: continue;
        }
        out.append(s.data() + run, i - run);
        out += rep;
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    html_escape_to(out, s);
    return out;
}

std::string attr_escape(std::string_view s) { return html_escape(s); }

std::string xml_escape(std::string_view s) {
    std::string out = html_escape(s);
    std::string res;
    res.reserve(out.size());
    for (char c : out) {
        if (c == '\'') res += "&apos;";
        else res += c;
    }
    return res;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    return s.substr(b, e - b);
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

std::optional<size_t> find_invalid_utf8(std::string_view s) {
    size_t i = 0;
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size()) {
        // Eight bytes at a time while they are all ASCII (most of a page).
        if (uint64_t w; i + 8 <= s.size() && (std::memcpy(&w, b + i, 8), (w & 0x8080808080808080ULL) == 0)) {
            i += 8;
            continue;
        }
        unsigned char c = b[i];
        int n = 0;
        char32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return i;
        if (i + n >= s.size()) return i;
        for (int k = 1; k <= n; ++k) {
            if ((b[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return std::nullopt;
}

char32_t next_code_point(std::string_view s, size_t& i) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    unsigned char c = b[i];
    int n = 0;
    char32_t cp;
    if (c < 0x80) { ++i; return c; }
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else { ++i; return 0xFFFD; }
    if (i + n >= s.size()) { ++i; return 0xFFFD; }
    for (int k = 1; k <= n; ++k) {
        if ((b[i + k] & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    i += n + 1;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    }
}

LineCol line_col_at(std::string_view text, size_t offset) { return LineCursor(text).at(offset); }

LineCol LineCursor::at(size_t offset) {
    offset = std::min(offset, m_text.size());
    if (offset < m_at) m_at = 0, m_line_start = 0, m_line = 1;
    const char* begin = m_text.data();
    for (const void* nl; (nl = std::memchr(begin + m_at, '\n', offset - m_at));) {
        ++m_line;
        m_at = m_line_start = size_t(static_cast<const char*>(nl) - begin) + 1;
    }
    m_at = offset;
    int col = 1;
    for (size_t i = m_line_start; i < offset; ++i)
        if ((static_cast<unsigned char>(begin[i]) & 0xC0) != 0x80) ++col;
    return {m_line, col};
}

std::string_view line_at(std::string_view text, int line) {
    size_t start = 0;
    for (int l = 1; l < line; ++l) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view r = text.substr(start, end - start);
    if (!r.empty() && r.back() == '\r') r.remove_suffix(1);
    return r;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: a swap of two neighbouring letters ("titel") is one edit.
    std::vector<size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    auto low = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t sub = prev[j - 1] + (low(a[i - 1]) == low(b[j - 1]) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
            if (i > 1 && j > 1 && low(a[i - 1]) == low(b[j - 2]) && low(a[i - 2]) == low(b[j - 1]))
                cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        before.swap(prev);
        prev.swap(cur);
    }
    return prev[b.size()];
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += i + 1 == items.size() ? " or " : ", ";
        out += "'" + items[i] + "'";
    }
    return out;
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    size_t best_d = SIZE_MAX;
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best_d || (d == best_d && best && c < *best)) {
            best_d = d;
            best = c;
        }
    }
    if (!best) return std::nullopt;
    // Near enough: a third of the longer word, at least 1, at most 4 edits.
    size_t len = std::max(word.size(), best->size());
    size_t limit = std::clamp<size_t>(len / 3, 1, 4);
    if (best_d == 0 || best_d > limit) return std::nullopt;
    return best;
}

std::string normalise_newlines(std::string_view s) {
    if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
    if (s.find('\r') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out += s[i];
    }
    return out;
}

std::string format_thousands(long long n) {
    bool neg = n < 0;
    std::string digits = std::to_string(neg ? -n : n);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count && count % 3 == 0) out += ',';
        out += *it;
        ++count;
    }
    if (neg) out += '-';
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace tk
