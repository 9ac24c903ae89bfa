#include "site/build_cache.h"

#include "site/site.h"
#include "util/fs.h"
#include "util/hash.h"

namespace tk {

uint64_t settings_key(const Config& config, const BuildOptions& options) {
    std::string err;
    uint64_t h = hash64(config.path);
    if (auto text = fs::read_file(config.path, err)) h = hash_combine(h, hash64(*text));
    h = hash_combine(h, hash64(options.base_url));
    h = hash_combine(h, uint64_t(options.drafts) | uint64_t(options.serve) << 1);
    // Values and the glossary reach into every page's Markdown; the other data files are small.
    std::string data = fs::join(config.content_dir(), "_data");
    std::vector<std::string> errors;
    for (const auto& e : fs::walk(data, errors)) {
        if (e.is_dir) continue;
        h = hash_combine(h, hash64(e.rel));
        if (auto text = fs::read_file(fs::join(data, e.rel), err)) h = hash_combine(h, hash64(*text));
    }
    return h;
}

}  // namespace tk
