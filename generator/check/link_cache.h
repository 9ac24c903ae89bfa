#pragma once
// Results of external link checks, kept in .cache/links.json so that a re-run asks the network
// only about links that are new or older than the maximum age. Broken links are never kept:
// they are asked again every time, so a fixed link or a passing outage clears at once.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "diag/diagnostics.h"

namespace tk {

struct CachedLink {
    int64_t checked = 0;     // seconds since the epoch
    int http_status = 0;
    std::string final_url;   // after redirects, when different
};

class LinkCache {
public:
    /// Reads the cache; a missing file is an empty cache, an unreadable one a warning.
    void load(const std::string& path, Diagnostics& diags);
    bool save(const std::string& path, Diagnostics& diags) const;

    /// The entry for `url` when it was checked less than `max_age` seconds before `now`.
    std::optional<CachedLink> fresh(const std::string& url, int64_t now, int64_t max_age) const;
    void put(const std::string& url, CachedLink link) { m_links[url] = std::move(link); }
    void erase(const std::string& url) { m_links.erase(url); }
    /// Drops entries older than `max_age`, so the file does not grow for ever.
    void prune(int64_t now, int64_t max_age);
    size_t size() const { return m_links.size(); }

    std::string to_json() const;
    bool from_json(const std::string& text, std::string& error);

private:
    std::map<std::string, CachedLink> m_links;  // sorted: the file diffs well
};

}  // namespace tk
