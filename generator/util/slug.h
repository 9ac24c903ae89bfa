#pragma once
// Heading ids made the way GitHub makes them, so links work on GitHub and on the site.
#include <string>
#include <string_view>
#include <unordered_map>

namespace tk {

/// GitHub's rule: lower case, drop punctuation except '-' and '_', spaces to '-'.
/// Letters and digits outside ASCII are kept.
std::string github_slug(std::string_view heading_text);

/// Gives repeated slugs the suffixes -1, -2, ... as GitHub does.
class SlugCounter {
public:
    std::string unique(std::string_view heading_text);

private:
    std::unordered_map<std::string, int> m_seen;
};

/// A title for a slug: "early-market-engagement" -> "Early market engagement".
std::string title_from_slug(std::string_view slug);

}  // namespace tk
