#pragma once
// The rules of the content check, by where they look: the Markdown body, or the front matter.
#include <cstddef>
#include <functional>
#include <string_view>
#include <string>
#include <vector>

#include "check/content_check.h"
#include "check/content_rules.h"
#include "content/page.h"

namespace tk {

/// A finding at byte `offset` of the page's file.
ContentFinding finding_at(const Page& page, size_t offset, const char* rule, std::string message);

/// sentence-length, words-to-avoid, superseded-term and typed-value on the body's prose.
void check_prose(const Page& page, const ContentRules& rules, std::vector<ContentFinding>& out);

/// words-to-avoid and superseded-term on `title` and `summary`; sources-required.
void check_front_matter(const Page& page, const ContentRules& rules, std::vector<ContentFinding>& out);

/// words-to-avoid and superseded-term on one piece of text; `at` maps a byte of `text` to the
/// file's byte offset. `explained`: the passage says what changed, so old terms are fine.
void check_words(const Page& page, const ContentRules& rules, std::string_view text, bool explained,
                 const std::function<size_t(size_t)>& at, std::vector<ContentFinding>& out);

/// The passage holds one of the explain words ("replaced", "previously", ...).
bool explains_change(std::string_view passage, const ContentRules& rules);

bool is_glossary_page(const Page& page);

}  // namespace tk
