#include "serve/preview.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <set>

#include "config/config.h"
#include "serve/live_reload.h"
#include "site/site.h"
#include "util/fs.h"
#include "util/strings.h"

namespace tk {

namespace {

bool is_loopback(const std::string& host) {
    return starts_with(host, "127.") || host == "::1" || host == "localhost";
}

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

int64_t mtime_ns(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
#ifdef __APPLE__
    return int64_t(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
#else
    return int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
#endif
}

/// How many files differ between two builds (added, removed or changed). Copied files are
/// compared by their modification times, kept in `stamps` from one build to the next.
size_t count_changed(const MemoryFiles* before, const MemoryFiles& after, std::map<std::string, int64_t>& stamps) {
    std::map<std::string, int64_t> now;
    for (const auto& [k, f] : after)
        if (!f.data) now[k] = mtime_ns(f.source);
    if (!before) {
        stamps = std::move(now);
        return after.size();
    }
    size_t n = 0;
    for (const auto& [k, f] : after) {
        auto it = before->find(k);
        if (it == before->end()) ++n;
        else if (f.data && f.data == it->second.data) continue;  // shared with the previous build: unchanged
        else if (bool(f.data) != bool(it->second.data)) ++n;
        else if (f.data ? *f.data != *it->second.data : f.source != it->second.source || stamps[k] != now[k]) ++n;
    }
    stamps = std::move(now);
    for (const auto& [k, f] : *before)
        if (!after.count(k)) ++n;
    return n;
}

}  // namespace

Preview::Preview(PreviewOptions options, std::ostream& out, std::ostream& err)
    : m_opts(std::move(options)), m_out(out), m_err(err), m_server(m_hub) {}

Preview::~Preview() { stop(); }

std::string Preview::url() const {
    std::string host = m_opts.bind;
    if (host == "0.0.0.0") host = "127.0.0.1";
    if (host == "::") host = "::1";
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return "http://" + host + ":" + std::to_string(m_port) + m_base_path;
}

bool Preview::start() {
    std::string error;
    m_port = m_server.bind(m_opts.bind, m_opts.port, error);
    if (m_port < 0) {
        m_err << "error: " << error << "\n";
        return false;
    }
    if (!is_loopback(m_opts.bind))
        m_err << "warning: listening on " << m_opts.bind
              << ", not just this machine: anyone on the network can see the preview\n";

    // Watch first, then build: a save during the first build is not lost.
    std::string root = fs::parent(m_opts.config);
    WatchOptions w;
    w.dirs.push_back(fs::join(root, "content"));
    w.files.push_back(m_opts.config);
    w.poll = m_opts.poll;
    Diagnostics ignored;
    if (auto config = load_config(m_opts.config, ignored)) {
        if (fs::is_dir(config->theme_dir())) w.dirs.push_back(config->theme_dir());
    } else if (fs::is_dir(fs::join(root, "themes"))) {
        w.dirs.push_back(fs::join(root, "themes"));
    }
    m_watched = w.dirs;
    m_watcher = make_watcher(w);
    m_watcher->start_prepared([this](const std::vector<std::string>& changed) { return prepare(changed); });

    rebuild({});
    m_server.start();
    m_out << "Serving " << url() << " (drafts included; Ctrl-C to stop)\n"
          << "Watching content/, the theme and " << fs::filename(m_opts.config) << " (" << m_watcher->kind() << ")\n"
          << std::flush;
    return true;
}

void Preview::stop() {
    if (m_watcher) m_watcher->stop();
    m_server.stop();
}

void Preview::watch_theme(const std::string& dir) {
    if (!m_watcher || !fs::is_dir(dir)) return;
    if (std::find(m_watched.begin(), m_watched.end(), dir) != m_watched.end()) return;
    m_watched.push_back(dir);
    m_watcher->add_dir(dir);
}

GitHistory Preview::history_for(const std::string& root) {
    if (!m_opts.git) {
        GitHistory none;
        none.why = "serve --no-git";
        return none;
    }
    // History is read again only when HEAD moves; which files are uncommitted, every time.
    std::string head = git_head(root);
    if (!m_history || head != m_git_head) {
        m_history = read_git_history(root, {"content/", false});
        m_git_head = head;
    }
    GitHistory h = *m_history;
    if (h.available) h.uncommitted = git_uncommitted(root, "content/");
    return h;
}

bool Preview::rebuild(const std::vector<std::string>& changed) {
    bool ok = false;
    if (auto publish = prepare(changed, &ok)) publish();
    return ok;
}

Watcher::Publish Preview::prepare(const std::vector<std::string>& changed, bool* ok_out) {
    std::unique_lock lock(m_build_mutex);
    auto started = std::chrono::steady_clock::now();
    double cpu_started = cpu_ms();
    auto shared_diags = std::make_shared<Diagnostics>();
    Diagnostics& diags = *shared_diags;
    auto next = std::make_shared<SiteState>(m_state ? *m_state : SiteState{});
    bool ok = false;
    size_t files_changed = 0;
    size_t pages = 0;
    std::vector<std::string> notes;
    std::string phases;
    auto stamps = std::make_shared<std::map<std::string, int64_t>>(m_stamps);
    if (auto config = load_config(m_opts.config, diags)) {
        watch_theme(config->theme_dir());
        m_base_path = config->base.path;
        BuildOptions opts;
        opts.serve = true;
        opts.drafts = true;
        opts.output = "(preview)";
        Site site(*config, opts);
        site.use_history(history_for(config->root));
        site.use_cache(&m_cache);
        auto files = std::make_shared<MemoryFiles>();
        site.write_to_memory(files.get());
        m_cache.renders.rendered = 0;
        m_cache.renders.reused = 0;
        m_cache.pages_html.built = 0;
        m_cache.pages_html.reused = 0;
        m_cache.search.analysed = 0;
        m_cache.search.reused = 0;
        BuildResult r = site.build(diags);
        notes = r.notes;
        if (m_opts.verbose) {
            char line[96];
            for (const auto& ph : r.phases) {
                std::snprintf(line, sizeof line, "  %-20s %8.1f ms\n", ph.name.c_str(), ph.ms);
                phases += line;
            }
            phases += "  pages: " + std::to_string(m_cache.pages_html.built) + " made, " +
                      std::to_string(m_cache.pages_html.reused) + " unchanged; templates: " +
                      std::to_string(m_cache.renders.rendered) + " rendered, " + std::to_string(m_cache.renders.reused) +
                      " reused; search: " + std::to_string(m_cache.search.analysed) + " pages analysed, " +
                      std::to_string(m_cache.search.reused) + " unchanged\n";
        }
        if (r.ok) {
            ok = true;
            pages = r.pages;
            files_changed = count_changed(m_state ? m_state->files.get() : nullptr, *files, *stamps);
            next->files = std::move(files);
            next->base_path = config->base.path;
            next->roots = {fs::absolute(config->content_dir()), fs::absolute(fs::join(config->theme_dir(), "static"))};
            if (files_changed > 0) ++next->build;
        }
    }
    if (ok_out) *ok_out = ok;
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    double cpu = cpu_ms() - cpu_started;
    // What follows is done when the result is published (the watcher may drop it instead).
    return [this, shared_diags, next, ok, files_changed, pages, notes, phases, stamps, changed, ms, cpu] {
        std::lock_guard publish_lock(m_build_mutex);
        const Diagnostics& diags = *shared_diags;
        if (!m_said_notes)
            for (const auto& n : notes) m_err << "note: " << n << "\n";
        m_said_notes = true;
        m_out << phases;
        if (ok) m_stamps = *stamps;
        std::vector<Diagnostic> errors;
        for (const auto& d : diags.sorted())
            if (d.severity == Severity::Error) errors.push_back(d);
        // The errors in the files just saved come first: one typo in front matter also breaks every
        // link to that page, and the overlay should open on the cause.
        std::set<std::string> saved;
        for (const auto& c : changed) saved.insert(fs::absolute(c));
        std::stable_partition(errors.begin(), errors.end(),
                              [&](const Diagnostic& d) { return saved.count(fs::absolute(d.loc.path)) > 0; });
        bool had_errors = !m_last_ok;
        m_last_ok = ok;
        next->errors_json = errors_json(errors, next->build);
        m_server.update(next);
        uint64_t previous = m_state ? m_state->build : 0;
        m_state = next;
        if (ok && (next->build != previous || had_errors)) m_hub.publish("reload", std::to_string(next->build));
        if (!ok) m_hub.publish("errors", std::to_string(errors.size()));

        // The terminal says what the browser shows.
        std::string report = diags.format_all();
        if (!ok || report != m_last_report) m_err << report;
        m_last_report = report;
        std::string what;
        if (!changed.empty()) {
            std::string first = changed.front();
            std::string root = fs::parent(fs::absolute(m_opts.config));
            if (starts_with(fs::absolute(first), root + "/")) first = fs::absolute(first).substr(root.size() + 1);
            what = " after " + first + (changed.size() > 1 ? " and " + plural(changed.size() - 1, "other") : "");
        }
        char took[64];
        if (m_opts.verbose) std::snprintf(took, sizeof took, "%.0f ms (%.0f ms of CPU time)", ms, cpu);
        else std::snprintf(took, sizeof took, "%.0f ms", ms);
        if (!ok)
            m_err << "Build failed" << what << ": " << plural(errors.size(), "error")
                  << ". The preview shows the errors on every page until they are fixed.\n";
        else if (changed.empty())
            m_out << "Built " << plural(pages, "page") << " in " << took << "\n";
        else
            m_out << "Rebuilt in " << took << what << ": " << plural(files_changed, "file") << " changed\n";
        m_out << std::flush;
        m_err << std::flush;
    };
}

}  // namespace tk
