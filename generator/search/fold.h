#pragma once
// How search sees characters: which code points make words, and how they fold (case, accents).
// search.js makes exactly the same decisions in the browser, so a query meets the index halfway.
#include <string>

namespace tk {

enum class CharClass {
    Word,        // letters and digits, in any script
    Apostrophe,  // ' and the curly and modifier apostrophes: joins "supplier's", "don't"
    Hyphen,      // - and the Unicode hyphens: joins "G-Cloud", "lock-in"
    Mark,        // combining accents: dropped without breaking the word
    Separator,   // everything else: spaces, punctuation, symbols, emoji
};

CharClass classify(char32_t cp);

/// Appends the folded form of a word character: lower case, accents removed ("É" -> "e").
void append_folded(std::string& out, char32_t cp);

}  // namespace tk
