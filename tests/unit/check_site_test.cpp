#include <gtest/gtest.h>

#include <boost/filesystem.hpp>

#include "check/site_check.h"
#include "util/fs.h"

using namespace tk;

namespace {

/// A built site in a temporary folder, removed at the end.
class TempSite {
public:
    TempSite() {
        m_dir = (boost::filesystem::temp_directory_path() / boost::filesystem::unique_path("check-site-%%%%%%%%")).string();
    }
    ~TempSite() {
        std::string e;
        fs::remove_all(m_dir, e);
    }
    void write(const std::string& rel, const std::string& text) {
        std::string e, path = fs::join(m_dir, rel);
        ASSERT_TRUE(fs::create_dirs(fs::parent(path), e)) << e;
        ASSERT_TRUE(fs::write_file(path, text, e)) << e;
    }
    const std::string& dir() const { return m_dir; }

private:
    std::string m_dir;
};

std::vector<std::string> targets(const CheckReport& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.target + " | " + f.reason);
    return out;
}

}  // namespace

TEST(CheckSite, FindsThePlantedFaultsOfTheFixture) {
    Diagnostics diags;
    SiteCheck c = check_site({std::string(TOOLKIT_SOURCE_DIR) + "/tests/check/fixture", BaseUrl::parse("/"), nullptr}, diags);
    ASSERT_TRUE(c.ok) << diags.format_all();
    std::string dir = std::string(TOOLKIT_SOURCE_DIR) + "/tests/check/fixture";
    EXPECT_EQ(targets(c.report), (std::vector<std::string>{
                                     "/about/#contact | no id \"contact\" on /about/",
                                     "/about/#no-such-section | no id \"no-such-section\" on /about/",
                                     "/guides/missing-page/ | no such page (" + dir + "/guides/missing-page/index.html does not exist)",
                                     "/images/logo-2x.png | no such file (" + dir + "/images/logo-2x.png does not exist)",
                                     "/images/missing.png | no such file (" + dir + "/images/missing.png does not exist)",
                                 }));
    EXPECT_EQ(c.report.summary.pages, 3u);
    EXPECT_EQ(c.report.summary.links, 23u);
    ASSERT_EQ(c.external.size(), 2u);
    EXPECT_EQ(c.external.begin()->first, "http://check-server.invalid/gone");
    EXPECT_EQ(c.external.begin()->second[0].page, "/");
    EXPECT_EQ(c.external.begin()->second[0].line, 23);
}

TEST(CheckSite, FragmentsMustNameAnIdOnTheTargetPage) {
    TempSite s;
    s.write("index.html", "<h1 id=top-of-home>Home</h1><a href=a/#one>1</a><a href=a/#two>2</a><a href=#top-of-home>t</a>"
                          "<a href=#nope>n</a><a href=a/#legacy>l</a><a href=#top>top</a><a href=a/#>empty</a>"
                          "<a href=file.pdf#page=2>pdf</a>");
    s.write("a/index.html", "<h2 id=one>One</h2><a name=legacy></a>");
    s.write("file.pdf", "%PDF");
    Diagnostics diags;
    SiteCheck c = check_site({s.dir(), BaseUrl::parse("/"), nullptr}, diags);
    EXPECT_EQ(targets(c.report), (std::vector<std::string>{"/#nope | no id \"nope\" on /", "/a/#two | no id \"two\" on /a/"}));
}

TEST(CheckSite, HonoursTheBasePath) {
    TempSite s;
    s.write("index.html", "<a href=/toolkit/x/>x</a><a href=/toolkit/y/>y</a><a href=/x/>outside</a>"
                          "<a href=https://org.github.io/toolkit/x/>abs</a><a href=https://org.github.io/toolkit/z/>abs</a>"
                          "<img src=/toolkit/i.png>");
    s.write("x/index.html", "<a href=../>home</a><a href=../../>above</a>");
    s.write("i.png", "png");
    Diagnostics diags;
    SiteCheck c = check_site({s.dir(), BaseUrl::parse("https://org.github.io/toolkit/"), nullptr}, diags);
    auto t = targets(c.report);
    ASSERT_EQ(t.size(), 4u) << ::testing::PrintToString(t);
    EXPECT_EQ(t[0], "/ | outside the base path /toolkit/: the published site has nothing there");
    EXPECT_EQ(t[1], "/toolkit/y/ | no such page (" + s.dir() + "/y/index.html does not exist)");
    EXPECT_EQ(t[2], "/toolkit/z/ | no such page (" + s.dir() + "/z/index.html does not exist)");
    EXPECT_EQ(t[3], "/x/ | outside the base path /toolkit/: the published site has nothing there");
    EXPECT_EQ(c.report.findings[0].uses[0].page, "/toolkit/x/");
    EXPECT_TRUE(c.external.empty());
}

TEST(CheckSite, NamesTheMarkdownALinkCameFrom) {
    TempSite s;
    s.write("index.html", "<p>\n<a href=/gone/>g</a></p>");
    LinkMap map;
    map["/"] = {{"/other/", {"content/_index.md", 3, 1}}, {"/gone/", {"content/_index.md", 7, 12}}};
    Diagnostics diags;
    SiteCheck c = check_site({s.dir(), BaseUrl::parse("/"), &map}, diags);
    ASSERT_EQ(c.report.findings.size(), 1u);
    const auto& use = c.report.findings[0].uses[0];
    EXPECT_EQ(use.line, 2);
    ASSERT_EQ(use.sources.size(), 1u);
    EXPECT_EQ(use.sources[0].path, "content/_index.md");
    EXPECT_EQ(use.sources[0].line, 7);
    EXPECT_EQ(use.sources[0].col, 12);
}

TEST(CheckSite, LinkMapRoundTrips) {
    LinkMap map;
    map["/b/"] = {{"https://x.org/", {"content/b.md", 4, 2}}};
    map["/"] = {{"/b/", {"content/_index.md", 1, 1}}};
    std::string json = link_map_json(map);
    EXPECT_EQ(json, "{\"pages\":{\"/\":[[\"/b/\",\"content/_index.md\",1,1]],\"/b/\":[[\"https://x.org/\",\"content/b.md\",4,2]]},\"version\":1}\n");
    std::string error;
    auto back = parse_link_map(json, error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->at("/b/")[0].loc.line, 4);
    EXPECT_EQ(link_map_path("out/site/"), "out/site.linkmap.json");
}

TEST(CheckSite, MissingFolderIsAnError) {
    Diagnostics diags;
    SiteCheck c = check_site({"/nonexistent/site", BaseUrl::parse("/"), nullptr}, diags);
    EXPECT_FALSE(c.ok);
    EXPECT_EQ(diags.format_all().substr(0, 26), "/nonexistent/site: error: ");
}
