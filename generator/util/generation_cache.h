#pragma once
// What one build keeps for the next (serve). An entry found or stored during a build survives
// into the next one; after a successful build the rest are dropped, so the cache holds one
// site's worth of entries. After a failed build everything is kept: the fix that follows
// should be as quick as any other edit. Thread-safe: pages are built in parallel.
#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace tk {

template <typename Key, typename Value>
class GenerationCache {
public:
    std::shared_ptr<const Value> find(const Key& key) {
        std::lock_guard lock(m_mutex);
        if (auto it = m_next.find(key); it != m_next.end()) return it->second;
        auto it = m_prev.find(key);
        if (it == m_prev.end()) return nullptr;
        return m_next[key] = it->second;
    }
    std::shared_ptr<const Value> store(const Key& key, Value value) {
        auto v = std::make_shared<const Value>(std::move(value));
        std::lock_guard lock(m_mutex);
        m_next[key] = v;
        return v;
    }
    /// Ends a build: keeps only what it used if it succeeded, everything otherwise.
    void finish(bool ok) {
        std::lock_guard lock(m_mutex);
        if (!ok)
            for (auto& [k, v] : m_next) m_prev[k] = std::move(v);
        else
            m_prev = std::move(m_next);
        m_next.clear();
    }
    void clear() {
        std::lock_guard lock(m_mutex);
        m_prev.clear();
        m_next.clear();
    }

private:
    std::mutex m_mutex;
    std::unordered_map<Key, std::shared_ptr<const Value>> m_prev, m_next;
};

}  // namespace tk
