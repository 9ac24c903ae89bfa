#pragma once
// One Markdown file -> Page: split front matter, parse it, validate it against the schema.
#include <string>

#include "config/config.h"
#include "content/page.h"
#include "diag/diagnostics.h"

namespace tk {

struct PageContext {
    bool in_stage_folder = false;  // the file lives in a stage folder
    bool is_index = false;         // the file is an _index.md
    bool is_root = false;          // the file is content/_index.md
};

/// Parses one page. `display_path` is used in messages; `rel_path` is relative to content/.
/// Every problem is reported to `diags`, and a page with problems is marked `invalid`: it has
/// what could be read of it (nothing but its place when its front matter cannot be parsed).
Page load_page(const std::string& display_path, const std::string& rel_path, std::string raw,
               const PageContext& ctx, const Config& config, Diagnostics& diags);

}  // namespace tk
