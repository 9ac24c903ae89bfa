#include <gtest/gtest.h>

#include "util/slug.h"
#include "util/url.h"

using namespace tk;

TEST(Slug, GithubRules) {
    EXPECT_EQ(github_slug("How to do it"), "how-to-do-it");
    EXPECT_EQ(github_slug("What's changed?"), "whats-changed");
    EXPECT_EQ(github_slug("Lots & modular contracts"), "lots--modular-contracts");
    EXPECT_EQ(github_slug("Step 1: plan (early)"), "step-1-plan-early");
    EXPECT_EQ(github_slug("snake_case and-hyphen"), "snake_case-and-hyphen");
    EXPECT_EQ(github_slug("Café £207,720 — “quoted”"), "café-207720--quoted");
}

TEST(Slug, RepeatsGetSuffixes) {
    SlugCounter c;
    EXPECT_EQ(c.unique("Example"), "example");
    EXPECT_EQ(c.unique("Example"), "example-1");
    EXPECT_EQ(c.unique("Example"), "example-2");
    EXPECT_EQ(c.unique("Example 1"), "example-1-1");
}

TEST(Url, BaseWithPath) {
    auto b = BaseUrl::parse("https://org.github.io/toolkit");
    EXPECT_EQ(b.origin, "https://org.github.io");
    EXPECT_EQ(b.path, "/toolkit/");
    EXPECT_EQ(b.rel("/strategy/x/"), "/toolkit/strategy/x/");
    EXPECT_EQ(b.abs("/"), "https://org.github.io/toolkit/");
}

TEST(Url, BaseWithoutPath) {
    auto b = BaseUrl::parse("https://example.org/");
    EXPECT_EQ(b.rel("/a/"), "/a/");
    EXPECT_EQ(b.abs("/a/"), "https://example.org/a/");
    EXPECT_EQ(BaseUrl::parse("/").rel("/a/"), "/a/");
}

TEST(Url, IdsAndRelativePaths) {
    EXPECT_EQ(url_for_id(""), "/");
    EXPECT_EQ(url_for_id("strategy/x"), "/strategy/x/");
    std::string out;
    EXPECT_TRUE(resolve_relative("strategy", "../design/x.md", out));
    EXPECT_EQ(out, "design/x.md");
    EXPECT_TRUE(resolve_relative("strategy", "./y.md", out));
    EXPECT_EQ(out, "strategy/y.md");
    EXPECT_FALSE(resolve_relative("strategy", "../../x.md", out));
}
