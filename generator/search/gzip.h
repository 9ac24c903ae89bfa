#pragma once
// gzip (zlib) for the search index files: search.js inflates them with DecompressionStream.
#include <string>
#include <string_view>

namespace tk {

/// gzip-compressed `data`, byte-identical for the same input (no name, no time in the header).
std::string gzip(std::string_view data, int level = 6);
/// Inflates gzip data (for tests); empty on error.
std::string gunzip(std::string_view data);

}  // namespace tk
