#pragma once
// `kind = "register-compare"`: read contract registers (CSV) in the browser, map their columns,
// and find suppliers or kinds of contract that several registers share.
#include <optional>

#include "tools/reader.h"

namespace tk {

/// Reads the column definitions and the windows, and checks them. That each example file
/// exists is checked later (tools/check.h).
std::optional<RegisterCompare> read_register_compare(const ToolReader& r, const toml::table& root);

/// Lower case, letters and digits only, single spaces: how headers and synonyms are compared
/// (the script in the browser normalises the same way).
std::string normalise_header(std::string_view s);

}  // namespace tk
