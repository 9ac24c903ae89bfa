#include "search/words.h"

#include "search/fold.h"
#include "util/strings.h"

namespace tk {

namespace {

/// Ends a part: "supplier's" -> "supplier", "don't" -> "dont"; empty parts are dropped.
void finish_part(std::string& part, std::vector<std::string>& parts) {
    if (part.size() >= 2 && part.compare(part.size() - 2, 2, "'s") == 0) part.resize(part.size() - 2);
    size_t k = 0;
    for (char c : part)
        if (c != '\'') part[k++] = c;
    part.resize(k);
    if (!part.empty()) parts.push_back(std::move(part));
    part.clear();
}

}  // namespace

std::string Word::joined() const {
    std::string out;
    for (const auto& p : parts) out += p;
    return out;
}

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool WordScanner::next(Word& word) {
    word.parts.clear();
    size_t n = m_text.size();
    // Find the first word character.
    while (m_pos < n) {
        size_t at = m_pos;
        char32_t cp = next_code_point(m_text, m_pos);
        if (classify(cp) == CharClass::Word) {
            m_pos = at;
            break;
        }
    }
    if (m_pos >= n) return false;
    word.begin = m_pos;
    std::string part;
    while (m_pos < n) {
        size_t after = m_pos;
        char32_t cp = next_code_point(m_text, after);
        CharClass c = classify(cp);
        if (c == CharClass::Word) {
            append_folded(part, cp);
            m_pos = after;
            continue;
        }
        if (c == CharClass::Mark) {
            m_pos = after;
            continue;
        }
        if (c == CharClass::Apostrophe || c == CharClass::Hyphen) {
            // A joiner only between two word characters: "lock-in" is one word, "in -" is not.
            size_t peek = after;
            if (peek < n && classify(next_code_point(m_text, peek)) == CharClass::Word) {
                if (c == CharClass::Apostrophe) part += '\'';
                else finish_part(part, word.parts);
                m_pos = after;
                continue;
            }
        }
        break;
    }
    word.end = m_pos;
    finish_part(part, word.parts);
    return true;
}

}  // namespace tk
