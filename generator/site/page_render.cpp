#include "site/page_render.h"

#include "util/hash.h"

namespace tk {

// The navigation goes in as a marker and is spliced in afterwards: a stage of thousands of pages
// has a large navigation, and copying it through every view would cost more than the page.
const std::string k_nav_marker = "\x1E" "step-nav" "\x1F";

namespace {

bool build_and_render(const ViewBuilder& views, const Theme& theme, const SiteTools& tools, size_t i,
                      const StageNav* nav, std::string& html, Diagnostics& diags) {
    const Page& p = views.inputs().tree.pages[i];
    html.reserve(views.inputs().markdown[i].html.size() + 16384);
    if (p.id == "glossary" && p.type == PageType::Page)
        return theme.render("glossary", views.glossary_view(views.inputs().markdown[i].html), html, diags);
    mustache::data view = views.page_view(i, nav ? k_nav_marker : std::string());
    tools.fill_view(i, view);
    return theme.render(views.layout_for(p), views.common(), view, html, diags);
}

/// The page with its stage's navigation in place of the marker, this page marked current.
std::string splice(const std::string& html, const StageNav* nav, size_t i) {
    size_t at = nav ? html.find(k_nav_marker) : std::string::npos;
    if (at == std::string::npos) return html;
    auto mark = nav->marks.find(i);
    size_t split = mark == nav->marks.end() ? nav->html.size() : mark->second;
    std::string out;
    out.reserve(html.size() + nav->html.size() + 24);
    out.append(html, 0, at);
    out.append(nav->html, 0, split);
    if (mark != nav->marks.end()) out += " aria-current=\"page\"";
    out.append(nav->html, split, std::string::npos);
    out.append(html, at + k_nav_marker.size(), std::string::npos);
    return out;
}

}  // namespace

std::shared_ptr<const std::string> make_page(const ViewBuilder& views, const Theme& theme, const SiteTools& tools,
                                             size_t i, const StageNav* nav, PageHtmlCache* cache, Diagnostics& diags) {
    const Page& p = views.inputs().tree.pages[i];
    // The glossary page shows the glossary data too, which page_key does not cover.
    bool keyed = cache && !(p.id == "glossary" && p.type == PageType::Page);
    uint64_t key = 0;
    std::shared_ptr<const std::string> hit;
    if (keyed) {
        key = hash_combine(views.page_key(i, nav ? k_nav_marker : std::string()), theme.fingerprint());
        // What the tools add to a tool page's view (nothing elsewhere).
        mustache::data added(mustache::data::type::object);
        tools.fill_view(i, added);
        key = hash_combine(key, view_fingerprint(added).value_or(0));
        if (nav) {
            auto mark = nav->marks.find(i);
            key = hash_combine(hash_combine(key, nav->hash), mark == nav->marks.end() ? 0 : mark->second + 1);
        }
        hit = cache->entries.find(key);
        if (hit && !cache->verify) {
            ++cache->reused;
            return hit;
        }
    }
    std::string html;
    if (!build_and_render(views, theme, tools, i, nav, html, diags)) return nullptr;
    auto made = std::make_shared<const std::string>(splice(html, nav, i));
    if (!keyed) return made;
    ++cache->built;
    if (hit && *hit != *made)
        diags.error({p.source_path, 0, 0}, "internal error: the page's HTML from the previous build differs from a "
                                           "fresh render, so ViewBuilder::page_key misses something page_view reads");
    return cache->entries.store(key, made);
}

bool render_stage_nav(const ViewBuilder& views, const Theme& theme, size_t stage, size_t group, PageHtmlCache* cache,
                      std::string& out, Diagnostics& diags) {
    if (!cache) return theme.render_partial("step-nav", views.stage_nav_view(stage, group), out, diags);
    uint64_t key =
        hash_combine(hash_combine(views.stage_nav_key(stage, group), theme.fingerprint()), hash64("step-nav"));
    auto hit = cache->entries.find(key);
    if (hit && !cache->verify) {
        out += *hit;
        return true;
    }
    std::string made;
    if (!theme.render_partial("step-nav", views.stage_nav_view(stage, group), made, diags)) return false;
    if (hit && *hit != made)
        diags.error({theme.dir(), 0, 0}, "internal error: the stage navigation from the previous build differs from a "
                                         "fresh render, so ViewBuilder::stage_nav_key misses something");
    out += made;
    cache->entries.store(key, std::move(made));
    return true;
}

}  // namespace tk
