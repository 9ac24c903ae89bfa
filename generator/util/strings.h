#pragma once
// String helpers that know nothing of sites: escaping, UTF-8, lines, edit distance.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tk {

std::string html_escape(std::string_view s);
/// html_escape(s) appended to `out`; with `apostrophe`, ' too (as &apos;, as kainjow escapes).
void html_escape_to(std::string& out, std::string_view s, bool apostrophe = false);
/// Escapes for a double-quoted attribute value.
std::string attr_escape(std::string_view s);
std::string xml_escape(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<size_t> find_invalid_utf8(std::string_view s);
/// Decodes one code point at `i`, advancing `i`; invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);

/// 1-based line and column (in code points) of a byte offset.
struct LineCol {
    int line;
    int col;
};
LineCol line_col_at(std::string_view text, size_t offset);
/// line_col_at for many offsets of one text: lines are counted on from the last offset asked
/// for, so offsets in increasing order cost one pass over the text (an earlier one starts again).
class LineCursor {
public:
    explicit LineCursor(std::string_view text) : m_text(text) {}
    LineCol at(size_t offset);

private:
    std::string_view m_text;
    size_t m_at = 0, m_line_start = 0;  // counted up to m_at; the line there starts at m_line_start
    int m_line = 1;
};
/// The text of 1-based line `line`, without its line end.
std::string_view line_at(std::string_view text, int line);

/// Levenshtein distance, case-insensitive for ASCII.
size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate nearest to `word` if it is near enough to be a plausible typo.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);
/// "'a', 'b' or 'c'": the choices an error message offers.
std::string quoted_list(const std::vector<std::string>& items);

/// Replaces CRLF by LF and drops a leading byte-order mark.
std::string normalise_newlines(std::string_view s);

std::string format_thousands(long long n);

}  // namespace tk
