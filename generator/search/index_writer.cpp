#include "search/index_writer.h"

#include <map>

#include "output/assets.h"
#include "search/encoding.h"
#include "search/gzip.h"
#include "search/stop_words.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace tk {

namespace {

/// Shards, word lists and filters: level 6 would save 4% of their bytes for three times the time.
constexpr int k_gzip_level = 1;

constexpr size_t k_min_vocab_length = 3;  // a word of five letters may stem to four; allow one less
constexpr size_t k_max_vocab_length = 24;

std::string hash_of(std::string_view data) { return content_hash(data).substr(0, 10); }

void put_postings(std::string& out, const std::vector<uint32_t>& docs, const std::vector<uint8_t>& impacts) {
    std::string block;
    uint32_t prev = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
        put_varint(block, i == 0 ? docs[i] : docs[i] - prev);
        prev = docs[i];
    }
    block.append(reinterpret_cast<const char*>(impacts.data()), impacts.size());
    put_varint(out, docs.size());
    put_varint(out, block.size());
    out += block;
}

bool vocab_word(std::string_view term) {
    if (term.empty() || term[0] == '~') return false;
    for (char c : term)
        if ((c >= '0' && c <= '9') || c == '|') return false;
    size_t n = utf16_length(term);
    return n >= k_min_vocab_length && n <= k_max_vocab_length;
}

void put_facet(std::string& j, const char* name, const std::vector<SearchFacetValue>& values) {
    put_json_string(j, name);
    j += ":[";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i) j += ',';
        j += '[';
        put_json_string(j, values[i].id);
        j += ',';
        put_json_string(j, values[i].label);
        j += ']';
    }
    j += ']';
}

}  // namespace

size_t utf16_length(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        char32_t cp = next_code_point(s, i);
        n += cp > 0xFFFF ? 2 : 1;
    }
    return n;
}

std::string shard_key(std::string_view previous, std::string_view first) {
    size_t n = 1;
    while (n < first.size() && first.substr(0, n) <= previous) ++n;
    while (n < first.size() && (static_cast<unsigned char>(first[n]) & 0xC0) == 0x80) ++n;
    return std::string(first.substr(0, n));
}

PageBundles::PageBundles(size_t pages, size_t bundle, Write write)
    : m_bundle(bundle), m_write(std::move(write)), m_sizes(pages) {
    size_t folders = (pages + bundle - 1) / bundle;
    m_pending.resize(folders);
    m_hashes.resize(folders);
    for (size_t b = 0; b < folders; ++b) {
        size_t size = std::min(bundle, pages - b * bundle);
        m_pending[b].resize(size);
        m_missing.push_back(size);
    }
}

void PageBundles::add(size_t page, std::string data) {
    size_t b = page / m_bundle;
    std::vector<std::string> ready;
    {
        std::lock_guard lock(m_mutex);
        m_sizes[page] = uint32_t(data.size());
        m_pending[b][page - b * m_bundle] = std::move(data);
        if (--m_missing[b] > 0) return;
        ready = std::move(m_pending[b]);
    }
    std::string pack;
    size_t total = 0;
    for (const auto& d : ready) total += d.size();
    pack.reserve(total);
    for (const auto& d : ready) pack += d;
    // The pages' sizes are in the filters file, whose own hash covers them.
    std::string h = hash_of(pack);
    m_write({"search/p/" + h + ".bin", std::move(pack)});
    std::lock_guard lock(m_mutex);
    m_hashes[b] = std::move(h);
}

std::vector<std::string> PageBundles::hashes() const {
    std::lock_guard lock(m_mutex);
    return m_hashes;
}

std::vector<uint32_t> PageBundles::sizes() const {
    std::lock_guard lock(m_mutex);
    return m_sizes;
}

