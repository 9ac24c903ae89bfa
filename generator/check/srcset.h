#pragma once
// The URLs of a `srcset` attribute ("a.png 1x, b.png 2x"), following the HTML standard's
// algorithm for parsing a srcset attribute: descriptors are dropped, commas inside them kept.
#include <string>
#include <string_view>
#include <vector>

namespace tk {

std::vector<std::string> parse_srcset(std::string_view srcset);

}  // namespace tk
