#include "check/exclude.h"

#include "util/strings.h"

namespace tk {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

/// "https://www.example.com:8080/a/b?q" -> host "www.example.com", rest "/a/b?q".
void split_url(std::string_view url, std::string_view& host, std::string_view& rest) {
    size_t scheme = url.find("://");
    std::string_view after = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    size_t end = after.find_first_of("/?#");
    std::string_view authority = after.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : after.substr(end);
    if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    if (size_t colon = authority.rfind(':'); colon != std::string_view::npos && authority.find(']') == std::string_view::npos)
        authority = authority.substr(0, colon);
    host = authority;
}

}  // namespace

bool glob_match(std::string_view p, std::string_view t, bool prefix) {
    // Iterative matcher with one backtrack point: linear enough for short patterns.
    size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
    while (ti < t.size()) {
        if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = ti;
        } else if (pi < p.size() && lower(p[pi]) == lower(t[ti])) {
            ++pi;
            ++ti;
        } else if (pi == p.size() && prefix) {
            return true;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

ExcludeList::ExcludeList(std::vector<std::string> patterns) {
    for (auto& p : patterns) add(std::move(p));
}

void ExcludeList::add(std::string pattern) {
    std::string_view t = trim(pattern);
    if (!t.empty()) m_patterns.emplace_back(t);
}

std::optional<std::string> ExcludeList::match(std::string_view url) const {
    std::string_view host, rest;
    split_url(url, host, rest);
    for (const auto& p : m_patterns) {
        if (p.find("://") != std::string::npos) {
            if (glob_match(p, url, true)) return p;
            continue;
        }
        std::string_view phost = p, ppath;
        if (size_t slash = p.find('/'); slash != std::string::npos) {
            phost = std::string_view(p).substr(0, slash);
            ppath = std::string_view(p).substr(slash);
        }
        bool host_ok = glob_match(phost, host, false);
        // A plain host also covers its subdomains: "example.com" skips "www.example.com".
        if (!host_ok && host.size() > phost.size() && phost.find('*') == std::string_view::npos) {
            std::string_view tail = host.substr(host.size() - phost.size());
            host_ok = host[host.size() - phost.size() - 1] == '.' && glob_match(phost, tail, false);
        }
        if (!host_ok) continue;
        if (ppath.empty() || glob_match(ppath, rest.empty() ? "/" : rest, true)) return p;
    }
    return std::nullopt;
}

}  // namespace tk
