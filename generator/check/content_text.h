#pragma once
// Text scanning for the content check: whole-word phrase search, sentences and their words,
// and money amounts typed as "£207,720", "£5 million", "£5m", "£30k".
#include <cstdint>
#include <string_view>
#include <vector>

namespace tk {

struct TextRange {
    size_t begin = 0;
    size_t end = 0;
};

struct PhraseOptions {
    bool case_sensitive = false;
    bool plural = false;  // also match the phrase with an "s" on the end
};

/// Every whole-word occurrence of `phrase` in `text`. A space in the phrase matches any run of
/// white space, so a phrase may wrap across lines. Hyphens are part of words: "key" is not found
/// in "key-value".
std::vector<TextRange> find_phrase(std::string_view text, std::string_view phrase, PhraseOptions opts = {});

struct Sentence {
    size_t begin = 0;  // first character of the sentence
    size_t end = 0;    // one past its final punctuation
    int words = 0;
};

/// Splits on '.', '!' or '?' followed by white space or the end (closing quotes and brackets may
/// come between). "e.g." and "i.e.", and a full stop followed by a lower-case word, do not split.
std::vector<Sentence> split_sentences(std::string_view text);

/// Words in `text`: runs between white space that hold a letter, a digit or a word mask.
/// URLs and skip masks are not words.
int count_words(std::string_view text);

struct MoneyMention {
    TextRange range;     // from the '£' to the end of the amount and its multiplier
    int64_t pounds = 0;
    bool whole = true;   // false when the amount has pence (it then equals no value)
};

std::vector<MoneyMention> find_money(std::string_view text);

}  // namespace tk
