#pragma once
// Theme static files: copied to the output, CSS and JS with a content hash in their name.
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace tk {

struct Asset {
    std::string source;  // file to read
    std::string rel;     // output path: "style.1a2b3c4d.css"
    std::string key;     // view key: "css" for style.css, "js" for site.js, else the name with '.' -> '_'
};

/// Lists a theme's static files and names the fingerprinted ones (reads CSS and JS to hash them).
std::vector<Asset> plan_assets(const std::string& static_dir, Diagnostics& diags);
/// 16 hex digits of XXH3 over the data.
std::string content_hash(std::string_view data);

}  // namespace tk
