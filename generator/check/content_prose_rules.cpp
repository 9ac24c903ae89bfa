#include <map>

#include "check/content_page_rules.h"
#include "check/content_prose.h"
#include "check/content_text.h"
#include "content/site_data.h"

namespace tk {

namespace {

void check_sentences(const Page& page, const ContentRules& rules, const ProseBlock& block,
                     std::vector<ContentFinding>& out) {
    for (const auto& s : split_sentences(block.text)) {
        if (s.words <= rules.max_words) continue;
        out.push_back(finding_at(page, block.source_offset(s.begin), k_rule_sentence_length,
                                 "sentence of " + std::to_string(s.words) + " words: split it or cut words (at most " +
                                     std::to_string(rules.max_words) + ")"));
    }
}

void check_money(const Page& page, const ContentRules& rules, const ProseBlock& block,
                 std::vector<ContentFinding>& out) {
    for (const auto& m : find_money(block.text)) {
        if (!m.whole) continue;
        std::string use;
        for (const auto& v : rules.money) {
            if (v.pounds != m.pounds) continue;
            use += use.empty() ? "use " : " or ";
            use += "{{< value " + v.key + " >}}";
        }
        if (use.empty()) continue;
        std::string typed = block.text.substr(m.range.begin, m.range.end - m.range.begin);
        out.push_back(finding_at(page, block.source_offset(m.range.begin), k_rule_typed_value,
                                 typed + " is typed, but it is a value in values.toml: " + use));
    }
}

}  // namespace

void check_prose(const Page& page, const ContentRules& rules, std::vector<ContentFinding>& out) {
    std::vector<ProseBlock> blocks = extract_prose(page.text, page.body_offset);
    // A passage (callout, list item, paragraph) explains a change if any of its blocks does.
    std::map<int, bool> explained;
    for (const auto& b : blocks)
        if (explains_change(b.text, rules)) explained[b.passage] = true;
    for (const auto& b : blocks) {
        check_sentences(page, rules, b, out);
        check_words(page, rules, b.text, explained.count(b.passage) > 0,
                    [&b](size_t i) { return b.source_offset(i); }, out);
        check_money(page, rules, b, out);
    }
}

}  // namespace tk
