#include <gtest/gtest.h>

#include "search/page_text.h"

using namespace tk;

TEST(SearchPageText, CutsSectionsAtHeadingsWithIds) {
    auto s = page_sections(
        "<p>Intro <em>text</em>.</p>\n<h2 id=\"what-it-is\">What <code>it</code> is</h2>\n<p>One</p><ul><li>a</li><li>b</li></ul>\n"
        "<h3 id=\"law\">The law &amp; you</h3>\n<p>Two&nbsp;&lt;three&gt; &#8212; &#x2019;</p>\n");
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].anchor, "");
    EXPECT_EQ(s[0].text, "Intro text.");
    EXPECT_EQ(s[1].anchor, "what-it-is");
    EXPECT_EQ(s[1].heading, "What it is");
    EXPECT_EQ(s[1].text, "One a b");
    EXPECT_EQ(s[2].anchor, "law");
    EXPECT_EQ(s[2].heading, "The law & you");
    EXPECT_EQ(s[2].text, "Two <three> \u2014 \u2019");
}

TEST(SearchPageText, DropsEmptyIntroAndCalloutTitles) {
    auto s = page_sections(
        "<h2 id=\"a\">A</h2>\n<div class=\"callout callout--note\" role=\"note\" aria-label=\"Note\">\n"
        "<p class=\"callout__title\">Note</p>\n<p>Inside the <a href=\"/x/\">call</a>out.</p>\n</div>\n");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].anchor, "a");
    EXPECT_EQ(s[0].text, "Inside the callout.");
}

TEST(SearchPageText, KeepsTableCellsApart) {
    auto s = page_sections("<table><tr><th>Lot</th><th>Value</th></tr><tr><td>1</td><td>£5m</td></tr></table>");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].text, "Lot Value 1 £5m");
}
