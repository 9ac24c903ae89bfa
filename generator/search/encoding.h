#pragma once
// Small encoders for the index files: LEB128 varints, front-coded sorted words, JSON strings.
#include <cstdint>
#include <string>
#include <string_view>

namespace tk {

/// Unsigned LEB128: 7 bits a byte, high bit set on all but the last (search.js reads the same).
inline void put_varint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out += char(uint8_t(v) | 0x80);
        v >>= 7;
    }
    out += char(uint8_t(v));
}

/// A word of a sorted list, written as the bytes it shares with the previous word and the rest.
inline void put_front_coded(std::string& out, std::string_view prev, std::string_view word) {
    size_t shared = 0;
    while (shared < prev.size() && shared < word.size() && prev[shared] == word[shared]) ++shared;
    // Never split a UTF-8 sequence: the browser decodes each suffix on its own.
    while (shared > 0 && shared < word.size() && (static_cast<unsigned char>(word[shared]) & 0xC0) == 0x80) --shared;
    put_varint(out, shared);
    put_varint(out, word.size() - shared);
    out.append(word.substr(shared));
}

/// `s` as a JSON string, quotes included (UTF-8 passes through).
inline void put_json_string(std::string& out, std::string_view s) {
    static const char* const k_hex = "0123456789abcdef";
    out += '"';
    for (size_t i = 0; i < s.size();) {
        // Plain characters are appended a run at a time.
        size_t j = i;
        while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x20 && s[j] != '"' && s[j] != '\\') ++j;
        out.append(s.data() + i, j - i);
        if (j == s.size()) break;
        char c = s[j];
        i = j + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += k_hex[(c >> 4) & 0xF];
                    out += k_hex[c & 0xF];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace tk
