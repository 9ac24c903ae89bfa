#pragma once
// Words too common to help a search. The list is written into the index manifest, so search.js
// drops exactly the same words from queries.
#include <string_view>
#include <vector>

namespace tk {

/// Whether a folded word (apostrophes removed: "dont") is a stop word.
bool is_stop_word(std::string_view word);
/// All stop words, sorted.
const std::vector<std::string_view>& stop_words();

}  // namespace tk
