#pragma once
// The preview's own files: the live-reload script (a file, not inline, so the theme's
// Content-Security-Policy of default-src 'self' still holds), the error overlay's style, the
// errors as JSON, and the page shown while no build has succeeded yet.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace tk {

/// Paths the preview serves itself, outside the site.
inline constexpr std::string_view k_tool_prefix = "/__toolkit/";

const std::string& live_reload_script();
const std::string& overlay_css();

/// Adds the live-reload script tag before </body> (or at the end when there is none).
std::string inject_live_reload(std::string_view html, uint64_t build);

/// {"build": n, "errors": [{"file", "line", "col", "location", "severity", "message", "source", "caret"}]}
std::string errors_json(const std::vector<Diagnostic>& errors, uint64_t build);

/// The page served for every HTML path while the site has never built: the overlay explains.
std::string no_build_page();

}  // namespace tk
