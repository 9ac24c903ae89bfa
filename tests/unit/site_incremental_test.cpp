// Incremental builds (serve) give exactly what a full build gives, after every kind of edit,
// and re-render only what an edit touches.
#include <gtest/gtest.h>

#include "config/config.h"
#include "site/build_cache.h"
#include "site/site.h"
#include "test_support.h"
#include "util/fs.h"

using namespace tk;
using namespace tk::test;

namespace {

struct Built {
    bool ok = false;
    std::string diags;
    MemoryFiles files;
};

GitHistory history() {
    GitHistory h;
    h.available = true;
    h.last_change["content/strategy/problem.md"] = 1772359200;
    h.changes.push_back({std::string(40, 'c'), 1772359200, "Problem page rewritten", {"content/strategy/problem.md"}});
    return h;
}

Built build(const std::string& dir, BuildCache* cache) {
    Built b;
    Diagnostics diags;
    auto config = load_config(dir + "/config.toml", diags);
    if (!config) {
        b.diags = diags.format_all();
        return b;
    }
    BuildOptions opts;
    opts.serve = true;
    opts.drafts = true;
    Site site(*config, opts);
    site.use_history(history());
    site.use_cache(cache);
    site.write_to_memory(&b.files);
    b.ok = site.build(diags).ok;
    b.diags = diags.format_all();
    return b;
}

/// The incremental build with `cache` equals a fresh full build: same status, same
/// diagnostics, same files with the same bytes.
void expect_same_as_full(const std::string& dir, BuildCache& cache, const std::string& step) {
    SCOPED_TRACE(step);
    Built inc = build(dir, &cache);
    Built full = build(dir, nullptr);
    EXPECT_EQ(inc.ok, full.ok);
    EXPECT_EQ(inc.diags, full.diags);
    std::vector<std::string> a, b;
    for (const auto& [k, v] : inc.files) a.push_back(k);
    for (const auto& [k, v] : full.files) b.push_back(k);
    ASSERT_EQ(a, b);
    for (const auto& [k, v] : full.files) {
        const MemoryFile& f = inc.files.at(k);
        ASSERT_EQ(bool(f.data), bool(v.data)) << k;
        if (v.data) EXPECT_EQ(*f.data, *v.data) << k;
        else EXPECT_EQ(f.source, v.source) << k;
    }
}

void replace_in(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = read_text(path);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " in " << path;
    text.replace(at, from.size(), to);
    write_text(path, text);
}

std::string html(const Built& b, const std::string& rel) {
    auto it = b.files.find(rel);
    return it == b.files.end() || !it->second.data ? "" : *it->second.data;
}

}  // namespace

TEST(SiteIncremental, MemoryBuildEqualsTheOutputFolder) {
    TempDir tmp;
    copy_fixture("basic", tmp / "site");
    Built mem = build(tmp / "site", nullptr);
    ASSERT_TRUE(mem.ok) << mem.diags;
    Diagnostics diags;
    auto config = load_config(tmp / "site/config.toml", diags);
    BuildOptions opts;
    opts.serve = opts.drafts = true;
    opts.output = tmp / "out";
    Site site(*config, opts);
    site.use_history(history());
    ASSERT_TRUE(site.build(diags).ok);
    size_t files = 0;
    std::vector<std::string> errors;
    for (const auto& e : fs::walk(tmp / "out", errors)) {
        if (e.is_dir) continue;
        ++files;
        ASSERT_TRUE(mem.files.count(e.rel)) << e.rel;
        const MemoryFile& f = mem.files.at(e.rel);
        EXPECT_EQ(f.data ? *f.data : read_text(f.source), read_text(tmp / ("out/" + e.rel))) << e.rel;
    }
    EXPECT_EQ(files, mem.files.size());
}

