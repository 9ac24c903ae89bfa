#pragma once
// When a page is due for review: its review_by, else last_reviewed plus the configured interval.
// Used by the build (a warning, and the page's "review by" line) and by `toolkit check --stale`.
#include <toml++/toml.h>

#include <optional>

#include "content/page.h"

namespace tk {

/// `d` plus `months`, the day clamped to the end of a shorter month (31 Jan + 1 -> 28/29 Feb).
toml::date add_months(toml::date d, int months);

/// The date by which `p` should be reviewed, if it has one.
std::optional<toml::date> review_due_date(const Page& p, int interval_months);

/// True when the due date has passed (a page due today is not yet late).
bool is_due_for_review(const Page& p, int interval_months, const toml::date& today);

}  // namespace tk
