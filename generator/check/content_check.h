#pragma once
// `toolkit check --content`: the style rules of docs/editing.md applied to every page.
// Each finding names file:line:col and its rule; the real content passes with none.
#include <string>
#include <vector>

#include "check/content_rules.h"
#include "config/config.h"
#include "content/page.h"
#include "diag/diagnostics.h"

namespace tk {

/// Rule names, as printed in findings.
inline constexpr const char* k_rule_sentence_length = "sentence-length";
inline constexpr const char* k_rule_words_to_avoid = "words-to-avoid";
inline constexpr const char* k_rule_superseded_term = "superseded-term";
inline constexpr const char* k_rule_typed_value = "typed-value";
inline constexpr const char* k_rule_sources_required = "sources-required";
inline constexpr const char* k_rule_front_matter = "front-matter";

struct ContentFinding {
    SourceLocation loc;
    std::string rule;
    std::string message;
    std::string source_line;

    /// "path:line:col: [rule] message"
    std::string headline() const;
    /// The headline, then the source line and a caret.
    std::string format() const;
};

/// Every rule on one loaded page: prose, title and summary, sources.
std::vector<ContentFinding> check_page(const Page& page, const ContentRules& rules);

struct ContentCheckResult {
    std::vector<ContentFinding> findings;  // sorted by path, line, column, rule, message
    size_t files = 0;                       // pages checked, including ones that failed to load
};

/// Loads the rules and every page (drafts too) of the site and checks them. Problems that stop
/// the check itself (no style.toml, a broken values.toml) go to `diags`; `ok` is false then.
struct ContentCheckRun {
    bool ok = false;
    ContentCheckResult result;
};
ContentCheckRun run_content_check(const Config& config, Diagnostics& diags);

void sort_findings(std::vector<ContentFinding>& findings);
/// Each finding formatted, then "Content check: N findings in M files".
std::string format_content_report(const ContentCheckResult& result);

}  // namespace tk
