#pragma once
// Rendered templates kept between builds (serve). Rendering is a function of the template and
// the view, so a page whose view is equal to last time's is not rendered again: whatever made
// the view change (its text, a title in its navigation, a page that links to it), the view
// shows it, and nothing has to list what depends on what.
#include <kainjow/mustache.hpp>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "util/generation_cache.h"

namespace tk {

struct RenderCache {
    GenerationCache<uint64_t, std::string> entries;  // by template, view and theme
    std::atomic<size_t> rendered{0}, reused{0};        // counts, for messages and tests
};

/// Equal views give equal fingerprints (objects compared by key, whatever their order);
/// nullopt when the view holds a lambda or partial, which cannot be compared.
std::optional<uint64_t> view_fingerprint(const kainjow::mustache::data& view);

}  // namespace tk
