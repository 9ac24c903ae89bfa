#pragma once
// Builds the search index in memory: every page analysed in parallel, postings with a
// precomputed BM25F impact per (term, page), and each page's text for excerpts.
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <string>
#include <vector>

#include "search/page_text.h"
#include "search/stemmer.h"  // StringHash
#include "search/synonyms.h"
#include "util/generation_cache.h"

namespace tk {

/// One page as the reader sees it: what search indexes and shows.
struct SearchDoc {
    std::string url;          // as linked, under the base path
    std::string title;
    std::string summary;
    std::string type_label;   // "Guidance"
    std::string stage_title;  // "Strategy", or "" outside the stages
    uint8_t stage = 0;        // 1 + position in the stage filter; 0: none
    uint8_t type = 0;         // 1 + position in the type filter; 0: none
    uint32_t audiences = 0;   // bit i: the i-th audience of the audience filter
    std::vector<TextSection> sections;
    /// Words that lead here without being on the page (the glossary's terms whose "see" names
    /// it, old terms among them): indexed with the summary, never shown.
    std::vector<std::string> keywords;
};

enum SearchField { k_title, k_heading, k_summary, k_body, k_field_count };

/// How much each field counts. Each field saturates on its own (BM25 per field, then a weighted
/// sum), so a word in the title counts for more than any number of mentions in the body: on a
/// site of one topic a page, the title says what the page is about. `k1` is how fast a field
/// saturates (a title needs the word once), `b` how much the field's length dampens it.
struct FieldWeights {
    std::array<double, k_field_count> weight{4.0, 1.5, 1.5, 3.0};
    std::array<double, k_field_count> k1{0.2, 0.5, 0.5, 1.2};
    std::array<double, k_field_count> b{0.3, 0.5, 0.5, 0.75};
};

/// A term's weight in a page apart from its IDF, as 1..255 (the browser multiplies it by the
/// term's IDF, which only the whole index knows).
uint8_t impact(const std::array<uint32_t, k_field_count>& tf, const std::array<uint32_t, k_field_count>& len,
               const std::array<double, k_field_count>& avg_len, const FieldWeights& w);

/// The term for two words in one title: "a|b", the smaller first ('|' is never in a word).
std::string pair_term(std::string_view a, std::string_view b);

struct BuiltIndex {
    std::vector<std::string> terms;                 // sorted; synonym groups are "~N"
    std::vector<std::vector<uint32_t>> docs;        // per term: pages, ascending
    std::vector<std::vector<uint8_t>> impacts;      // per term: one per page in `docs`
    std::vector<std::string> page_data;             // per page: gzip'd JSON, unless handed to `on_page`
    std::vector<std::string> bundles;               // hashes of the page packs, when written already
    std::vector<uint32_t> page_sizes;               // with `bundles`: each page's bytes in its pack
    size_t pages = 0;
    std::vector<uint8_t> stage, type;               // per page: filter values
    std::vector<uint32_t> audiences;
};

using TermCounts = std::array<uint32_t, k_field_count>;

/// Terms get ids as pages meet them; the ids are replaced by sorted order at the end. In serve
/// the table lives from one build to the next, so a page's terms kept from the previous build
/// keep their ids (terms no page uses any more are left out of the index).
class TermTable {
public:
    uint32_t intern(std::string_view term);
    std::vector<std::string> names() const;  // by id
    std::vector<std::string> take_names();

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> m_ids;
    std::vector<std::string> m_names;
};

/// One page's terms: (term id, frequencies per field packed in 32 bits), and its field lengths.
struct DocTerms {
    std::vector<std::pair<uint32_t, uint32_t>> terms;
    TermCounts len{};
};

/// What the index keeps of a page between builds (serve): its terms and its data file.
struct CachedSearchDoc {
    DocTerms terms;
    std::string data;
    uint8_t stage = 0, type = 0;
    uint32_t audiences = 0;
};

/// Serve's memory of the search index: a page whose key (everything its SearchDoc is made
/// from) is unchanged is not analysed again.
struct SearchCache {
    TermTable terms;
    GenerationCache<uint64_t, CachedSearchDoc> docs;
    std::atomic<size_t> analysed{0}, reused{0};
    void finish(bool ok) { docs.finish(ok); }
};

/// Receives each page's data file (gzip'd JSON) as soon as it is made, from any thread.
using PageSink = std::function<void(size_t page, std::string data)>;

/// Analyses `count` pages, made on demand by `make_doc` (called from several threads at once),
/// so that only one page's text per thread is held at a time. With `on_page`, page data goes
/// there instead of into BuiltIndex::page_data, so 10,000 pages' text is never held at once.
/// With `cache`, `doc_key(i)` must change whenever page i's SearchDoc would. `analysed` is
/// called once every page is analysed, before the postings (which one core makes) are.
BuiltIndex build_index(size_t count, const std::function<SearchDoc(size_t)>& make_doc, const Synonyms& synonyms,
                       const FieldWeights& weights = {}, const PageSink& on_page = {}, SearchCache* cache = nullptr,
                       const std::function<uint64_t(size_t)>& doc_key = {}, const std::function<void()>& analysed = {});

/// The page data file's JSON: {"u":url,"t":title,"k":type,"g":stage,"m":summary,"s":[[id,heading,text]...]}.
std::string page_data_json(const SearchDoc& doc);

}  // namespace tk
