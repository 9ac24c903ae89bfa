#pragma once
// The content check's rules: word lists from content/_data/style.toml and the money values of
// content/_data/values.toml that must not be typed into prose.
#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace tk {

/// A value of values.toml with unit "gbp", which prose shows with {{< value key >}}.
struct MoneyValue {
    int64_t pounds = 0;
    std::string key;  // "kpi.contract_value"
};

struct ContentRules {
    int max_words = 35;
    std::vector<std::string> words_to_avoid;  // whole words or phrases, case-insensitive
    std::vector<std::string> allow;           // phrases in which a word to avoid is fine
    std::vector<std::string> superseded;      // terms from the old rules
    std::vector<std::string> explain_words;   // a passage with one of these explains the change
    std::vector<MoneyValue> money;            // sorted by amount, then key
};

/// Reads the [sentences], [words_to_avoid] and [superseded] tables of style.toml text.
/// Problems (wrong types, unknown keys) go to `diags` with file:line:col; nullopt if unusable.
std::optional<ContentRules> parse_style_rules(const std::string& path, std::string_view text, Diagnostics& diags);

/// Every integer `value` of a table whose unit is "gbp", with its key path.
std::vector<MoneyValue> money_values(const toml::table& values);

/// style.toml and values.toml from `content_dir`/_data. nullopt if style.toml is missing or broken.
std::optional<ContentRules> load_content_rules(const std::string& content_dir, Diagnostics& diags);

}  // namespace tk
