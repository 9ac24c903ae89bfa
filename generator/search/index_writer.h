#pragma once
// The index on disk, under search/: a small manifest that is not fingerprinted (so the search
// page can always find it), and fingerprinted gzip files that can be cached for ever:
//   search/manifest.json        shard keys, file hashes, filters, stop words, synonyms
//   search/t/<hash>.gz          postings of a range of sorted terms (a query fetches only its own)
//   search/v/<hash>.gz          the words of one length, for typo tolerance
//   search/f.<hash>.gz          each page's stage, type and audiences, for filters
//   search/p/<hash>/<n>.gz      page n's title, URL and section text, for results and excerpts;
//                               <hash> covers a bundle of pages, so the manifest stays small
// docs/search.md describes the formats byte by byte.
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "search/index_builder.h"
#include "search/synonyms.h"

namespace tk {

struct SearchFacetValue {
    std::string id;
    std::string label;
};

/// The filters, in the order the index numbers them (SearchDoc::stage 1 is stage[0]).
struct SearchFacets {
    std::vector<SearchFacetValue> stage, type, audience;
};

struct IndexLayout {
    size_t shard_bytes = 12 * 1024;  // a shard is cut once its terms pass this many bytes
    size_t bundle = 64;              // pages per fingerprinted folder of page files
};

struct IndexFile {
    std::string rel;   // under the output folder: "search/t/0a1b2c3d4e.gz"
    std::string data;
};

/// Page data files, written as soon as the pages of a folder are all there (from any thread):
/// each folder's name is the hash of its pages, so it cannot be written before.
class PageBundles {
public:
    using Write = std::function<void(IndexFile file)>;
    PageBundles(size_t pages, size_t bundle, Write write);
    void add(size_t page, std::string data);
    /// The folder hashes, once every page has been added.
    std::vector<std::string> hashes() const;

private:
    size_t m_pages, m_bundle;
    Write m_write;
    mutable std::mutex m_mutex;
    std::vector<std::vector<std::string>> m_pending;  // per folder, its pages' data
    std::vector<size_t> m_missing;                    // per folder, pages still to come
    std::vector<std::string> m_hashes;
};

/// The files of the index; the manifest is the first. Takes the index to move the page data.
std::vector<IndexFile> encode_index(BuiltIndex index, const Synonyms& synonyms, const SearchFacets& facets,
                                    const IndexLayout& layout = {});

/// The shortest prefix of `first` that sorts after `previous` (first > previous): a shard's key.
std::string shard_key(std::string_view previous, std::string_view first);

/// Length of a word as the browser counts it (UTF-16 code units).
size_t utf16_length(std::string_view s);

}  // namespace tk
