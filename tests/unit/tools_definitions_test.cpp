// Tool definitions (content/_data/tools/*.toml): reading, the checks on a decision tree's shape,
// links to pages, and tool pages naming a definition. Diagnostics are pinned exactly.
#include <gtest/gtest.h>

#include "config/config.h"
#include "content/page_loader.h"
#include "tools/check.h"
#include "tools/loader.h"

using namespace tk;

namespace {

SiteData values() {
    SiteData data;
    data.values = toml::parse(std::string_view{"[standstill]\nvalue = 8\nunit = \"working days\"\n"
                                               "[thresholds.goods_and_services]\nvalue = 207720\nunit = \"gbp\"\n"
                                               "effective_from = 2026-01-01\n"});
    return data;
}

struct Parsed {
    std::optional<Tool> tool;
    std::string errors;
};

Parsed parse(const std::string& text, const std::string& path = "content/_data/tools/t.toml") {
    Diagnostics diags;
    SiteData data = values();
    Parsed p;
    p.tool = parse_tool(path, text, data, diags);
    p.errors = diags.format_all();
    return p;
}

// A small tree that passes every check: value -> (big | small), big -> open.
const char* k_tree_head = R"(kind = "decision-tree"
start = "value"
caveat = "Check with your procurement and legal teams."
)";

std::string question(const std::string& id, const std::vector<std::pair<std::string, std::string>>& answers) {
    std::string s = "[[question]]\nid = \"" + id + "\"\ntitle = \"Q " + id + "\"\ntext = \"Question " + id + "?\"\n";
    for (const auto& [label, next] : answers)
        s += "  [[question.answer]]\n  label = \"" + label + "\"\n  next = \"" + next + "\"\n";
    return s;
}

std::string outcome(const std::string& id, const std::string& page = "execution/choosing-a-route") {
    return "[[outcome]]\nid = \"" + id + "\"\ntitle = \"Outcome " + id + "\"\nwhy = \"Because.\"\ntime = \"Some time.\"\n" +
           "links = [{ page = \"" + page + "\" }]\n";
}

PageCatalog catalog() {
    PageCatalog c;
    c.pages["execution/choosing-a-route"] = {"Choose a route to market", "/execution/choosing-a-route/",
                                             {"what-it-is", "1-estimate-the-value"}, false};
    c.pages["execution"] = {"Execution", "/execution/", {}, true};
    c.pages["preparation"] = {"Preparation", "/preparation/", {}, true};
    c.files.insert("preparation/example-register-borough-a.csv");
    return c;
}

}  // namespace

TEST(ToolDefinitions, ReadsAValidTree) {
    auto p = parse(std::string(k_tree_head) + question("value", {{"Above", "big"}, {"Below", "small"}}) +
                   question("big", {{"Yes", "open"}}) + outcome("open") + outcome("small"));
    EXPECT_EQ(p.errors, "");
    ASSERT_TRUE(p.tool);
    EXPECT_EQ(p.tool->name, "t");
    ASSERT_TRUE(p.tool->tree());
    const DecisionTree& t = *p.tool->tree();
    EXPECT_EQ(t.nodes.size(), 4u);
    EXPECT_EQ(t.find("value")->answers[1].next, "small");
    EXPECT_TRUE(t.find("small")->is_outcome());
    EXPECT_EQ(DecisionTree::step_path(*t.find("big")), "q/big/");
    EXPECT_EQ(DecisionTree::step_path(*t.find("open")), "outcome/open/");
}

TEST(ToolDefinitions, MissingNext) {
    auto p = parse(std::string(k_tree_head) + question("value", {{"Above", "opn"}, {"Below", "open"}}) + outcome("open"));
    EXPECT_FALSE(p.tool);
    EXPECT_EQ(p.errors,
              "content/_data/tools/t.toml:10:10: error: no question or outcome 'opn' (did you mean 'open'?)\n"
              "    next = \"opn\"\n"
              "           ^\n");
}

TEST(ToolDefinitions, UnreachableNode) {
    auto p = parse(std::string(k_tree_head) + question("value", {{"Above", "open"}}) +
                   question("orphan", {{"Yes", "open"}}) + outcome("open"));
    EXPECT_FALSE(p.tool);
    EXPECT_EQ(p.errors,
              "content/_data/tools/t.toml:12:6: error: question 'orphan' cannot be reached from the start question 'value'\n"
              "  id = \"orphan\"\n"
              "       ^\n");
}

TEST(ToolDefinitions, Cycle) {
    auto p = parse(std::string(k_tree_head) + question("value", {{"Above", "big"}}) +
                   question("big", {{"Back", "value"}, {"On", "open"}}) + outcome("open"));
    EXPECT_FALSE(p.tool);
    EXPECT_EQ(p.errors,
              "content/_data/tools/t.toml:17:10: error: answer leads back to 'value', making a loop: value -> big -> value\n"
              "    next = \"value\"\n"
              "           ^\n");
}

