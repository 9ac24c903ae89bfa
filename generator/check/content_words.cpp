#include <cctype>

#include "check/content_page_rules.h"
#include "check/content_text.h"
#include "util/strings.h"

namespace tk {

namespace {

/// Acronyms (OJEU, PQQ, MEAT, DPS) match only in capitals, so "meat" is not MEAT.
bool is_acronym(std::string_view term) {
    for (size_t i = 0; i + 1 < term.size(); ++i)
        if (std::isupper(static_cast<unsigned char>(term[i])) && std::isupper(static_cast<unsigned char>(term[i + 1])))
            return true;
    return false;
}

/// The matched words as one line, for the message.
std::string shown(std::string_view text, TextRange r) {
    std::string out;
    bool space = false;
    for (char c : text.substr(r.begin, r.end - r.begin)) {
        if (c == ' ' || c == '\n' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

ContentFinding finding_at(const Page& page, size_t offset, const char* rule, std::string message) {
    auto lc = line_col_at(page.text, std::min(offset, page.text.size()));
    ContentFinding f;
    f.loc = {page.source_path, lc.line, lc.col};
    f.rule = rule;
    f.message = std::move(message);
    f.source_line = std::string(line_at(page.text, lc.line));
    return f;
}

bool is_glossary_page(const Page& page) { return page.id == "glossary"; }

bool explains_change(std::string_view passage, const ContentRules& rules) {
    for (const auto& w : rules.explain_words)
        if (!find_phrase(passage, w).empty()) return true;
    return false;
}

void check_words(const Page& page, const ContentRules& rules, std::string_view text, bool explained,
                 const std::function<size_t(size_t)>& at, std::vector<ContentFinding>& out) {
    std::vector<TextRange> allowed;
    for (const auto& a : rules.allow)
        for (auto r : find_phrase(text, a)) allowed.push_back(r);
    for (const auto& w : rules.words_to_avoid) {
        for (auto r : find_phrase(text, w)) {
            bool inside = false;
            for (auto a : allowed)
                if (a.begin <= r.begin && r.end <= a.end) inside = true;
            if (inside) continue;
            out.push_back(finding_at(page, at(r.begin), k_rule_words_to_avoid,
                                     "'" + shown(text, r) +
                                         "' is on the GOV.UK list of words to avoid: say what it means in plain words"));
        }
    }
    if (explained || is_glossary_page(page)) return;
    for (const auto& term : rules.superseded) {
        PhraseOptions opts;
        opts.case_sensitive = is_acronym(term);
        opts.plural = true;
        for (auto r : find_phrase(text, term, opts)) {
            out.push_back(finding_at(page, at(r.begin), k_rule_superseded_term,
                                     "'" + shown(text, r) +
                                         "' is a term from the old rules: use the current term, or say in the same "
                                         "passage what replaced it"));
        }
    }
}

}  // namespace tk
