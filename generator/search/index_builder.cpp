#include "search/index_builder.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include "search/encoding.h"
#include "search/gzip.h"
#include "util/parallel.h"

namespace tk {

namespace {

using Counts = std::array<uint32_t, k_field_count>;

/// Terms get ids as pages meet them; the ids are replaced by sorted order at the end.
class TermTable {
public:
    uint32_t intern(std::string_view term) {
        std::lock_guard lock(m_mutex);
        auto [it, fresh] = m_ids.try_emplace(std::string(term), uint32_t(m_names.size()));
        if (fresh) m_names.push_back(it->first);
        return it->second;
    }
    std::vector<std::string> take_names() { return std::move(m_names); }

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, uint32_t> m_ids;
    std::vector<std::string> m_names;
};

/// Analyzers for the worker threads: each page borrows one (a stemmer is not thread-safe).
class AnalyzerPool {
public:
    std::unique_ptr<Analyzer> take() {
        std::lock_guard lock(m_mutex);
        if (m_free.empty()) return std::make_unique<Analyzer>();
        auto a = std::move(m_free.back());
        m_free.pop_back();
        return a;
    }
    void give(std::unique_ptr<Analyzer> a) {
        std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(a));
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Analyzer>> m_free;
};

constexpr size_t k_max_title_pair_words = 8;

struct DocTerms {
    std::vector<std::pair<uint32_t, Counts>> terms;  // term id, frequency per field
    Counts len{};
};

/// Counts the terms of one page per field, synonym groups included.
DocTerms analyse(const SearchDoc& doc, Analyzer& analyzer, const Synonyms& synonyms, TermTable& table) {
    // Keyed by the stem's text: "contract" and "contracts" are two memo entries but one term.
    std::unordered_map<std::string_view, Counts> counts;  // stems live in the analyzer's memo
    std::unordered_map<size_t, Counts> groups;
    DocTerms out;
    std::vector<std::string_view> words;
    auto field = [&](std::string_view text, SearchField f) {
        words.clear();
        analyzer.analyze(
            text,
            [&](const std::string& t) {
                ++counts[t][f];
                ++out.len[f];
            },
            [&](const std::string& w) { words.push_back(w); });
        synonyms.match(words, [&](size_t g, size_t, size_t) { ++groups[g][f]; });
    };
    field(doc.title, k_title);
    field(doc.summary, k_summary);
    for (const auto& k : doc.keywords) field(k, k_summary);
    for (const auto& s : doc.sections) {
        if (!s.heading.empty()) field(s.heading, k_heading);
        field(s.text, k_body);
    }
    out.terms.reserve(counts.size() + groups.size());
    std::vector<std::string_view> title;
    for (const auto& [t, c] : counts) {
        out.terms.push_back({table.intern(t), c});
        if (c[k_title] > 0) title.push_back(t);
    }
    for (const auto& [g, c] : groups) out.terms.push_back({table.intern(Synonyms::group_term(g)), c});
    // Two words of a query both in a page's title is the best sign that the page is the answer
    // ("changing a contract after award" -> "Handle contract changes"), and the index has no
    // word positions to tell: so each pair of title words is a term of its own, "chang|contract".
    std::sort(title.begin(), title.end());
    if (title.size() > k_max_title_pair_words) title.resize(k_max_title_pair_words);
    Counts in_title{};
    in_title[k_title] = 1;
    for (size_t a = 0; a < title.size(); ++a)
        for (size_t b = a + 1; b < title.size(); ++b)
            out.terms.push_back({table.intern(pair_term(title[a], title[b])), in_title});
    return out;
}

}  // namespace

std::string pair_term(std::string_view a, std::string_view b) {
    std::string t;
    if (b < a) std::swap(a, b);
    t.reserve(a.size() + b.size() + 1);
    t.append(a);
    t += '|';
    t.append(b);
    return t;
}

uint8_t impact(const Counts& tf, const Counts& len, const std::array<double, k_field_count>& avg_len,
               const FieldWeights& w) {
    double sum = 0, total = 0;
    for (size_t f = 0; f < k_field_count; ++f) {
        total += w.weight[f];
        if (tf[f] == 0) continue;
        double norm = avg_len[f] > 0 ? 1 - w.b[f] + w.b[f] * double(len[f]) / avg_len[f] : 1;
        sum += w.weight[f] * double(tf[f]) / (double(tf[f]) + w.k1[f] * norm);
    }
    return uint8_t(std::clamp(std::lround(sum / total * 255), 1L, 255L));
}

std::string page_data_json(const SearchDoc& doc) {
    std::string j = "{\"u\":";
    put_json_string(j, doc.url);
    j += ",\"t\":";
    put_json_string(j, doc.title);
    j += ",\"k\":";
    put_json_string(j, doc.type_label);
    j += ",\"g\":";
    put_json_string(j, doc.stage_title);
    j += ",\"m\":";
    put_json_string(j, doc.summary);
    j += ",\"s\":[";
    for (size_t i = 0; i < doc.sections.size(); ++i) {
        const auto& s = doc.sections[i];
        if (i) j += ',';
        j += '[';
        put_json_string(j, s.anchor);
        j += ',';
        put_json_string(j, s.heading);
        j += ',';
        put_json_string(j, s.text);
        j += ']';
    }
    j += "]}";
    return j;
}

BuiltIndex build_index(size_t count, const std::function<SearchDoc(size_t)>& make_doc, const Synonyms& synonyms,
                       const FieldWeights& weights) {
    BuiltIndex idx;
    idx.page_data.resize(count);
    idx.stage.resize(count);
    idx.type.resize(count);
    idx.audiences.resize(count);
    std::vector<DocTerms> per_doc(count);
    TermTable table;
    AnalyzerPool pool;
    parallel_for(count, [&](size_t i) {
        SearchDoc doc = make_doc(i);
        auto analyzer = pool.take();
        per_doc[i] = analyse(doc, *analyzer, synonyms, table);
        pool.give(std::move(analyzer));
        idx.page_data[i] = gzip(page_data_json(doc));
        idx.stage[i] = doc.stage;
        idx.type[i] = doc.type;
        idx.audiences[i] = doc.audiences;
    });

    std::array<double, k_field_count> avg{};
    for (const auto& d : per_doc)
        for (size_t f = 0; f < k_field_count; ++f) avg[f] += d.len[f];
    for (auto& a : avg) a = count ? a / double(count) : 0;

    // Sorted order of the terms, then postings in page order (so each list is ascending).
    std::vector<std::string> names = table.take_names();
    std::vector<uint32_t> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
    std::vector<uint32_t> rank(names.size());
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    idx.terms.resize(names.size());
    for (uint32_t r = 0; r < order.size(); ++r) idx.terms[r] = std::move(names[order[r]]);
    idx.docs.resize(idx.terms.size());
    idx.impacts.resize(idx.terms.size());
    for (uint32_t d = 0; d < count; ++d) {
        for (const auto& [id, tf] : per_doc[d].terms) {
            uint32_t r = rank[id];
            idx.docs[r].push_back(d);
            idx.impacts[r].push_back(impact(tf, per_doc[d].len, avg, weights));
        }
        per_doc[d] = {};  // free as we go: postings replace the per-page counts
    }
    return idx;
}

}  // namespace tk
