#include <gtest/gtest.h>

#include "config/config.h"

using namespace tk;

namespace {
std::string errors(const std::string& text) {
    Diagnostics d;
    parse_config("config.toml", text, d);
    std::string out;
    for (const auto& x : d.sorted()) out += x.headline() + "\n";
    return out;
}
}  // namespace

TEST(Config, LoadsEverything) {
    Diagnostics d;
    auto c = parse_config("dir/config.toml",
                          "title = \"T\"\nbase_url = \"https://org.github.io/toolkit/\"\nunsafe_html = true\n"
                          "review_interval_months = 6\n[repository]\nurl = \"https://github.com/o/r\"\nbranch = \"trunk\"\n"
                          "[audiences]\nservice = \"S\"\ndigital = \"D\"\n",
                          d);
    ASSERT_TRUE(c) << d.format_all();
    EXPECT_EQ(c->title, "T");
    EXPECT_EQ(c->root, "dir");
    EXPECT_EQ(c->base.path, "/toolkit/");
    EXPECT_TRUE(c->unsafe_html);
    EXPECT_EQ(c->review_interval_months, 6);
    EXPECT_EQ(c->repo_branch, "trunk");
    ASSERT_EQ(c->audiences.size(), 2u);
    EXPECT_EQ(c->audiences[0].first, "service");  // file order is kept
    EXPECT_EQ(c->language, "en-GB");
}

TEST(Config, UnknownKeysAndWrongTypes) {
    EXPECT_EQ(errors("titel = \"T\"\nunsafe_html = \"no\"\n[repository]\nbranch = 1\n"),
              "config.toml:1:1: error: unknown key 'titel' (did you mean 'title'?)\n"
              "config.toml:2:15: error: 'unsafe_html' must be a boolean (true or false), not a string\n"
              "config.toml:4:10: error: 'branch' must be a string, not an integer\n");
}

TEST(Config, BadBaseUrl) {
    EXPECT_EQ(errors("base_url = \"example.org\"\n"),
              "config.toml:1:12: error: 'base_url' must start with https://, http:// or / (got 'example.org')\n");
}
