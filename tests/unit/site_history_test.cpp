// "Last updated" dates, "What's changed" and its feed: from a fixed history (in-process) and from
// real repositories built by the toolkit binary (shallow clones, folders outside git).
#include <gtest/gtest.h>

#include "config/config.h"
#include "site/history.h"
#include "site/site.h"
#include "test_support.h"

using namespace tk;
using namespace tk::test;

namespace {

constexpr int64_t k_feb1 = 1769940000;  // 2026-02-01T10:00:00Z
constexpr int64_t k_mar1 = 1772359200;  // 2026-03-01T10:00:00Z

GitHistory fixed_history() {
    GitHistory h;
    h.available = true;
    h.head = std::string(40, 'a');
    h.last_change["content/strategy/problem.md"] = k_mar1;
    h.last_change["content/preparation/pipeline.md"] = k_feb1;
    h.changes.push_back({std::string(40, 'c'), k_mar1, "Rewrote <the> problem page", {"content/strategy/problem.md"}});
    h.changes.push_back({std::string(40, 'b'), k_feb1, "New pipeline guidance",
                         {"content/gone.md", "content/preparation/pipeline.md", "content/strategy/problem.md"}});
    return h;
}

BuildResult build_site(const std::string& dir, const std::string& out, const GitHistory& h, bool serve = false) {
    Diagnostics diags;
    auto config = load_config(dir + "/config.toml", diags);
    EXPECT_TRUE(config) << diags.format_all();
    BuildOptions opts;
    opts.output = out;
    opts.serve = serve;
    opts.drafts = serve;
    Site site(*config, opts);
    site.use_history(h);
    BuildResult r = site.build(diags);
    EXPECT_TRUE(r.ok) << diags.format_all();
    return r;
}

int run_toolkit(const std::string& dir, const std::string& args, std::string* err) {
    std::string errfile = dir + "/.stderr";
    int code = sh("cd " + q(dir) + " && SOURCE_DATE_EPOCH=1795000000 " + q(TOOLKIT_BINARY) + " " + args + " >/dev/null 2>" +
                  q(errfile));
    if (err) *err = read_text(errfile);
    return code;
}

}  // namespace

TEST(SiteHistory, DatesFormattedInUtc) {
    EXPECT_EQ(rfc3339(k_feb1), "2026-02-01T10:00:00Z");
    toml::date d = date_of(1767225599);  // 2025-12-31T23:59:59Z
    EXPECT_EQ(int(d.year), 2025);
    EXPECT_EQ(int(d.day), 31);
}

TEST(SiteHistory, PagesShowLastUpdatedAndWhatsNewListsNotes) {
    TempDir tmp;
    copy_fixture("basic", tmp / "site");
    ASSERT_TRUE(build_site(tmp / "site", tmp / "out", fixed_history()).ok);

    std::string problem = read_text(tmp / "out/strategy/problem/index.html");
    EXPECT_NE(problem.find("<p class=\"last-updated\">Last updated 1 March 2026</p>"), std::string::npos) << problem;
    EXPECT_NE(read_text(tmp / "out/preparation/pipeline/index.html").find("Last updated 1 February 2026"),
              std::string::npos);
    EXPECT_EQ(read_text(tmp / "out/preparation/register/index.html").find("Last updated"), std::string::npos);

    std::string news = read_text(tmp / "out/whats-new/index.html");
    size_t first = news.find("<li id=\"change-cccccccccccc\"><h2><time datetime=\"2026-03-01\">1 March 2026</time></h2>"
                             "<p>Rewrote &lt;the&gt; problem page</p>");
    size_t second = news.find("<li id=\"change-bbbbbbbbbbbb\">");
    EXPECT_NE(first, std::string::npos) << news;
    EXPECT_NE(second, std::string::npos);
    EXPECT_LT(first, second);  // newest first
    // The deleted page is dropped; the others are listed by title.
    EXPECT_NE(news.find("<p>New pipeline guidance</p><ul><li><a href=\"/toolkit/preparation/pipeline/\">Plan your "
                        "pipeline</a></li><li><a href=\"/toolkit/strategy/problem/\">Start from the problem</a></li></ul>"),
              std::string::npos)
        << news;

    std::string feed = read_text(tmp / "out/whats-new/feed.xml");
    EXPECT_NE(feed.find("<updated>2026-03-01T10:00:00Z</updated>\n  <author>"), std::string::npos) << feed;
    EXPECT_NE(feed.find("<id>https://example.org/toolkit/whats-new/#change-cccccccccccc</id>\n"
                        "    <title>Rewrote &lt;the&gt; problem page</title>\n"
                        "    <updated>2026-03-01T10:00:00Z</updated>"),
              std::string::npos)
        << feed;
    EXPECT_NE(feed.find("&lt;a href=&quot;https://example.org/toolkit/strategy/problem/&quot;&gt;"), std::string::npos);

    std::string sitemap = read_text(tmp / "out/sitemap.xml");
    EXPECT_NE(sitemap.find("<loc>https://example.org/toolkit/strategy/problem/</loc><lastmod>2026-03-01</lastmod>"),
              std::string::npos)
        << sitemap;
}