TEST(ToolDefinitions, LeafThatIsNotAnOutcome) {
    auto p = parse(std::string(k_tree_head) + question("value", {{"Above", "open"}, {"Below", "stuck"}}) +
                   question("stuck", {}) + outcome("open"));
    EXPECT_FALSE(p.tool);
    EXPECT_EQ(p.errors,
              "content/_data/tools/t.toml:15:6: error: question 'stuck' has no answers, so it is a dead end: give it "
              "[[question.answer]] entries, or make it an [[outcome]]\n"
              "  id = \"stuck\"\n"
              "       ^\n");
}

TEST(ToolDefinitions, OutcomeLinkingToAMissingPage) {
    auto p = parse(std::string(k_tree_head) + question("value", {{"Above", "open"}}) +
                   outcome("open", "execution/chosing-a-route"));
    ASSERT_TRUE(p.tool);  // the shape is fine; pages are checked once every page is known
    Diagnostics diags;
    check_tool_refs(*p.tool, catalog(), diags);
    EXPECT_EQ(diags.format_all(),
              "content/_data/tools/t.toml:16:19: error: no page 'execution/chosing-a-route' (did you mean "
              "'execution/choosing-a-route'?)\n"
              "  links = [{ page = \"execution/chosing-a-route\" }]\n"
              "                    ^\n");
}

TEST(ToolDefinitions, LinkToAMissingHeading) {
    auto p = parse(std::string(k_tree_head) + question("value", {{"Above", "open"}}) +
                   "[[outcome]]\nid = \"open\"\ntitle = \"Open\"\nwhy = \"W\"\ntime = \"T\"\n"
                   "links = [{ page = \"execution/choosing-a-route\", anchor = \"1-estimate-value\" }]\n");
    ASSERT_TRUE(p.tool);
    Diagnostics diags;
    check_tool_refs(*p.tool, catalog(), diags);
    EXPECT_EQ(diags.format_all(),
              "content/_data/tools/t.toml:16:58: error: no heading '#1-estimate-value' in 'execution/choosing-a-route' "
              "(did you mean '#1-estimate-the-value'?)\n"
              "  links = [{ page = \"execution/choosing-a-route\", anchor = \"1-estimate-value\" }]\n"
              "                                                           ^\n");
}

TEST(ToolDefinitions, UnknownToolNameOnAPage) {
    Config config;
    Diagnostics diags;
    std::string raw =
        "+++\ntitle = \"Route finder\"\nsummary = \"s\"\ntype = \"tool\"\ntool = \"route-finde\"\n"
        "audiences = [\"procurement\"]\nlast_reviewed = 2026-11-20\n+++\nBody.\n";
    PageContext ctx;
    ctx.in_stage_folder = true;
    Page page = load_page("content/execution/route-finder.md", "execution/route-finder.md", raw, ctx, config, diags);
    ASSERT_FALSE(page.invalid) << diags.format_all();
    page.type = PageType::Tool;
    ToolSet tools;
    tools.tools.push_back(*parse(std::string(k_tree_head) + question("value", {{"Above", "open"}}) + outcome("open"),
                                 "content/_data/tools/route-finder.toml")
                               .tool);
    check_tool_pages({page}, tools, diags);
    // The definition the page meant is then unused, which is worth a warning of its own.
    EXPECT_EQ(diags.format_all(),
              "content/_data/tools/route-finder.toml: warning: tool 'route-finder' is not used by any page (a page "
              "of type 'tool' with tool = \"route-finder\")\n"
              "content/execution/route-finder.md:5:8: error: no tool 'route-finde' in content/_data/tools/ (did you "
              "mean 'route-finder'?)\n"
              "  tool = \"route-finde\"\n"
              "         ^\n");
}

TEST(ToolDefinitions, DefinitionWithoutAPageIsAWarning) {
    ToolSet tools;
    tools.tools.push_back(*parse(std::string(k_tree_head) + question("value", {{"Above", "open"}}) + outcome("open"),
                                 "content/_data/tools/spare.toml")
                               .tool);
    Diagnostics diags;
    check_tool_pages({}, tools, diags);
    EXPECT_EQ(diags.error_count(), 0u);
    EXPECT_EQ(diags.format_all(),
              "content/_data/tools/spare.toml: warning: tool 'spare' is not used by any page (a page of type 'tool' "
              "with tool = \"spare\")\n");
}

TEST(ToolDefinitions, ExpandsValuesAndReportsUnknownOnes) {
    std::string ok = std::string(k_tree_head) +
                     "[[question]]\nid = \"value\"\ntitle = \"Value\"\n"
                     "text = \"Above {{< value thresholds.goods_and_services >}}?\"\n"
                     "hint = \"Since {{< value thresholds.goods_and_services.effective_from >}}; standstill "
                     "{{< value standstill >}}.\"\n"
                     "  [[question.answer]]\n  label = \"Yes\"\n  next = \"open\"\n" +
                     outcome("open");
    auto p = parse(ok);
    ASSERT_TRUE(p.tool) << p.errors;
    EXPECT_EQ(p.tool->tree()->find("value")->text, "Above £207,720?");
    EXPECT_EQ(p.tool->tree()->find("value")->hint, "Since 1 January 2026; standstill 8 working days.");

    auto bad = parse(std::string(k_tree_head) + "[[question]]\nid = \"value\"\ntitle = \"Value\"\n"
                                                "text = \"Above {{< value thresholds.good_and_services >}}?\"\n");
    EXPECT_EQ(bad.errors,
              "content/_data/tools/t.toml:5:6: error: question 'value' has no answers, so it is a dead end: give it "
              "[[question.answer]] entries, or make it an [[outcome]]\n"
              "  id = \"value\"\n"
              "       ^\n"
              "content/_data/tools/t.toml:7:8: error: unknown value 'thresholds.good_and_services' (did you mean "
              "'thresholds.goods_and_services'?) in content/_data/values.toml\n"
              "  text = \"Above {{< value thresholds.good_and_services >}}?\"\n"
              "         ^\n");
}

