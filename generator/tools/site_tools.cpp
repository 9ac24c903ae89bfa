#include "tools/site_tools.h"

#include "tools/check.h"
#include "tools/loader.h"

namespace tk {

using mdata = mustache::data;

void SiteTools::load(const Config& config, const SiteData& data, Diagnostics& diags) {
    m_tools = load_tools(config.content_dir(), data, diags);
}

std::vector<std::string> SiteTools::generated_paths(const ContentTree& tree) const {
    std::vector<std::string> out;
    for (const auto& p : tree.pages) {
        if (p.type != PageType::Tool) continue;
        if (const Tool* t = m_tools.find(p.tool))
            for (auto& path : tool_step_paths(*t, p.url)) out.push_back(std::move(path));
    }
    return out;
}

void SiteTools::prepare(const Config& config, const ContentTree& tree, const std::vector<RenderedMarkdown>& markdown,
                        const std::map<std::string, std::string>& assets, Diagnostics& diags) {
    PageCatalog catalog = make_catalog(tree, markdown);
    size_t before = diags.error_count();
    for (const auto& t : m_tools.tools) check_tool_refs(t, catalog, diags);
    check_tool_pages(tree.pages, m_tools, diags);
    if (diags.error_count() > before) return;
    auto asset = [&](const std::string& key) {
        auto it = assets.find(key);
        return it == assets.end() ? std::string() : it->second;
    };
    for (size_t i = 0; i < tree.pages.size(); ++i) {
        const Page& p = tree.pages[i];
        const Tool* tool = p.type == PageType::Tool ? m_tools.find(p.tool) : nullptr;
        if (!tool) continue;
        // static/tools/decision-tree.js -> asset key "tools_decision_tree_js"
        std::string script_key = std::string("tools_") + tool_kind_name(tool->kind) + "_js";
        for (char& c : script_key)
            if (c == '-') c = '_';
        ToolContext ctx{catalog, config.base, p.url, p.title, config.title, asset(script_key), asset("tools_tools_css")};
        PageTool pt;
        pt.rendered = render_tool(*tool, ctx);
        const std::string& repo = config.repo_url;
        if (repo.rfind("https://github.com/", 0) == 0) {
            std::string file = "content/_data/tools/" + tool->name + ".toml";
            pt.edit_url = repo + "/edit/" + config.repo_branch + "/" + file;
            pt.history_url = repo + "/commits/" + config.repo_branch + "/" + file;
        }
        pt.script = ctx.script_url;
        pt.style = ctx.style_url;
        m_pages.emplace(i, std::move(pt));
    }
}

void SiteTools::fill_view(size_t page, mdata& view) const {
    auto it = m_pages.find(page);
    if (it == m_pages.end()) return;
    view.set("has_tool", true);
    view.set("tool_html", it->second.rendered.html);
    view.set("tool_script", it->second.script);
    view.set("tool_style", it->second.style);
}

size_t SiteTools::write_steps(const ContentTree& tree, const ViewBuilder& views, const Theme& theme, OutputDir& out,
                              const std::function<std::string(size_t)>& nav, Diagnostics& diags) const {
    std::string layout = theme.has("tool-step") ? "tool-step" : "tool";
    size_t written = 0;
    for (const auto& [index, pt] : m_pages) {
        if (pt.rendered.steps.empty()) continue;
        // The tool page's own view gives the breadcrumbs, stage and navigation; a step replaces
        // its title, address and content.
        mdata base = views.page_view(index, nav(index));
        const Page& tool_page = tree.pages[index];
        for (const auto& step : pt.rendered.steps) {
            mdata v = base;
            mdata generic = views.base_view(step.title, step.site_path, step.summary);
            mdata page = *base.get("page");
            const mdata& gp = *generic.get("page");
            for (const char* k : {"title", "summary", "url", "canonical", "report_url"}) page.set(k, *gp.get(k));
            page.set("content", "");
            page.set("has_toc", false);
            page.set("toc", mdata(mdata::type::list));
            page.set("has_sources", false);
            page.set("sources", mdata(mdata::type::list));
            page.set("has_who", false);
            // A step is made from the tool's definition: history and edits are of that file.
            if (!pt.edit_url.empty()) {
                page.set("edit_url", pt.edit_url);
                page.set("history_url", pt.history_url);
            }
            ViewBuilder::set_presence(page);
            v.set("page", page);
            mdata crumbs = *base.get("breadcrumbs");
            mdata tool_crumb(mdata::type::object);
            tool_crumb.set("title", tool_page.title);
            tool_crumb.set("url", *base.get("page")->get("url"));
            crumbs.push_back(tool_crumb);
            v.set("breadcrumbs", crumbs);
            mdata step_info(mdata::type::object);
            step_info.set("heading", tool_page.title);
            step_info.set("tool_url", *base.get("page")->get("url"));
            v.set("tool_step", step_info);
            v.set("prev", false);
            v.set("next", false);
            v.set("has_related", false);
            v.set("has_tool", true);
            v.set("tool_html", step.html);
            v.set("tool_script", pt.script);
            v.set("tool_style", pt.style);
            std::string html;
            if (!theme.render(layout, views.common(), v, html, diags)) continue;
            std::string rel = step.site_path.substr(1) + "index.html";
            if (out.write(rel, html, diags)) ++written;
        }
    }
    return written;
}

}  // namespace tk
