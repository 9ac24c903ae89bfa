#include <gtest/gtest.h>

#include "search/synonyms.h"

using namespace tk;

namespace {
struct Match {
    size_t group, start, length;
    bool operator==(const Match&) const = default;
};
std::vector<Match> matches(const Synonyms& s, Analyzer& a, std::string_view text) {
    std::vector<std::string> words = a.phrase(text);
    std::vector<std::string_view> views(words.begin(), words.end());
    std::vector<Match> out;
    s.match(views, [&](size_t g, size_t st, size_t len) { out.push_back({g, st, len}); });
    return out;
}
}  // namespace

TEST(SearchSynonyms, LoadsGroupsAsStemmedPhrases) {
    Diagnostics d;
    Analyzer a;
    auto s = Synonyms::parse("synonyms.toml",
                             "[[synonym]]\nterms = [\"OJEU\", \"Find a Tender\"]\n"
                             "[[synonym]]\nterms = [\"PQQ\", \"conditions of participation\"]\n",
                             a, d);
    EXPECT_EQ(d.format_all(), "");
    ASSERT_EQ(s.groups().size(), 2u);
    EXPECT_EQ(s.groups()[0].phrases[1], (std::vector<std::string>{"find", "tender"}));
    EXPECT_EQ(s.groups()[1].phrases[1], (std::vector<std::string>{"condit", "particip"}));
    EXPECT_EQ(Synonyms::group_term(1), "~1");
}

TEST(SearchSynonyms, MatchesOldAndNewTermsInText) {
    Diagnostics d;
    Analyzer a;
    auto s = Synonyms::parse("synonyms.toml",
                             "[[synonym]]\nterms = [\"OJEU\", \"Find a Tender\", \"Find a Tender service\"]\n"
                             "[[synonym]]\nterms = [\"tender\", \"bid\"]\n",
                             a, d);
    ASSERT_EQ(d.format_all(), "");
    // "Find a Tender service" is the longest phrase of group 0 there; "tender" alone is group 1.
    EXPECT_EQ(matches(s, a, "Publish on Find a Tender service today"),
              (std::vector<Match>{{0, 1, 3}, {1, 2, 1}}));
    EXPECT_EQ(matches(s, a, "an OJEU notice"), (std::vector<Match>{{0, 0, 1}}));
    EXPECT_EQ(matches(s, a, "Tenders and bids"), (std::vector<Match>{{1, 0, 1}, {1, 1, 1}}));
    EXPECT_TRUE(matches(s, a, "find the right supplier").empty());
}

TEST(SearchSynonyms, TheRealFileLoadsWithoutErrors) {
    Diagnostics d;
    Analyzer a;
    auto s = Synonyms::load(std::string(TOOLKIT_SOURCE_DIR) + "/content/_data/synonyms.toml", a, d);
    EXPECT_EQ(d.format_all(), "");
    EXPECT_GE(s.groups().size(), 20u);
}

TEST(SearchSynonyms, ErrorsNameFileLineAndColumn) {
    Diagnostics d;
    Analyzer a;
    Synonyms::parse("content/_data/synonyms.toml",
                    "[[synonym]]\n"
                    "terms = [\"OJEU\", \"Find a Tender\"]\n"
                    "[[synonym]]\n"
                    "term = [\"x\"]\n"
                    "[[synonym]]\n"
                    "terms = [\"the\", \"bid\"]\n"
                    "[[synonym]]\n"
                    "terms = [\"find a tender\", \"FTS\"]\n"
                    "[[synonym]]\n"
                    "terms = [\"lone\"]\n"
                    "[[synonym]]\n"
                    "terms = \"PQQ\"\n",
                    a, d);
    auto all = d.sorted();
    ASSERT_EQ(all.size(), 6u) << d.format_all();
    EXPECT_EQ(all[0].headline(), "content/_data/synonyms.toml:3:1: error: missing required key 'terms'");
    EXPECT_EQ(all[1].headline(), "content/_data/synonyms.toml:4:1: error: unknown key 'term' (did you mean 'terms'?)");
    EXPECT_EQ(all[2].headline(),
              "content/_data/synonyms.toml:6:10: error: 'the' has no words that search indexes (only stop words or "
              "single letters)");
    EXPECT_EQ(all[3].headline(),
              "content/_data/synonyms.toml:8:10: error: 'find a tender' is already in the synonym group at line 2");
    EXPECT_EQ(all[4].headline(),
              "content/_data/synonyms.toml:10:9: error: a synonym group needs at least two different terms");
    EXPECT_EQ(all[5].headline(), "content/_data/synonyms.toml:12:9: error: 'terms' must be an array of strings, not a string");
}

TEST(SearchSynonyms, ReportsTomlSyntaxErrors) {
    Diagnostics d;
    Analyzer a;
    Synonyms::parse("s.toml", "[[synonym]]\nterms = [\"a\",\n", a, d);
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_EQ(d.sorted()[0].loc.line, 2);
    EXPECT_NE(d.sorted()[0].message.find("invalid TOML"), std::string::npos);
}
