#pragma once
// Watches the site's sources and calls back once a burst of saves has settled (an editor often
// writes a file in several steps, or several files at once). inotify on Linux; elsewhere, or
// when asked (network file systems), polling of modification times and sizes.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tk {

struct WatchOptions {
    std::vector<std::string> dirs;   // watched with everything under them
    std::vector<std::string> files;  // single files (config.toml)
    std::chrono::milliseconds settle{50};
    std::chrono::milliseconds poll_interval{250};
    bool poll = false;  // force polling
};

class Watcher {
public:
    using Callback = std::function<void(const std::vector<std::string>& changed)>;
    virtual ~Watcher() = default;
    /// Starts the thread that calls `on_change` (on that thread) after each settled burst.
    virtual void start(Callback on_change) = 0;
    /// Builds in two steps: `prepare(changed)` does the work and returns what publishes it (or
    /// nothing). The inotify watcher prepares at the first save of a burst, without waiting, and
    /// publishes once the settle time has passed with no further change; after a further change
    /// it drops that result and prepares again once the burst has settled. So a result is only
    /// ever published after `settle` of quiet, as with start(), but a quick build is not
    /// delayed by it. Other watchers prepare and publish after each settled burst.
    using Publish = std::function<void()>;
    using Prepare = std::function<Publish(const std::vector<std::string>& changed)>;
    virtual void start_prepared(Prepare prepare) {
        start([prepare](const std::vector<std::string>& changed) {
            if (auto publish = prepare(changed)) publish();
        });
    }
    /// Watches one more folder tree: call before start() or from the callback.
    virtual void add_dir(const std::string& dir) = 0;
    /// Stops and joins the thread. Safe to call twice.
    virtual void stop() = 0;
    virtual const char* kind() const = 0;
};

/// inotify when it can (and polling was not asked for), else polling.
std::unique_ptr<Watcher> make_watcher(const WatchOptions& options);
std::unique_ptr<Watcher> make_polling_watcher(const WatchOptions& options);
/// nullptr where inotify is not available.
std::unique_ptr<Watcher> make_inotify_watcher(const WatchOptions& options);

}  // namespace tk
