#include "check/target.h"

#include "util/strings.h"

namespace tk {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The scheme of an absolute URL, lower case ("HTTPS://x" -> "https"), or "".
std::string scheme_of(std::string_view href) {
    if (href.empty() || !is_alpha(href[0])) return "";
    for (size_t i = 1; i < href.size(); ++i) {
        char c = href[i];
        if (c == ':') return to_lower_ascii(href.substr(0, i));
        if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return "";
    }
    return "";
}

/// Browsers drop leading and trailing spaces and controls, and tabs and newlines anywhere.
std::string clean_href(std::string_view href) {
    size_t b = 0, e = href.size();
    while (b < e && static_cast<unsigned char>(href[b]) <= 0x20) ++b;
    while (e > b && static_cast<unsigned char>(href[e - 1]) <= 0x20) --e;
    std::string out;
    out.reserve(e - b);
    for (size_t i = b; i < e; ++i)
        if (href[i] != '\t' && href[i] != '\n' && href[i] != '\r') out += href[i];
    return out;
}

/// Splits "path?query#fragment" into its path and fragment.
void split_path(std::string_view url, std::string_view& path, std::string_view& fragment, bool& has_fragment) {
    size_t hash = url.find('#');
    has_fragment = hash != std::string_view::npos;
    fragment = has_fragment ? url.substr(hash + 1) : std::string_view{};
    std::string_view rest = url.substr(0, hash);
    path = rest.substr(0, rest.find('?'));
}

/// A path inside the base ("/toolkit/x/" with base "/toolkit/") becomes a site path ("/x/").
Target internal_or_outside(std::string path, std::string_view fragment, bool has_fragment, const BaseUrl& base) {
    Target t;
    t.fragment = percent_decode(fragment);
    t.has_fragment = has_fragment;
    std::string_view bp = base.path;
    std::string_view bare = bp.substr(0, bp.size() - 1);  // "/toolkit"
    if (starts_with(path, bp)) {
        t.kind = Target::Kind::Internal;
        t.path = "/" + percent_decode(std::string_view(path).substr(bp.size()));
    } else if (path == bare && !bare.empty()) {
        t.kind = Target::Kind::Internal;
        t.path = "/";
    } else {
        t.kind = Target::Kind::Outside;
        t.path = std::move(path);
    }
    return t;
}

}  // namespace

std::string remove_dot_segments(std::string_view path) {
    std::vector<std::string_view> out;
    auto parts = split(path, '/');
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string_view p = parts[i];
        bool last = i + 1 == parts.size();
        if (p == ".") {
            if (last) out.push_back("");
            continue;
        }
        if (p == "..") {
            if (out.size() > 1) out.pop_back();
            if (last) out.push_back("");
            continue;
        }
        if (p.empty() && i != 0 && !last) continue;  // "a//b" is kept by servers, but dropped here
        out.push_back(p);
    }
    std::string r;
    for (size_t i = 0; i < out.size(); ++i) {
        if (i) r += '/';
        r += out[i];
    }
    if (r.empty() || r[0] != '/') r = "/" + r;
    return r;
}

std::string percent_decode(std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += char(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

Target classify_link(std::string_view raw, std::string_view page_url, const BaseUrl& base, std::string_view base_href) {
    std::string href = clean_href(raw);
    Target t;
    if (href.empty()) return t;  // the page itself
    if (starts_with(href, "//")) href = (starts_with(base.origin, "http://") ? "http:" : "https:") + href;
    std::string scheme = scheme_of(href);
    if (!scheme.empty() && scheme != "http" && scheme != "https") return t;  // mailto:, tel:, data: ...

    if (!scheme.empty()) {
        // On the site's own origin: check the file instead of asking the network.
        const std::string& o = base.origin;
        if (!o.empty() && href.size() >= o.size() && to_lower_ascii(href.substr(0, o.size())) == to_lower_ascii(o) &&
            (href.size() == o.size() || href[o.size()] == '/' || href[o.size()] == '?' || href[o.size()] == '#')) {
            std::string_view rest = std::string_view(href).substr(o.size());
            std::string_view path, fragment;
            bool has_fragment;
            split_path(rest, path, fragment, has_fragment);
            return internal_or_outside(remove_dot_segments(path.empty() ? "/" : path), fragment, has_fragment, base);
        }
        t.kind = Target::Kind::External;
        t.path = href.substr(0, href.find('#'));
        size_t hash = href.find('#');
        t.has_fragment = hash != std::string::npos;
        if (t.has_fragment) t.fragment = percent_decode(std::string_view(href).substr(hash + 1));
        return t;
    }

    // Relative: against <base href> when the page has one, else the page's own URL.
    std::string page(page_url);
    if (!base_href.empty()) {
        Target b = classify_link(base_href, page_url, base);
        if (b.kind == Target::Kind::External) {
            // A <base> elsewhere makes every relative link external.
            std::string joined = b.path;
            if (href[0] == '/') {
                size_t host_end = joined.find('/', joined.find("://") + 3);
                joined = joined.substr(0, host_end) + href;
            } else {
                joined = joined.substr(0, joined.rfind('/') + 1) + href;
            }
            return classify_link(joined, page_url, base);
        }
        if (b.kind == Target::Kind::Internal) page = base.path + b.path.substr(1);
    }
    std::string_view path, fragment;
    bool has_fragment;
    split_path(href, path, fragment, has_fragment);
    std::string full;
    if (href[0] == '/') {
        full = std::string(path);
    } else if (path.empty()) {
        full = page.substr(0, page.find_first_of("?#"));  // "?q" and "#x" stay on this page
    } else {
        full = page.substr(0, page.rfind('/') + 1) + std::string(path);
    }
    return internal_or_outside(remove_dot_segments(full), fragment, has_fragment, base);
}

void SiteFiles::add_file(std::string rel) { m_files.insert(std::move(rel)); }
void SiteFiles::add_dir(std::string rel) { m_dirs.insert(std::move(rel)); }

std::string SiteFiles::expected_file(std::string_view site_path) {
    std::string p(site_path.empty() ? "/" : site_path);
    p.erase(0, 1);
    if (p.empty() || p.back() == '/') p += "index.html";
    return p;
}

std::optional<std::string> SiteFiles::resolve(std::string_view site_path) const {
    std::string p = expected_file(site_path);
    if (m_files.count(p)) return p;
    if (!site_path.empty() && site_path.back() != '/') {
        std::string dir(site_path.substr(1));
        if (m_dirs.count(dir) && m_files.count(dir + "/index.html")) return dir + "/index.html";
    }
    return std::nullopt;
}

std::string served_url(std::string_view rel_file, const BaseUrl& base) {
    std::string r(rel_file);
    if (r == "index.html") r.clear();
    else if (ends_with(r, "/index.html")) r.resize(r.size() - std::string_view("index.html").size());
    return base.path + r;
}

}  // namespace tk