TEST(SiteIncremental, EqualsFullBuildAfterEverySortOfEdit) {
    TempDir tmp;
    std::string dir = tmp / "site";
    copy_fixture("basic", dir, true);
    BuildCache cache;
    cache.pages_html.verify = true;  // every reused page is also made afresh and compared
    expect_same_as_full(dir, cache, "first build");

    replace_in(dir + "/content/strategy/problem.md", "Talk to them.", "Talk to them, often.");
    expect_same_as_full(dir, cache, "edit a body");

    replace_in(dir + "/content/preparation/pipeline.md", "title = \"Plan your pipeline\"", "title = \"Plan the pipeline\"");
    expect_same_as_full(dir, cache, "change a title shown in navigation, listings and related links");

    write_text(dir + "/content/strategy/new.md",
               "+++\ntitle = \"A new page\"\nsummary = \"New.\"\naudiences = [\"digital\"]\nlast_reviewed = 2026-11-01\n"
               "+++\n\nSee [the problem](problem.md#start-with-users).\n");
    expect_same_as_full(dir, cache, "add a page");

    boost::filesystem::rename(dir + "/content/preparation/register.md", dir + "/content/preparation/register-v2.md");
    expect_same_as_full(dir, cache, "rename a page that is linked to (broken link)");
    EXPECT_FALSE(build(dir, nullptr).ok);

    replace_in(dir + "/content/preparation/pipeline.md", "(register.md)", "(register-v2.md)");
    expect_same_as_full(dir, cache, "fix the link");

    replace_in(dir + "/content/strategy/problem.md", "## Start with users", "## Start with people");
    expect_same_as_full(dir, cache, "rename a heading that links point at (broken anchors)");
    replace_in(dir + "/content/strategy/problem.md", "## Start with people", "## Start with users");
    expect_same_as_full(dir, cache, "put it back");

    replace_in(dir + "/content/preparation/pipeline.md", "related = [\"preparation/finder\"]\n", "");
    boost::filesystem::remove(dir + "/content/preparation/finder.md");
    expect_same_as_full(dir, cache, "delete a page with an alias");

    replace_in(dir + "/content/strategy/new.md", "last_reviewed", "draft = true\nlast_reviewed");
    expect_same_as_full(dir, cache, "make a page a draft");

    replace_in(dir + "/content/_data/values.toml", "=", "= 1 +");
    expect_same_as_full(dir, cache, "break the data");
    std::string values = read_text(TOOLKIT_SOURCE_DIR "/tests/sites/basic/content/_data/values.toml");
    write_text(dir + "/content/_data/values.toml", values);
    expect_same_as_full(dir, cache, "restore the data");

    replace_in(dir + "/theme/templates/partials/foot.mustache", "</body>", "<footer>Fixture footer</footer>\n</body>");
    expect_same_as_full(dir, cache, "change a template");

    replace_in(dir + "/config.toml", "title = \"Fixture\"", "title = \"Fixture site\"");
    expect_same_as_full(dir, cache, "change the config");

    replace_in(dir + "/content/strategy/problem.md", "summary = \"Users first.\"", "summary = \"Users first");
    expect_same_as_full(dir, cache, "break front matter");
    replace_in(dir + "/content/strategy/problem.md", "summary = \"Users first", "summary = \"Users first.\"");
    expect_same_as_full(dir, cache, "fix front matter");
}

TEST(SiteIncremental, RendersOnlyWhatAnEditTouches) {
    TempDir tmp;
    std::string dir = tmp / "site";
    copy_fixture("basic", dir);
    BuildCache cache;
    Built first = build(dir, &cache);
    ASSERT_TRUE(first.ok) << first.diags;
    EXPECT_GT(cache.renders.rendered.load(), 10u);

    // A body: only that page is made again.
    cache.renders.rendered = 0;
    cache.pages_html.built = 0;
    EXPECT_GT(cache.search.analysed.load(), 5u);
    cache.search.analysed = 0;
    cache.search.reused = 0;
    replace_in(dir + "/content/strategy/problem.md", "Talk to them.", "Talk to them, often.");
    Built second = build(dir, &cache);
    ASSERT_TRUE(second.ok);
    EXPECT_EQ(cache.pages_html.built.load(), 1u);
    EXPECT_EQ(cache.renders.rendered.load(), 1u);
    // Search analyses that page again, and reuses the others' terms.
    EXPECT_EQ(cache.search.analysed.load(), 1u);
    EXPECT_GT(cache.search.reused.load(), 5u);
    EXPECT_NE(html(second, "strategy/problem/index.html").find("Talk to them, often."), std::string::npos);
    for (const auto& [k, v] : first.files) {
        // The search index follows the edit (its files are named by content hash): not a page.
        if (k.rfind("search/", 0) == 0 && k != "search/index.html") continue;
        if (k != "strategy/problem/index.html" && v.data) {
            EXPECT_EQ(*v.data, *second.files.at(k).data) << k;
        }
    }
    EXPECT_TRUE(second.files.count("search/manifest.json"));

    // A title: the page, the pages that link to it or list it, and the navigation of its stage.
    cache.renders.rendered = 0;
    replace_in(dir + "/content/strategy/problem.md", "title = \"Start from the problem\"", "title = \"Begin with the problem\"");
    Built third = build(dir, &cache);
    size_t rendered = cache.renders.rendered.load();
    EXPECT_GT(rendered, 2u);
    EXPECT_LT(rendered, third.files.size());
    EXPECT_NE(html(third, "preparation/pipeline/index.html").find("Begin with the problem"), std::string::npos);
    EXPECT_NE(html(third, "search/index.html").find("Begin with the problem"), std::string::npos);
    // The register template neither links to it nor shares its stage.
    EXPECT_EQ(html(third, "preparation/register/index.html"), html(second, "preparation/register/index.html"));

    // Deleting a page removes it from the site at once.
    boost::filesystem::remove(dir + "/content/preparation/register.md");
    replace_in(dir + "/content/preparation/pipeline.md", "[register template](register.md)", "register template");
    Built fourth = build(dir, &cache);
    ASSERT_TRUE(fourth.ok) << fourth.diags;
    EXPECT_FALSE(fourth.files.count("preparation/register/index.html"));
    EXPECT_EQ(html(fourth, "templates/index.html").find("Pipeline register"), std::string::npos);
}
