#pragma once
// The preview's HTTP side (cpp-httplib): the site from memory under its base path, the
// live-reload files and events, and nothing else: only GET and HEAD, no path outside the site.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "output/memory_files.h"
#include "serve/events.h"

namespace tk {

/// What the server shows; replaced as a whole after each build.
struct SiteState {
    std::shared_ptr<const MemoryFiles> files;  // the last good build; null before there is one
    uint64_t build = 0;                        // its number, for the live-reload script
    std::string errors_json;                   // the latest build's errors
    std::string base_path = "/";               // the base URL's path: the site is served under it
    std::vector<std::string> roots;            // folders copied files may be read from (resolved)
};

class PreviewServer {
public:
    explicit PreviewServer(EventHub& hub);
    ~PreviewServer();
    /// Binds to host:port (0: any free port). Returns the port, or -1 with a reason in `error`.
    int bind(const std::string& host, int port, std::string& error);
    /// Serves on a thread of its own.
    void start();
    void stop();
    void update(std::shared_ptr<const SiteState> state);
    std::shared_ptr<const SiteState> state() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    EventHub& m_hub;
    mutable std::mutex m_mutex;
    std::shared_ptr<const SiteState> m_state;
    std::thread m_thread;
    std::atomic<bool> m_listening_ended{false};
};

/// Whether `path`, with symbolic links resolved, lies inside one of `roots`.
bool inside_roots(const std::string& path, const std::vector<std::string>& roots);

}  // namespace tk
