#include "search/stemmer.h"

#include <libstemmer.h>

namespace tk {

Stemmer::Stemmer() : m_stemmer(sb_stemmer_new("english", nullptr), sb_stemmer_delete) {}

Stemmer::~Stemmer() = default;

const std::string& Stemmer::stem(std::string_view word) {
    if (auto it = m_memo.find(word); it != m_memo.end()) return it->second;
    std::string out(word);
    // A pathological word would only cost time: Snowball's English rules never lengthen a word
    // by more than one letter and never matter beyond a few dozen letters.
    if (m_stemmer && word.size() <= 64) {
        const sb_symbol* s = sb_stemmer_stem(m_stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                             int(word.size()));
        if (s) out.assign(reinterpret_cast<const char*>(s), size_t(sb_stemmer_length(m_stemmer.get())));
    }
    return m_memo.emplace(std::string(word), std::move(out)).first->second;
}

}  // namespace tk
