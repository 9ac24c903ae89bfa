#pragma once
// `toolkit check --stale`: the pages whose review date has passed, with their owners, so that
// someone can be asked to look at them.
#include <toml++/toml.h>

#include <string>
#include <vector>

#include "content/content_tree.h"

namespace tk {

struct StalePage {
    std::string file;   // "content/strategy/x.md"
    std::string title;
    std::string owner;  // "" when the page names none
    toml::date due;
};

/// Guidance, template and tool pages due for review before `today`, oldest first.
std::vector<StalePage> find_stale_pages(const ContentTree& tree, int interval_months, const toml::date& today);

/// A table (file, owner, due date, title) and a closing line.
std::string format_stale(const std::vector<StalePage>& pages, const toml::date& today);

std::string iso_date(const toml::date& d);

}  // namespace tk
