#pragma once
// Text -> search terms: words (search/words.h), stop words dropped, stems (Snowball English).
// One Analyzer per thread: its stemmer is not thread-safe.
#include <string>
#include <string_view>
#include <vector>

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

    /// Calls `on_term(stem)` for each index term and `on_word(stem)` for each word in phrase order.
    /// A word gives its stem to both. A compound gives each usable part's stem and the stem of
    /// its joined form as terms ("G-Cloud" -> "cloud", "gcloud"), and only the joined form as a
    /// word, so the phrase "vendor lock-in" is the words [vendor, lockin].
    template <class OnTerm, class OnWord>
    void analyze(std::string_view text, OnTerm&& on_term, OnWord&& on_word) {
        WordScanner scanner(text);
        while (scanner.next(m_word)) {
            const auto& parts = m_word.parts;
            if (parts.empty()) continue;
            if (parts.size() == 1) {
                if (!usable(parts[0])) continue;
                const std::string& s = m_stemmer.stem(parts[0]);
                on_term(s);
                on_word(s);
                continue;
            }
            for (const auto& p : parts)
                if (usable(p)) on_term(m_stemmer.stem(p));
            m_joined.clear();
            for (const auto& p : parts) m_joined += p;
            if (!usable(m_joined)) continue;
            const std::string& s = m_stemmer.stem(m_joined);
            on_term(s);
            on_word(s);
        }
    }

    /// The index terms of a text, in order.
    std::vector<std::string> terms(std::string_view text);
    /// The words of a text as a phrase: what synonyms match on.
    std::vector<std::string> phrase(std::string_view text);

    Stemmer& stemmer() { return m_stemmer; }

private:
    Stemmer m_stemmer;
    Word m_word;
    std::string m_joined;
};

}  // namespace tk
