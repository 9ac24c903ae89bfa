#pragma once
// The tools' part in a build, in the order Site::build calls it: load the definitions, name the
// pages they make, check them once every page is known, render them, then fill the tool pages'
// views and write the step pages.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/content_tree.h"
#include "content/site_data.h"
#include "output/output_dir.h"
#include "render/view.h"
#include "templates/theme.h"
#include "tools/render.h"

namespace tk {

class SiteTools {
public:
    void load(const Config& config, const SiteData& data, Diagnostics& diags);
    /// Site paths of the step pages, so that links to them resolve and nothing else takes them.
    std::vector<std::string> generated_paths(const ContentTree& tree) const;
    /// Checks every tool's links and every tool page's `tool`, then renders the tools.
    void prepare(const Config& config, const ContentTree& tree, const std::vector<RenderedMarkdown>& markdown,
                 const std::map<std::string, std::string>& assets, Diagnostics& diags);
    /// Sets has_tool, tool_html, tool_script and tool_style on a tool page's view.
    void fill_view(size_t page, mustache::data& view) const;
    /// Writes the step pages with the `tool-step` layout (or `tool` when the theme has none).
    /// `nav(page)` gives the step-by-step navigation with `page` marked.
    size_t write_steps(const ContentTree& tree, const ViewBuilder& views, const Theme& theme, OutputDir& out,
                       const std::function<std::string(size_t)>& nav, Diagnostics& diags) const;
    const ToolSet& tools() const { return m_tools; }

private:
    struct PageTool {
        RenderedTool rendered;
        std::string script, style;
        std::string edit_url, history_url;  // of the definition, for the step pages
    };
    ToolSet m_tools;
    std::map<size_t, PageTool> m_pages;  // tool page index -> its tool
};

}  // namespace tk