TEST(SiteHistory, UncommittedPagesShowTodayOnlyInServe) {
    TempDir tmp;
    copy_fixture("basic", tmp / "site");
    GitHistory h = fixed_history();
    h.uncommitted.insert("content/strategy/problem.md");
    setenv("SOURCE_DATE_EPOCH", "1795000000", 1);  // 2026-11-18
    build_site(tmp / "site", tmp / "built", h, false);
    build_site(tmp / "site", tmp / "served", h, true);
    unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_NE(read_text(tmp / "built/strategy/problem/index.html").find("Last updated 1 March 2026"), std::string::npos);
    EXPECT_NE(read_text(tmp / "served/strategy/problem/index.html").find("Last updated 18 November 2026"),
              std::string::npos);
}

TEST(SiteHistory, HistoryAndEditLinksNameTheFileInTheRepository) {
    TempDir tmp;
    copy_fixture("basic", tmp / "site");
    std::string config = read_text(tmp / "site/config.toml");
    write_text(tmp / "site/config.toml", config + "\n[repository]\nurl = \"https://github.com/org/toolkit\"\nbranch = \"live\"\n");
    build_site(tmp / "site", tmp / "out", fixed_history());
    std::string page = read_text(tmp / "out/strategy/problem/index.html");
    EXPECT_NE(page.find("<a href=\"https://github.com/org/toolkit/commits/live/content/strategy/problem.md\">Page history</a> "
                        "<a href=\"https://github.com/org/toolkit/edit/live/content/strategy/problem.md\">Suggest a change</a>"),
              std::string::npos)
        << page;
}

TEST(SiteHistory, BuildReadsTheRepositoryOfTheSite) {
    TempDir tmp;
    std::string dir = tmp / "site";
    copy_fixture("basic", dir);
    GitRepo repo(dir);
    ASSERT_EQ(repo.commit("Start\n\nChange-note: First version of the toolkit", "2026-01-05T10:00:00Z"), 0);
    repo.write("content/strategy/problem.md", read_text(dir + "/content/strategy/problem.md") + "\nMore.\n");
    ASSERT_EQ(repo.commit("Typo", "2026-02-01T10:00:00Z"), 0);

    std::string err;
    ASSERT_EQ(run_toolkit(dir, "build --strict -o " + q(tmp / "out"), &err), 0) << err;
    EXPECT_EQ(err, "");
    EXPECT_NE(read_text(tmp / "out/strategy/problem/index.html").find("Last updated 1 February 2026"), std::string::npos);
    EXPECT_NE(read_text(tmp / "out/preparation/pipeline/index.html").find("Last updated 5 January 2026"), std::string::npos);
    std::string news = read_text(tmp / "out/whats-new/index.html");
    EXPECT_NE(news.find("First version of the toolkit"), std::string::npos);
    EXPECT_EQ(news.find("Typo"), std::string::npos);  // no trailer, no note

    // A shallow clone warns, and --strict (as CI runs it) fails.
    std::string out;
    ASSERT_EQ(sh("git clone -q --depth 1 file://" + q(dir) + " " + q(tmp / "clone") + " 2>&1", &out), 0) << out;
    EXPECT_EQ(run_toolkit(tmp / "clone", "build -o " + q(tmp / "out2"), &err), 0);
    EXPECT_NE(err.find("config.toml: warning: this is a shallow clone, so \"Last updated\" dates and change notes are wrong"),
              std::string::npos)
        << err;
    EXPECT_EQ(run_toolkit(tmp / "clone", "build --strict -o " + q(tmp / "out3"), &err), 1);
}

TEST(SiteHistory, OutsideGitTheBuildSaysWhyOnceAndStillPassesStrict) {
    TempDir tmp;
    copy_fixture("basic", tmp / "site");
    std::string err;
    EXPECT_EQ(run_toolkit(tmp / "site", "build --strict -o " + q(tmp / "out"), &err), 0);
    EXPECT_EQ(err, "note: pages get no \"Last updated\" dates (.: not the top folder of a git repository)\n");
    EXPECT_EQ(run_toolkit(tmp / "site", "build --quiet -o " + q(tmp / "out"), &err), 0);
    EXPECT_EQ(err, "");
}
