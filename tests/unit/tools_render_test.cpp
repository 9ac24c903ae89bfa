// Rendering tools: the flowchart's layout, the decision tree's steps and the real definitions.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tools/check.h"
#include "tools/flowchart.h"
#include "tools/loader.h"
#include "tools/render.h"
#include "util/fs.h"

using namespace tk;

namespace {

const char* k_tree = R"(kind = "decision-tree"
start = "value"
caveat = "Check with your procurement and legal teams."

[[question]]
id = "value"
title = "Value"
text = "Above the threshold?"
  [[question.answer]]
  label = "Above"
  next = "framework"
  [[question.answer]]
  label = "Below"
  next = "quote"
  [[question.answer]]
  label = "Not sure"
  next = "call-off"

[[question]]
id = "framework"
title = "Framework?"
text = "Does a framework fit?"
  [[question.answer]]
  label = "Yes"
  next = "call-off"
  [[question.answer]]
  label = "No"
  next = "novel"

[[question]]
id = "novel"
title = "Novel?"
text = "Is it novel?"
  [[question.answer]]
  label = "Yes"
  next = "pilot"
  [[question.answer]]
  label = "No"
  next = "open"

[[outcome]]
id = "call-off"
title = "Call off"
why = "W"
time = "T"
links = [{ page = "execution/choosing-a-route", anchor = "what-it-is" }]

[[outcome]]
id = "quote"
title = "Quotation <small>"
why = "W"
time = "T"
links = [{ page = "execution/choosing-a-route", text = "Below the threshold" }]

[[outcome]]
id = "pilot"
title = "Pilot"
why = "W"
time = "T"
links = [{ page = "execution/choosing-a-route" }]

[[outcome]]
id = "open"
title = "Open procedure"
why = "W"
notices = ["Tender notice"]
time = "T"
links = [{ page = "execution/choosing-a-route" }]
)";

Tool load(const char* text) {
    Diagnostics diags;
    SiteData data;
    auto t = parse_tool("content/_data/tools/finder.toml", text, data, diags);
    EXPECT_EQ(diags.format_all(), "");
    return *t;
}

PageCatalog catalog() {
    PageCatalog c;
    c.pages["execution/choosing-a-route"] = {"Choose a route to market", "/execution/choosing-a-route/", {"what-it-is"}, false};
    return c;
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

}  // namespace

TEST(ToolFlowchart, WrapsWordsAtSpaces) {
    EXPECT_EQ(wrap_words("Call off from a framework or dynamic market", 16),
              (std::vector<std::string>{"Call off from a", "framework or", "dynamic market"}));
    EXPECT_EQ(wrap_words("Procurement-termination", 5), std::vector<std::string>{"Procurement-termination"});
    EXPECT_EQ(wrap_words("£207,720 threshold", 9), (std::vector<std::string>{"£207,720", "threshold"}));
}

TEST(ToolFlowchart, LaysOutLayersTopDownWithoutOverlaps) {
    Tool tool = load(k_tree);
    const DecisionTree& tree = *tool.tree();
    FlowLayout layout = layout_flowchart(tree);
    ASSERT_EQ(layout.boxes.size(), tree.nodes.size());
    EXPECT_EQ(layout.edges.size(), 7u);
    EXPECT_EQ(layout.crossings, 0u);
    std::map<size_t, const FlowBox*> by_node;
    for (const auto& b : layout.boxes) by_node[b.node] = &b;
    // Longest path from the start: value 0, framework 1, novel 2, call-off 2, open and pilot 3; quote 1.
    EXPECT_EQ(by_node[tree.index.at("value")]->layer, 0u);
    EXPECT_EQ(by_node[tree.index.at("novel")]->layer, 2u);
    EXPECT_EQ(by_node[tree.index.at("call-off")]->layer, 2u);
    EXPECT_EQ(by_node[tree.index.at("open")]->layer, 3u);
    for (const auto& a : layout.boxes) {
        EXPECT_GE(a.x, 0);
        EXPECT_LE(a.x + a.w, layout.width);
        EXPECT_LE(a.y + a.h, layout.height);
        for (const auto& b : layout.boxes) {
            if (&a == &b || a.layer != b.layer) continue;
            EXPECT_TRUE(a.x + a.w <= b.x || b.x + b.w <= a.x) << "boxes overlap in layer " << a.layer;
        }
    }
    for (const auto& e : layout.edges) {
        ASSERT_GE(e.points.size(), 2u);
        for (size_t k = 1; k < e.points.size(); ++k) EXPECT_GE(e.points[k].y, e.points[k - 1].y) << "edges go down";
        EXPECT_DOUBLE_EQ(e.points.front().y, by_node[e.from]->y + by_node[e.from]->h);
        EXPECT_DOUBLE_EQ(e.points.back().y, by_node[e.to]->y);
    }
    // value -> call-off skips layer 1, so it passes through a layer on the way.
    auto skip = std::find_if(layout.edges.begin(), layout.edges.end(), [&](const FlowEdge& e) {
        return e.from == tree.index.at("value") && e.to == tree.index.at("call-off");
    });
    ASSERT_NE(skip, layout.edges.end());
    EXPECT_EQ(skip->points.size(), 4u);
    EXPECT_EQ(skip->label, std::vector<std::string>{"Not sure"});
}

