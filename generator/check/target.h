#pragma once
// Where a link in the built site points: a file of the site (under the base path), an external
// http(s) URL, or something not checked (mailto:, tel:, javascript:, data:).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "util/url.h"

namespace tk {

struct Target {
    enum class Kind { Internal, External, Outside, Ignored };
    Kind kind = Kind::Ignored;
    /// Internal: the site path, percent-decoded, without the base path ("/strategy/x/").
    /// External: the URL without its fragment. Outside: the path as resolved ("/other/x/").
    std::string path;
    std::string fragment;  // percent-decoded, without '#'
    bool has_fragment = false;
};

/// Resolves `href` as found on the page served at `page_url` (a path under the base:
/// "/toolkit/strategy/x/"). `base_href` is the page's <base href>, if any. Absolute URLs on the
/// site's own origin and base path count as internal.
Target classify_link(std::string_view href, std::string_view page_url, const BaseUrl& base,
                     std::string_view base_href = {});

/// Removes "." and ".." segments from an absolute path ("/a/b/../c" -> "/a/c").
std::string remove_dot_segments(std::string_view path);
/// "%20" -> " "; invalid escapes are kept as written.
std::string percent_decode(std::string_view s);

/// The files of a built site, to answer "which file does this site path serve?".
class SiteFiles {
public:
    void add_file(std::string rel);  // "strategy/x/index.html"
    void add_dir(std::string rel);   // "strategy/x"
    /// "/x/" -> "x/index.html"; "/style.css" -> "style.css"; "/x" -> "x/index.html" when x is a
    /// folder with an index (servers redirect to "/x/"); nullopt when nothing is served there.
    std::optional<std::string> resolve(std::string_view site_path) const;
    /// The file a site path would need ("/x/" -> "x/index.html"), for messages.
    static std::string expected_file(std::string_view site_path);
    bool has_file(const std::string& rel) const { return m_files.count(rel) != 0; }

private:
    std::unordered_set<std::string> m_files;
    std::unordered_set<std::string> m_dirs;
};

/// The URL path a file is served at, under the base path: "x/index.html" -> "/toolkit/x/".
std::string served_url(std::string_view rel_file, const BaseUrl& base);

}  // namespace tk
