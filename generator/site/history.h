#pragma once
// What the site makes of git history: "Last updated" dates, the "What's changed" page and its
// Atom feed. Everything here is a function of the history value, never of the clock, except
// "today" for uncommitted pages, which only serve asks for.
#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "content/content_tree.h"
#include "git/history.h"
#include "render/view.h"

namespace tk {

/// One change note as the site shows it.
struct ChangeEntry {
    std::string anchor;         // "change-0123456789ab": its id on /whats-new/
    std::string commit;
    int64_t time = 0;
    std::string note;
    std::vector<size_t> pages;  // pages it touched that still exist, by title
};

/// Seconds since the epoch -> the UTC calendar date.
toml::date date_of(int64_t time);
/// "2026-01-01T12:00:00Z"
std::string rfc3339(int64_t time);

/// Page id -> its dates. `today` is given in serve: pages with uncommitted changes get it.
std::unordered_map<std::string, PageDates> page_dates(const ContentTree& tree, const GitHistory& history,
                                                      std::optional<toml::date> today);

/// The change notes, newest first, with the pages they touched.
std::vector<ChangeEntry> change_entries(const ContentTree& tree, const GitHistory& history);

/// The view of /whats-new/ (layout `whats-new`): `changes` and `has_changes` added to a base view.
mustache::data whats_new_view(const ViewBuilder& views, const ContentTree& tree, const Config& config,
                              const std::vector<ChangeEntry>& changes);

/// /whats-new/feed.xml: Atom, absolute URLs, ids from commit ids, `updated` from git.
std::string atom_feed(const Config& config, const ContentTree& tree, const std::vector<ChangeEntry>& changes,
                      const GitHistory& history);

}  // namespace tk