TEST(ToolFlowchart, RendersAnAccessibleSvg) {
    Tool tool = load(k_tree);
    FlowLayout layout = layout_flowchart(*tool.tree());
    std::string svg = render_flowchart(*tool.tree(), layout, "fc", "Flowchart: finder", "Three questions.");
    EXPECT_NE(svg.find("role=\"img\" aria-labelledby=\"fc-title fc-desc\""), std::string::npos);
    EXPECT_NE(svg.find("<title id=\"fc-title\">Flowchart: finder</title>"), std::string::npos);
    EXPECT_EQ(count(svg, "<polyline"), layout.edges.size());
    EXPECT_EQ(count(svg, "flowchart__node--outcome"), 4u);
    EXPECT_NE(svg.find("Quotation &lt;small&gt;"), std::string::npos);
    EXPECT_EQ(svg.find("<small>"), std::string::npos);
}

TEST(ToolRender, DecisionTreeStepsAreLinkedPagesUnderTheBasePath) {
    Tool tool = load(k_tree);
    PageCatalog cat = catalog();
    BaseUrl base = BaseUrl::parse("https://example.org/toolkit/");
    ToolContext ctx{cat, base, "/execution/finder/", "Finder", "Toolkit", "/toolkit/tools/decision-tree.js", "/toolkit/tools/tools.css"};
    RenderedTool r = render_tool(tool, ctx);
    EXPECT_EQ(tool_step_paths(tool, "/execution/finder/"),
              (std::vector<std::string>{"/execution/finder/q/value/", "/execution/finder/q/framework/",
                                        "/execution/finder/q/novel/", "/execution/finder/outcome/call-off/",
                                        "/execution/finder/outcome/quote/", "/execution/finder/outcome/pilot/",
                                        "/execution/finder/outcome/open/"}));
    ASSERT_EQ(r.steps.size(), 7u);
    EXPECT_EQ(r.steps[1].site_path, "/execution/finder/q/framework/");
    EXPECT_EQ(r.steps[1].title, "Framework? - Finder");
    // The tool page shows the start question; its answers are links to the next steps' pages.
    EXPECT_NE(r.html.find("<a class=\"tree-answers__link\" href=\"/toolkit/execution/finder/q/framework/\" "
                          "data-tree-next=\"framework\">Above</a>"),
              std::string::npos);
    EXPECT_EQ(count(r.html, "<template data-tree-node="), 7u);
    EXPECT_EQ(r.html.find("<link rel=\"stylesheet\" href=\"/toolkit/tools/tools.css\">"), 0u);
    EXPECT_NE(r.html.find("<script src=\"/toolkit/tools/decision-tree.js\" defer></script>"), std::string::npos);
    EXPECT_EQ(count(r.html, "<script"), 1u) << "no inline scripts";
    EXPECT_EQ(r.html.find(" style="), std::string::npos) << "no inline styles";
    // An outcome's page links to its guidance, with anchors and link text from the definition.
    const std::string& quote = r.steps[4].html;
    EXPECT_NE(quote.find("<a href=\"/toolkit/execution/choosing-a-route/\">Below the threshold</a>"), std::string::npos);
    EXPECT_NE(r.steps[3].html.find("href=\"/toolkit/execution/choosing-a-route/#what-it-is\">Choose a route to market</a>"),
              std::string::npos);
    EXPECT_NE(quote.find("Check with your procurement and legal teams."), std::string::npos);
    EXPECT_NE(quote.find("Start again"), std::string::npos);
}

TEST(ToolRender, TheToolkitsOwnDefinitionsLoadAndRender) {
    // The real definitions: every kind, with values from the real values.toml.
    Diagnostics diags;
    std::string content = std::string(TOOLKIT_SOURCE_DIR) + "/content";
    SiteData data = load_site_data(content, diags);
    ToolSet tools = load_tools(content, data, diags);
    EXPECT_EQ(diags.error_count(), 0u) << diags.format_all();
    EXPECT_EQ(tools.names(), (std::vector<std::string>{"collaboration-finder", "readiness", "route-finder"}));
    const Tool* readiness = tools.find("readiness");
    ASSERT_TRUE(readiness && readiness->assessment());
    EXPECT_EQ(readiness->assessment()->statement_count(), 15u);
    EXPECT_EQ(readiness->assessment()->scale.size(), 4u);
    const Tool* finder = tools.find("route-finder");
    ASSERT_TRUE(finder && finder->tree());
    // Figures come from values.toml, expanded, never typed into the definition.
    EXPECT_NE(finder->tree()->find("value")->hint.find("£207,720"), std::string::npos);
    const Tool* registers = tools.find("collaboration-finder");
    ASSERT_TRUE(registers && registers->registers());
    EXPECT_EQ(registers->registers()->window_from_months, 12);
    EXPECT_EQ(registers->registers()->window_to_months, 36);
}
