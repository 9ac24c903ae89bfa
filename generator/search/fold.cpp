#include "search/fold.h"

#include "util/strings.h"

namespace tk {

namespace {
#include "search/fold_table.inc"
}  // namespace

CharClass classify(char32_t cp) {
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) return CharClass::Word;
        if (cp == '\'') return CharClass::Apostrophe;
        if (cp == '-') return CharClass::Hyphen;
        return CharClass::Separator;
    }
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) return CharClass::Apostrophe;
    if (cp == 0x2010 || cp == 0x2011) return CharClass::Hyphen;
    if (cp >= 0x0300 && cp <= 0x036F) return CharClass::Mark;
    // Latin-1 punctuation and symbols, the multiplication and division signs, general punctuation
    // to miscellaneous symbols and arrows, CJK punctuation, variation selectors and small forms,
    // fullwidth ASCII punctuation, the BOM, specials (U+FFFD) and emoji: none of them make words.
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return CharClass::Separator;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE00 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF20) || cp == 0xFEFF ||
        (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF))
        return CharClass::Separator;
    return CharClass::Word;
}

void append_folded(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += (cp >= 'A' && cp <= 'Z') ? char(cp + 32) : char(cp);
        return;
    }
    if (cp >= 0xC0 && cp < 0x500) {
        if (const char* f = k_fold_table[cp - 0xC0]) {
            out += f;
            return;
        }
    }
    append_utf8(out, cp);
}

}  // namespace tk
