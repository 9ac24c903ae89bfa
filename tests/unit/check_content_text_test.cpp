#include <gtest/gtest.h>

#include "check/content_prose.h"
#include "check/content_text.h"

using namespace tk;

namespace {
std::string ranges(std::string_view text, const std::vector<TextRange>& rs) {
    std::string out;
    for (auto r : rs) out += std::to_string(r.begin) + ":" + std::string(text.substr(r.begin, r.end - r.begin)) + ";";
    return out;
}
}  // namespace

TEST(ContentText, FindsWholeWordsCaseInsensitively) {
    std::string_view t = "Key risks, keys, monkey, key-value and the KEY.";
    EXPECT_EQ(ranges(t, find_phrase(t, "key")), "0:Key;43:KEY;");
}

TEST(ContentText, PhraseMatchesAcrossLineBreaks) {
    std::string_view t = "We did it in order\nto learn, not in  order to win.";
    EXPECT_EQ(ranges(t, find_phrase(t, "in order to")), "10:in order\nto;33:in  order to;");
}

TEST(ContentText, CaseSensitiveAndPlural) {
    std::string_view t = "Meat and MEAT; PQQs, PQQ and PQQsx.";
    PhraseOptions exact{true, true};
    EXPECT_EQ(ranges(t, find_phrase(t, "MEAT", exact)), "9:MEAT;");
    EXPECT_EQ(ranges(t, find_phrase(t, "PQQ", exact)), "15:PQQs;21:PQQ;");
    EXPECT_EQ(ranges(t, find_phrase(t, "PQQ", PhraseOptions{true, false})), "21:PQQ;");
}

TEST(ContentText, NonAsciiLettersAreWordCharactersButDashesAreNot) {
    std::string_view t = "café–key keyé";
    EXPECT_EQ(ranges(t, find_phrase(t, "key")), "8:key;");
}

TEST(ContentText, SplitsSentences) {
    std::string_view t = "One two. Three (four)! Five \"six?\" Seven e.g. eight. Nine etc. and ten.";
    auto s = split_sentences(t);
    ASSERT_EQ(s.size(), 5u);
    EXPECT_EQ(t.substr(s[0].begin, s[0].end - s[0].begin), "One two.");
    EXPECT_EQ(s[0].words, 2);
    EXPECT_EQ(t.substr(s[1].begin, s[1].end - s[1].begin), "Three (four)!");
    EXPECT_EQ(t.substr(s[2].begin, s[2].end - s[2].begin), "Five \"six?\"");
    EXPECT_EQ(t.substr(s[3].begin, s[3].end - s[3].begin), "Seven e.g. eight.");
    EXPECT_EQ(s[3].words, 3);
    EXPECT_EQ(t.substr(s[4].begin, s[4].end - s[4].begin), "Nine etc. and ten.");
    EXPECT_EQ(s[4].words, 4);
}

TEST(ContentText, CountsWords) {
    EXPECT_EQ(count_words("See https://example.org/a.b and www.example.org – now & then"), 4);
    std::string masked = "Run " + std::string(9, k_mask_word) + " and " + std::string(5, k_mask_skip) + " go";
    EXPECT_EQ(count_words(masked), 4);
    EXPECT_EQ(count_words("£207,720 or 10–12 days"), 4);
}

TEST(ContentText, FindsMoney) {
    std::string_view t = "£207,720, £207720, £5 million, £5m, £5bn, £30k, £2.5 million, £1.50, £ 3, £30,00";
    std::string out;
    for (const auto& m : find_money(t))
        out += std::string(t.substr(m.range.begin, m.range.end - m.range.begin)) + "=" + std::to_string(m.pounds) +
               (m.whole ? "" : "p") + ";";
    EXPECT_EQ(out,
              "£207,720=207720;£207720=207720;£5 million=5000000;£5m=5000000;£5bn=5000000000;£30k=30000;"
              "£2.5 million=2500000;£1.50=1p;£30=30;");
}
