#include "search/stemmer.h"

#include <libstemmer.h>

namespace tk {

Stemmer::Stemmer() : m_stemmer(sb_stemmer_new("english", nullptr), sb_stemmer_delete) {}

Stemmer::~Stemmer() = default;

const Stem& Stemmer::stem(std::string_view word) {
    if (auto it = m_memo.find(word); it != m_memo.end()) return *it->second;
    std::string out(word);
    // A pathological word would only cost time: Snowball's English rules never matter beyond a
    // few dozen letters.
    if (m_stemmer && word.size() <= 64) {
        const sb_symbol* s = sb_stemmer_stem(m_stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                             int(word.size()));
        if (s) out.assign(reinterpret_cast<const char*>(s), size_t(sb_stemmer_length(m_stemmer.get())));
    }
    auto it = m_stems.find(out);
    if (it == m_stems.end()) {
        it = m_stems.emplace(out, Stem{out, uint32_t(m_by_id.size())}).first;
        m_by_id.push_back(&it->second);
    }
    m_memo.emplace(std::string(word), &it->second);
    return it->second;
}

}  // namespace tk
