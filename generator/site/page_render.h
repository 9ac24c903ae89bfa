#pragma once
// One content page, made: its view built and rendered, the stage navigation spliced in. In serve,
// a page whose inputs are all unchanged (ViewBuilder::page_key, the theme, the navigation) is
// not made again: the previous build's bytes are shared, and not even the view is built, which
// is most of the cost of a page.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "diag/diagnostics.h"
#include "render/view.h"
#include "templates/theme.h"
#include "tools/site_tools.h"
#include "util/generation_cache.h"

namespace tk {

struct PageHtmlCache {
    GenerationCache<uint64_t, std::string> entries;  // by page key, theme and navigation
    bool verify = false;  // tests: make each page anyway and report any reuse that differs
    std::atomic<size_t> built{0}, reused{0};
};

/// The marker a page view carries where its stage navigation goes.
extern const std::string k_nav_marker;

/// The page's final HTML, or null after a template error (reported to `diags`).
std::shared_ptr<const std::string> make_page(const ViewBuilder& views, const Theme& theme, const SiteTools& tools,
                                             size_t page, const StageNav* nav, PageHtmlCache* cache, Diagnostics& diags);

/// A stage's navigation, rendered (with page marks still in), or reused like a page.
bool render_stage_nav(const ViewBuilder& views, const Theme& theme, size_t stage, size_t group, PageHtmlCache* cache,
                      std::string& out, Diagnostics& diags);

}  // namespace tk
