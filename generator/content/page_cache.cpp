#include "content/page_cache.h"

namespace tk {

PageCache::Entry* PageCache::find(const std::string& rel) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(rel);
    return it == m_entries.end() ? nullptr : &it->second;
}

PageCache::Entry& PageCache::put(const std::string& rel) {
    std::lock_guard lock(m_mutex);
    return m_entries[rel];
}

void PageCache::give_back(std::vector<Page>& pages) {
    std::lock_guard lock(m_mutex);
    for (auto& p : pages) {
        auto it = m_entries.find(p.rel_path);
        if (it == m_entries.end() || it->second.home || !it->second.parsed) continue;
        it->second.page = std::move(p);
        it->second.home = true;
    }
}

void PageCache::finish(bool ok) {
    std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        // A page lent and not given back (a draft left out) is parsed again next time.
        if ((ok && !it->second.seen) || (it->second.parsed && !it->second.home)) {
            it = m_entries.erase(it);
            continue;
        }
        it->second.seen = false;
        ++it;
    }
}

}  // namespace tk
