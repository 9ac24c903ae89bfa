#pragma once
// Splits `+++` TOML front matter from a page's Markdown body.
#include <string>
#include <string_view>

namespace tk {

struct FrontMatterSplit {
    bool ok = false;
    std::string_view toml;  // the TOML text between the two +++ lines
    int toml_line_offset = 0;  // add to a TOML line number to get the file's line
    std::string_view body;     // everything after the closing +++ line
    int body_first_line = 0;   // file line of the body's first line
    std::string error;         // when !ok
    int error_line = 0;
    int error_col = 0;
};

/// `text` must already be normalised (no BOM, LF line ends).
FrontMatterSplit split_front_matter(std::string_view text);

}  // namespace tk
