// A decision tree: the start question on the tool page, every question and outcome on a page of
// its own (answers are links, so it works without JavaScript and each step has a URL), the same
// steps as <template>s for the script to run the tree in place, and the whole tree as a flowchart
// with a text version.
#include <set>

#include "tools/flowchart.h"
#include "tools/render.h"
#include "util/strings.h"

namespace tk {

namespace {

class TreeWriter {
public:
    TreeWriter(const Tool& tool, const DecisionTree& tree, const ToolContext& ctx)
        : m_tool(tool), m_tree(tree), m_ctx(ctx) {}

    std::string step_url(const TreeNode& n) const { return m_ctx.url(m_ctx.page_url + DecisionTree::step_path(n)); }
    std::string start_url() const { return m_ctx.url(m_ctx.page_url); }
    std::string doc_title(const TreeNode& n) const {
        std::string t = n.title + " - " + m_ctx.page_title;
        return m_ctx.site_title.empty() ? t : t + " - " + m_ctx.site_title;
    }

    /// One question or outcome, headed by an h2 that takes focus when it is shown.
    std::string node(const TreeNode& n) const {
        std::string hid = "tree-" + n.id + "-heading";
        // A plain <div>: the step is always shown inside the tool, under its own heading.
        std::string s = "<div class=\"tree-step" + std::string(n.is_outcome() ? " tree-step--outcome" : "") +
                        "\" data-tree-step=\"" + n.id + "\">\n";
        if (!n.is_outcome()) {
            s += "<h2 class=\"tree-step__question\" id=\"" + hid + "\" tabindex=\"-1\">" + html_escape(n.text) + "</h2>\n";
            if (!n.hint.empty()) s += "<p class=\"tree-step__hint\">" + html_escape(n.hint) + "</p>\n";
            s += "<ul class=\"tree-answers\">\n";
            for (const auto& a : n.answers) {
                const TreeNode& next = *m_tree.find(a.next);
                s += "<li><a class=\"tree-answers__link\" href=\"" + attr_escape(step_url(next)) + "\" data-tree-next=\"" +
                     next.id + "\">" + html_escape(a.label) + "</a></li>\n";
            }
            s += "</ul>\n";
        } else {
            s += "<p class=\"tree-step__caption\">Suggested route</p>\n";
            s += "<h2 class=\"tree-step__title\" id=\"" + hid + "\" tabindex=\"-1\">" + html_escape(n.title) + "</h2>\n";
            s += "<p>" + html_escape(n.why) + "</p>\n";
            if (!n.notices.empty()) {
                s += "<h3>Notices</h3>\n<ul>\n";
                for (const auto& notice : n.notices) s += "<li>" + html_escape(notice) + "</li>\n";
                s += "</ul>\n";
            }
            s += "<h3>Time</h3>\n<p>" + html_escape(n.time) + "</p>\n";
            s += "<h3>Read the guidance</h3>\n<ul>\n";
            for (const auto& l : n.links) s += "<li>" + page_link_html(l, m_ctx) + "</li>\n";
            s += "</ul>\n";
            s += "<div class=\"tree-caveat\"><p>" + html_escape(m_tree.caveat) + "</p></div>\n";
        }
        if (n.id != m_tree.start)
            s += "<p class=\"tree-step__restart\"><a href=\"" + attr_escape(step_url(*m_tree.find(m_tree.start))) +
                 "\" data-tree-next=\"" + m_tree.start + "\">Start again</a></p>\n";
        s += "</div>\n";
        return s;
    }

    /// The panel the script swaps steps in and out of, with every step as a template.
    std::string runner(const TreeNode& current) const {
        std::string s = "<div class=\"tree\" data-tool=\"decision-tree\" data-tree-start=\"" + m_tree.start +
                        "\" data-tree-home=\"" + attr_escape(start_url()) + "\" data-tree-home-title=\"" +
                        attr_escape(m_ctx.site_title.empty() ? m_ctx.page_title : m_ctx.page_title + " - " + m_ctx.site_title) +
                        "\">\n";
        if (current.id == m_tree.start && !m_tree.intro.empty())
            s += "<p class=\"tree__intro\">" + html_escape(m_tree.intro) + "</p>\n";
        s += "<div class=\"tree-path\" data-tree-path hidden>\n<p class=\"tree-path__title\">Your answers so far</p>\n"
             "<ol class=\"tree-path__list\"></ol>\n</div>\n";
        s += "<div class=\"tree__panel\" data-tree-panel>\n" + node(current) + "</div>\n";
        for (const auto& n : m_tree.nodes)
            s += "<template data-tree-node=\"" + n.id + "\" data-tree-url=\"" + attr_escape(step_url(n)) +
                 "\" data-tree-title=\"" + attr_escape(doc_title(n)) + "\" data-tree-label=\"" + attr_escape(n.title) +
                 "\">\n" + node(n) + "</template>\n";
        s += "</div>\n";
        return s;
    }

