#include <gtest/gtest.h>

#include "util/strings.h"

using namespace tk;

TEST(Strings, EscapesHtml) { EXPECT_EQ(html_escape("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"); }

TEST(Strings, FindsInvalidUtf8) {
    EXPECT_FALSE(find_invalid_utf8("plain £ text ✓"));
    EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);
    EXPECT_EQ(find_invalid_utf8("a\xe2\x82"), 1u);  // truncated sequence
    EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u);   // overlong
}

TEST(Strings, LineAndColumn) {
    auto lc = line_col_at("ab\ncd£e\nf", 8);
    EXPECT_EQ(lc.line, 2);
    EXPECT_EQ(lc.col, 5);
    EXPECT_EQ(line_at("one\ntwo\r\nthree", 2), "two");
}

TEST(Strings, NearestSuggestsTypos) {
    std::vector<std::string> keys = {"title", "summary", "type", "weight"};
    EXPECT_EQ(nearest("sumary", keys), "summary");
    EXPECT_EQ(nearest("titel", keys), "title");
    EXPECT_FALSE(nearest("completely-different", keys));
}

TEST(Strings, NormalisesNewlinesAndBom) { EXPECT_EQ(normalise_newlines("\xEF\xBB\xBF" "a\r\nb\r\n"), "a\nb\n"); }

TEST(Strings, FormatsThousands) {
    EXPECT_EQ(format_thousands(207720), "207,720");
    EXPECT_EQ(format_thousands(5), "5");
    EXPECT_EQ(format_thousands(1000000), "1,000,000");
}

TEST(Strings, FindsInvalidUtf8PastTheAsciiFastPath) {
    // ASCII is checked eight bytes at a time: faults before, at and after each boundary.
    for (size_t at = 0; at < 20; ++at) {
        std::string s(24, 'a');
        s[at] = '\xff';
        EXPECT_EQ(find_invalid_utf8(s), at) << at;
        std::string ok(24, 'b');
        ok.replace(at, 2, "\xc2\xa3");  // £ across a boundary is fine
        EXPECT_FALSE(find_invalid_utf8(ok)) << at;
    }
    EXPECT_EQ(find_invalid_utf8(std::string(16, 'x') + "\xe2\x82"), 16u);  // truncated at the end
}

TEST(Strings, EscapesHtmlOntoTheEnd) {
    std::string out = "<p>";
    html_escape_to(out, "Tom & \"Jerry\" <3");
    EXPECT_EQ(out, "<p>Tom &amp; &quot;Jerry&quot; &lt;3");
}

TEST(Strings, LineCursorAgreesWithLineColAt) {
    const std::string text = "one\ntwo £\n\nthree four\nfive";
    LineCursor cursor(text);
    // Forwards, repeated, then backwards: the same answers as counting from the top each time.
    for (size_t offset : {0, 2, 4, 4, 9, 11, 12, 20, 27, 100, 5, 0, 16}) {
        LineCol want = line_col_at(text, offset), got = cursor.at(offset);
        EXPECT_EQ(got.line, want.line) << offset;
        EXPECT_EQ(got.col, want.col) << offset;
    }
    EXPECT_EQ(line_col_at(text, 12).line, 4);
    EXPECT_EQ(line_col_at(text, 16).col, 5);
}

TEST(Strings, QuotedListJoinsTheLastWithOr) {
    EXPECT_EQ(quoted_list({}), "");
    EXPECT_EQ(quoted_list({"a"}), "'a'");
    EXPECT_EQ(quoted_list({"a", "b"}), "'a' or 'b'");
    EXPECT_EQ(quoted_list({"a", "b", "c"}), "'a', 'b' or 'c'");
}

TEST(Strings, EscapesApostrophesOnlyWhenAsked) {
    std::string out = "x";
    html_escape_to(out, "it's <b>");
    EXPECT_EQ(out, "xit's &lt;b&gt;");
    out.clear();
    html_escape_to(out, "it's \"&\"", /*apostrophe=*/true);
    EXPECT_EQ(out, "it&apos;s &quot;&amp;&quot;");
}
