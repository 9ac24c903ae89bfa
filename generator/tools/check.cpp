#include "tools/check.h"

#include <algorithm>

#include "util/strings.h"

namespace tk {

PageCatalog make_catalog(const ContentTree& tree, const std::vector<RenderedMarkdown>& markdown) {
    PageCatalog c;
    for (size_t i = 0; i < tree.pages.size(); ++i) {
        const Page& p = tree.pages[i];
        PageCatalog::Entry e;
        e.title = p.title;
        e.url = p.url;
        e.stage = p.type == PageType::Stage;
        if (i < markdown.size())
            for (const auto& h : markdown[i].headings) e.anchors.push_back(h.id);
        c.pages.emplace(p.id, std::move(e));
    }
    for (const auto& f : tree.files) c.files.insert(f.rel);
    return c;
}

namespace {

class RefChecker {
public:
    RefChecker(const Tool& tool, const PageCatalog& catalog, Diagnostics& diags)
        : m_tool(tool), m_catalog(catalog), m_diags(diags) {
        for (const auto& [id, e] : catalog.pages) m_ids.push_back(id);
    }

    void page(const PageRef& r) {
        auto it = m_catalog.pages.find(r.page);
        if (it == m_catalog.pages.end()) {
            std::string msg = "no page '" + r.page + "'";
            if (auto n = nearest(r.page, m_ids)) msg += " (did you mean '" + *n + "'?)";
            m_diags.error(r.loc, msg, m_tool.text);
            return;
        }
        if (r.anchor.empty()) return;
        const auto& anchors = it->second.anchors;
        if (std::find(anchors.begin(), anchors.end(), r.anchor) != anchors.end()) return;
        std::string msg = "no heading '#" + r.anchor + "' in '" + r.page + "'";
        if (auto n = nearest(r.anchor, anchors)) msg += " (did you mean '#" + *n + "'?)";
        m_diags.error(r.anchor_loc, msg, m_tool.text);
    }

    void stage(const std::string& id, const SourceLocation& loc) {
        auto it = m_catalog.pages.find(id);
        if (it != m_catalog.pages.end() && it->second.stage) return;
        std::vector<std::string> stages;
        for (const auto& [pid, e] : m_catalog.pages)
            if (e.stage) stages.push_back(pid);
        std::string msg = "no stage '" + id + "'";
        if (auto n = nearest(id, stages)) msg += " (did you mean '" + *n + "'?)";
        m_diags.error(loc, msg, m_tool.text);
    }

    void file(const ExampleFile& f) {
        if (m_catalog.files.count(f.file)) return;
        std::vector<std::string> files(m_catalog.files.begin(), m_catalog.files.end());
        std::string msg = "no file 'content/" + f.file + "'";
        if (auto n = nearest(f.file, files)) msg += " (did you mean '" + *n + "'?)";
        m_diags.error(f.loc, msg, m_tool.text);
    }

private:
    const Tool& m_tool;
    const PageCatalog& m_catalog;
    Diagnostics& m_diags;
    std::vector<std::string> m_ids;
};

}  // namespace

void check_tool_refs(const Tool& tool, const PageCatalog& catalog, Diagnostics& diags) {
    RefChecker check(tool, catalog, diags);
    if (const auto* t = tool.tree())
        for (const auto& n : t->nodes)
            for (const auto& l : n.links) check.page(l);
    if (const auto* a = tool.assessment())
        for (const auto& s : a->stages) {
            check.stage(s.stage, s.loc);
            for (const auto& l : s.links) check.page(l);
        }
    if (const auto* r = tool.registers())
        for (const auto& f : r->examples) check.file(f);
}

void check_tool_pages(const std::vector<Page>& pages, const ToolSet& tools, Diagnostics& diags) {
    std::vector<std::string> names = tools.names();
    std::set<std::string> used;
    for (const auto& p : pages) {
        // A tool page without `tool` describes a tool that lives elsewhere: nothing to render.
        if (p.type != PageType::Tool || p.tool.empty()) continue;
        used.insert(p.tool);
        if (tools.find(p.tool)) continue;
        // A definition with errors has said so already.
        if (std::find(tools.failed.begin(), tools.failed.end(), p.tool) != tools.failed.end()) continue;
        std::string msg = "no tool '" + p.tool + "' in content/_data/tools/";
        if (auto n = nearest(p.tool, names)) msg += " (did you mean '" + *n + "'?)";
        else if (!names.empty()) {
            msg += " (there are: ";
            for (size_t i = 0; i < names.size(); ++i) msg += (i ? ", " : "") + names[i];
            msg += ")";
        }
        diags.error(p.tool_loc, msg, p.text);
    }
    for (const auto& t : tools.tools)
        if (!used.count(t.name))
            diags.warning({t.path, 0, 0}, "tool '" + t.name + "' is not used by any page (a page of type 'tool' with tool = \"" +
                                              t.name + "\")");
}

}  // namespace tk
