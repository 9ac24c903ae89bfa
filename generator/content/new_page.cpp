#include "content/new_page.h"

#include <algorithm>
#include <cstdio>

#include "util/slug.h"
#include "util/strings.h"
#include "util/url.h"

namespace tk {

namespace {

bool valid_slug(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return s.find("--") == std::string_view::npos;
}

}  // namespace

std::optional<NewPage> plan_new_page(const Config& config, const ContentTree& tree, std::string_view type,
                                     std::string_view where, toml::date today, std::string& error) {
    const std::vector<std::string> types = {"guidance", "template", "tool"};
    if (std::find(types.begin(), types.end(), type) == types.end()) {
        error = "unknown type '" + std::string(type) + "'";
        if (auto n = nearest(type, types)) error += " (did you mean '" + *n + "'?)";
        else error += " (expected guidance, template or tool)";
        return std::nullopt;
    }
    std::string path(where);
    if (ends_with(path, ".md")) path.resize(path.size() - 3);
    auto parts = split(path, '/');
    if (parts.size() != 2) {
        error = "expected STAGE/SLUG, such as strategy/early-market-engagement, not '" + std::string(where) + "'";
        return std::nullopt;
    }
    std::string stage(parts[0]), slug(parts[1]);
    const Stage* st = nullptr;
    std::vector<std::string> stage_ids;
    for (const auto& s : tree.stages) {
        stage_ids.push_back(s.id);
        if (s.id == stage) st = &s;
    }
    if (!st) {
        error = "no stage '" + stage + "'";
        if (auto n = nearest(stage, stage_ids)) error += " (did you mean '" + *n + "'?)";
        else if (!stage_ids.empty()) {
            error += " (the stages are ";
            for (size_t i = 0; i < stage_ids.size(); ++i) error += (i ? ", " : "") + stage_ids[i];
            error += ")";
        }
        return std::nullopt;
    }
    if (!valid_slug(slug)) {
        error = "'" + slug + "' is not a slug: use lower-case letters, digits and single hyphens, such as early-market-engagement";
        return std::nullopt;
    }
    if (config.audiences.empty()) {
        error = "config.toml has no [audiences], and a " + std::string(type) + " page needs one";
        return std::nullopt;
    }
    // After the last page of the stage, whatever its type.
    int weight = 0;
    for (size_t i : st->items) weight = std::max(weight, tree.pages[i].weight);
    weight += 10;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", int(today.year), int(today.month), int(today.day));

    NewPage p;
    p.rel_path = stage + "/" + slug + ".md";
    p.url = url_for_id(stage + "/" + slug);
    p.text = "+++\n";
    p.text += "title = \"" + title_from_slug(slug) + "\"\n";
    p.text += "summary = \"\"\n";
    p.text += "type = \"" + std::string(type) + "\"\n";
    p.text += "weight = " + std::to_string(weight) + "\n";
    p.text += "audiences = [\"" + config.audiences.front().first + "\"]\n";
    p.text += "last_reviewed = " + std::string(date) + "\n";
    if (type == "tool") p.text += "tool = \"" + slug + "\"\n";
    p.text += "draft = true\n";
    p.text += "+++\n";
    return p;
}

}  // namespace tk
