// The inotify watcher: one watch per folder (inotify is not recursive), folders created later
// are added as they appear, and a single file is watched through its folder, because editors
// often save by writing a new file and renaming it over the old one.
#include "serve/watcher.h"

#ifdef __linux__

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "util/fs.h"

namespace tk {

namespace {

constexpr uint32_t k_mask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                            IN_DELETE_SELF | IN_MOVE_SELF;

/// The paths of a burst, each once, sorted.
std::vector<std::string> distinct(std::vector<std::string> paths) {
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    return paths;
}

class InotifyWatcher : public Watcher {
public:
    InotifyWatcher(int fd, int wake, const WatchOptions& o) : m_fd(fd), m_wake(wake), m_opts(o) {
        for (const auto& d : o.dirs) add_tree(d);
        for (const auto& f : o.files) add_file(f);
    }
    ~InotifyWatcher() override {
        stop();
        ::close(m_fd);
        ::close(m_wake);
    }
    void start(Callback on_change) override {
        m_callback = std::move(on_change);
        m_thread = std::thread([this] { loop(); });
    }
    void start_prepared(Prepare prepare) override {
        m_prepare = std::move(prepare);
        m_thread = std::thread([this] { loop(); });
    }
    void add_dir(const std::string& dir) override { add_tree(dir); }
    void stop() override {
        if (m_stopping.exchange(true)) {
            if (m_thread.joinable()) m_thread.join();
            return;
        }
        uint64_t one = 1;
        [[maybe_unused]] ssize_t n = ::write(m_wake, &one, sizeof one);
        if (m_thread.joinable()) m_thread.join();
    }
    const char* kind() const override { return "inotify"; }

private:
    struct Watch {
        std::string dir;
        bool all = false;            // a watched tree: every name counts
        std::set<std::string> only;  // a single file's folder: only these names count
    };

    void add_tree(const std::string& dir) {
        add_one(dir, true, "");
        std::vector<std::string> errors;
        for (const auto& e : fs::walk(dir, errors))
            if (e.is_dir) add_one(fs::join(dir, e.rel), true, "");
    }
    void add_file(const std::string& file) {
        std::string dir = fs::parent(file);
        add_one(dir.empty() ? "." : dir, false, fs::filename(file));
    }
    void add_one(const std::string& dir, bool all, const std::string& name) {
        int wd = inotify_add_watch(m_fd, dir.c_str(), k_mask | (all ? 0 : IN_ONLYDIR));
        if (wd < 0) return;
        Watch& w = m_watches[wd];
        w.dir = dir;
        w.all = w.all || all;
        if (!name.empty()) w.only.insert(name);
    }

    /// Reads what is queued; records relevant paths. Returns whether anything counted.
    bool drain(std::vector<std::string>& changed) {
        alignas(inotify_event) char buf[64 * 1024];
        bool any = false;
        for (;;) {
            ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n <= 0) break;
            for (char* p = buf; p < buf + n;) {
                auto* ev = reinterpret_cast<inotify_event*>(p);
                p += sizeof(inotify_event) + ev->len;
                if (ev->mask & IN_Q_OVERFLOW) {
                    changed.push_back("(too many changes to list)");
                    any = true;
                    continue;
                }
                auto it = m_watches.find(ev->wd);
                if (it == m_watches.end()) continue;
                if (ev->mask & IN_IGNORED) {
                    m_watches.erase(it);
                    continue;
                }
                std::string name = ev->len ? std::string(ev->name) : "";
                if (!it->second.all && !it->second.only.count(name)) continue;
                std::string path = name.empty() ? it->second.dir : fs::join(it->second.dir, name);
                if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && it->second.all) {
                    // A new folder: watch it, and count what is already in it.
                    add_tree(path);
                    std::vector<std::string> errors;
                    for (const auto& e : fs::walk(path, errors))
                        if (!e.is_dir) changed.push_back(fs::join(path, e.rel));
                }
                changed.push_back(path);
                any = true;
            }
        }
        return any;
    }

    void loop() {
        using clock = std::chrono::steady_clock;
        std::vector<std::string> changed;
        clock::time_point deadline{};
        while (!m_stopping) {
            int timeout = -1;
            if (!changed.empty()) {
                auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
                timeout = int(std::max<long long>(0, left));
            }
            pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_wake, POLLIN, 0}};
            int r = ::poll(fds, 2, timeout);
            if (m_stopping) return;
            if (r > 0 && (fds[0].revents & POLLIN)) {
                bool first = changed.empty();
                if (drain(changed)) {
                    deadline = clock::now() + m_opts.settle;
                    if (first && m_prepare) speculate(changed, deadline);
                }
                continue;
            }
            if (!changed.empty() && clock::now() >= deadline) {
                auto burst = distinct(changed);
                if (m_prepare) {
                    if (auto publish = m_prepare(burst)) publish();
                } else {
                    m_callback(burst);
                }
                changed.clear();
            }
        }
    }

    /// Prepares at once, then publishes when the burst has settled with nothing new; after a new
    /// change, drops the result and leaves `changed` and `deadline` for the loop to go on with.
    void speculate(std::vector<std::string>& changed, std::chrono::steady_clock::time_point& deadline) {
        using clock = std::chrono::steady_clock;
        Publish publish = m_prepare(distinct(changed));
        while (!m_stopping) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
            pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_wake, POLLIN, 0}};
            int r = ::poll(fds, 2, int(std::max<long long>(0, left)));
            if (m_stopping) return;
            if (r > 0 && (fds[0].revents & POLLIN)) {
                if (drain(changed)) {
                    deadline = clock::now() + m_opts.settle;
                    return;  // a further change: the loop prepares again once it settles
                }
                continue;
            }
            if (clock::now() >= deadline) break;
        }
        if (m_stopping) return;
        if (publish) publish();
        changed.clear();
    }

    int m_fd;
    int m_wake;
    WatchOptions m_opts;
    std::map<int, Watch> m_watches;
    Callback m_callback;
    Prepare m_prepare;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
};

}  // namespace

std::unique_ptr<Watcher> make_inotify_watcher(const WatchOptions& options) {
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return nullptr;
    int wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake < 0) {
        ::close(fd);
        return nullptr;
    }
    return std::make_unique<InotifyWatcher>(fd, wake, options);
}

}  // namespace tk

#else

namespace tk {
std::unique_ptr<Watcher> make_inotify_watcher(const WatchOptions&) { return nullptr; }
}  // namespace tk

#endif
