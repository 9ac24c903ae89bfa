#include "util/url.h"

#include <vector>

#include "util/strings.h"

namespace tk {

BaseUrl BaseUrl::parse(std::string_view url) {
    BaseUrl b;
    size_t scheme = url.find("://");
    std::string_view rest = url;
    if (scheme != std::string_view::npos) {
        size_t slash = url.find('/', scheme + 3);
        if (slash == std::string_view::npos) {
            b.origin = std::string(url);
            rest = "/";
        } else {
            b.origin = std::string(url.substr(0, slash));
            rest = url.substr(slash);
        }
    }
    std::string p(rest);
    if (p.empty() || p[0] != '/') p = "/" + p;
    if (p.back() != '/') p += '/';
    b.path = p;
    return b;
}

std::string BaseUrl::rel(std::string_view site_path) const {
    if (!site_path.empty() && site_path[0] == '/') site_path.remove_prefix(1);
    return path + std::string(site_path);
}

std::string BaseUrl::abs(std::string_view site_path) const { return origin + rel(site_path); }

std::string url_for_id(std::string_view id) {
    if (id.empty()) return "/";
    return "/" + std::string(id) + "/";
}

bool resolve_relative(std::string_view dir, std::string_view rel, std::string& out) {
    std::vector<std::string_view> parts;
    if (!rel.empty() && rel[0] == '/') {
        dir = {};
    }
    for (auto p : split(dir, '/'))
        if (!p.empty()) parts.push_back(p);
    for (auto p : split(rel, '/')) {
        if (p.empty() || p == ".") continue;
        if (p == "..") {
            if (parts.empty()) return false;
            parts.pop_back();
            continue;
        }
        parts.push_back(p);
    }
    out.clear();
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += '/';
        out += parts[i];
    }
    return true;
}

}  // namespace tk
