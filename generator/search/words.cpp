#include "search/words.h"

#include "search/fold.h"
#include "util/strings.h"

namespace tk {

namespace {

/// Ends the part that began at `start` in `folded`: "supplier's" -> "supplier", "don't" -> "dont";
/// an empty part is dropped.
void finish_part(Word& w, size_t start) {
    std::string& f = w.folded;
    if (f.size() - start >= 2 && f[f.size() - 2] == '\'' && f.back() == 's') f.resize(f.size() - 2);
    if (f.find('\'', start) != std::string::npos) {
        size_t k = start;
        for (size_t i = start; i < f.size(); ++i)
            if (f[i] != '\'') f[k++] = f[i];
        f.resize(k);
    }
    if (f.size() > start) w.part_ends.push_back(uint32_t(f.size()));
}

}  // namespace

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

namespace {

/// The class of the character at `i` without moving (for the look-ahead after a joiner).
CharClass class_at(std::string_view text, size_t i) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return classify(b);
    return classify(next_code_point(text, i));
}

bool ascii_alnum(unsigned char b) { return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z'); }

}  // namespace

bool WordScanner::next(Word& word) {
    word.folded.clear();
    word.part_ends.clear();
    size_t n = m_text.size();
    // Find the first word character (ASCII first: it is nearly all the text).
    while (m_pos < n) {
        unsigned char b = static_cast<unsigned char>(m_text[m_pos]);
        if (b < 0x80) {
            if (ascii_alnum(b)) break;
            ++m_pos;
            continue;
        }
        size_t at = m_pos;
        char32_t cp = next_code_point(m_text, m_pos);
        if (classify(cp) == CharClass::Word) {
            m_pos = at;
            break;
        }
    }
    if (m_pos >= n) return false;
    word.begin = m_pos;
    std::string& part = word.folded;  // parts are appended in place; part_ends marks them
    size_t start = 0;
    while (m_pos < n) {
        unsigned char b = static_cast<unsigned char>(m_text[m_pos]);
        CharClass c;
        char32_t cp = b;
        size_t after = m_pos + 1;
        if (b < 0x80) {
            if (ascii_alnum(b)) {
                part += (b >= 'A' && b <= 'Z') ? char(b + 32) : char(b);
                ++m_pos;
                continue;
            }
            c = classify(b);
        } else {
            after = m_pos;
            cp = next_code_point(m_text, after);
            c = classify(cp);
        }
        if (c == CharClass::Word) {
            append_folded(part, cp);
            m_pos = after;
            continue;
        }
        if (c == CharClass::Mark) {
            m_pos = after;
            continue;
        }
        // A joiner only between two word characters: "lock-in" is one word, "in -" is not.
        if ((c == CharClass::Apostrophe || c == CharClass::Hyphen) && after < n &&
            class_at(m_text, after) == CharClass::Word) {
            if (c == CharClass::Apostrophe) part += '\'';
            else {
                finish_part(word, start);
                start = part.size();
            }
            m_pos = after;
            continue;
        }
        break;
    }
    word.end = m_pos;
    finish_part(word, start);
    return true;
}

}  // namespace tk
