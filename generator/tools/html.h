#pragma once
// Small helpers for the HTML and the data attributes the tools write.
#include <string>
#include <string_view>
#include <vector>

#include "tools/check.h"
#include "util/url.h"

namespace tk {

/// What rendering a tool needs to know about the site around it.
struct ToolContext {
    const PageCatalog& catalog;
    const BaseUrl& base;
    std::string page_url;    // site path of the tool page: "/execution/route-finder/"
    std::string page_title;  // "Route to market finder"
    std::string site_title;
    std::string script_url;  // fingerprinted URLs under the base, or "" when the theme has none
    std::string style_url;

    std::string url(std::string_view site_path) const { return base.rel(site_path); }
};

/// `<a href="...">title</a>` for a link to a page (its title when the link has no text).
std::string page_link_html(const PageRef& ref, const ToolContext& ctx);
/// The stylesheet link that opens, and the deferred script that closes, every tool's HTML.
std::string tool_style_tag(const ToolContext& ctx);
std::string tool_script_tag(const ToolContext& ctx);

/// A JSON string literal (for data attributes read with JSON.parse).
std::string json_string(std::string_view s);
std::string json_strings(const std::vector<std::string>& items);

}  // namespace tk