    /// The text version of the flowchart: the tree as nested lists, each question spelt out once.
    void text_version(const TreeNode& n, std::set<std::string>& done, std::string& s) const {
        if (n.is_outcome()) {
            s += "Suggested route: <a href=\"" + attr_escape(step_url(n)) + "\">" + html_escape(n.title) + "</a>";
            return;
        }
        if (done.count(n.id)) {
            s += "Question: <a href=\"#tree-text-" + n.id + "\">" + html_escape(n.text) + "</a> (see above)";
            return;
        }
        done.insert(n.id);
        s += "<span id=\"tree-text-" + n.id + "\">Question: <a href=\"" + attr_escape(step_url(n)) + "\">" +
             html_escape(n.text) + "</a></span>\n<ul>\n";
        for (const auto& a : n.answers) {
            s += "<li>If “" + html_escape(a.label) + "”: ";
            text_version(*m_tree.find(a.next), done, s);
            s += "</li>\n";
        }
        s += "</ul>\n";
    }

    std::string map() const {
        FlowLayout layout = layout_flowchart(m_tree);
        size_t questions = 0, outcomes = 0;
        for (const auto& n : m_tree.nodes) (n.is_outcome() ? outcomes : questions)++;
        std::string desc = "A flowchart of " + std::to_string(questions) + " questions whose answers lead to " +
                           std::to_string(outcomes) + " suggested routes. The text version below it lists every route.";
        std::string id = "flowchart-" + m_tool.name;
        std::string s = "<section class=\"tree-map\" id=\"" + m_tool.name + "-map\" aria-labelledby=\"" + id + "-heading\">\n";
        s += "<h2 id=\"" + id + "-heading\">Every route at a glance</h2>\n";
        s += "<p>The flowchart shows every question and where each answer leads. On a small screen, scroll it "
             "sideways, or open the text version below it.</p>\n";
        s += "<section class=\"tree-map__scroll\" aria-label=\"Flowchart of every route (scrolls sideways)\" "
             "tabindex=\"0\">\n";
        s += render_flowchart(m_tree, layout, id, "Flowchart: " + m_ctx.page_title, desc);
        s += "\n</section>\n<details class=\"tree-map__text\">\n<summary>Text version of the flowchart</summary>\n<ul>\n<li>";
        std::set<std::string> done;
        text_version(*m_tree.find(m_tree.start), done, s);
        s += "</li>\n</ul>\n</details>\n</section>\n";
        return s;
    }

    RenderedTool render() const {
        RenderedTool out;
        const TreeNode& start = *m_tree.find(m_tree.start);
        out.html = tool_style_tag(m_ctx) + runner(start) + map() + tool_script_tag(m_ctx);
        for (const auto& n : m_tree.nodes) {
            ToolStep step;
            step.site_path = m_ctx.page_url + DecisionTree::step_path(n);
            step.title = n.title + " - " + m_ctx.page_title;
            step.summary = n.is_outcome() ? n.why : n.text;
            step.html = tool_style_tag(m_ctx) + runner(n) + "<p class=\"tree-step__map-link\"><a href=\"" +
                        attr_escape(start_url()) + "#" + m_tool.name + "-map\">See every route at a glance</a></p>\n" +
                        tool_script_tag(m_ctx);
            out.steps.push_back(std::move(step));
        }
        return out;
    }

private:
    const Tool& m_tool;
    const DecisionTree& m_tree;
    const ToolContext& m_ctx;
};

}  // namespace

RenderedTool render_decision_tree(const Tool& tool, const DecisionTree& tree, const ToolContext& ctx) {
    return TreeWriter(tool, tree, ctx).render();
}

}  // namespace tk
