#include "check/content_text.h"

#include <cctype>
#include <string>

#include "check/content_prose.h"
#include "util/strings.h"

namespace tk {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return char(std::tolower(static_cast<unsigned char>(c))); }

/// Letters of any script count as word characters; punctuation and symbols do not.
bool is_word_cp(char32_t cp) {
    if (cp < 0x80) {
        char c = char(cp);
        return is_alnum(c) || c == '_' || c == '-' || c == k_mask_word || c == k_mask_skip;
    }
    if (cp >= 0xA0 && cp <= 0xBF) return false;     // Latin-1 punctuation and symbols, £
    if (cp == 0xD7 || cp == 0xF7) return false;     // × ÷
    if (cp >= 0x2000 && cp <= 0x206F) return false; // dashes, quotes, spaces
    if (cp >= 0x20A0 && cp <= 0x20CF) return false; // currency
    return true;
}

char32_t cp_at(std::string_view s, size_t i) {
    if (i >= s.size()) return 0;
    return next_code_point(s, i);
}

char32_t cp_before(std::string_view s, size_t i) {
    if (i == 0) return 0;
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return next_code_point(s, start);
}

bool boundary_before(std::string_view s, size_t i) { return i == 0 || !is_word_cp(cp_before(s, i)); }
bool boundary_at(std::string_view s, size_t i) { return i >= s.size() || !is_word_cp(cp_at(s, i)); }

/// Matches `phrase` at `i`; returns the end, or npos.
size_t match_at(std::string_view text, size_t i, std::string_view phrase, bool case_sensitive) {
    size_t p = 0;
    while (p < phrase.size()) {
        if (phrase[p] == ' ') {
            if (i >= text.size() || !is_space(text[i])) return std::string_view::npos;
            while (i < text.size() && is_space(text[i])) ++i;
            while (p < phrase.size() && phrase[p] == ' ') ++p;
            continue;
        }
        if (i >= text.size()) return std::string_view::npos;
        char a = text[i], b = phrase[p];
        if (case_sensitive ? a != b : lower(a) != lower(b)) return std::string_view::npos;
        ++i;
        ++p;
    }
    return i;
}

bool is_url(std::string_view token) {
    return starts_with(token, "http://") || starts_with(token, "https://") || starts_with(token, "www.");
}

bool is_word_token(std::string_view token) {
    if (is_url(token)) return false;
    for (size_t i = 0; i < token.size();) {
        char32_t cp = next_code_point(token, i);
        if (cp < 0x80) {
            char c = char(cp);
            if (is_alnum(c) || c == k_mask_word) return true;
        } else if (is_word_cp(cp)) {
            return true;
        }
    }
    return false;
}

bool is_closer(std::string_view s, size_t i, size_t& len) {
    static const char* closers[] = {")", "]", "\"", "'", "\xE2\x80\x99", "\xE2\x80\x9D", ".", "!", "?"};
    for (const char* c : closers) {
        std::string_view cv(c);
        if (s.substr(i, cv.size()) == cv) {
            len = cv.size();
            return true;
        }
    }
    return false;
}

/// The word ending at `end` (exclusive), lower-cased.
std::string word_before(std::string_view s, size_t end) {
    size_t b = end;
    while (b > 0 && !is_space(s[b - 1])) --b;
    return to_lower_ascii(s.substr(b, end - b));
}

}  // namespace

std::vector<TextRange> find_phrase(std::string_view text, std::string_view phrase, PhraseOptions opts) {
    std::vector<TextRange> out;
    phrase = trim(phrase);
    if (phrase.empty()) return out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (!boundary_before(text, i)) continue;
        size_t end = match_at(text, i, phrase, opts.case_sensitive);
        if (end == std::string_view::npos) continue;
        if (boundary_at(text, end)) {
            out.push_back({i, end});
        } else if (opts.plural && end < text.size() && text[end] == 's' && boundary_at(text, end + 1)) {
            out.push_back({i, end + 1});
        }
    }
    return out;
}

int count_words(std::string_view text) {
    int n = 0;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        size_t b = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > b && is_word_token(text.substr(b, i - b))) ++n;
    }
    return n;
}

std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> out;
    size_t i = 0;
    auto emit = [&](size_t b, size_t e) {
        int words = count_words(text.substr(b, e - b));
        if (words > 0) out.push_back({b, e, words});
    };
    while (i < text.size()) {
        while (i < text.size() && (is_space(text[i]) || text[i] == k_mask_skip)) ++i;
        if (i >= text.size()) break;
        size_t begin = i;
        size_t end = text.size();
        for (size_t j = i; j < text.size(); ++j) {
            char c = text[j];
            if (c != '.' && c != '!' && c != '?') continue;
            size_t k = j + 1, len = 0;
            while (k < text.size() && is_closer(text, k, len)) k += len;
            if (k < text.size() && !is_space(text[k])) continue;
            if (c == '.') {
                std::string w = word_before(text, j + 1);
                if (w == "e.g." || w == "i.e." || w == "(e.g." || w == "(i.e.") continue;
                size_t n = k;
                while (n < text.size() && is_space(text[n])) ++n;
                if (n < text.size() && std::islower(static_cast<unsigned char>(text[n]))) continue;
            }
            end = k;
            break;
        }
        emit(begin, end);
        i = end;
    }
    return out;
}

std::vector<MoneyMention> find_money(std::string_view text) {
    std::vector<MoneyMention> out;
    const std::string_view pound = "\xC2\xA3";
    for (size_t at = text.find(pound); at != std::string_view::npos; at = text.find(pound, at + 1)) {
        size_t i = at + pound.size();
        if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) continue;
        int64_t whole = 0;
        int digits = 0;
        while (i < text.size()) {
            char c = text[i];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                if (++digits > 15) break;
                whole = whole * 10 + (c - '0');
                ++i;
            } else if (c == ',' && i + 3 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
                       std::isdigit(static_cast<unsigned char>(text[i + 2])) &&
                       std::isdigit(static_cast<unsigned char>(text[i + 3]))) {
                ++i;  // a thousands separator
            } else {
                break;
            }
        }
        if (digits > 15) continue;
        int64_t frac = 0, frac_scale = 1;
        if (i + 1 < text.size() && text[i] == '.' && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            ++i;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && frac_scale < 1000000) {
                frac = frac * 10 + (text[i] - '0');
                frac_scale *= 10;
                ++i;
            }
        }
        // A multiplier: "£5m", "£5bn", "£30k", "£5 million", "£2 billion", "£30 thousand".
        int64_t mult = 1;
        size_t end = i;
        struct Suffix {
            const char* word;
            int64_t mult;
            bool spaced;
        };
        static const Suffix suffixes[] = {{"million", 1000000, true},    {"billion", 1000000000, true},
                                          {"thousand", 1000, true},      {"bn", 1000000000, false},
                                          {"m", 1000000, false},         {"k", 1000, false}};
        for (const auto& s : suffixes) {
            std::string_view w(s.word);
            size_t k = i;
            if (s.spaced && k < text.size() && text[k] == ' ') ++k;
            if (text.substr(k, w.size()) != w && to_lower_ascii(text.substr(k, w.size())) != w) continue;
            if (!s.spaced && k != i) continue;
            if (!boundary_at(text, k + w.size())) continue;
            mult = s.mult;
            end = k + w.size();
            break;
        }
        MoneyMention m;
        m.range = {at, end};
        m.pounds = whole * mult + (frac * mult) / frac_scale;
        m.whole = (frac * mult) % frac_scale == 0;
        out.push_back(m);
    }
    return out;
}

}  // namespace tk
