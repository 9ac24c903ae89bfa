#include <gtest/gtest.h>

#include "config/config.h"
#include "content/front_matter.h"
#include "content/page_loader.h"

using namespace tk;

TEST(FrontMatter, SplitsTomlAndBody) {
    auto r = split_front_matter("+++\ntitle = \"A\"\n+++\n\nBody\n");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.toml, "title = \"A\"\n");
    EXPECT_EQ(r.body, "\nBody\n");
    EXPECT_EQ(r.body_first_line, 4);
    EXPECT_EQ(r.toml_line_offset, 1);
}

TEST(FrontMatter, EmptyFile) {
    auto r = split_front_matter("  \n");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "empty file: a page needs front matter between two '+++' lines");
}

TEST(FrontMatter, Missing) {
    auto r = split_front_matter("# Title\n");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "missing front matter: a page must start with a line of '+++'");
}

TEST(FrontMatter, Unclosed) {
    auto r = split_front_matter("+++\ntitle = \"x\"\n");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "front matter is never closed: add a line of '+++' after it");
    EXPECT_EQ(r.error_line, 1);
}

namespace {
Config test_config() {
    Diagnostics d;
    auto c = parse_config("config.toml",
                          "title = \"T\"\n[audiences]\ndigital = \"D\"\nprocurement = \"P\"\n[roles]\nlegal = \"L\"\n", d);
    return *c;
}

std::string load_errors(const std::string& text, PageContext ctx = {true, false, false}) {
    Diagnostics d;
    load_page("a.md", "strategy/a.md", text, ctx, test_config(), d);
    std::string out;
    for (const auto& x : d.sorted()) out += x.headline() + "\n";
    return out;
}

const char* k_valid =
    "+++\ntitle = \"A\"\nsummary = \"S\"\naudiences = [\"digital\"]\nlast_reviewed = 2026-11-01\n+++\nBody\n";
}  // namespace

TEST(PageLoader, AcceptsAValidGuidancePage) {
    Diagnostics d;
    Page p = load_page("a.md", "strategy/a.md", k_valid, {true, false, false}, test_config(), d);
    EXPECT_FALSE(p.invalid);
    EXPECT_EQ(d.error_count(), 0u);
    EXPECT_EQ(p.type, PageType::Guidance);
    EXPECT_EQ(p.title, "A");
    EXPECT_EQ(p.body(), "Body\n");
}

TEST(PageLoader, UnknownKeyWithSuggestion) {
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\nsumary = \"S\"\naudiences = [\"digital\"]\nlast_reviewed = 2026-11-01\n+++\n"),
              "a.md:3:1: error: unknown key 'sumary' (did you mean 'summary'?)\n");
}

TEST(PageLoader, AMisspeltKeyHidesOnlyTheMissingKeyItWasTakenFor) {
    EXPECT_EQ(load_errors("+++\ntitel = \"A\"\naudiences = [\"digital\"]\nlast_reviewed = 2026-11-01\n+++\n"),
              "a.md:1:1: error: missing required key 'summary'\n"
              "a.md:2:1: error: unknown key 'titel' (did you mean 'title'?)\n");
    // An unknown key too far from every key suggests none, and hides nothing.
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\nabstract = \"S\"\naudiences = [\"digital\"]\nlast_reviewed = 2026-11-01\n+++\n"),
              "a.md:1:1: error: missing required key 'summary'\n"
              "a.md:3:1: error: unknown key 'abstract' (expected 'title', 'summary', 'type', 'weight', 'audiences', "
              "'who', 'related', 'last_reviewed', 'review_by', 'owner', 'draft', 'aliases', 'sources', 'tool' or "
              "'extra')\n");
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\nsummary = \"S\"\naudience = [\"digital\"]\nlast_reviewed = 2026-11-01\n+++\n"),
              "a.md:4:1: error: unknown key 'audience' (did you mean 'audiences'?)\n");
}

TEST(PageLoader, MissingAudiencesIsReportedAtTheOpeningLikeEveryMissingKey) {
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\nsummary = \"S\"\nlast_reviewed = 2026-11-01\n+++\n"),
              "a.md:1:1: error: missing required key 'audiences'\n");
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\nsummary = \"S\"\naudience = [\"digital\"]\nlast_reviewed = 2026-11-01\n+++\n"),
              "a.md:4:1: error: unknown key 'audience' (did you mean 'audiences'?)\n");
}

