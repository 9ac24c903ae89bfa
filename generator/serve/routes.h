#pragma once
// Which file a preview request asks for, the way the published site answers it: pretty URLs
// ("/toolkit/strategy/x/" is strategy/x/index.html), the base URL's path honoured, and nothing
// outside the built site reachable, whatever the path says.
#include <string>
#include <string_view>

#include "output/memory_files.h"

namespace tk {

struct Route {
    enum Kind { File, Redirect, NotFound } kind = NotFound;
    std::string key;       // File: the output path ("strategy/x/index.html")
    std::string location;  // Redirect: where to
};

/// `path` is the request path, already percent-decoded; `base_path` is the base URL's path
/// ("/" or "/toolkit/"). Dot segments, backslashes, NUL bytes and empty segments never match.
Route route(std::string_view path, const std::string& base_path, const MemoryFiles& files);

/// Whether a decoded request path is safe to look up at all.
bool safe_path(std::string_view path);

/// The Content-Type for an output path, by its extension.
std::string content_type(std::string_view path);

}  // namespace tk
