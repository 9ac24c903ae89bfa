#include "output/assets.h"

#include <xxhash.h>

#include <cstdio>

#include "util/fs.h"
#include "util/strings.h"

namespace tk {

std::string content_hash(std::string_view data) {
    XXH64_hash_t h = XXH3_64bits(data.data(), data.size());
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::vector<Asset> plan_assets(const std::string& static_dir, Diagnostics& diags) {
    std::vector<Asset> out;
    if (!fs::is_dir(static_dir)) return out;
    std::vector<std::string> errors;
    for (const auto& e : fs::walk(static_dir, errors)) {
        if (e.is_dir) continue;
        Asset a;
        a.source = fs::join(static_dir, e.rel);
        a.rel = e.rel;
        std::string key = e.rel;
        for (char& c : key)
            if (c == '.' || c == '/' || c == '-') c = '_';
        a.key = key;
        bool fingerprint = ends_with(e.rel, ".css") || ends_with(e.rel, ".js");
        if (fingerprint) {
            std::string err;
            auto data = fs::read_file(a.source, err);
            if (!data) {
                diags.error({a.source, 0, 0}, "cannot read: " + err);
                continue;
            }
            size_t dot = e.rel.rfind('.');
            a.rel = e.rel.substr(0, dot) + "." + content_hash(*data).substr(0, 10) + e.rel.substr(dot);
        }
        if (e.rel == "style.css") a.key = "css";
        if (e.rel == "site.js") a.key = "js";
        out.push_back(std::move(a));
    }
    for (const auto& e : errors) diags.error({static_dir, 0, 0}, e);
    return out;
}

}  // namespace tk
