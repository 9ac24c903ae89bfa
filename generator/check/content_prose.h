#pragma once
// The prose of a Markdown page, block by block, as the content check reads it: code, URLs, raw
// HTML, shortcodes and image text are masked, and every byte maps back to the source file.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tk {

/// Masks keep the text's length, so offsets still map to the source.
/// A word mask counts as one word in a sentence (a code span, a {{< value >}} shortcode);
/// a skip mask is not a word at all (a URL, raw HTML, an alert marker).
constexpr char k_mask_word = '\x1A';
constexpr char k_mask_skip = '\x1B';

enum class ProseKind { Paragraph, Heading, ListItem, TableCell };

/// Where a run of block text came from in the source.
struct ProseChunk {
    size_t text_offset = 0;   // in ProseBlock::text
    size_t src_offset = 0;    // in the file
    bool exact = true;        // bytes map one to one (false for entities and line breaks)
};

struct ProseBlock {
    ProseKind kind = ProseKind::Paragraph;
    std::string text;
    std::vector<ProseChunk> chunks;
    /// Blocks with the same passage id are one passage: a whole callout, one list item,
    /// or the block alone. A superseded term is fine when its passage explains the change.
    int passage = 0;

    /// Byte offset in the file of byte `i` of `text`.
    size_t source_offset(size_t i) const;
};

/// Walks the Markdown of `file_text` from `body_offset` with md4c (GitHub dialect).
std::vector<ProseBlock> extract_prose(std::string_view file_text, size_t body_offset);

}  // namespace tk
