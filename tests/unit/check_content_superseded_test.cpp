#include "check_content_fixture.h"

using namespace tk;
using tk::testing::findings;

namespace {
std::string old_term(int line, int col, const char* term) {
    return "content/strategy/x.md:" + std::to_string(line) + ":" + std::to_string(col) + ": [superseded-term] '" +
           term + "' is a term from the old rules: use the current term, or say in the same passage what replaced it\n";
}
}  // namespace

TEST(ContentSuperseded, ReportsOldTerms) {
    EXPECT_EQ(findings("Publish on Contracts Finder.\n\nPQQs are gone.\n"),
              old_term(8, 12, "Contracts Finder") + old_term(10, 1, "PQQs"));
}

TEST(ContentSuperseded, AcronymsAreCaseSensitive) {
    EXPECT_EQ(findings("Meat is not MEAT.\n"), old_term(8, 13, "MEAT"));
}

TEST(ContentSuperseded, AllowedWhereThePassageExplainsTheChange) {
    EXPECT_EQ(findings("OJEU notices were replaced by Find a Tender notices.\n"), "");
    // A callout is one passage: the explanation may come in a later paragraph of it.
    EXPECT_EQ(findings("> [!NOTE]\n> Do not ask for a PQQ.\n>\n> The selection questionnaire replaced it.\n"), "");
}

TEST(ContentSuperseded, ListItemsAreSeparatePassages) {
    EXPECT_EQ(findings("- Do not use a PQQ.\n- The old questionnaire is no longer used.\n"), old_term(8, 16, "PQQ"));
}

TEST(ContentSuperseded, ExplanationInAnotherParagraphDoesNotCount) {
    EXPECT_EQ(findings("The rules were replaced.\n\nDo not publish on Contracts Finder.\n"),
              old_term(10, 19, "Contracts Finder"));
}

TEST(ContentSuperseded, GlossaryPageIsExempt) {
    auto page = tk::testing::make_page("+++\ntitle = \"Glossary\"\n+++\nOJEU: see Find a Tender.\n", false);
    page.id = "glossary";
    EXPECT_TRUE(check_page(page, tk::testing::make_rules()).empty());
}