std::vector<IndexFile> encode_index(BuiltIndex index, const Synonyms& synonyms, const SearchFacets& facets,
                                    const IndexLayout& layout) {
    std::vector<IndexFile> files(1);

    // Term shards: contiguous runs of sorted terms, cut by size, keyed by a short prefix.
    std::vector<std::pair<std::string, std::string>> shards;  // key, file hash
    {
        std::string body;
        size_t count = 0, first = 0;
        std::vector<std::string> raw;  // each shard's bytes, compressed below on every core
        auto cut = [&](size_t end) {
            std::string data;
            put_varint(data, count);
            data += body;
            raw.push_back(std::move(data));
            shards.push_back({first == 0 ? "" : shard_key(index.terms[first - 1], index.terms[first]), ""});
            body.clear();
            count = 0;
            first = end;
        };
        for (size_t t = 0; t < index.terms.size(); ++t) {
            put_front_coded(body, count == 0 ? std::string_view() : std::string_view(index.terms[t - 1]), index.terms[t]);
            put_postings(body, index.docs[t], index.impacts[t]);
            ++count;
            if (body.size() >= layout.shard_bytes) cut(t + 1);
        }
        if (count > 0 || shards.empty()) cut(index.terms.size());
        std::vector<std::string> gz(raw.size());
        parallel_for(raw.size(), [&](size_t i) { gz[i] = gzip(raw[i], k_gzip_level); });
        for (size_t i = 0; i < gz.size(); ++i) {
            shards[i].second = hash_of(gz[i]);
            files.push_back({"search/t/" + shards[i].second + ".gz", std::move(gz[i])});
        }
    }

    // Words by length, for typo tolerance: a word one edit away has a length within one.
    std::map<size_t, std::string> vocab;  // length -> file hash
    {
        std::map<size_t, std::vector<size_t>> by_length;
        for (size_t t = 0; t < index.terms.size(); ++t)
            if (vocab_word(index.terms[t])) by_length[utf16_length(index.terms[t])].push_back(t);
        for (const auto& [len, terms] : by_length) {
            std::string data;
            put_varint(data, terms.size());
            std::string_view prev;
            for (size_t t : terms) {
                put_front_coded(data, prev, index.terms[t]);
                put_varint(data, index.docs[t].size());
                prev = index.terms[t];
            }
            std::string gz = gzip(data, k_gzip_level);
            vocab[len] = hash_of(gz);
            files.push_back({"search/v/" + vocab[len] + ".gz", std::move(gz)});
        }
    }

    // Page packs, named by the hash of their bytes (unless written already).
    std::vector<std::string> bundles = index.bundles;
    std::vector<uint32_t> page_sizes = index.page_sizes;
    if (bundles.empty() && !index.page_data.empty()) {
        PageBundles pb(index.page_data.size(), layout.bundle, [&](IndexFile f) { files.push_back(std::move(f)); });
        for (size_t d = 0; d < index.page_data.size(); ++d) pb.add(d, std::move(index.page_data[d]));
        bundles = pb.hashes();
        page_sizes = pb.sizes();
    }

    // Filters: one column per filter, one byte (or a few, for audiences) per page; then the size
    // of each page's data in its pack, from which the browser works out the byte range to fetch.
    std::string filters_hash;
    {
        size_t n = index.stage.size();
        size_t aud_bytes = std::max<size_t>(1, (facets.audience.size() + 7) / 8);
        std::string data;
        put_varint(data, n);
        put_varint(data, aud_bytes);
        data.append(reinterpret_cast<const char*>(index.stage.data()), n);
        data.append(reinterpret_cast<const char*>(index.type.data()), n);
        for (size_t d = 0; d < n; ++d)
            for (size_t k = 0; k < aud_bytes; ++k) data += char((index.audiences[d] >> (8 * k)) & 0xFF);
        for (size_t d = 0; d < n; ++d) put_varint(data, d < page_sizes.size() ? page_sizes[d] : 0);
        std::string gz = gzip(data, k_gzip_level);
        filters_hash = hash_of(gz);
        files.push_back({"search/f." + filters_hash + ".gz", std::move(gz)});
    }

    size_t pages = index.pages ? index.pages : index.stage.size();
    std::string j = "{\"version\":2,\"docs\":" + std::to_string(pages) +
                    ",\"bundle\":" + std::to_string(layout.bundle) + ",\"bundles\":[";
    for (size_t i = 0; i < bundles.size(); ++i) {
        if (i) j += ',';
        put_json_string(j, bundles[i]);
    }
    j += "],\"shards\":[";
    for (size_t i = 0; i < shards.size(); ++i) {
        if (i) j += ',';
        j += '[';
        put_json_string(j, shards[i].first);
        j += ',';
        put_json_string(j, shards[i].second);
        j += ']';
    }
    j += "],\"vocab\":{";
    bool first = true;
    for (const auto& [len, h] : vocab) {
        if (!first) j += ',';
        first = false;
        put_json_string(j, std::to_string(len));
        j += ':';
        put_json_string(j, h);
    }
    j += "},\"filters\":";
    put_json_string(j, filters_hash);
    j += ",\"facets\":{";
    put_facet(j, "stage", facets.stage);
    j += ',';
    put_facet(j, "type", facets.type);
    j += ',';
    put_facet(j, "audience", facets.audience);
    j += "},\"stop\":[";
    for (size_t i = 0; i < stop_words().size(); ++i) {
        if (i) j += ',';
        put_json_string(j, stop_words()[i]);
    }
    j += "],\"synonyms\":[";
    for (size_t g = 0; g < synonyms.groups().size(); ++g) {
        if (g) j += ',';
        j += '[';
        const auto& phrases = synonyms.groups()[g].phrases;
        for (size_t p = 0; p < phrases.size(); ++p) {
            if (p) j += ',';
            j += '[';
            for (size_t w = 0; w < phrases[p].size(); ++w) {
                if (w) j += ',';
                put_json_string(j, phrases[p][w]);
            }
            j += ']';
        }
        j += ']';
    }
    j += "]}\n";
    files[0] = {"search/manifest.json", std::move(j)};
    return files;
}

}  // namespace tk
