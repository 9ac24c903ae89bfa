// Pages are loaded on several threads at once: one page's errors must never make another,
// valid page disappear (each page's errors are counted on their own).
#include <gtest/gtest.h>

#include "config/config.h"
#include "content/content_tree.h"
#include "test_support.h"

using namespace tk;
using namespace tk::test;

TEST(ContentLoad, ErrorsInSomePagesNeverDropOthers) {
    TempDir tmp;
    write_text(tmp / "config.toml", "title = \"T\"\n");
    write_text(tmp / "content/_index.md", "+++\ntitle = \"Home\"\nsummary = \"Home.\"\n+++\nHome.\n");
    write_text(tmp / "content/strategy/_index.md", "+++\ntitle = \"Strategy\"\nsummary = \"S.\"\n+++\nS.\n");
    const int n = 300;
    for (int i = 0; i < n; ++i) {
        std::string id = std::to_string(1000 + i);
        // Valid pages and broken ones (invalid UTF-8) interleaved, so that on two or more
        // threads errors are reported while valid pages are being loaded.
        write_text(tmp / ("content/strategy/good-" + id + ".md"),
                   "+++\ntitle = \"Good " + id + "\"\nsummary = \"A page.\"\ntype = \"guidance\"\n"
                   "audiences = [\"digital\"]\nlast_reviewed = 2026-01-01\n"
                   "sources = [{ title = \"Act\", url = \"https://www.legislation.gov.uk/\" }]\n+++\nText.\n");
        write_text(tmp / ("content/strategy/bad-" + id + ".md"), std::string("+++\ntitle = \"\xff\"\n+++\n"));
    }
    for (int round = 0; round < 5; ++round) {
        Diagnostics diags;
        auto config = load_config(tmp / "config.toml", diags);
        ASSERT_TRUE(config) << diags.format_all();
        ContentTree tree = load_content(*config, false, diags, nullptr);
        size_t good = 0;
        for (const auto& p : tree.pages)
            if (p.rel_path.find("good-") != std::string::npos) ++good;
        EXPECT_EQ(good, size_t(n)) << "round " << round;
        EXPECT_EQ(diags.error_count(), size_t(n));
    }
}
