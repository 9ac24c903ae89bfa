#pragma once
// The index on disk, under search/: a small manifest that is not fingerprinted (so the search
// page can always find it), and fingerprinted gzip files that can be cached for ever:
//   search/manifest.json        shard keys, file hashes, filters, stop words, synonyms
//   search/t/<hash>.gz          postings of a range of sorted terms (a query fetches only its own)
//   search/v/<hash>.gz          the words of one length, for typo tolerance
//   search/f.<hash>.gz          each page's stage, type and audiences, for filters, and the size of
//                               its data in its pack
//   search/p/<hash>.bin         a pack: the data of a bundle of pages (title, URL and section text,
//                               for results and excerpts), each page gzip'd on its own, end to end;
//                               the browser fetches one page's bytes with an HTTP range request
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
    size_t bundle = 64;              // pages per pack (search/p/<hash>.bin)
};

struct IndexFile {
    std::string rel;   // under the output folder: "search/t/0a1b2c3d4e.gz"
    std::string data;
};

/// Page data packs, each written as soon as its pages are all there (from any thread): a pack's
/// name is the hash of its bytes, so it cannot be written before. One file per bundle of pages,
/// not one per page: on a large site, making 10,000 small files cost more than the rest of the
/// index.
class PageBundles {
public:
    using Write = std::function<void(IndexFile file)>;
    PageBundles(size_t pages, size_t bundle, Write write);
    void add(size_t page, std::string data);
    /// The pack hashes, once every page has been added.
    std::vector<std::string> hashes() const;
    /// The size of each page's data in its pack (the pack is their concatenation, in page order).
    std::vector<uint32_t> sizes() const;

private:
    size_t m_bundle;
    Write m_write;
    mutable std::mutex m_mutex;
    std::vector<std::vector<std::string>> m_pending;  // per pack, its pages' data
    std::vector<size_t> m_missing;                    // per pack, pages still to come
    std::vector<std::string> m_hashes;
    std::vector<uint32_t> m_sizes;
};

/// The files of the index; the manifest is the first. Takes the index to move the page data.
std::vector<IndexFile> encode_index(BuiltIndex index, const Synonyms& synonyms, const SearchFacets& facets,
                                    const IndexLayout& layout = {});

/// The shortest prefix of `first` that sorts after `previous` (first > previous): a shard's key.
std::string shard_key(std::string_view previous, std::string_view first);

/// Length of a word as the browser counts it (UTF-16 code units).
size_t utf16_length(std::string_view s);

}  // namespace tk
