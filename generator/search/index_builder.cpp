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

using Counts = TermCounts;

constexpr uint32_t k_unknown = UINT32_MAX;
constexpr size_t k_max_title_pair_words = 8;

/// What a worker thread needs for a page, kept from page to page: an analyzer (a stemmer is not
/// thread-safe), a compressor (zlib's state is large), and counters by stem id, so the inner
/// loop counts a word with one hash lookup (the analyzer's) and an array increment.
struct Worker {
    Analyzer analyzer;
    Gzipper gzip{1};  // pages are a few KB: level 1 is within 2% of level 6's size, at half its time
    std::vector<Counts> counts;                   // by stem id; all zero between pages
    std::vector<uint32_t> touched;                // stem ids counted in this page
    std::vector<uint32_t> term_id;                // stem id -> term id in the table
    std::vector<const Synonyms::Starts*> starts;  // stem id -> synonym phrases it begins
    std::vector<uint8_t> starts_known;
    std::vector<uint32_t> group_term_id;          // synonym group -> term id
    std::unordered_map<uint64_t, uint32_t> pair_term_id;  // two stem ids -> term id
    std::vector<std::string_view> words;          // the field's words, for synonyms
    std::vector<uint32_t> word_ids;

    void grow(size_t n) {
        counts.resize(n);
        term_id.resize(n, k_unknown);
        starts.resize(n, nullptr);
        starts_known.resize(n, 0);
    }
};

/// Workers for the threads: each page borrows one.
class WorkerPool {
public:
    std::unique_ptr<Worker> take() {
        std::lock_guard lock(m_mutex);
        if (m_free.empty()) return std::make_unique<Worker>();
        auto a = std::move(m_free.back());
        m_free.pop_back();
        return a;
    }
    void give(std::unique_ptr<Worker> a) {
        std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(a));
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Worker>> m_free;
};

/// A term's frequencies in a page's four fields in 32 bits (title 4, headings 6, summary 6,
/// body 16), capped: each field saturates long before its cap. 10,000 pages hold millions.
uint32_t pack(const Counts& c) {
    return std::min<uint32_t>(c[k_title], 15) | std::min<uint32_t>(c[k_heading], 63) << 4 |
           std::min<uint32_t>(c[k_summary], 63) << 10 | std::min<uint32_t>(c[k_body], 65535) << 16;
}
Counts unpack(uint32_t p) { return {p & 15, (p >> 4) & 63, (p >> 10) & 63, p >> 16}; }

/// Counts the terms of one page per field, synonym groups and title word pairs included.
DocTerms analyse(const SearchDoc& doc, Worker& w, const Synonyms& synonyms, TermTable& table) {
    DocTerms out;
    std::vector<std::pair<size_t, Counts>> groups;  // a page meets few synonym groups
    auto field = [&](std::string_view text, SearchField f) {
        w.words.clear();
        w.word_ids.clear();
        w.analyzer.analyze(
            text,
            [&](const Stem& t) {
                if (t.id >= w.counts.size()) w.grow(t.id + 1024);
                Counts& c = w.counts[t.id];
                if (c == Counts{}) w.touched.push_back(t.id);
                ++c[f];
                ++out.len[f];
            },
            [&](const Stem& t) {
                w.words.push_back(t.text);
                w.word_ids.push_back(t.id);
            });
        synonyms.match(
            w.words,
            [&](size_t i) {
                uint32_t id = w.word_ids[i];
                if (!w.starts_known[id]) {
                    w.starts[id] = synonyms.starting_with(w.words[i]);
                    w.starts_known[id] = 1;
                }
                return w.starts[id];
            },
            [&](size_t g, size_t, size_t) {
                auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& e) { return e.first == g; });
                if (it == groups.end()) it = groups.insert(groups.end(), {g, Counts{}});
                ++it->second[f];
            });
    };
    field(doc.title, k_title);
    field(doc.summary, k_summary);
    for (const auto& k : doc.keywords) field(k, k_summary);
    for (const auto& s : doc.sections) {
        if (!s.heading.empty()) field(s.heading, k_heading);
        field(s.text, k_body);
    }

    const Stemmer& stems = w.analyzer.stemmer();
    out.terms.reserve(w.touched.size() + groups.size() + 28);
    std::vector<const Stem*> title;
    for (uint32_t id : w.touched) {
        uint32_t& term = w.term_id[id];
        if (term == k_unknown) term = table.intern(stems.by_id(id).text);
        out.terms.push_back({term, pack(w.counts[id])});
        if (w.counts[id][k_title] > 0) title.push_back(&stems.by_id(id));
        w.counts[id] = Counts{};
    }
    w.touched.clear();
    if (w.group_term_id.size() < synonyms.groups().size()) w.group_term_id.resize(synonyms.groups().size(), k_unknown);
    for (const auto& [g, c] : groups) {
        uint32_t& term = w.group_term_id[g];
        if (term == k_unknown) term = table.intern(Synonyms::group_term(g));
        out.terms.push_back({term, pack(c)});
    }
    // Two words of a query both in a page's title is the best sign that the page is the answer
    // ("changing a contract after award" -> "Handle contract changes"), and the index has no
    // word positions to tell: so each pair of title words is a term of its own, "chang|contract".
    std::sort(title.begin(), title.end(), [](const Stem* a, const Stem* b) { return a->text < b->text; });
    if (title.size() > k_max_title_pair_words) title.resize(k_max_title_pair_words);
    Counts in_title{};
    in_title[k_title] = 1;
    for (size_t a = 0; a < title.size(); ++a)
        for (size_t b = a + 1; b < title.size(); ++b) {
            uint64_t key = uint64_t(title[a]->id) << 32 | title[b]->id;
            auto [it, fresh] = w.pair_term_id.try_emplace(key, k_unknown);
            if (fresh) it->second = table.intern(pair_term(title[a]->text, title[b]->text));
            out.terms.push_back({it->second, pack(in_title)});
        }
    return out;
}

}  // namespace

