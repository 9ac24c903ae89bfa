#pragma once
// The internal half of `toolkit check`: every HTML file of a built site is parsed (in
// parallel), and every link in it must reach a file of the site, and every #fragment an id on
// the page it names. External links are collected for the external half.
#include <map>
#include <string>
#include <vector>

#include "check/report.h"
#include "diag/diagnostics.h"
#include "links/link_map.h"
#include "util/url.h"

namespace tk {

struct SiteCheckOptions {
    std::string dir;                  // the built site
    BaseUrl base;                     // the base its URLs were built for
    const LinkMap* sources = nullptr; // from <dir>.linkmap.json, when the build wrote one
};

/// External URL (without fragment) -> every place that links to it.
using ExternalUses = std::map<std::string, std::vector<LinkUseSite>>;

struct SiteCheck {
    bool ok = false;  // false when the site could not be read (see diags)
    CheckReport report;
    ExternalUses external;
};

SiteCheck check_site(const SiteCheckOptions& options, Diagnostics& diags);

/// Adds the Markdown locations of `use` from the link map, matching page and href.
void add_sources(LinkUseSite& use, const std::string& site_path, const LinkMap& sources);

}  // namespace tk
