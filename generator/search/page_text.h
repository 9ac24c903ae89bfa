#pragma once
// The text a reader sees in a page's rendered Markdown, cut into sections at each heading, so a
// search result can link to the heading where its words are.
#include <string>
#include <string_view>
#include <vector>

namespace tk {

struct TextSection {
    std::string anchor;   // the heading's id; "" for the text before the first heading
    std::string heading;  // plain text of the heading
    std::string text;     // plain text, whitespace collapsed
};

/// Splits rendered HTML (our renderer's output: headings carry ids) into sections of plain text.
/// Tags are dropped, entities decoded, block ends become spaces; callout titles ("Note") are left
/// out because the reader sees them as labels, not words of the page.
std::vector<TextSection> page_sections(std::string_view html);

}  // namespace tk
