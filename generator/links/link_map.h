#pragma once
// Where each link of the built site came from: page URL -> [href as written into the HTML,
// Markdown file, line, column]. The build writes it beside (never inside) the output folder,
// as site.linkmap.json beside site/, so it is not published; `toolkit check` reads it to name
// the Markdown line of a broken link.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "content/content_tree.h"
#include "diag/diagnostics.h"
#include "markdown/renderer.h"

namespace tk {

struct LinkSource {
    std::string href;  // as written into the HTML
    SourceLocation loc;
};

/// Site path of a page ("/strategy/x/", without the base path) -> its links in source order.
using LinkMap = std::unordered_map<std::string, std::vector<LinkSource>>;

/// "site" or "site/" -> "site.linkmap.json".
std::string link_map_path(std::string output_dir);

LinkMap make_link_map(const ContentTree& tree, const std::vector<RenderedMarkdown>& markdown);
std::string link_map_json(const LinkMap& map);
std::optional<LinkMap> parse_link_map(const std::string& text, std::string& error);

/// Writes the map for a finished build; a failure is a warning, never a failed build.
void write_link_map(const std::string& output_dir, const std::string& json, Diagnostics& diags);

}  // namespace tk
