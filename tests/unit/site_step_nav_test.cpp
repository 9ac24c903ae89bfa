// The step-by-step navigation of a stage over `step_nav_limit`: each page shows the group of
// pages that holds it, marked as current, and a link to the stage page for the rest.
#include <gtest/gtest.h>

#include <regex>

#include "test_support.h"

using namespace tk::test;

namespace {

const std::string k_bin = TOOLKIT_BINARY;

/// The links of the open stage's list in a page's step navigation, in order ("*" marks current).
std::vector<std::string> open_stage_links(const std::string& html) {
    std::vector<std::string> out;
    size_t nav = html.find("<nav class=\"step-nav\"");
    size_t end = html.find("</nav>", nav);
    size_t open = html.find(" open>", nav);
    if (nav == std::string::npos || open == std::string::npos || open > end) return out;
    size_t list_end = html.find("</ul>", open);
    std::string part = html.substr(open, list_end - open);
    std::regex link("<a href=\"([^\"]+)\"( aria-current=\"page\")?>");
    for (std::sregex_iterator it(part.begin(), part.end(), link), e; it != e; ++it)
        out.push_back((*it)[1].str() + ((*it)[2].matched ? "*" : ""));
    return out;
}

std::string build_with_limit(const TempDir& dir, const std::string& limit) {
    copy_fixture("basic", dir.path());
    std::string config = read_text(dir / "config.toml");
    size_t at = config.find("theme = ");
    config.replace(at, config.find('\n', at) - at,
                   "theme = \"" + std::string(TOOLKIT_SOURCE_DIR) + "/themes/toolkit\"\n" + limit);
    write_text(dir / "config.toml", config);
    std::string out;
    sh("cd " + q(dir.path()) + " && " + q(k_bin) + " build --quiet -o out 2>&1", &out);
    return out;
}

}  // namespace

TEST(StepNav, StageOverTheLimitShowsTheGroupOfTheCurrentPage) {
    TempDir dir;
    ASSERT_EQ(build_with_limit(dir, "step_nav_limit = 2"), "");
    // Preparation's pages in reading order: pipeline, register, finder (by weight).
    const std::string stage = "/toolkit/preparation/";
    auto pipeline = open_stage_links(read_text(dir / "out/preparation/pipeline/index.html"));
    auto register_ = open_stage_links(read_text(dir / "out/preparation/register/index.html"));
    auto finder = open_stage_links(read_text(dir / "out/preparation/finder/index.html"));
    EXPECT_EQ(pipeline, (std::vector<std::string>{stage, stage + "pipeline/*", stage + "register/", stage}));
    EXPECT_EQ(register_, (std::vector<std::string>{stage, stage + "pipeline/", stage + "register/*", stage}));
    EXPECT_EQ(finder, (std::vector<std::string>{stage, stage + "finder/*", stage}));
    EXPECT_NE(read_text(dir / "out/preparation/finder/index.html").find("Pages 3 to 3 of 3"), std::string::npos);
    // The stage page shows the first group, and marks its own link.
    auto landing = open_stage_links(read_text(dir / "out/preparation/index.html"));
    EXPECT_EQ(landing, (std::vector<std::string>{stage + "*", stage + "pipeline/", stage + "register/", stage}));
}

TEST(StepNav, WithinTheLimitOrWithoutOneEveryPageIsListed) {
    for (std::string limit : {"", "step_nav_limit = 0", "step_nav_limit = 3"}) {
        SCOPED_TRACE(limit);
        TempDir dir;
        ASSERT_EQ(build_with_limit(dir, limit), "");
        std::string html = read_text(dir / "out/preparation/finder/index.html");
        const std::string stage = "/toolkit/preparation/";
        EXPECT_EQ(open_stage_links(html),
                  (std::vector<std::string>{stage, stage + "pipeline/", stage + "register/", stage + "finder/*"}));
        EXPECT_EQ(html.find("step-nav__more"), std::string::npos);
    }
}

TEST(StepNav, LimitOutOfRangeIsAConfigError) {
    TempDir dir;
    std::string out = build_with_limit(dir, "step_nav_limit = -1");
    EXPECT_NE(out.find("config.toml:"), std::string::npos) << out;
    EXPECT_NE(out.find("'step_nav_limit' must be between 0 (no limit) and 100000"), std::string::npos) << out;
}
