#include "check/link_cache.h"

#include <nlohmann/json.hpp>

#include "util/fs.h"

namespace tk {

using nlohmann::json;

std::string LinkCache::to_json() const {
    json links = json::object();
    for (const auto& [url, l] : m_links) {
        json e = {{"checked", l.checked}, {"status", l.http_status}};
        if (!l.final_url.empty()) e["final_url"] = l.final_url;
        links[url] = std::move(e);
    }
    json doc = {{"version", 1}, {"links", std::move(links)}};
    return doc.dump(1) + "\n";
}

bool LinkCache::from_json(const std::string& text, std::string& error) {
    m_links.clear();
    try {
        json doc = json::parse(text);
        if (!doc.is_object() || doc.value("version", 0) != 1 || !doc.contains("links") || !doc["links"].is_object()) {
            error = "not a version 1 link cache";
            return false;
        }
        for (const auto& [url, e] : doc["links"].items()) {
            CachedLink l;
            l.checked = e.at("checked").get<int64_t>();
            l.http_status = e.at("status").get<int>();
            l.final_url = e.value("final_url", "");
            m_links[url] = std::move(l);
        }
    } catch (const json::exception& e) {
        m_links.clear();
        error = e.what();
        return false;
    }
    return true;
}

void LinkCache::load(const std::string& path, Diagnostics& diags) {
    if (!fs::exists(path)) return;
    std::string error;
    auto text = fs::read_file(path, error);
    if (!text || !from_json(*text, error))
        diags.warning({path, 0, 0}, "ignoring the link cache: " + error);
}

bool LinkCache::save(const std::string& path, Diagnostics& diags) const {
    std::string error;
    std::string dir = fs::parent(path);
    if (!dir.empty() && !fs::create_dirs(dir, error)) {
        diags.warning({path, 0, 0}, "cannot write the link cache: " + error);
        return false;
    }
    // Write beside, then rename: an interrupted run never leaves half a file.
    std::string tmp = path + ".tmp";
    if (!fs::write_file(tmp, to_json(), error) || !fs::rename(tmp, path, error)) {
        diags.warning({path, 0, 0}, "cannot write the link cache: " + error);
        return false;
    }
    return true;
}

std::optional<CachedLink> LinkCache::fresh(const std::string& url, int64_t now, int64_t max_age) const {
    auto it = m_links.find(url);
    if (it == m_links.end()) return std::nullopt;
    int64_t age = now - it->second.checked;
    if (age < 0 || age >= max_age) return std::nullopt;
    return it->second;
}

void LinkCache::prune(int64_t now, int64_t max_age) {
    for (auto it = m_links.begin(); it != m_links.end();) {
        int64_t age = now - it->second.checked;
        if (age < 0 || age >= max_age) it = m_links.erase(it);
        else ++it;
    }
}

}  // namespace tk
