#pragma once
// Splits text into words the way search does, in the index and (mirrored by search.js) in queries.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tk {

/// A word: folded ("É" -> "e"), a possessive "'s" dropped, other apostrophes removed ("don't" ->
/// "dont"). A hyphenated compound ("G-Cloud", "lock-in") has one part per piece.
struct Word {
    std::string folded;              // the parts written together: "gcloud", "lockin"
    std::vector<uint32_t> part_ends;  // where each part ends in `folded`
    size_t begin = 0, end = 0;        // byte range in the text

    size_t part_count() const { return part_ends.size(); }
    std::string_view part(size_t i) const {
        size_t from = i == 0 ? 0 : part_ends[i - 1];
        return std::string_view(folded).substr(from, part_ends[i] - from);
    }
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
