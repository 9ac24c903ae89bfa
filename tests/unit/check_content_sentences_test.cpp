#include "check_content_fixture.h"

using namespace tk;
using tk::testing::findings;

TEST(ContentSentences, ReportsLongSentenceAtItsStart) {
    EXPECT_EQ(findings("One two three four five six seven eight nine ten. "
                       "One two three four five six seven eight nine ten eleven.\n"),
              "content/strategy/x.md:8:51: [sentence-length] sentence of 11 words: split it or cut words (at most 10)\n");
}

TEST(ContentSentences, PositionAfterSoftLineBreak) {
    EXPECT_EQ(findings("Short one. Now a sentence that runs on\nacross two lines and has twelve words.\n"),
              "content/strategy/x.md:8:12: [sentence-length] sentence of 13 words: split it or cut words (at most 10)\n");
}

TEST(ContentSentences, ShortcodeIsOneWord) {
    // Ten words when the shortcode counts as one; eleven if its parts were counted.
    EXPECT_EQ(findings("Above {{< value kpi.contract_value >}} you must publish at least three good KPIs.\n"), "");
}

TEST(ContentSentences, UrlsAreNotWords) {
    EXPECT_EQ(findings("Read https://a.gov.uk/x and https://b.gov.uk/y and <https://c.gov.uk/z> before you write it up.\n"),
              "");
}

TEST(ContentSentences, CodeSpanIsOneWordAndCodeBlocksAreNotProse) {
    EXPECT_EQ(findings("Run `toolkit build --strict --verbose` and then read every line it prints.\n\n"
                       "```\none two three four five six seven eight nine ten eleven twelve\n```\n"),
              "");
}

TEST(ContentSentences, ListItemsAreSeparate) {
    EXPECT_EQ(findings("- one two three four five six\n- seven eight nine ten eleven twelve\n"), "");
}

TEST(ContentSentences, HeadingsTableCellsAndCallouts) {
    EXPECT_EQ(findings("## One two three four five six seven eight nine ten eleven\n\n"
                       "| a | b |\n|---|---|\n| one two three four five six seven eight nine ten eleven | x |\n\n"
                       "> [!NOTE]\n> One two three four five six seven eight nine ten eleven.\n"),
              "content/strategy/x.md:8:4: [sentence-length] sentence of 11 words: split it or cut words (at most 10)\n"
              "content/strategy/x.md:12:3: [sentence-length] sentence of 11 words: split it or cut words (at most 10)\n"
              "content/strategy/x.md:15:3: [sentence-length] sentence of 11 words: split it or cut words (at most 10)\n");
}

TEST(ContentSentences, FormatShowsLineAndCaret) {
    auto page = tk::testing::make_page(std::string(tk::testing::k_guidance_head) +
                                       "Short. One two three four five six seven eight nine ten eleven.\n");
    auto found = check_page(page, tk::testing::make_rules());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].format(),
              "content/strategy/x.md:8:8: [sentence-length] sentence of 11 words: split it or cut words (at most 10)\n"
              "  Short. One two three four five six seven eight nine ten eleven.\n"
              "         ^\n");
}