uint32_t TermTable::intern(std::string_view term) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_ids.find(term); it != m_ids.end()) return it->second;
    uint32_t id = uint32_t(m_names.size());
    m_ids.emplace(std::string(term), id);
    m_names.emplace_back(term);
    return id;
}

std::vector<std::string> TermTable::names() const {
    std::lock_guard lock(m_mutex);
    return m_names;
}

std::vector<std::string> TermTable::take_names() {
    std::lock_guard lock(m_mutex);
    m_ids.clear();
    return std::move(m_names);
}

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
                       const FieldWeights& weights, const PageSink& on_page, SearchCache* cache,
                       const std::function<uint64_t(size_t)>& doc_key, const std::function<void()>& analysed) {
    BuiltIndex idx;
    idx.pages = count;
    if (!on_page) idx.page_data.resize(count);
    idx.stage.resize(count);
    idx.type.resize(count);
    idx.audiences.resize(count);
    std::vector<DocTerms> per_doc(count);
    TermTable local;
    TermTable& table = cache ? cache->terms : local;
    WorkerPool pool;
    parallel_for(count, [&](size_t i) {
        uint64_t key = 0;
        if (cache && doc_key) {
            key = doc_key(i);
            if (auto hit = cache->docs.find(key)) {
                ++cache->reused;
                per_doc[i] = hit->terms;
                if (on_page) on_page(i, hit->data);
                else idx.page_data[i] = hit->data;
                idx.stage[i] = hit->stage;
                idx.type[i] = hit->type;
                idx.audiences[i] = hit->audiences;
                return;
            }
        }
        SearchDoc doc = make_doc(i);
        auto worker = pool.take();
        per_doc[i] = analyse(doc, *worker, synonyms, table);
        std::string data = worker->gzip.compress(page_data_json(doc));
        pool.give(std::move(worker));
        if (cache && doc_key) {
            ++cache->analysed;
            cache->docs.store(key, CachedSearchDoc{per_doc[i], data, doc.stage, doc.type, doc.audiences});
        }
        if (on_page) on_page(i, std::move(data));
        else idx.page_data[i] = std::move(data);
        idx.stage[i] = doc.stage;
        idx.type[i] = doc.type;
        idx.audiences[i] = doc.audiences;
    });

    if (analysed) analysed();

    std::array<double, k_field_count> avg{};
    for (const auto& d : per_doc)
        for (size_t f = 0; f < k_field_count; ++f) avg[f] += d.len[f];
    for (auto& a : avg) a = count ? a / double(count) : 0;

    // Sorted order of the terms some page uses (in serve the table also holds terms of earlier
    // builds), then postings in page order (so each list is ascending).
    std::vector<std::string> names = cache ? table.names() : table.take_names();
    std::vector<uint32_t> df_by_id(names.size());
    for (const auto& d : per_doc)
        for (const auto& [id, tf] : d.terms) ++df_by_id[id];
    std::vector<uint32_t> order;
    order.reserve(names.size());
    for (uint32_t id = 0; id < names.size(); ++id)
        if (df_by_id[id]) order.push_back(id);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
    std::vector<uint32_t> rank(names.size(), k_unknown);
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    idx.terms.resize(order.size());
    for (uint32_t r = 0; r < order.size(); ++r) idx.terms[r] = std::move(names[order[r]]);
    idx.docs.resize(idx.terms.size());
    idx.impacts.resize(idx.terms.size());
    std::vector<uint32_t> df(idx.terms.size());
    for (uint32_t r = 0; r < order.size(); ++r) df[r] = df_by_id[order[r]];
    // Exact sizes first: growing by doubling would hold up to twice the postings at the peak.
    for (size_t r = 0; r < df.size(); ++r) {
        idx.docs[r].reserve(df[r]);
        idx.impacts[r].reserve(df[r]);
    }
    // Each page's impacts on every core, then the postings in page order.
    std::vector<std::vector<uint8_t>> impacts(count);
    parallel_for(count, [&](size_t d) {
        impacts[d].reserve(per_doc[d].terms.size());
        for (const auto& [id, tf] : per_doc[d].terms) impacts[d].push_back(impact(unpack(tf), per_doc[d].len, avg, weights));
    });
    for (uint32_t d = 0; d < count; ++d) {
        const auto& terms = per_doc[d].terms;
        for (size_t k = 0; k < terms.size(); ++k) {
            uint32_t r = rank[terms[k].first];
            idx.docs[r].push_back(d);
            idx.impacts[r].push_back(impacts[d][k]);
        }
        per_doc[d] = {};  // free as we go: postings replace the per-page counts
        impacts[d] = {};
    }
    return idx;
}

}  // namespace tk
