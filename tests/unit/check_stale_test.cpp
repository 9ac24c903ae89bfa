#include <gtest/gtest.h>

#include "check/stale.h"
#include "content/review.h"

using namespace tk;

namespace {
Page page(std::string path, PageType type, std::optional<toml::date> reviewed, std::optional<toml::date> by = {},
          std::string owner = "") {
    Page p;
    p.source_path = std::move(path);
    p.title = "T " + p.source_path;
    p.type = type;
    p.last_reviewed = reviewed;
    p.review_by = by;
    p.owner = std::move(owner);
    return p;
}
}  // namespace

TEST(CheckStale, DueDates) {
    EXPECT_EQ(add_months({2025, 1, 31}, 1), (toml::date{2025, 2, 28}));
    EXPECT_EQ(add_months({2024, 1, 31}, 1), (toml::date{2024, 2, 29}));
    EXPECT_EQ(add_months({2025, 11, 15}, 12), (toml::date{2026, 11, 15}));
    Page p = page("a.md", PageType::Guidance, toml::date{2025, 3, 1});
    EXPECT_EQ(review_due_date(p, 12), (toml::date{2026, 3, 1}));
    p.review_by = toml::date{2025, 6, 1};
    EXPECT_EQ(review_due_date(p, 12), (toml::date{2025, 6, 1}));
    EXPECT_FALSE(is_due_for_review(p, 12, {2025, 6, 1}));  // due today is not yet late
    EXPECT_TRUE(is_due_for_review(p, 12, {2025, 6, 2}));
}

TEST(CheckStale, ListsPagesPastTheirDateOldestFirst) {
    ContentTree tree;
    tree.pages.push_back(page("content/b.md", PageType::Guidance, toml::date{2024, 1, 10}, {}, "Procurement team"));
    tree.pages.push_back(page("content/a.md", PageType::Template, toml::date{2025, 6, 1}));
    tree.pages.push_back(page("content/c.md", PageType::Tool, toml::date{2023, 1, 1}, toml::date{2026, 1, 1}));
    tree.pages.push_back(page("content/about.md", PageType::Page, toml::date{2020, 1, 1}));  // not reviewed
    tree.pages.push_back(page("content/new.md", PageType::Guidance, std::nullopt));
    toml::date today{2026, 7, 1};
    auto stale = find_stale_pages(tree, 12, today);
    ASSERT_EQ(stale.size(), 3u);
    EXPECT_EQ(format_stale(stale, today),
              "file          owner             due         title\n"
              "content/b.md  Procurement team  2025-01-10  T content/b.md\n"
              "content/c.md  (nobody)          2026-01-01  T content/c.md\n"
              "content/a.md  (nobody)          2026-06-01  T content/a.md\n"
              "\n"
              "3 pages are past their review date (today is 2026-07-01).\n");
    EXPECT_EQ(format_stale({}, today), "0 pages are past their review date (today is 2026-07-01).\n");
}
