#include <toml++/toml.h>

#include "check/content_page_rules.h"
#include "content/front_matter.h"
#include "util/strings.h"

namespace tk {

namespace {

/// Byte offset of a 1-based line and column (in code points) of `text`.
size_t offset_of(std::string_view text, int line, int col) {
    size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) return text.size();
        pos = nl + 1;
    }
    for (int c = 1; c < col && pos < text.size() && text[pos] != '\n'; ++c) next_code_point(text, pos);
    return pos;
}

/// Checks a front matter string. Where the value is written as is (no escapes), findings point at
/// the word; otherwise at the start of the value.
void check_string(const Page& page, const ContentRules& rules, const toml::node* node, int line_offset,
                  std::vector<ContentFinding>& out) {
    if (!node || !node->is_string()) return;
    const std::string& value = node->as_string()->get();
    const auto& src = node->source().begin;
    size_t start = offset_of(page.text, int(src.line) + line_offset, int(src.column));
    std::string_view text = page.text;
    size_t first = start;
    if (start < text.size() && (text[start] == '"' || text[start] == '\'') &&
        text.substr(start + 1, value.size()) == value && text.substr(start + 1, 2) != "\"\"")
        first = start + 1;
    bool exact = first != start;
    check_words(page, rules, value, explains_change(value, rules),
                [&](size_t i) { return exact ? first + i : start; }, out);
}

}  // namespace

void check_front_matter(const Page& page, const ContentRules& rules, std::vector<ContentFinding>& out) {
    auto split = split_front_matter(page.text);
    if (!split.ok) return;  // the page loader has reported it
    toml::table fm;
    try {
        fm = toml::parse(split.toml, std::string_view{page.source_path});
    } catch (const toml::parse_error&) {
        return;
    }
    check_string(page, rules, fm.get("title"), split.toml_line_offset, out);
    check_string(page, rules, fm.get("summary"), split.toml_line_offset, out);

    if (page.in_stage_listing() && page.sources.empty()) {
        size_t at = 0;  // the opening +++, as for other missing keys
        if (const toml::node* n = fm.get("sources")) {
            const auto& b = n->source().begin;
            at = offset_of(page.text, int(b.line) + split.toml_line_offset, int(b.column));
        }
        out.push_back(finding_at(page, at, k_rule_sources_required,
                                 std::string("a ") + page_type_name(page.type) +
                                     " page needs at least one source: list the law or guidance it rests on in "
                                     "'sources'"));
    }
}

}  // namespace tk
