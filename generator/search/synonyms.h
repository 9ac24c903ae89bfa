#pragma once
// content/_data/synonyms.toml: groups of words and phrases a reader may use for the same thing,
// old terms among them (OJEU -> Find a Tender). A page that uses any phrase of a group gets the
// group's term ("~3") in the index; a query that uses one asks for it too.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.h"
#include "search/analyzer.h"

namespace tk {

struct SynonymGroup {
    std::vector<std::string> terms;                 // as written
    std::vector<std::vector<std::string>> phrases;  // each term as its phrase words, no repeats
    SourceLocation loc;
};

class Synonyms {
public:
    /// Loads a synonyms file; a missing file means no synonyms. Errors name file:line:col.
    static Synonyms load(const std::string& path, Analyzer& analyzer, Diagnostics& diags);
    static Synonyms parse(const std::string& path, std::string_view text, Analyzer& analyzer, Diagnostics& diags);

    const std::vector<SynonymGroup>& groups() const { return m_groups; }
    /// A hash of the file's text: what pages' analyses depend on (serve keeps them across builds).
    uint64_t fingerprint() const { return m_fingerprint; }
    /// The index term of a group: "~" and its number ('~' never occurs in a word).
    static std::string group_term(size_t group) { return "~" + std::to_string(group); }

    /// (group, phrase) of each phrase whose first word is `word`, or nullptr.
    using Starts = std::vector<std::pair<uint32_t, uint32_t>>;
    const Starts* starting_with(std::string_view word) const {
        auto it = m_by_first.find(word);
        return it == m_by_first.end() ? nullptr : &it->second;
    }

    /// Calls on_match(group, start, length) for each position of `words` where a phrase of a
    /// group starts, with that group's longest phrase there. `starts(i)` gives
    /// starting_with(words[i]), which a caller may have remembered.
    template <class StartsAt, class Fn>
    void match(const std::vector<std::string_view>& words, StartsAt&& starts, Fn&& on_match) const {
        std::vector<std::pair<uint32_t, uint32_t>> found;  // group, length
        for (size_t i = 0; i < words.size(); ++i) {
            const Starts* candidates = starts(i);
            if (!candidates) continue;
            found.clear();
            for (auto [g, p] : *candidates) {
                const auto& ph = m_groups[g].phrases[p];
                if (i + ph.size() > words.size()) continue;
                bool ok = true;
                for (size_t k = 1; k < ph.size() && ok; ++k) ok = words[i + k] == ph[k];
                if (!ok) continue;
                bool merged = false;
                for (auto& f : found)
                    if (f.first == g) {
                        f.second = std::max<uint32_t>(f.second, uint32_t(ph.size()));
                        merged = true;
                    }
                if (!merged) found.push_back({g, uint32_t(ph.size())});
            }
            for (auto [g, len] : found) on_match(size_t(g), i, size_t(len));
        }
    }
    template <class Fn>
    void match(const std::vector<std::string_view>& words, Fn&& on_match) const {
        match(words, [&](size_t i) { return starting_with(words[i]); }, on_match);
    }

private:
    uint64_t m_fingerprint = 0;
    std::vector<SynonymGroup> m_groups;
    std::unordered_map<std::string, Starts, StringHash, std::equal_to<>> m_by_first;  // first word -> phrases
};

}  // namespace tk
