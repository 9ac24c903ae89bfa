#include <gtest/gtest.h>

#include "markdown/renderer.h"

using namespace tk;

namespace {
RenderedMarkdown md(const std::string& text, bool unsafe = false) {
    static std::string keep;
    keep = text;
    MarkdownInput in{"a.md", keep, 0, unsafe, nullptr, nullptr};
    return render_markdown(in);
}
}  // namespace

TEST(Renderer, HeadingIdsWithRepeats) {
    auto r = md("## How to do it\n\n## How to do it\n\n### Step *one*\n");
    EXPECT_EQ(r.html,
              "<h2 id=\"how-to-do-it\">How to do it</h2>\n<h2 id=\"how-to-do-it-1\">How to do it</h2>\n"
              "<h3 id=\"step-one\">Step <em>one</em></h3>\n");
    ASSERT_EQ(r.headings.size(), 3u);
    EXPECT_EQ(r.headings[2].text, "Step one");
}

TEST(Renderer, AlertsBecomeCallouts) {
    auto r = md("> [!WARNING]\n> Mind the gap.\n");
    EXPECT_EQ(r.html,
              "<div class=\"callout callout--warning\" role=\"note\" aria-label=\"Warning\">\n"
              "<p class=\"callout__title\">Warning</p>\n<p>Mind the gap.</p>\n</div>\n");
    auto plain = md("> Just a quote.\n");
    EXPECT_EQ(plain.html, "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n");
}

TEST(Renderer, AlertWithBlankLineAfterMarker) {
    auto r = md("> [!note]\n>\n> Text.\n");
    EXPECT_EQ(r.html,
              "<div class=\"callout callout--note\" role=\"note\" aria-label=\"Note\">\n"
              "<p class=\"callout__title\">Note</p>\n<p>Text.</p>\n</div>\n");
}

TEST(Renderer, Tables) {
    auto r = md("| A | B |\n| :-: | --: |\n| 1 | 2 |\n");
    EXPECT_EQ(r.html,
              "<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th scope=\"col\" class=\"align-center\">A</th>"
              "<th scope=\"col\" class=\"align-right\">B</th></tr>\n</thead>\n<tbody>\n<tr><td class=\"align-center\">1</td>"
              "<td class=\"align-right\">2</td></tr>\n</tbody>\n</table>\n</div>\n");
}

TEST(Renderer, TaskLists) {
    auto r = md("- [x] done\n- [ ] open\n");
    EXPECT_NE(r.html.find("<li class=\"task task--done\">"), std::string::npos);
    EXPECT_NE(r.html.find("<span class=\"visually-hidden\">To do: </span>open"), std::string::npos);
}

TEST(Renderer, RawHtmlEscapedUnlessAllowed) {
    auto r = md("Hi <script>alert(1)</script> there\n");
    EXPECT_EQ(r.html, "<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; there</p>\n");
    EXPECT_EQ(r.raw_html.size(), 2u);
    auto u = md("Hi <b>bold</b>\n", true);
    EXPECT_EQ(u.html, "<p>Hi <b>bold</b></p>\n");
    auto block = md("<div>\nx\n</div>\n");
    EXPECT_EQ(block.html, "<p class=\"escaped-html\">&lt;div&gt;\nx\n&lt;/div&gt;\n</p>\n");
}

TEST(Renderer, LinksRecordSourcePositions) {
    auto r = md("Intro\n\nSee [this](../design/x.md#y) and ![alt *text*](img.png).\n");
    ASSERT_EQ(r.links.size(), 2u);
    EXPECT_EQ(r.links[0].href, "../design/x.md#y");
    EXPECT_EQ(r.links[0].loc.line, 3);
    EXPECT_EQ(r.links[0].loc.col, 12);
    EXPECT_TRUE(r.links[1].image);
    EXPECT_NE(r.html.find("<img src=\"img.png\" alt=\"alt text\" loading=\"lazy\">"), std::string::npos);
}

TEST(Renderer, EscapesText) {
    auto r = md("5 < 6 & \"q\"\n");
    EXPECT_EQ(r.html, "<p>5 &lt; 6 &amp; &quot;q&quot;</p>\n");
}
