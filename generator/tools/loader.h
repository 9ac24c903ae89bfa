#pragma once
// content/_data/tools/<name>.toml -> Tool: one file per tool, its `kind` says which.
#include <optional>
#include <string>
#include <string_view>

#include "content/site_data.h"
#include "tools/tool.h"

namespace tk {

/// Parses one definition. `path` names it in messages; its file name without .toml is its name.
std::optional<Tool> parse_tool(const std::string& path, std::string_view text, const SiteData& data,
                               Diagnostics& diags);

/// Loads every content/_data/tools/*.toml (none is fine), sorted by name.
ToolSet load_tools(const std::string& content_dir, const SiteData& data, Diagnostics& diags);

}  // namespace tk
