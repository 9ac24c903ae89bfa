#pragma once
// Patterns of external links not to check (--exclude, config.toml [check] exclude).
//
//   "example.com"           the host and its subdomains (www.example.com), any scheme and path
//   "*.gov.uk"              `*` matches any run of characters
//   "example.com/private/"  a host and a path prefix
//   "https://x.org/a*b"     a pattern with "://" is matched against the whole URL, as a prefix
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tk {

class ExcludeList {
public:
    ExcludeList() = default;
    explicit ExcludeList(std::vector<std::string> patterns);
    void add(std::string pattern);
    /// The first pattern that matches `url`, if any.
    std::optional<std::string> match(std::string_view url) const;
    bool empty() const { return m_patterns.empty(); }

private:
    std::vector<std::string> m_patterns;
};

/// `*` matches any run of characters; with `prefix` the text may go on after the pattern.
/// ASCII case-insensitive.
bool glob_match(std::string_view pattern, std::string_view text, bool prefix);

}  // namespace tk
