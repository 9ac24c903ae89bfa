#pragma once
// The external half of `toolkit check --external`: each distinct http(s) URL is asked once,
// unless a pattern excludes it or the cache answered it recently.
#include <cstdint>
#include <optional>
#include <string>

#include "check/exclude.h"
#include "check/http_probe.h"
#include "check/report.h"
#include "check/site_check.h"
#include "diag/diagnostics.h"
#include "links/link_map.h"

namespace tk {

struct ExternalOptions {
    ProbeOptions probe;
    ExcludeList exclude;
    std::string cache_path;            // "" for no cache
    int64_t max_age_s = 7 * 24 * 3600;
    int64_t now = 0;                   // seconds since the epoch
    ProbeProgressFn progress;
    const LinkMap* sources = nullptr;  // to name the Markdown line of a finding
    std::string base_path = "/";
};

struct Verdict {
    LinkStatus status;
    std::string reason;
};

/// What an answer means: nullopt when the link works as it is.
std::optional<Verdict> judge(const ProbeResult& r);

/// Checks every URL of `uses` and adds a finding per URL that is broken, blocked or redirected.
void check_external(const ExternalUses& uses, const ExternalOptions& options, CheckReport& report, Diagnostics& diags);

}  // namespace tk