TEST(PageLoader, KeepsAPageWithErrorsWithWhatCouldBeRead) {
    Diagnostics d;
    Page p = load_page("a.md", "strategy/a.md",
                       "+++\ntitle = \"A\"\nsumary = \"S\"\naudiences = [\"digital\"]\nlast_reviewed = 2026-11-01\n+++\nBody\n",
                       {true, false, false}, test_config(), d);
    EXPECT_EQ(d.error_count(), 1u);
    EXPECT_TRUE(p.invalid);
    EXPECT_EQ(p.title, "A");
    EXPECT_EQ(p.type, PageType::Guidance);
    EXPECT_EQ(p.audiences, std::vector<std::string>{"digital"});
    EXPECT_EQ(p.body(), "Body\n");
}

TEST(PageLoader, KeepsOnlyThePlaceOfAPageThatCannotBeParsed) {
    for (const char* text : {"+++\ntitle = \"A\n+++\nBody\n", "+++\ntitle = \"A\"\nBody\n", "", "+++\ntitle = \"\xff\"\n+++\n"}) {
        Diagnostics d;
        Page p = load_page("a.md", "strategy/_index.md", text, {false, true, false}, test_config(), d);
        EXPECT_EQ(d.error_count(), 1u) << text;
        EXPECT_TRUE(p.invalid) << text;
        EXPECT_EQ(p.type, PageType::Stage) << text;  // what an _index.md in a top folder is
        EXPECT_EQ(p.title, "") << text;
        EXPECT_EQ(p.body(), "") << text;
        EXPECT_EQ(p.rel_path, "strategy/_index.md");
    }
}

TEST(PageLoader, WrongTypes) {
    EXPECT_EQ(load_errors("+++\ntitle = 3\nsummary = \"S\"\nweight = \"ten\"\naudiences = [\"digital\"]\n"
                          "last_reviewed = \"2026-11-01\"\n+++\n"),
              "a.md:2:9: error: 'title' must be a string, not an integer\n"
              "a.md:4:10: error: 'weight' must be an integer, not a string\n"
              "a.md:6:17: error: 'last_reviewed' must be a date (YYYY-MM-DD, without quotes), not a string\n");
}

TEST(PageLoader, UnknownAudienceAndRole) {
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\nsummary = \"S\"\naudiences = [\"digtal\"]\nlast_reviewed = 2026-11-01\n"
                          "who = { responsible = [\"lawyer\"] }\n+++\n"),
              "a.md:4:14: error: unknown audience 'digtal' (did you mean 'digital'?)\n"
              "a.md:6:24: error: unknown role 'lawyer' (expected 'legal')\n");
}

TEST(PageLoader, TypeRules) {
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\ntype = \"guidence\"\n+++\n", {false, false, false}),
              "a.md:3:8: error: unknown type 'guidence' (did you mean 'guidance'?)\n");
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\ntype = \"guidance\"\n+++\n", {false, false, false}),
              "a.md:3:8: error: type 'guidance' is only for pages inside a stage folder (use 'page' here)\n");
}

TEST(PageLoader, InvalidTomlReportsPosition) {
    EXPECT_EQ(load_errors("+++\ntitle = \"A\n+++\n"),
              "a.md:2:11: error: invalid TOML: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited\n");
}

TEST(PageLoader, SourcesMustBeTables) {
    EXPECT_EQ(load_errors("+++\ntitle = \"A\"\nsummary = \"S\"\naudiences = [\"digital\"]\nlast_reviewed = 2026-11-01\n"
                          "sources = [\"https://x\", { title = \"T\", url = \"ftp://x\" }]\n+++\n"),
              "a.md:6:12: error: each source must be a table {title = \"...\", url = \"...\"}, not a string\n"
              "a.md:6:46: error: source url must start with https:// or http://\n");
}

TEST(PageLoader, AcceptsBomAndCrlf) {
    Diagnostics d;
    Page p = load_page("a.md", "strategy/a.md",
                       "\xEF\xBB\xBF+++\r\ntitle = \"A\"\r\nsummary = \"S\"\r\naudiences = [\"digital\"]\r\n"
                       "last_reviewed = 2026-11-01\r\n+++\r\nBody\r\n",
                       {true, false, false}, test_config(), d);
    EXPECT_FALSE(p.invalid) << d.format_all();
    EXPECT_EQ(p.body(), "Body\n");
}

TEST(PageLoader, RejectsInvalidUtf8) {
    EXPECT_EQ(load_errors(std::string("+++\ntitle = \"A\xff\"\n+++\n")),
              "a.md:2:11: error: file is not valid UTF-8 (bad byte at offset 14)\n");
}
