#include <gtest/gtest.h>

#include "check/html_scan.h"

using namespace tk;

namespace {
std::vector<std::string> urls(const ScannedPage& p) {
    std::vector<std::string> out;
    for (const auto& l : p.links) out.push_back(l.element + " " + l.attribute + " " + l.url);
    return out;
}
}  // namespace

TEST(CheckHtmlScan, CollectsLinksOfEveryKind) {
    ScannedPage p = scan_html(
        "<!DOCTYPE html><html><head><link rel=stylesheet href=/a.css><script src=/b.js></script></head>\n"
        "<body><a href=\"/x/?a=1&amp;b=2\">x</a>\n"
        "<img src=i.png srcset=\"i.png 1x, i2.png 2x\" alt=\"\">\n"
        "<form action=/search/><input></form><iframe src=\"/f/\"></iframe></body></html>");
    EXPECT_EQ(urls(p), (std::vector<std::string>{"link href /a.css", "script src /b.js", "a href /x/?a=1&b=2",
                                                 "img src i.png", "img srcset i.png", "img srcset i2.png",
                                                 "form action /search/", "iframe src /f/"}));
    EXPECT_EQ(p.links[2].line, 2);
    EXPECT_EQ(p.links[3].line, 3);
}

TEST(CheckHtmlScan, IgnoresWhatIsNotMarkup) {
    // A parser, not a pattern: comments, scripts and attribute text hold no links.
    ScannedPage p = scan_html(
        "<p>Text about <a href=x>x</a> and &lt;a href=y&gt;</p><!-- <a href=\"/commented/\"> -->"
        "<script>document.write('<a href=\"/scripted/\">')</script>"
        "<textarea><img src=/typed.png></textarea><p title='<a href=/title/>'>t</p>");
    EXPECT_EQ(urls(p), (std::vector<std::string>{"a href x"}));
}

TEST(CheckHtmlScan, CollectsIdsAndAnchorNames) {
    ScannedPage p = scan_html("<h2 id=intro>I</h2><a name=legacy></a><div name=not-an-anchor></div><p id=\"\">x</p>"
                              "<template><h3 id=in-template></h3></template>");
    EXPECT_EQ(p.ids, (std::vector<std::string>{"intro", "legacy", "in-template"}));
}

TEST(CheckHtmlScan, BaseAndPreconnect) {
    ScannedPage p = scan_html("<head><base href=/docs/><link rel=preconnect href=https://fonts.example.org>"
                              "<link rel=\"dns-prefetch\" href=//cdn.example.org></head><a href=a/>a</a>");
    EXPECT_EQ(p.base_href, "/docs/");
    EXPECT_EQ(urls(p), (std::vector<std::string>{"a href a/"}));
}

TEST(CheckHtmlScan, MetaRefreshIsALink) {
    ScannedPage p = scan_html("<meta http-equiv=refresh content=\"0; url=/new/place/\">");
    EXPECT_EQ(urls(p), (std::vector<std::string>{"meta content /new/place/"}));
    EXPECT_EQ(meta_refresh_url("0;URL='/x/'"), "/x/");
    EXPECT_EQ(meta_refresh_url("5"), "");
    EXPECT_EQ(meta_refresh_url("0; /y/"), "/y/");
}

TEST(CheckHtmlScan, SeesTheLinksABrowserWouldBuild) {
    // An <a> left open is carried into the next paragraph, as browsers do: two links.
    ScannedPage p = scan_html("<p><a href=/x/>one</p><p>two</p>");
    EXPECT_EQ(urls(p), (std::vector<std::string>{"a href /x/", "a href /x/"}));
}

TEST(CheckHtmlScan, SurvivesBrokenHtml) {
    ScannedPage p = scan_html("<a href=/one/><a href=/two/><table><a href=/three/></td></tr><p><b><i></b>");
    EXPECT_EQ(p.links.size(), 3u);
    EXPECT_TRUE(scan_html("").links.empty());
}
