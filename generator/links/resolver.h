#pragma once
// Resolves links as written in Markdown to URLs, and says what they point at.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "content/content_tree.h"
#include "util/url.h"

namespace tk {

struct Resolution {
    enum Kind { External, Page, File, SitePath, SelfAnchor, Broken } kind = Broken;
    std::string url;       // what to write into href/src
    long target = -1;      // page index for Page
    std::string anchor;    // without '#'
    std::string error;     // for Broken: the message, with a suggestion where one is near
};

class LinkResolver {
public:
    LinkResolver(const ContentTree& tree, const BaseUrl& base, std::unordered_set<std::string> generated_paths);
    Resolution resolve(const Page& from, std::string_view href, bool image) const;
    /// Whether a site path ("/templates/") is made by this build.
    bool site_path_exists(std::string_view path) const;
    /// A suggestion for a missing anchor among `ids`, as " (did you mean '#x'?)" or "".
    static std::string anchor_suggestion(std::string_view anchor, const std::vector<std::string>& ids);

private:
    std::string suggest_page(const Page& from, const std::string& resolved) const;
    std::string suggest_file(const Page& from, const std::string& resolved) const;

    const ContentTree& m_tree;
    BaseUrl m_base;
    std::unordered_set<std::string> m_paths;   // every site path the build makes
    std::unordered_set<std::string> m_files;   // content files beside pages
    std::vector<std::string> m_md_paths;
    std::vector<std::string> m_file_paths;
};

/// The relative path from folder `from_dir` to `to` ("strategy", "design/x.md" -> "../design/x.md").
std::string relative_path(std::string_view from_dir, std::string_view to);

}  // namespace tk
