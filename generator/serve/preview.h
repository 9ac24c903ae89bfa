#pragma once
// `toolkit serve` as an object: build the site into memory, serve it, watch the sources, and
// rebuild (incrementally) after each settled burst of saves. A content error never stops it:
// the last good build stays up and every page shows the errors until they are fixed.
#include <iosfwd>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "git/history.h"
#include "serve/events.h"
#include "serve/http_server.h"
#include "serve/watcher.h"
#include "site/build_cache.h"

namespace tk {

struct PreviewOptions {
    std::string config = "config.toml";
    std::string bind = "127.0.0.1";
    int port = 1313;        // 0: any free port
    bool poll = false;      // poll for changes instead of inotify
    bool git = true;        // read "Last updated" dates from git
    bool verbose = false;   // print the time of each build phase
};

class Preview {
public:
    Preview(PreviewOptions options, std::ostream& out, std::ostream& err);
    ~Preview();
    /// Binds, builds, serves and starts watching. False when it cannot listen (a usage error).
    bool start();
    /// Stops the watcher and the server; safe to call twice.
    void stop();
    /// Builds again (the watcher calls this; tests may too). Returns whether the build succeeded.
    bool rebuild(const std::vector<std::string>& changed);
    /// The build of rebuild(), and what publishes it: serves the result, sends the reload or
    /// errors event and prints the report. The watcher may drop it (a newer save came in).
    Watcher::Publish prepare(const std::vector<std::string>& changed, bool* ok = nullptr);
    int port() const { return m_port; }
    /// "http://127.0.0.1:1313/toolkit/"
    std::string url() const;

private:
    GitHistory history_for(const std::string& root);
    void watch_theme(const std::string& dir);

    PreviewOptions m_opts;
    std::ostream& m_out;
    std::ostream& m_err;
    EventHub m_hub;
    PreviewServer m_server;
    std::unique_ptr<Watcher> m_watcher;
    BuildCache m_cache;
    std::mutex m_build_mutex;
    std::shared_ptr<const SiteState> m_state;
    std::string m_base_path = "/";
    std::string m_git_head;
    std::optional<GitHistory> m_history;
    std::vector<std::string> m_watched;
    std::string m_last_report;  // warnings are printed again only when they change
    bool m_last_ok = true;
    std::map<std::string, int64_t> m_stamps;  // copied files: modification times at the last build
    int m_port = -1;
    bool m_said_notes = false;
};

}  // namespace tk
