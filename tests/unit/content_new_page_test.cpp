// `toolkit new`: the planned page, and the command on a copy of a fixture site.
#include <gtest/gtest.h>

#include "config/config.h"
#include "content/content_tree.h"
#include "content/new_page.h"
#include "test_support.h"

using namespace tk;
using namespace tk::test;

namespace {

struct Fixture {
    TempDir tmp;
    std::optional<Config> config;
    ContentTree tree;
    Fixture() {
        copy_fixture("basic", tmp / "site");
        Diagnostics diags;
        config = load_config(tmp / "site/config.toml", diags);
        tree = load_content(*config, true, diags);
    }
    std::string run(const std::string& args, int& code) const {
        std::string out;
        code = sh("cd " + q(tmp / "site") + " && SOURCE_DATE_EPOCH=1795000000 " + q(TOOLKIT_BINARY) + " new " + args +
                      " 2>&1",
                  &out);
        return out;
    }
};

constexpr toml::date k_today{2026, 11, 18};

}  // namespace

TEST(NewPage, FrontMatterFilledIn) {
    Fixture f;
    std::string error;
    auto p = plan_new_page(*f.config, f.tree, "template", "preparation/supplier-day-plan", k_today, error);
    ASSERT_TRUE(p) << error;
    EXPECT_EQ(p->rel_path, "preparation/supplier-day-plan.md");
    EXPECT_EQ(p->url, "/preparation/supplier-day-plan/");
    // The stage's last page has weight 30 (finder), so the next is 40.
    EXPECT_EQ(p->text,
              "+++\ntitle = \"Supplier day plan\"\nsummary = \"\"\ntype = \"template\"\nweight = 40\n"
              "audiences = [\"digital\"]\nlast_reviewed = 2026-11-18\ndraft = true\n+++\n");
    auto tool = plan_new_page(*f.config, f.tree, "tool", "strategy/options-finder.md", k_today, error);
    ASSERT_TRUE(tool);
    EXPECT_NE(tool->text.find("weight = 20\n"), std::string::npos);
    EXPECT_NE(tool->text.find("tool = \"options-finder\"\n"), std::string::npos);
}

TEST(NewPage, RefusesBadArguments) {
    Fixture f;
    std::string error;
    EXPECT_FALSE(plan_new_page(*f.config, f.tree, "guidence", "strategy/x", k_today, error));
    EXPECT_EQ(error, "unknown type 'guidence' (did you mean 'guidance'?)");
    EXPECT_FALSE(plan_new_page(*f.config, f.tree, "page", "strategy/x", k_today, error));
    EXPECT_EQ(error, "unknown type 'page' (expected guidance, template or tool)");
    EXPECT_FALSE(plan_new_page(*f.config, f.tree, "guidance", "stratgy/x", k_today, error));
    EXPECT_EQ(error, "no stage 'stratgy' (did you mean 'strategy'?)");
    EXPECT_FALSE(plan_new_page(*f.config, f.tree, "guidance", "x", k_today, error));
    EXPECT_EQ(error, "expected STAGE/SLUG, such as strategy/early-market-engagement, not 'x'");
    EXPECT_FALSE(plan_new_page(*f.config, f.tree, "guidance", "strategy/My Topic", k_today, error));
    EXPECT_EQ(error, "'My Topic' is not a slug: use lower-case letters, digits and single hyphens, such as "
                     "early-market-engagement");
}

TEST(NewPage, CommandWritesAValidDraftAndNeverOverwrites) {
    Fixture f;
    int code = -1;
    std::string out = f.run("guidance strategy/working-with-smes", code);
    EXPECT_EQ(code, 0) << out;
    EXPECT_NE(out.find("Wrote content/strategy/working-with-smes.md\n"
                       "Preview: http://127.0.0.1:1313/toolkit/strategy/working-with-smes/ (while toolkit serve runs)\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("add its sources"), std::string::npos);
    std::string text = read_text(f.tmp / "site/content/strategy/working-with-smes.md");
    EXPECT_NE(text.find("title = \"Working with smes\"\n"), std::string::npos);
    EXPECT_NE(text.find("last_reviewed = 2026-11-18\n"), std::string::npos);  // SOURCE_DATE_EPOCH

    // It builds, strictly, with drafts; and is left out without them.
    std::string built;
    EXPECT_EQ(sh("cd " + q(f.tmp / "site") + " && " + q(TOOLKIT_BINARY) + " build --drafts --strict --quiet -o " +
                     q(f.tmp / "out") + " 2>&1",
                 &built),
              0)
        << built;
    EXPECT_TRUE(boost::filesystem::exists(f.tmp / "out/strategy/working-with-smes/index.html"));

    // Never over an existing page.
    write_text(f.tmp / "site/content/strategy/working-with-smes.md", "mine");
    out = f.run("template strategy/working-with-smes", code);
    EXPECT_EQ(code, 1);
    EXPECT_EQ(out, "toolkit new: content/strategy/working-with-smes.md exists already; toolkit new never overwrites a page\n");
    EXPECT_EQ(read_text(f.tmp / "site/content/strategy/working-with-smes.md"), "mine");

    out = f.run("guidance nowhere/x", code);
    EXPECT_EQ(code, 2);
    EXPECT_EQ(out, "toolkit new: no stage 'nowhere' (the stages are preparation, strategy)\n");
}
