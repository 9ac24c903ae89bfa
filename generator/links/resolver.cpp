#include "links/resolver.h"

#include <algorithm>

#include "util/strings.h"

namespace tk {

std::string relative_path(std::string_view from_dir, std::string_view to) {
    auto a = split(from_dir, '/');
    auto b = split(to, '/');
    if (from_dir.empty()) a.clear();
    size_t common = 0;
    while (common < a.size() && common + 1 < b.size() && a[common] == b[common]) ++common;
    std::string out;
    for (size_t i = common; i < a.size(); ++i) out += "../";
    for (size_t i = common; i < b.size(); ++i) {
        out += b[i];
        if (i + 1 < b.size()) out += '/';
    }
    return out;
}

LinkResolver::LinkResolver(const ContentTree& tree, const BaseUrl& base, std::unordered_set<std::string> generated)
    : m_tree(tree), m_base(base), m_paths(std::move(generated)) {
    for (const auto& p : tree.pages) {
        m_paths.insert(p.url);
        m_md_paths.push_back(p.rel_path);
    }
    for (const auto& f : tree.files) {
        m_files.insert(f.rel);
        m_paths.insert("/" + f.rel);
        m_file_paths.push_back(f.rel);
    }
}

bool LinkResolver::site_path_exists(std::string_view path) const {
    std::string p(path);
    if (m_paths.count(p)) return true;
    if (!p.empty() && p.back() != '/' && m_paths.count(p + "/")) return true;
    if (ends_with(p, "/index.html") && m_paths.count(p.substr(0, p.size() - 10))) return true;
    return false;
}

std::string LinkResolver::anchor_suggestion(std::string_view anchor, const std::vector<std::string>& ids) {
    if (auto n = nearest(anchor, ids)) return " (did you mean '#" + *n + "'?)";
    return "";
}

std::string LinkResolver::suggest_page(const Page& from, const std::string& resolved) const {
    // Compare file names first (the usual typo), then whole paths.
    std::string best;
    if (auto n = nearest(resolved, m_md_paths)) best = *n;
    if (best.empty()) {
        std::vector<std::string> names;
        std::string want = resolved.substr(resolved.rfind('/') + 1);
        for (const auto& p : m_md_paths) names.push_back(p.substr(p.rfind('/') + 1));
        if (auto n = nearest(want, names))
            for (const auto& p : m_md_paths)
                if (ends_with(p, "/" + *n) || p == *n) { best = p; break; }
    }
    if (best.empty()) return "";
    return " (did you mean '" + relative_path(from.dir, best) + "'?)";
}

std::string LinkResolver::suggest_file(const Page& from, const std::string& resolved) const {
    if (auto n = nearest(resolved, m_file_paths)) return " (did you mean '" + relative_path(from.dir, *n) + "'?)";
    return "";
}

Resolution LinkResolver::resolve(const Page& from, std::string_view href, bool image) const {
    Resolution r;
    std::string h(trim(href));
    if (h.empty()) {
        r.error = "empty link target";
        return r;
    }
    auto scheme = h.find(':');
    auto first_sep = h.find_first_of("/?#");
    if (scheme != std::string::npos && (first_sep == std::string::npos || scheme < first_sep)) {
        r.kind = Resolution::External;
        r.url = h;
        return r;
    }
    if (starts_with(h, "//")) {
        r.kind = Resolution::External;
        r.url = h;
        return r;
    }
    std::string frag;
    size_t hash = h.find('#');
    if (hash != std::string::npos) {
        frag = h.substr(hash + 1);
        h.resize(hash);
    }
    std::string query;
    size_t q = h.find('?');
    if (q != std::string::npos) {
        query = h.substr(q);
        h.resize(q);
    }
    if (h.empty()) {
        r.kind = Resolution::SelfAnchor;
        r.anchor = frag;
        r.url = "#" + frag;
        return r;
    }
    auto with_frag = [&](std::string url) { return url + query + (frag.empty() && hash == std::string::npos ? "" : "#" + frag); };

    if (h[0] == '/') {
        if (!site_path_exists(h)) {
            r.error = "no page or file at site path '" + h + "'";
            std::vector<std::string> paths(m_paths.begin(), m_paths.end());
            std::sort(paths.begin(), paths.end());
            if (auto n = nearest(h, paths)) r.error += " (did you mean '" + *n + "'?)";
            return r;
        }
        r.kind = Resolution::SitePath;
        r.anchor = frag;
        std::string path = h;
        auto it = m_tree.by_url.find(path.back() == '/' ? path : path + "/");
        if (it != m_tree.by_url.end()) {
            r.kind = Resolution::Page;
            r.target = long(it->second);
        }
        r.url = with_frag(m_base.rel(h));
        return r;
    }

    std::string resolved;
    if (!resolve_relative(from.dir, h, resolved)) {
        r.error = "link '" + std::string(href) + "' climbs above content/";
        return r;
    }
    if (ends_with(resolved, ".md")) {
        auto it = m_tree.by_rel_path.find(resolved);
        if (it == m_tree.by_rel_path.end()) {
            // A link to a folder's page may be written as "../strategy.md"? No: only "_index.md" names it.
            r.error = "no page '" + std::string(h) + "'" + suggest_page(from, resolved);
            return r;
        }
        r.kind = Resolution::Page;
        r.target = long(it->second);
        r.anchor = frag;
        r.url = with_frag(m_base.rel(m_tree.pages[it->second].url));
        return r;
    }
    if (m_files.count(resolved)) {
        r.kind = Resolution::File;
        r.url = with_frag(m_base.rel("/" + resolved));
        return r;
    }
    // A relative link to a page's folder or URL ("../design/") still works if the page exists.
    std::string as_url = "/" + resolved + (ends_with(resolved, "/") || resolved.empty() ? "" : "/");
    if (resolved.empty()) as_url = "/";
    if (auto it = m_tree.by_url.find(as_url); it != m_tree.by_url.end()) {
        r.kind = Resolution::Page;
        r.target = long(it->second);
        r.anchor = frag;
        r.url = with_frag(m_base.rel(as_url));
        return r;
    }
    if (image) r.error = "no image '" + std::string(h) + "'" + suggest_file(from, resolved);
    else r.error = "no file '" + std::string(h) + "'" + suggest_file(from, resolved);
    return r;
}

}  // namespace tk
