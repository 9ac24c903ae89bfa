#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "serve/watcher.h"
#include "util/fs.h"

namespace tk {

namespace {

struct Stamp {
    int64_t mtime_ns;
    int64_t size;
    bool operator==(const Stamp& o) const { return mtime_ns == o.mtime_ns && size == o.size; }
};
using Snapshot = std::map<std::string, Stamp>;

void stamp(const std::string& path, Snapshot& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;
#ifdef __APPLE__
    int64_t ns = int64_t(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
#else
    int64_t ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
#endif
    out[path] = {ns, int64_t(st.st_size)};
}

/// Paths that differ between two snapshots: changed, added or removed.
std::vector<std::string> diff(const Snapshot& a, const Snapshot& b) {
    std::vector<std::string> out;
    for (const auto& [path, s] : b) {
        auto it = a.find(path);
        if (it == a.end() || !(it->second == s)) out.push_back(path);
    }
    for (const auto& [path, s] : a)
        if (!b.count(path)) out.push_back(path);
    return out;
}

class PollingWatcher : public Watcher {
public:
    explicit PollingWatcher(const WatchOptions& o) : m_opts(o) {}
    ~PollingWatcher() override { stop(); }

    void start(Callback on_change) override {
        m_callback = std::move(on_change);
        m_last = scan();
        m_thread = std::thread([this] { loop(); });
    }
    void add_dir(const std::string& dir) override {
        if (std::find(m_opts.dirs.begin(), m_opts.dirs.end(), dir) != m_opts.dirs.end()) return;
        m_opts.dirs.push_back(dir);
        Snapshot s;
        scan_dir(dir, s);
        m_last.insert(s.begin(), s.end());
    }
    void stop() override {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable()) m_thread.join();
    }
    const char* kind() const override { return "polling"; }

private:
    void scan_dir(const std::string& dir, Snapshot& out) const {
        std::vector<std::string> errors;
        for (const auto& e : fs::walk(dir, errors))
            if (!e.is_dir) stamp(fs::join(dir, e.rel), out);
    }
    Snapshot scan() const {
        Snapshot s;
        for (const auto& d : m_opts.dirs) scan_dir(d, s);
        for (const auto& f : m_opts.files) stamp(f, s);
        return s;
    }
    /// Sleeps; false when stopping.
    bool sleep(std::chrono::milliseconds d) {
        std::unique_lock lock(m_mutex);
        return !m_cv.wait_for(lock, d, [this] { return m_stopping.load(); });
    }
    void loop() {
        while (sleep(m_opts.poll_interval)) {
            Snapshot now = scan();
            std::vector<std::string> changed = diff(m_last, now);
            if (changed.empty()) continue;
            m_last = std::move(now);
            // Settle: look again until a look finds nothing new.
            while (sleep(m_opts.settle)) {
                Snapshot again = scan();
                auto more = diff(m_last, again);
                m_last = std::move(again);
                if (more.empty()) break;
                changed.insert(changed.end(), more.begin(), more.end());
            }
            if (m_stopping) return;
            std::sort(changed.begin(), changed.end());
            changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
            m_callback(changed);
        }
    }

    WatchOptions m_opts;
    Callback m_callback;
    Snapshot m_last;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::atomic<bool> m_stopping{false};
};

}  // namespace

std::unique_ptr<Watcher> make_polling_watcher(const WatchOptions& options) {
    return std::make_unique<PollingWatcher>(options);
}

std::unique_ptr<Watcher> make_watcher(const WatchOptions& options) {
    if (!options.poll)
        if (auto w = make_inotify_watcher(options)) return w;
    return make_polling_watcher(options);
}

}  // namespace tk
