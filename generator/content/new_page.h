#pragma once
// `toolkit new`: a new page of a stage with its front matter filled in, ready to write.
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"
#include "content/content_tree.h"

namespace tk {

struct NewPage {
    std::string rel_path;  // "strategy/my-topic.md", under content/
    std::string url;       // site path: "/strategy/my-topic/"
    std::string text;      // the file
};

/// The page `type` (guidance, template or tool) at `where` ("strategy/my-topic"): title from the
/// slug, `today` as last_reviewed, the next weight in the stage, the config's first audience,
/// and draft = true. Sources are left for the editor to add: a placeholder would be invented.
/// On a bad argument returns nullopt and says why in `error`.
std::optional<NewPage> plan_new_page(const Config& config, const ContentTree& tree, std::string_view type,
                                     std::string_view where, toml::date today, std::string& error);

}  // namespace tk
