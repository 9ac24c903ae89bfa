#pragma once
// Splits text into words the way search does, in the index and (mirrored by search.js) in queries.
#include <string>
#include <string_view>
#include <vector>

namespace tk {

/// A word: folded ("É" -> "e"), a possessive "'s" dropped, other apostrophes removed ("don't" ->
/// "dont"). A hyphenated compound ("G-Cloud", "lock-in") has one part per piece.
struct Word {
    std::vector<std::string> parts;
    size_t begin = 0, end = 0;  // byte range in the text
    /// The parts written together: "gcloud", "lockin".
    std::string joined() const;
};

class WordScanner {
public:
    explicit WordScanner(std::string_view text) : m_text(text) {}
    /// The next word, or false at the end of the text.
    bool next(Word& word);

private:
    std::string_view m_text;
    size_t m_pos = 0;
};

/// Length in code points of UTF-8 text.
size_t utf8_length(std::string_view s);

}  // namespace tk
