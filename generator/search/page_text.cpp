#include "search/page_text.h"

#include <cstring>

#include "util/strings.h"

namespace tk {

namespace {

bool is_heading(std::string_view name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

/// Appends text, collapsing runs of whitespace into one space (none at the start of `out`).
void append_text(std::string& out, std::string_view s) {
    size_t old = out.size();
    bool after_space = old == 0 || out[old - 1] == ' ';
    out.resize(old + s.size());  // at most this much; one pass, no append per word
    char* o = out.data() + old;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!after_space) *o++ = ' ';
            after_space = true;
        } else {
            *o++ = c;
            after_space = false;
        }
    }
    out.resize(size_t(o - out.data()));
}

/// Decodes the entity at html[i] ('&'), appending it; returns the index after it.
size_t decode_entity(std::string_view html, size_t i, std::string& out) {
    size_t semi = html.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
        out += '&';
        return i + 1;
    }
    std::string_view name = html.substr(i + 1, semi - i - 1);
    if (!name.empty() && name[0] == '#') {
        char32_t cp = 0;
        bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        for (size_t k = hex ? 2 : 1; k < name.size(); ++k) {
            char c = name[k];
            int d = (c >= '0' && c <= '9') ? c - '0' : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                     : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0) {
                out += '&';
                return i + 1;
            }
            cp = cp * (hex ? 16 : 10) + char32_t(d);
            if (cp > 0x10FFFF) cp = 0xFFFD;
        }
        append_utf8(out, cp);
        return semi + 1;
    }
    static const std::pair<const char*, const char*> k_named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
    for (auto [n, r] : k_named) {
        if (name == n) {
            out += r;
            return semi + 1;
        }
    }
    out += '&';
    return i + 1;
}

std::string decode_entities(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        if (s[i] == '&') {
            i = decode_entity(s, i, out);
        } else {
            out += s[i++];
        }
    }
    return out;
}

/// Value of attribute `attr` in a tag's text (`<h2 id="x" class="y"`), or "".
std::string attribute(std::string_view tag, std::string_view attr) {
    size_t at = 0;
    while ((at = tag.find(attr, at)) != std::string_view::npos) {
        bool start = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
        size_t eq = at + attr.size();
        if (start && eq + 1 < tag.size() && tag[eq] == '=' && (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
            size_t end = tag.find(tag[eq + 1], eq + 2);
            if (end == std::string_view::npos) return "";
            return decode_entities(tag.substr(eq + 2, end - eq - 2));
        }
        at = eq;
    }
    return "";
}

}  // namespace

std::vector<TextSection> page_sections(std::string_view html) {
    std::vector<TextSection> out(1);
    std::string* target = &out.back().text;  // the heading while inside one, else the section text
    std::string entity;                      // one decoded entity
    std::string skip_until;                  // end tag that ends a skipped element
    // Text goes straight into the target, its whitespace collapsed as it goes (append_text looks
    // at what the target ends with), unless it is inside a skipped element.
    size_t i = 0;
    while (i < html.size()) {
        char c = html[i];
        if (c == '&') {
            entity.clear();
            i = decode_entity(html, i, entity);
            if (skip_until.empty()) append_text(*target, entity);
            continue;
        }
        if (c != '<') {
            // Not find_first_of, which calls memchr on "<&" for every character of the page.
            size_t next = i + 1;
            while (next < html.size() && html[next] != '<' && html[next] != '&') ++next;
            if (skip_until.empty()) append_text(*target, html.substr(i, next - i));
            i = next;
            continue;
        }
        size_t end = html.find('>', i);
        if (end == std::string_view::npos) break;
        std::string_view tag = html.substr(i + 1, end - i - 1);
        i = end + 1;
        bool closing = !tag.empty() && tag[0] == '/';
        std::string_view body = closing ? tag.substr(1) : tag;
        size_t name_end = 0;
        while (name_end < body.size() && body[name_end] != ' ' && body[name_end] != '>' && body[name_end] != '/' &&
               body[name_end] != '\n')
            ++name_end;
        std::string_view name = body.substr(0, name_end);
        if (!skip_until.empty()) {
            if (closing && name == skip_until) skip_until.clear();
            continue;
        }
        if (!closing && name == "p" && tag.find("callout__title") != std::string_view::npos) {
            skip_until = std::string(name);
            continue;
        }
        if (is_heading(name)) {
            if (!closing) {
                std::string id = attribute(tag, "id");
                if (!id.empty()) {
                    TextSection s;
                    s.anchor = std::move(id);
                    out.push_back(std::move(s));
                    target = &out.back().heading;
                    continue;
                }
            } else if (target == &out.back().heading) {
                target = &out.back().text;
                continue;
            }
        }
        // Inline elements join words ("<em>lock</em>-in"); anything else ends a block of text.
        static const char* const k_inline[] = {"a", "abbr", "em", "strong", "code", "del", "s", "span", "b", "i",
                                               "mark", "sub", "sup", "kbd", "u", "small"};
        bool inline_tag = false;
        for (const char* t : k_inline) inline_tag = inline_tag || name == t;
        if (!inline_tag && !target->empty() && target->back() != ' ') *target += ' ';
    }
    for (auto& s : out) {
        s.heading = std::string(trim(s.heading));
        s.text = std::string(trim(s.text));
    }
    if (out.size() > 1 && out[0].text.empty()) out.erase(out.begin());
    return out;
}

}  // namespace tk
