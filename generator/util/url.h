#pragma once
// URLs under a base URL that may carry a path (https://org.github.io/toolkit/).
#include <string>
#include <string_view>

namespace tk {

struct BaseUrl {
    std::string origin;  // "https://org.github.io" (empty for relative builds)
    std::string path;    // "/toolkit/" : always starts and ends with '/'

    static BaseUrl parse(std::string_view url);
    /// Site path ("/strategy/x/") -> path under the base ("/toolkit/strategy/x/").
    std::string rel(std::string_view site_path) const;
    /// Site path -> absolute URL ("https://org.github.io/toolkit/strategy/x/").
    std::string abs(std::string_view site_path) const;
};

/// The site path of a page id: "" -> "/", "strategy/x" -> "/strategy/x/".
std::string url_for_id(std::string_view id);

/// Joins and normalises a relative path against a directory ("strategy" + "../design/x.md").
/// Returns false when the path climbs above the root.
bool resolve_relative(std::string_view dir, std::string_view rel, std::string& out);

}  // namespace tk
