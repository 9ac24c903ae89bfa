#include "check_content_fixture.h"

using namespace tk;
using tk::testing::findings;

namespace {
const char* k_avoid = "' is on the GOV.UK list of words to avoid: say what it means in plain words\n";
}

TEST(ContentWords, ReportsWordsOutsideAllowedPhrases) {
    EXPECT_EQ(findings("We deliver the key performance indicators and the key risks.\n"),
              std::string("content/strategy/x.md:8:4: [words-to-avoid] 'deliver") + k_avoid +
                  "content/strategy/x.md:8:51: [words-to-avoid] 'key" + k_avoid);
}

TEST(ContentWords, CaseInsensitiveAndAcrossLines) {
    EXPECT_EQ(findings("Key dates.\n\nPlan it in order\nto learn.\n"),
              std::string("content/strategy/x.md:8:1: [words-to-avoid] 'Key") + k_avoid +
                  "content/strategy/x.md:10:9: [words-to-avoid] 'in order to" + k_avoid);
}

TEST(ContentWords, IgnoresCodeUrlsAndCompounds) {
    EXPECT_EQ(findings("Use `deliver` and [the guide](https://example.org/key-deliver) with key-value pairs.\n\n"
                       "```\nkey deliver\n```\n"),
              "");
}

TEST(ContentWords, ChecksTitleAndSummary) {
    std::string text =
        "+++\n"
        "title = \"How to leverage suppliers\"\n"
        "summary = \"Key facts.\"\n"
        "audiences = [\"procurement\"]\n"
        "last_reviewed = 2026-01-01\n"
        "sources = [{ title = \"Act\", url = \"https://www.legislation.gov.uk/\" }]\n"
        "+++\n"
        "Body.\n";
    std::string out;
    for (const auto& f : check_page(tk::testing::make_page(text), tk::testing::make_rules())) out += f.headline() + "\n";
    EXPECT_EQ(out, std::string("content/strategy/x.md:2:17: [words-to-avoid] 'leverage") + k_avoid +
                       "content/strategy/x.md:3:12: [words-to-avoid] 'Key" + k_avoid);
}
