#pragma once
// Site: the build as an ordered list of phases. It parses nothing itself.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "diag/diagnostics.h"
#include "git/history.h"
#include "output/memory_files.h"

namespace tk {

struct BuildOptions {
    bool drafts = false;
    bool serve = false;          // preview: drafts marked, live-reload script
    std::string output;          // overrides config output_dir
    std::string base_url;        // overrides config base_url
    bool strict = false;         // warnings fail the build
    std::vector<std::string> extra_scripts;  // site paths of scripts added to every page (serve)
};

struct PhaseTime {
    std::string name;
    double ms;
    double cpu_ms;  // CPU time of all threads in the phase (user and system); < 0: not measured
};

struct BuildResult {
    bool ok = false;
    size_t pages = 0;    // HTML pages written
    size_t files = 0;    // all files written
    double ms = 0;
    std::vector<PhaseTime> phases;
    std::string output;  // where the site was written
    std::vector<std::string> notes;  // things to say once that are not warnings ("no git dates: ...")
};

struct BuildCache;

class Site {
public:
    Site(Config config, BuildOptions options) : m_config(std::move(config)), m_options(std::move(options)) {}
    BuildResult build(Diagnostics& diags);
    /// Use this history instead of reading git (tests pass a fixed one; serve reads it once per commit).
    void use_history(GitHistory history) { m_history = std::move(history); }
    /// Serve: reuse the previous build's work where its inputs are unchanged (site/build_cache.h).
    void use_cache(BuildCache* cache) { m_cache = cache; }
    /// Serve: put the site into `files` instead of the output folder.
    void write_to_memory(MemoryFiles* files) { m_memory = files; }

private:
    Config m_config;
    BuildOptions m_options;
    std::optional<GitHistory> m_history;
    BuildCache* m_cache = nullptr;
    MemoryFiles* m_memory = nullptr;
};

/// The build date: SOURCE_DATE_EPOCH when set, else today (UTC), as YYYY, MM, DD.
struct BuildDate {
    int year, month, day;
};
BuildDate build_date();

}  // namespace tk