TEST(ToolDefinitions, UnknownKindAndKeys) {
    auto p = parse("kind = \"decision-trea\"\n");
    EXPECT_EQ(p.errors,
              "content/_data/tools/t.toml:1:8: error: unknown kind 'decision-trea' (did you mean 'decision-tree'?)\n"
              "  kind = \"decision-trea\"\n"
              "         ^\n");
    auto q = parse(std::string(k_tree_head) + "[[question]]\nid = \"value\"\ntitl = \"V\"\n");
    EXPECT_NE(q.errors.find("t.toml:6:1: error: unknown key 'titl' (did you mean 'title'?)\n  titl = \"V\"\n  ^\n"),
              std::string::npos)
        << q.errors;
}

TEST(ToolDefinitions, SelfAssessmentChecksBandsAndStages) {
    const char* text = R"(kind = "self-assessment"
scale = ["Not yet", "Partly", "Mostly", "Fully"]
bands = [{ min = 0, label = "low" }, { min = 12, label = "high" }]

[[stage]]
stage = "preparaton"
statements = ["One.", "Two."]
recommendation = "Start here."
links = [{ page = "execution/choosing-a-route" }]
)";
    auto p = parse(text);
    EXPECT_EQ(p.errors,
              "content/_data/tools/t.toml:3:46: error: 'min = 12' is above the highest score a stage can reach (6)\n"
              "  bands = [{ min = 0, label = \"low\" }, { min = 12, label = \"high\" }]\n"
              "                                               ^\n");
    std::string fixed(text);
    fixed.replace(fixed.find("min = 12"), 8, "min = 4");
    auto q = parse(fixed);
    ASSERT_TRUE(q.tool) << q.errors;
    EXPECT_EQ(q.tool->assessment()->statement_count(), 2u);
    Diagnostics diags;
    check_tool_refs(*q.tool, catalog(), diags);
    EXPECT_EQ(diags.format_all(),
              "content/_data/tools/t.toml:6:9: error: no stage 'preparaton' (did you mean 'preparation'?)\n"
              "  stage = \"preparaton\"\n"
              "          ^\n");
}

TEST(ToolDefinitions, RegisterCompareNeedsSupplierAndEndDate) {
    const char* text = R"(kind = "register-compare"
method = ["Read."]
checklist = ["Check."]
examples = [{ file = "preparation/example-register-borough-c.csv", label = "C" }]

[[column]]
id = "supplier"
label = "Supplier"
synonyms = ["Supplier Name", "vendor"]

[[column]]
id = "category"
label = "Category"
synonyms = ["Service Category", "VENDOR"]
)";
    auto p = parse(text);
    EXPECT_EQ(p.errors,
              "content/_data/tools/t.toml:1:1: error: the finder needs a [[column]] with id = \"end_date\"\n"
              "  kind = \"register-compare\"\n"
              "  ^\n"
              "content/_data/tools/t.toml:7:6: error: column 'supplier' must have 'required = true': the finder "
              "cannot work without it\n"
              "  id = \"supplier\"\n"
              "       ^\n"
              "content/_data/tools/t.toml:14:33: error: synonym 'VENDOR' is also a synonym of column 'supplier', so a "
              "header could not be mapped\n"
              "  synonyms = [\"Service Category\", \"VENDOR\"]\n"
              "                                  ^\n");
}

TEST(ToolDefinitions, RegisterCompareExamplesMustExist) {
    auto p = parse(R"(kind = "register-compare"
method = ["Read."]
checklist = ["Check."]
examples = [{ file = "preparation/example-register-borough-b.csv", label = "B" }]

[[column]]
id = "supplier"
label = "Supplier"
required = true
synonyms = ["Supplier Name"]

[[column]]
id = "end_date"
label = "End date"
required = true
synonyms = ["Contract End Date"]
)");
    ASSERT_TRUE(p.tool) << p.errors;
    EXPECT_EQ(p.tool->registers()->columns[0].synonyms, std::vector<std::string>{"supplier name"});
    Diagnostics diags;
    check_tool_refs(*p.tool, catalog(), diags);
    EXPECT_EQ(diags.format_all(),
              "content/_data/tools/t.toml:4:22: error: no file 'content/preparation/example-register-borough-b.csv' "
              "(did you mean 'preparation/example-register-borough-a.csv'?)\n"
              "  examples = [{ file = \"preparation/example-register-borough-b.csv\", label = \"B\" }]\n"
              "                       ^\n");
}
