#pragma once
// What `toolkit check` found, grouped by target (one broken page linked from ten places is one
// finding with ten uses), as text for people or JSON for machines.
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace tk {

enum class LinkStatus {
    Broken,      // fails the check
    Blocked,     // 403, 429, 999: the server turns checkers away; a warning
    Redirected,  // works, through redirects: worth updating
};
const char* link_status_name(LinkStatus s);

struct LinkUseSite {
    std::string page;       // URL of the page holding the link: "/toolkit/strategy/x/"
    std::string element;    // "a", "img" ...
    std::string attribute;  // "href", "src", "srcset", "action", "content"
    std::string href;       // as written in the HTML
    int line = 0;           // line in the HTML file
    std::vector<SourceLocation> sources;  // the Markdown it came from, when the build recorded it
};

struct Finding {
    LinkStatus status = LinkStatus::Broken;
    bool external = false;
    std::string target;    // "/toolkit/x/#a" or "https://example.org/x"
    std::string reason;    // "no page: site/x/index.html", "HTTP 404"
    int http_status = 0;
    std::string final_url; // where redirects end
    std::vector<LinkUseSite> uses;
};

struct CheckSummary {
    size_t pages = 0;             // HTML files read
    size_t links = 0;             // links found, srcset candidates counted one by one
    size_t external_links = 0;    // distinct external URLs
    size_t external_checked = 0;  // asked over the network in this run
    size_t external_cached = 0;   // answered from the cache
    size_t external_excluded = 0; // skipped by an exclude pattern
    bool external_enabled = false;
};

struct CheckReport {
    CheckSummary summary;
    std::vector<Finding> findings;
    size_t count(LinkStatus s) const;
    /// Findings by status (broken first), then target; uses by page, line, href.
    void sort();
};

/// The readable report: one block per target, then the summary line.
std::string format_text(const CheckReport& report);
/// "Checked 12 pages and 340 links: 2 broken, 1 blocked."
std::string summary_line(const CheckReport& report);
std::string format_json(const CheckReport& report);

}  // namespace tk
