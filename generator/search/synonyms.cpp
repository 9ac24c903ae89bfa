#include "search/synonyms.h"

#include <map>

#include "config/toml_check.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/strings.h"

namespace tk {

Synonyms Synonyms::load(const std::string& path, Analyzer& analyzer, Diagnostics& diags) {
    if (!fs::exists(path)) return {};
    std::string err;
    auto text = fs::read_file(path, err);
    if (!text) {
        diags.error({path, 0, 0}, "cannot read: " + err);
        return {};
    }
    return parse(path, normalise_newlines(*text), analyzer, diags);
}

Synonyms Synonyms::parse(const std::string& path, std::string_view text, Analyzer& analyzer, Diagnostics& diags) {
    Synonyms out;
    out.m_fingerprint = hash64(text);
    TomlSource src{path, text, 0, &diags};
    auto t = parse_toml(src, text);
    if (!t) return out;
    check_keys(src, *t, {"synonym"});
    const toml::node* list = t->get("synonym");
    if (!list) return out;
    if (!list->is_array_of_tables()) {
        src.error(list->source(), "'synonym' must be an array of tables ([[synonym]])");
        return out;
    }
    // Where each phrase was first given, to report a phrase in two groups.
    std::map<std::vector<std::string>, SourceLocation> seen;
    for (const auto& node : *list->as_array()) {
        const toml::table& entry = *node.as_table();
        auto region = node.source();
        check_keys(src, entry, {"terms"});
        const toml::node* terms_node = entry.get("terms");
        if (!terms_node) {
            src.error(region, "missing required key 'terms'");
            continue;
        }
        auto terms = get_string_array(src, entry, "terms");
        if (!terms) continue;
        SynonymGroup group;
        group.loc = src.at(*terms_node);
        bool ok = true;
        for (const auto& term : *terms) {
            std::vector<std::string> ph = analyzer.phrase(term.value);
            if (ph.empty()) {
                diags.error(term.loc, "'" + term.value + "' has no words that search indexes (only stop words or "
                                      "single letters)", text);
                ok = false;
                continue;
            }
            if (auto it = seen.find(ph); it != seen.end()) {
                // Spellings of one phrase in the same group ("start-up", "startup") are fine.
                bool same_group = false;
                for (const auto& p : group.phrases) same_group = same_group || p == ph;
                if (!same_group) {
                    diags.error(term.loc, "'" + term.value + "' is already in the synonym group at line " +
                                              std::to_string(it->second.line), text);
                    ok = false;
                }
                continue;
            }
            seen.emplace(ph, term.loc);
            group.terms.push_back(term.value);
            group.phrases.push_back(std::move(ph));
        }
        if (ok && group.phrases.size() < 2) {
            diags.error(group.loc, "a synonym group needs at least two different terms", text);
            continue;
        }
        if (!ok) continue;
        uint32_t g = uint32_t(out.m_groups.size());
        for (uint32_t p = 0; p < group.phrases.size(); ++p) out.m_by_first[group.phrases[p][0]].push_back({g, p});
        out.m_groups.push_back(std::move(group));
    }
    return out;
}

}  // namespace tk
