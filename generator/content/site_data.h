#pragma once
// content/_data: values (facts that change) and the glossary.
#include <toml++/toml.h>

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/toml_check.h"
#include "diag/diagnostics.h"

namespace tk {

struct GlossaryTerm {
    std::string term;
    std::string abbr;
    std::string definition;
    std::vector<LocatedString> see;
    std::string anchor;  // id on /glossary/
    SourceLocation loc;
};

struct SiteData {
    toml::table values;
    std::string values_path;
    std::vector<GlossaryTerm> glossary;  // alphabetical
    std::unordered_map<std::string, size_t> abbr_index;  // abbreviation -> glossary entry
    // What every abbreviation starts with, and the longest: text is scanned word by word for
    // them, and most words can be passed over on their first byte or their length.
    std::array<bool, 256> abbr_first{};
    size_t abbr_max_len = 0;

    /// The formatted value for a key path ("thresholds.goods_and_services"), or an error message.
    bool format_value(std::string_view key, std::string& out, std::string& error) const;
    /// Every key path that names a value, for suggestions.
    std::vector<std::string> value_keys() const;
};

/// Loads content/_data/values.toml and glossary.toml; either may be absent.
SiteData load_site_data(const std::string& content_dir, Diagnostics& diags);

/// 2026-01-01 -> "1 January 2026"
std::string format_date(const toml::date& d);
/// Money in pounds: 207720 -> "£207,720"; 5000000 -> "£5 million"
std::string format_money(int64_t pounds);

}  // namespace tk
