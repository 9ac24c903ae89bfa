#pragma once
// Checked access to toml++ tables: every error names file:line:col, unknown keys get "did you mean".
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace tk {

struct TomlSource {
    std::string path;        // for messages
    std::string_view text;   // whole file, for source lines
    int line_offset = 0;     // lines before the TOML text starts (front matter)
    Diagnostics* diags = nullptr;
    // Keys that unknown keys were taken for (what check_keys returned): a required key among them
    // is not reported missing as well, since "unknown key 'sumary' (did you mean 'summary'?)"
    // already says what to do.
    const std::vector<std::string>* meant = nullptr;

    SourceLocation at(const toml::source_region& r) const;
    SourceLocation at(const toml::node& n) const { return at(n.source()); }
    void error(const toml::source_region& r, std::string msg) const;
    void warning(const toml::source_region& r, std::string msg) const;
};

/// Parses TOML text, reporting a syntax error with its position. nullopt on error.
std::optional<toml::table> parse_toml(const TomlSource& src, std::string_view toml_text);

/// Reports every key of `tbl` that is not in `allowed`, with the nearest allowed key. Returns the
/// allowed keys it suggested.
std::vector<std::string> check_keys(const TomlSource& src, const toml::table& tbl, const std::vector<std::string>& allowed);

/// Reports required key `key` as missing, at `where`, unless an unknown key was taken for it
/// (`src.meant`). The get_* functions below call it for their `required` keys.
void report_missing(const TomlSource& src, std::string_view key, const toml::source_region& where);

const char* toml_type_name(toml::node_type t);

/// Typed getters: report a wrong type at the value; report a missing key at `where` if required.
std::optional<std::string> get_string(const TomlSource& src, const toml::table& tbl, std::string_view key,
                                      bool required = false, const toml::source_region* where = nullptr);
std::optional<int64_t> get_int(const TomlSource& src, const toml::table& tbl, std::string_view key);
std::optional<bool> get_bool(const TomlSource& src, const toml::table& tbl, std::string_view key);
std::optional<toml::date> get_date(const TomlSource& src, const toml::table& tbl, std::string_view key,
                                   bool required = false, const toml::source_region* where = nullptr);
/// An array of strings; each entry keeps its position.
struct LocatedString {
    std::string value;
    SourceLocation loc;
};
std::optional<std::vector<LocatedString>> get_string_array(const TomlSource& src, const toml::table& tbl,
                                                           std::string_view key);
const toml::table* get_table(const TomlSource& src, const toml::table& tbl, std::string_view key);

}  // namespace tk
