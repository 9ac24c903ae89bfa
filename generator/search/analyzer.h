#pragma once
// Text -> search terms: words (search/words.h), stop words dropped, stems (Snowball English).
// One Analyzer per thread: its stemmer is not thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "search/stemmer.h"
#include "search/stop_words.h"
#include "search/words.h"

namespace tk {

class Analyzer {
public:
    /// Whether a folded word is worth a term: two letters or more, not a stop word.
    static bool usable(std::string_view folded) {
        return folded.size() <= 64 && utf8_length(folded) >= 2 && !is_stop_word(folded);
    }

    /// The stem of a folded word, or nullptr when search drops the word. One lookup per word:
    /// this is the indexer's inner loop.
    const Stem* lookup(std::string_view folded) {
        if (auto it = m_words.find(folded); it != m_words.end()) return it->second;
        const Stem* s = usable(folded) ? &m_stemmer.stem(folded) : nullptr;
        m_words.emplace(std::string(folded), s);
        return s;
    }

    /// Calls `on_term(stem)` for each index term and `on_word(stem)` for each word in phrase order.
    /// A word gives its stem to both. A compound gives each usable part's stem and the stem of
    /// its joined form as terms ("G-Cloud" -> "cloud", "gcloud"), and only the joined form as a
    /// word, so the phrase "vendor lock-in" is the words [vendor, lockin].
    template <class OnTerm, class OnWord>
    void analyze(std::string_view text, OnTerm&& on_term, OnWord&& on_word) {
        WordScanner scanner(text);
        while (scanner.next(m_word)) {
            size_t parts = m_word.part_count();
            if (parts == 0) continue;
            if (parts > 1)
                for (size_t i = 0; i < parts; ++i)
                    if (const Stem* s = lookup(m_word.part(i))) on_term(*s);
            // One word, or the joined form of a compound.
            if (const Stem* s = lookup(m_word.folded)) {
                on_term(*s);
                on_word(*s);
            }
        }
    }

    /// The index terms of a text, in order.
    std::vector<std::string> terms(std::string_view text);
    /// The words of a text as a phrase: what synonyms match on.
    std::vector<std::string> phrase(std::string_view text);

    Stemmer& stemmer() { return m_stemmer; }

private:
    Stemmer m_stemmer;
    // Folded word -> stem: the indexer's inner loop looks up every word of every page here. A flat
    // table (abseil) finds a word with one or two cache misses where std::unordered_map needed
    // three or four (bucket, node, key), which was half of the analysis time on 10,000 pages.
    absl::flat_hash_map<std::string, const Stem*, StringHash, std::equal_to<>> m_words;
    Word m_word;
};

}  // namespace tk
