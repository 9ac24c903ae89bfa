#pragma once
// Pages parsed by earlier builds (serve): a file whose bytes, place and settings are unchanged
// is not parsed again, and the diagnostics it gave are given again.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/page.h"
#include "diag/diagnostics.h"
#include "util/generation_cache.h"

namespace tk {

struct CachedPage {
    uint64_t key = 0;            // the file's bytes, its context and the settings
    std::optional<Page> page;    // nullopt when it could not be used
    std::vector<Diagnostic> diags;
};

struct PageCache {
    uint64_t settings = 0;  // config and build options: every page is parsed again when they change
    GenerationCache<std::string, CachedPage> entries;  // by path under content/
};

}  // namespace tk
