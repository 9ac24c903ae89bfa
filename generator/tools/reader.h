#pragma once
// Reading a tool's TOML: typed getters from config/toml_check, plus strings with
// `{{< value key >}}` expanded from content/_data/values.toml and links to pages.
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "config/toml_check.h"
#include "content/site_data.h"
#include "tools/tool.h"

namespace tk {

/// Expands every `{{< value key >}}` (and `{{< value key from >}}`) in `s`. On an unknown key or
/// another shortcode, returns false with `error` set.
bool expand_values(std::string_view s, const SiteData& data, std::string& out, std::string& error);

class ToolReader {
public:
    ToolReader(const TomlSource& src, const SiteData& data) : m_src(src), m_data(data) {}
    const TomlSource& src() const { return m_src; }

    /// A string with values expanded. A missing required key is reported at `where`.
    std::optional<std::string> text(const toml::table& t, std::string_view key, bool required,
                                    const toml::source_region& where) const;
    /// An array of strings with values expanded (empty when absent).
    std::vector<std::string> texts(const toml::table& t, std::string_view key) const;
    /// `links = [{ page = "...", anchor = "...", text = "..." }]`
    std::vector<PageRef> links(const toml::table& t, std::string_view key) const;
    /// An array of tables (`[[key]]` or `key = [{...}]`); reports any other type.
    std::vector<const toml::table*> tables(const toml::table& t, std::string_view key) const;
    /// An integer within [lo, hi], or `fallback` when absent.
    int integer(const toml::table& t, std::string_view key, int fallback, int lo, int hi) const;

private:
    std::optional<std::string> expand(const toml::node& n, std::string raw) const;
    const TomlSource& m_src;
    const SiteData& m_data;
};

}  // namespace tk
