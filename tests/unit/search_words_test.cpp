#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "search/analyzer.h"
#include "search/fold.h"
#include "search/words.h"

using namespace tk;

namespace {
std::vector<std::vector<std::string>> words_of(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    WordScanner s(text);
    Word w;
    while (s.next(w)) {
        std::vector<std::string> parts;
        for (size_t i = 0; i < w.part_count(); ++i) parts.emplace_back(w.part(i));
        out.push_back(parts);
    }
    return out;
}
std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
    return out;
}
}  // namespace

TEST(SearchWords, SplitsOnSpacesAndPunctuation) {
    auto w = words_of("Find a Tender, (FTS) and PQQ/SQ.");
    ASSERT_EQ(w.size(), 7u);  // find a tender fts and pqq sq
    EXPECT_EQ(w[0], std::vector<std::string>{"find"});
    EXPECT_EQ(w[3], std::vector<std::string>{"fts"});
    EXPECT_EQ(w[6], std::vector<std::string>{"sq"});
}

TEST(SearchWords, HyphensJoinCompoundsOnlyBetweenLetters) {
    auto w = words_of("G-Cloud -- lock-in - x- -y");
    ASSERT_EQ(w.size(), 4u);
    EXPECT_EQ(w[0], (std::vector<std::string>{"g", "cloud"}));
    EXPECT_EQ(w[1], (std::vector<std::string>{"lock", "in"}));
    EXPECT_EQ(w[2], std::vector<std::string>{"x"});
    EXPECT_EQ(w[3], std::vector<std::string>{"y"});
}

TEST(SearchWords, ApostrophesAndPossessives) {
    auto w = words_of("supplier's suppliers' don\u2019t O'Brien 'quoted'");
    ASSERT_EQ(w.size(), 5u);
    EXPECT_EQ(w[0][0], "supplier");
    EXPECT_EQ(w[1][0], "suppliers");
    EXPECT_EQ(w[2][0], "dont");
    EXPECT_EQ(w[3][0], "obrien");
    EXPECT_EQ(w[4][0], "quoted");
}

TEST(SearchWords, FoldsCaseAndAccentsInAnyScript) {
    EXPECT_EQ(joined(words_of("ÉCOLE Ærø İstanbul ΣΟΦΙΑ Привет")[0]), "ecole");
    auto w = words_of("ÉCOLE Ærø İstanbul ΣΟΦΙΑ Привет");
    ASSERT_EQ(w.size(), 5u);
    EXPECT_EQ(w[1][0], "ærø");
    EXPECT_EQ(w[2][0], "istanbul");
    EXPECT_EQ(w[3][0], "σοφια");
    EXPECT_EQ(w[4][0], "привет");
    // A decomposed accent (e + U+0301) is dropped without splitting the word.
    EXPECT_EQ(words_of("cafe\u0301s")[0][0], "cafes");
}

TEST(SearchWords, ClassifiesCharacters) {
    EXPECT_EQ(classify(U'a'), CharClass::Word);
    EXPECT_EQ(classify(U'7'), CharClass::Word);
    EXPECT_EQ(classify(U'é'), CharClass::Word);
    EXPECT_EQ(classify(U'\u2019'), CharClass::Apostrophe);
    EXPECT_EQ(classify(U'\u2011'), CharClass::Hyphen);
    EXPECT_EQ(classify(U'\u2014'), CharClass::Separator);  // em dash
    EXPECT_EQ(classify(U'£'), CharClass::Separator);
    EXPECT_EQ(classify(U'\U0001F642'), CharClass::Separator);
    EXPECT_EQ(classify(U'\u0301'), CharClass::Mark);
}

TEST(SearchWords, ByteRangesPointIntoTheText) {
    std::string text = "  Über-all, x";
    WordScanner s(text);
    Word w;
    ASSERT_TRUE(s.next(w));
    EXPECT_EQ(text.substr(w.begin, w.end - w.begin), "Über-all");
}

// The shared expectations that search.js is held to as well (tests/search/run.mjs).
TEST(SearchWords, AgreesWithTheSharedTokenTable) {
    std::ifstream in(std::string(TOOLKIT_SOURCE_DIR) + "/tests/search/tokens.tsv");
    ASSERT_TRUE(in) << "tests/search/tokens.tsv";
    Analyzer a;
    std::string line;
    int checked = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << line;
        EXPECT_EQ(joined(a.terms(line.substr(0, tab))), line.substr(tab + 1)) << line.substr(0, tab);
        ++checked;
    }
    EXPECT_GE(checked, 20);
}
